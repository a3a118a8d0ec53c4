/*
 * test/bench/display.c - display diff cost: bytes emitted and time per
 * diff for a typing-sized change, a scroll by one line, a full-screen
 * change and a full repaint, at 80x24 and 200x60, with our server's
 * options and with stock mosh's byte choices.  Prints figures; asserts
 * nothing.
 */
#include <stdio.h>
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

int
main(void)
{
	run(80, 24);
	run(200, 60);
	return 0;
}
