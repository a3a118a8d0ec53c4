/*
 * test/bench/term.c - emulator throughput (MB/s) on three kinds of
 * output, at 80x24 and 200x60:
 *   seq     `seq 1 N` as a pty delivers it (CR LF line ends): short lines,
 *           a scroll per line;
 *   sgr     text with a colour change every few characters (ls --color,
 *           syntax highlighting);
 *   screen  vim/htop-like full-screen repaints: cursor moves, SGR, text,
 *           erase to end of line, in frames.
 * Each is also run with a framebuffer snapshot (fb_copy) every 16 KiB of
 * input, to show the copy-on-write cost: far more often than the server,
 * which takes one per frame (every 20 ms or more), so a worst case.
 * Prints figures; asserts nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "term/emu.h"

#define INPUT_MAX (8u << 20)

static size_t
gen_seq(char *b, size_t max)
{
	size_t n = 0;
	unsigned i;

	for (i = 1; n + 16 < max; i++) {
		n += (size_t)snprintf(b + n, max - n, "%u\r\n", i);
	}
	return n;
}

static size_t
gen_sgr(char *b, size_t max)
{
	static const char *words[] = { "int", "main", "(", "void", ")", "{",
	    "return", "0", ";", "}", "static", "const", "char", "*" };
	size_t n = 0;
	unsigned i = 0, col = 0;

	while (n + 64 < max) {
		const char *w = words[i % 14];

		n += (size_t)snprintf(b + n, max - n, "\033[%u;%um%s\033[0m ",
		    i % 3 ? 1 : 0, 31 + i % 7, w);
		if (i % 5 == 0) {
			n += (size_t)snprintf(b + n, max - n,
			    "\033[38;5;%um#\033[48;2;%u;%u;%um \033[m", i % 256,
			    i % 256, (i * 7) % 256, (i * 13) % 256);
		}
		col += (unsigned)strlen(w) + 1;
		if (col > 60) {
			n += (size_t)snprintf(b + n, max - n, "\r\n");
			col = 0;
		}
		i++;
	}
	return n;
}

static size_t
gen_screen(char *b, size_t max, int cols, int rows)
{
	size_t n = 0;
	unsigned frame = 0;
	int r, c;

	while (n + (size_t)(cols + 64) * (size_t)rows + 64 < max) {
		n += (size_t)snprintf(b + n, max - n, "\033[H\033[7m top - %u "
		    "tasks\033[K\033[m", frame);
		for (r = 2; r <= rows; r++) {
			n += (size_t)snprintf(b + n, max - n, "\033[%d;1H\033[%dm%5u",
			    r, 32 + (int)((frame + (unsigned)r) % 6),
			    frame * 31 + (unsigned)r);
			n += (size_t)snprintf(b + n, max - n, "\033[m ");
			for (c = 7; c < cols - 12; c++) {
				b[n++] = (char)('a' + (frame + (unsigned)(r * c)) % 26);
			}
			n += (size_t)snprintf(b + n, max - n, "\033[1m%3u%%\033[m\033[K",
			    (frame + (unsigned)r) % 100);
		}
		frame++;
	}
	return n;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* MB/s feeding buf in 4 KiB chunks, repeated for at least 0.4 s. */
static double
run(const char *buf, size_t len, int cols, int rows, int snap)
{
	struct vt_emu *e = malloc(sizeof *e);
	struct fb s;
	double t0, t;
	size_t done = 0, off, k, since = 0;
	int have = 0;

	if (e == NULL || vt_emu_init(e, cols, rows, 0) != 0) {
		exit(1);
	}
	t0 = now();
	do {
		for (off = 0; off < len; off += k) {
			k = len - off < 4096 ? len - off : 4096;
			vt_emu_feed(e, buf + off, k);
			vt_emu_reply_clear(e);
			since += k;
			if (snap && since >= 16384) {
				if (have) {
					fb_free(&s);
				}
				have = fb_copy(&s, vt_emu_fb(e)) == 0;
				since = 0;
			}
		}
		done += len;
		t = now() - t0;
	} while (t < 0.4);
	if (have) {
		fb_free(&s);
	}
	vt_emu_fini(e);
	free(e);
	return (double)done / t / 1e6;
}

/* `term --dump KIND COLS ROWS`: writes the generated stream (1 MB) to
 * stdout, for term_callgrind.sh. */
static int
dump(char *buf, const char *kind, int cols, int rows)
{
	size_t len, max = 1u << 20;

	if (!strcmp(kind, "seq")) {
		len = gen_seq(buf, max);
	} else if (!strcmp(kind, "sgr")) {
		len = gen_sgr(buf, max);
	} else {
		len = gen_screen(buf, max, cols, rows);
	}
	return fwrite(buf, 1, len, stdout) == len ? 0 : 1;
}

int
main(int argc, char **argv)
{
	static const int sizes[2][2] = { { 80, 24 }, { 200, 60 } };
	char *buf = malloc(INPUT_MAX);
	size_t len;
	int i;

	if (buf == NULL) {
		return 1;
	}
	if (argc == 5 && !strcmp(argv[1], "--dump")) {
		return dump(buf, argv[2], atoi(argv[3]), atoi(argv[4]));
	}
	printf("emulator throughput, MB/s (input fed in 4 KiB chunks; "
	    "+snap = fb_copy every 16 KiB)\n");
	for (i = 0; i < 2; i++) {
		int c = sizes[i][0], r = sizes[i][1];

		len = gen_seq(buf, INPUT_MAX);
		printf("  %3dx%-3d seq     %8.1f   +snap %8.1f\n", c, r,
		    run(buf, len, c, r, 0), run(buf, len, c, r, 1));
		len = gen_sgr(buf, INPUT_MAX);
		printf("  %3dx%-3d sgr     %8.1f   +snap %8.1f\n", c, r,
		    run(buf, len, c, r, 0), run(buf, len, c, r, 1));
		len = gen_screen(buf, INPUT_MAX, c, r);
		printf("  %3dx%-3d screen  %8.1f   +snap %8.1f\n", c, r,
		    run(buf, len, c, r, 0), run(buf, len, c, r, 1));
	}
	free(buf);
	return 0;
}
