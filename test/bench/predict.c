/*
 * test/bench/predict.c - CPU cost of the local echo prediction engine per
 * keystroke, at 80x24 and 200x60, for typing at the end of a line (the
 * common case) and in front of a full line (insert mode shifts the whole
 * rest of the row, the worst case).  Each keystroke runs the client's
 * path: pred_new_user_bytes, the server's echo arriving, the ack,
 * pred_server_update and one pred_apply into a fresh frame (fb_copy).
 * The server's echo itself (emulator) is timed separately and subtracted.
 * Prints ns per keystroke; asserts nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "term/emu.h"
#include "term/predict.h"

#define KEYS 20000

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Types KEYS characters; with `mid`, always in front of a full line.
 * With `engine` 0 only the server side runs (the baseline). */
static double
run(int cols, int rows, int mid, int engine)
{
	struct vt_emu *e = malloc(sizeof *e);
	struct pred p;
	struct fb f;
	uint64_t sent = 1, t = 1000;
	char k[1];
	double t0, t1;
	int i, j;

	if (e == NULL || vt_emu_init(e, cols, rows, VT_EMU_CLIENT) != 0) {
		abort();
	}
	pred_init(&p, PRED_MODE_ALWAYS, 0);
	pred_set_send_interval(&p, 125);
	t0 = now_ns();
	for (i = 0; i < KEYS; i++) {
		if (i % (cols / 2) == 0) {
			/* A fresh line: a full one with the cursor at its start
			 * (mid), or an empty one. */
			vt_emu_feed(e, "\r\n", 2);
			if (mid) {
				for (j = 0; j < cols - 1; j++) {
					vt_emu_feed(e, "w", 1);
				}
				vt_emu_feed(e, "\r", 1);
			}
		}
		k[0] = (char)('a' + i % 26);
		if (engine) {
			pred_new_user_bytes(&p, vt_emu_fb(e), k, 1, sent, t);
		}
		sent++;
		t += 60;
		/* The server echoes (inserting, as a line editor would). */
		vt_emu_feed(e, "\033[@", 3);
		vt_emu_feed(e, k, 1);
		if (engine) {
			pred_server_update(&p, vt_emu_fb(e), sent - 1, t);
			if (fb_copy(&f, vt_emu_fb(e)) != 0) {
				abort();
			}
			(void)pred_apply(&p, &f);
			fb_free(&f);
		}
	}
	t1 = now_ns();
	pred_fini(&p);
	vt_emu_fini(e);
	free(e);
	return (t1 - t0) / KEYS;
}

int
main(void)
{
	static const int sizes[][2] = { { 80, 24 }, { 200, 60 } };
	double base, all;
	int s, mid;

	printf("prediction engine, ns per keystroke (predict + judge + "
	    "apply into a fresh frame copy):\n");
	for (s = 0; s < 2; s++) {
		for (mid = 0; mid < 2; mid++) {
			base = run(sizes[s][0], sizes[s][1], mid, 0);
			all = run(sizes[s][0], sizes[s][1], mid, 1);
			printf("  %3dx%-2d %-26s %8.0f ns  (server echo alone "
			    "%.0f ns, excluded)\n", sizes[s][0], sizes[s][1],
			    mid ? "insert before a full line" : "end of line",
			    all - base, base);
		}
	}
	return 0;
}
