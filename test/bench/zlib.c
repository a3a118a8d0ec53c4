/*
 * test/bench/zlib.c - net_zlib deflate/inflate speed and ratio on
 * deterministic terminal-like data (colored ls, seq, full-screen redraws
 * with escape sequences, shell prompts), as one 4 MiB stream and as
 * mosh-sized frames.  Prints figures; asserts nothing.
 *
 *   zlib [--dump FILE] [--dump-frames FILE]
 * --dump writes the big stream's data; --dump-frames writes the frames as
 * <4-byte big-endian length><bytes> records (test/bench/zlib_python.sh
 * times Python's zlib on the same data).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/err.h"
#include "net/zlib.h"

#define BIG (4u << 20)
#define NFRAMES 2000

static uint32_t rng = 20261123;

static uint32_t
rnd(uint32_t n)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 8) % n;
}

static const char *const words[] = { "the", "of", "and", "to", "in",
	"state", "sync", "mosh", "datagram", "terminal", "server", "client",
	"return", "int", "static", "void", "struct", "buf", "len", "error" };
static const char *const names[] = { "bin", "boot", "dev", "etc", "home",
	"lib", "media", "mnt", "opt", "proc", "root", "run", "sbin", "srv",
	"sys", "tmp", "usr", "var", "README.md", "main.c", "Makefile" };

/* Appends one chunk of terminal output to p (room for 4 KiB). */
static size_t
chunk(char *p)
{
	size_t n = 0;
	int r, i, k = (int)rnd(4), a;

	if (k == 0) {	/* vim-like full redraw */
		n += (size_t)sprintf(p + n, "\033[?25l\033[H\033[2J");
		for (r = 0; r < 24; r++) {
			n += (size_t)sprintf(p + n, "\033[%d;1H\033[0;%dm%-6u"
			    "\033[0m ", r + 1, 30 + r % 8, rnd(9999));
			for (i = 0; i < 8; i++) {
				n += (size_t)sprintf(p + n, "%s ",
				    words[rnd(20)]);
			}
			n += (size_t)sprintf(p + n, "\033[K");
		}
		n += (size_t)sprintf(p + n, "\033[24;1H\033[7m-- INSERT --"
		    "\033[27m\033[?25h");
	} else if (k == 1) {	/* ls --color */
		for (i = 0; i < 12; i++) {
			const char *nm = names[rnd(21)];

			n += (size_t)sprintf(p + n, "\033[%sm%s\033[0m  ",
			    strchr(nm, '.') ? "0" : "01;34", nm);
		}
		n += (size_t)sprintf(p + n, "\r\n");
	} else if (k == 2) {	/* seq */
		a = (int)rnd(100000);
		for (i = 0; i < 50; i++) {
			n += (size_t)sprintf(p + n, "%d\r\n", a + i);
		}
	} else {		/* prompt */
		n += (size_t)sprintf(p + n, "\033[32muser@host\033[0m:\033[34m"
		    "~/src\033[0m$ make -j2 && ./run %u\r\n", rnd(1000));
	}
	return n;
}

static uint8_t *
gen(size_t want)
{
	char *p = malloc(want + 4096);
	size_t n = 0;

	if (p == NULL) {
		return NULL;
	}
	while (n < want) {
		n += chunk(p + n);
	}
	return (uint8_t *)p;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
dump(const char *path, const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(p, 1, n, f) != n || fclose(f) != 0) {
		fprintf(stderr, "zlib bench: cannot write %s\n", path);
		return -1;
	}
	return 0;
}

static void
bench_big(const uint8_t *data)
{
	struct core_buf z, back;
	double t0, td, ti;
	int reps = 3, i;

	core_buf_init(&z, 2 * BIG);
	core_buf_init(&back, BIG);
	td = ti = 1e9;
	for (i = 0; i < reps; i++) {
		core_buf_reset(&z);
		t0 = now();
		if (net_zlib_deflate(data, BIG, &z) != 0) {
			printf("deflate failed\n");
			return;
		}
		t0 = now() - t0;
		td = t0 < td ? t0 : td;
		core_buf_reset(&back);
		t0 = now();
		if (net_zlib_inflate(z.p, z.len, &back) != 0 ||
		    back.len != BIG || memcmp(back.p, data, BIG) != 0) {
			printf("inflate failed\n");
			return;
		}
		t0 = now() - t0;
		ti = t0 < ti ? t0 : ti;
	}
	printf("stream %u bytes: compressed %zu (%.2f%%); deflate %.1f MB/s, "
	    "inflate %.1f MB/s (best of %d)\n", BIG, z.len,
	    100.0 * (double)z.len / BIG, BIG / td / 1e6, BIG / ti / 1e6, reps);
	core_buf_fini(&z);
	core_buf_fini(&back);
}

