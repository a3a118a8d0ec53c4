/*
 * test/bench/display.c - display diff cost: bytes emitted and time per
 * diff for a typing-sized change, a scroll by one line, a full-screen
 * change and a full repaint, at 80x24 and 200x60, with our server's
 * options and with stock mosh's byte choices; and, for each recording in
 * test/data/term/, the bytes a server would send replaying it in 256-byte
 * frames.  Prints figures; asserts nothing.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "term/display.h"
#include "term/emu.h"
#include "term/fb.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A screen of shell-like coloured text, made by the emulator. */
static void
fill(struct vt_emu *e, int cols, int rows, unsigned salt)
{
	char line[512];
	int r, c, n;

	for (r = 0; r < rows; r++) {
		n = snprintf(line, sizeof line, "\033[%d;1H\033[3%um%05u\033[0m ",
		    r + 1, (r + salt) % 8, (unsigned)r * 7919u + salt);
		for (c = n; c < cols - 2 && c < (int)sizeof line - 2; c++) {
			line[c] = (char)('a' + (c * 7 + r + (int)salt) % 26);
			if ((c + r) % 9 == 0) {
				line[c] = ' ';
			}
		}
		vt_emu_feed(e, line, (size_t)c);
	}
}

struct result {
	size_t bytes;
	double ns;
};

static struct result
measure(const struct disp_opts *o, const struct fb *a, const struct fb *b,
    int repaint)
{
	struct disp d;
	struct core_buf out;
	struct result res;
	long n, iters = 1;
	double t0, t;

	disp_init(&d, o);
	core_buf_init(&out, 1 << 24);
	for (;;) {
		t0 = now();
		for (n = 0; n < iters; n++) {
			core_buf_reset(&out);
			if (repaint) {
				(void)disp_repaint(&d, b, &out);
			} else {
				(void)disp_diff(&d, a, b, &out);
			}
		}
		t = now() - t0;
		if (t > 0.2 || iters > 100000000L) {
			break;
		}
		iters *= 4;
	}
	res.bytes = out.len;
	res.ns = t * 1e9 / (double)iters;
	core_buf_fini(&out);
	disp_free(&d);
	return res;
}

static void
report(const char *what, int cols, int rows, const struct fb *a,
    const struct fb *b, int repaint)
{
	struct disp_opts srv, stk;
	struct result x, y;

	disp_opts_server(&srv);
	disp_opts_stock(&stk);
	x = measure(&srv, a, b, repaint);
	y = measure(&stk, a, b, repaint);
	printf("display %3dx%-3d %-22s server %6zu bytes %10.0f ns | "
	    "stock-style %6zu bytes %10.0f ns\n", cols, rows, what, x.bytes,
	    x.ns, y.bytes, y.ns);
}

static void
run(int cols, int rows)
{
	struct vt_emu e, f;
	struct fb a, b;
	char tmp[64];

	vt_emu_init(&e, cols, rows, 0);
	fill(&e, cols, rows, 0);
	snprintf(tmp, sizeof tmp, "\033[%d;1H\033[K$ ls -l", rows);
	vt_emu_feed(&e, tmp, strlen(tmp));
	fb_copy(&a, vt_emu_fb(&e));

	/* typing: one character echoed at the prompt */
	vt_emu_feed(&e, "x", 1);
	fb_copy(&b, vt_emu_fb(&e));
	report("typing one char", cols, rows, &a, &b, 0);
	fb_free(&a);
	a = b;

	/* a scroll by one line: a new line of output at the bottom */
	vt_emu_feed(&e, "\r\nnew line of output, 42 bytes of it here..", 44);
	fb_copy(&b, vt_emu_fb(&e));
	report("scroll by one line", cols, rows, &a, &b, 0);

	/* the same scroll where no row is shared (content match only) */
	{
		struct fb c;
		int r;

		fb_copy(&c, &b);
		for (r = 0; r < rows; r++) {
			(void)fb_row_mut(&c, r);	/* unshare every row */
		}
		report("scroll, rows unshared", cols, rows, &a, &c, 0);
		fb_free(&c);
	}

	/* a full-screen change: another screenful of coloured text */
	vt_emu_init(&f, cols, rows, 0);
	fill(&f, cols, rows, 5);
	report("full-screen change", cols, rows, &b, vt_emu_fb(&f), 0);
	report("full repaint", cols, rows, NULL, vt_emu_fb(&f), 1);
	report("no change", cols, rows, &b, &b, 0);

	vt_emu_fini(&f);
	fb_free(&a);
	fb_free(&b);
	vt_emu_fini(&e);
}

/* A recording replayed in 256-byte frames: bytes the server would send
 * (sum of consecutive diffs) against the program's own output. */
static void
recording(const char *path, const char *name)
{
	struct disp_opts o[2];
	struct disp d[2];
	struct core_buf out;
	struct vt_emu e;
	struct fb prev;
	size_t len = 0, pos, sent[2] = { 0, 0 };
	double t[2] = { 0, 0 };
	int cols = 80, rows = 24, k, frames = 0;
	const char *x = strchr(name, '.');
	uint8_t *data;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		return;
	}
	data = malloc(1 << 20);
	len = fread(data, 1, 1 << 20, f);
	fclose(f);
	if (x != NULL) {
		(void)sscanf(x + 1, "%dx%d", &cols, &rows);
	}
	disp_opts_server(&o[0]);
	disp_opts_stock(&o[1]);
	core_buf_init(&out, 1 << 24);
	vt_emu_init(&e, cols, rows, 0);
	fb_copy(&prev, vt_emu_fb(&e));
	for (k = 0; k < 2; k++) {
		disp_init(&d[k], &o[k]);
	}
	for (pos = 0; pos < len; pos += 256) {
		vt_emu_feed(&e, data + pos, len - pos < 256 ? len - pos : 256);
		vt_emu_reply_clear(&e);
		for (k = 0; k < 2; k++) {
			double t0 = now();

			core_buf_reset(&out);
			(void)disp_diff(&d[k], &prev, vt_emu_fb(&e), &out);
			t[k] += now() - t0;
			sent[k] += out.len;
		}
		fb_free(&prev);
		fb_copy(&prev, vt_emu_fb(&e));
		frames++;
	}
	printf("display recording %-24s %6zu bytes in, %4d frames: server "
	    "sends %6zu bytes (%5.1f us/frame), stock-style %6zu\n", name,
	    len, frames, sent[0], t[0] * 1e6 / frames, sent[1]);
	for (k = 0; k < 2; k++) {
		disp_free(&d[k]);
	}
	fb_free(&prev);
	vt_emu_fini(&e);
	core_buf_fini(&out);
	free(data);
}

int
main(void)
{
	DIR *dir;
	struct dirent *de;
	char path[512];

	run(80, 24);
	run(200, 60);
	dir = opendir("test/data/term");
	while (dir != NULL && (de = readdir(dir)) != NULL) {
		const char *x = strrchr(de->d_name, '.');

		if (x != NULL && strcmp(x, ".ts") == 0) {
			snprintf(path, sizeof path, "test/data/term/%s",
			    de->d_name);
			recording(path, de->d_name);
		}
	}
	if (dir != NULL) {
		closedir(dir);
	}
	return 0;
}
