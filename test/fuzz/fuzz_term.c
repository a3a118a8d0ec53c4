/*
 * test/fuzz/fuzz_term.c - the parser and emulator on arbitrary bytes.
 *
 * Input: the first byte picks server or client mode; the rest is fed to
 * the emulator in pieces split at the marker FF FE.  After a marker, the
 * next four bytes (if present) are a resize: cols = 1 + be16 % 500, rows
 * = 1 + be16 % 500.  Before each resize a snapshot (fb_copy) is taken,
 * so copy-on-write is exercised, and the snapshot must not change while
 * the emulator goes on writing.  The framebuffer's invariants are
 * checked after every piece (on screens up to 10000 cells) and at the
 * end; a violation aborts.
 */
#include <stdlib.h>
#include <string.h>

#include "term/emu.h"

static void
check(const struct vt_emu *e)
{
	const struct fb *f = vt_emu_fb(e);
	int r, c;

	if (f->cur.row < 0 || f->cur.row >= f->rows || f->cur.col < 0 ||
	    f->cur.col >= f->cols || e->top < 0 || e->bottom >= f->rows ||
	    e->top > e->bottom) {
		abort();
	}
	for (r = 0; r < f->rows; r++) {
		const struct fb_row *row = fb_row_get(f, r);

		if (row->cols != f->cols) {
			abort();
		}
		for (c = 0; c < f->cols; c++) {
			const struct fb_cell *cell = &row->cells[c];

			if (cell->ncomb > FB_COMB_MAX ||
			    (cell->width == 2 && (c + 1 >= f->cols ||
			    row->cells[c + 1].width != 0)) ||
			    (cell->width == 0 && (c == 0 ||
			    row->cells[c - 1].width != 2))) {
				abort();
			}
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct vt_emu e;
	struct fb snap, again;
	const uint8_t *end = data + size, *p;
	int have_snap = 0;

	if (size == 0) {
		return 0;
	}
	if (vt_emu_init(&e, 80, 24, data[0] & 1 ? VT_EMU_CLIENT : 0) != 0) {
		return 0;
	}
	data++;
	while (data < end) {
		p = data;
		while (p + 1 < end && !(p[0] == 0xFF && p[1] == 0xFE)) {
			p++;
		}
		if (p + 1 >= end) {
			p = end;
		}
		vt_emu_feed(&e, data, (size_t)(p - data));
		vt_emu_reply_clear(&e);
		if (e.fb.cols * e.fb.rows <= 10000) {
			check(&e);	/* big screens: checked once at the end */
		}
		if (have_snap) {
			/* The snapshot's rows must be untouched. */
			if (!fb_equal(&snap, &again)) {
				abort();
			}
			fb_free(&snap);
			fb_free(&again);
			have_snap = 0;
		}
		if (fb_copy(&snap, vt_emu_fb(&e)) == 0) {
			if (fb_copy(&again, &snap) == 0) {
				have_snap = 1;
			} else {
				fb_free(&snap);
			}
		}
		data = p + 2;
		if (data + 4 <= end) {
			int cols = 1 + ((data[0] << 8 | data[1]) % 500);
			int rows = 1 + ((data[2] << 8 | data[3]) % 500);

			(void)vt_emu_resize(&e, cols, rows);
			data += 4;
		}
	}
	if (have_snap) {
		if (!fb_equal(&snap, &again)) {
			abort();
		}
		fb_free(&snap);
		fb_free(&again);
	}
	check(&e);
	vt_emu_fini(&e);
	return 0;
}