static void
bench_frames(const uint8_t *data, const size_t *len, const size_t *off)
{
	struct net_zlib_deflater ctx = { NULL, 0 };
	struct core_buf z, back;
	size_t i, total = 0, ztotal = 0;
	double t0, td = 0, ti = 0, tc = 0;

	core_buf_init(&z, 1 << 16);
	core_buf_init(&back, 1 << 16);
	for (i = 0; i < NFRAMES; i++) {
		core_buf_reset(&z);
		core_buf_reset(&back);
		t0 = now();
		if (net_zlib_deflate(data + off[i], len[i], &z) != 0) {
			printf("deflate failed\n");
			return;
		}
		td += now() - t0;
		core_buf_reset(&z);
		t0 = now();
		if (net_zlib_deflater_run(&ctx, data + off[i], len[i], &z) !=
		    0) {
			printf("deflate failed\n");
			return;
		}
		tc += now() - t0;
		t0 = now();
		if (net_zlib_inflate(z.p, z.len, &back) != 0 ||
		    back.len != len[i]) {
			printf("inflate failed\n");
			return;
		}
		ti += now() - t0;
		total += len[i];
		ztotal += z.len;
	}
	printf("%d frames, %zu bytes: compressed %zu (%.2f%%); "
	    "deflate %.2f us/frame (%.2f with a reused net_zlib_deflater), "
	    "inflate %.2f us/frame\n", NFRAMES, total, ztotal,
	    100.0 * (double)ztotal / (double)total, td * 1e6 / NFRAMES,
	    tc * 1e6 / NFRAMES, ti * 1e6 / NFRAMES);
	net_zlib_deflater_fini(&ctx);
	core_buf_fini(&z);
	core_buf_fini(&back);
}

int
main(int argc, char **argv)
{
	const char *dumpf = NULL, *dumpfr = NULL;
	size_t *len, *off;
	uint8_t *big, *fr, hdr[4];
	size_t i, n = 0;
	FILE *f;

	for (i = 1; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "--dump") == 0 && i + 1 < (size_t)argc) {
			dumpf = argv[++i];
		} else if (strcmp(argv[i], "--dump-frames") == 0 &&
		    i + 1 < (size_t)argc) {
			dumpfr = argv[++i];
		} else {
			fprintf(stderr, "usage: zlib [--dump FILE] "
			    "[--dump-frames FILE]\n");
			return 2;
		}
	}
	big = gen(BIG);
	/* frames: 1..3 chunks each, like one mosh screen update */
	fr = malloc(NFRAMES * 3 * 4096);
	len = malloc(NFRAMES * sizeof(*len));
	off = malloc(NFRAMES * sizeof(*off));
	if (big == NULL || fr == NULL || len == NULL || off == NULL) {
		fprintf(stderr, "zlib bench: out of memory\n");
		return 1;
	}
	for (i = 0; i < NFRAMES; i++) {
		int k = 1 + (int)rnd(3);

		off[i] = n;
		while (k-- > 0) {
			n += chunk((char *)fr + n);
		}
		len[i] = n - off[i];
	}
	if (dumpf != NULL && dump(dumpf, big, BIG) != 0) {
		return 1;
	}
	if (dumpfr != NULL) {
		f = fopen(dumpfr, "wb");
		for (i = 0; f != NULL && i < NFRAMES; i++) {
			core_st_be32(hdr, (uint32_t)len[i]);
			fwrite(hdr, 1, 4, f);
			fwrite(fr + off[i], 1, len[i], f);
		}
		if (f == NULL || fclose(f) != 0) {
			fprintf(stderr, "zlib bench: cannot write %s\n",
			    dumpfr);
			return 1;
		}
	}
	if (dumpf != NULL || dumpfr != NULL) {
		return 0;
	}
	printf("net_zlib on terminal-like data:\n");
	bench_big(big);
	bench_frames(fr, len, off);
	free(big);
	free(fr);
	free(len);
	free(off);
	return 0;
}
