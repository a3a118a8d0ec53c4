/*
 * test/fuzz/fuzz_display.c - the display diff's round trip on framebuffers
 * built from fuzzer bytes.
 *
 * Input: byte 0 picks the sizes and the option set (stock, server, or a
 * client's: no ECH, no BCE, extended attributes), byte 1 where to split
 * the rest; the two halves are run through emulators to give `old` and
 * `new` (new is both "old's emulator fed the second half", the realistic
 * case, and "a fresh emulator fed it", an unrelated screen, maybe of
 * another size).  For each pair, an emulator holding old that is fed
 * disp_diff(old, new) must show new (as display.h promises: the last
 * row's wrap flag, unsendable attributes and unset titles aside), and so
 * must a blank one fed disp_repaint(new).  A mismatch aborts, so libFuzzer
 * keeps the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "term/display.h"
#include "term/emu.h"
#include "term/fb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct fb_rend
norm(struct fb_rend r, int ext)
{
	if (!ext) {
		if (r.attrs & FB_ATTR_DUNDERLINE) {
			r.attrs = (uint16_t)((r.attrs & ~FB_ATTR_DUNDERLINE) |
			    FB_ATTR_UNDERLINE);
		}
		r.attrs &= (uint16_t)~(FB_ATTR_FAINT | FB_ATTR_STRIKE);
	}
	return r;
}

static int
same(const struct fb *g, const struct fb *w, int ext, int repaint)
{
	struct fb_rend a = norm(g->pen, ext), b = norm(w->pen, ext);
	int r, c;

	if (g->cols != w->cols || g->rows != w->rows ||
	    g->cur.row != w->cur.row || g->cur.col != w->cur.col ||
	    g->cur.visible != w->cur.visible ||
	    (g->cur.pending_wrap && !w->cur.pending_wrap) ||
	    !fb_rend_equal(&a, &b) ||
	    g->mode.reverse_video != w->mode.reverse_video ||
	    g->mode.bracketed_paste != w->mode.bracketed_paste ||
	    g->mode.focus_events != w->mode.focus_events ||
	    g->mode.mouse_mode != w->mode.mouse_mode ||
	    g->mode.mouse_enc != w->mode.mouse_enc) {
		return 0;
	}
	if (w->title_set && (!g->title_set || g->title_len != w->title_len ||
	    g->icon_len != w->icon_len ||
	    memcmp(g->title, w->title, w->title_len) != 0 ||
	    memcmp(g->icon, w->icon, w->icon_len) != 0)) {
		return 0;
	}
	if (w->clip != NULL && !repaint && (g->clip == NULL ||
	    g->clip->len != w->clip->len ||
	    memcmp(g->clip->data, w->clip->data, w->clip->len) != 0)) {
		return 0;
	}
	for (r = 0; r < w->rows; r++) {
		const struct fb_row *x = g->rowv[r], *y = w->rowv[r];

		if (x->wrapped != y->wrapped && r < w->rows - 1) {
			return 0;
		}
		for (c = 0; c < w->cols; c++) {
			const struct fb_cell *p = &x->cells[c], *q = &y->cells[c];
			struct fb_rend rp = norm(p->rend, ext);
			struct fb_rend rq = norm(q->rend, ext);

			/* An orphan continuation cell (no wide character
			 * before it: an emulator bug, reported) shows, and
			 * is sent, as a blank. */
			if (q->width == 0 && (c == 0 ||
			    y->cells[c - 1].width != 2) &&
			    fb_cell_is_blank(p) && fb_rend_equal(&rp, &rq)) {
				continue;
			}
			if (p->ch != q->ch || p->width != q->width ||
			    p->ncomb != q->ncomb ||
			    memcmp(p->comb, q->comb, sizeof p->comb) != 0 ||
			    !fb_rend_equal(&rp, &rq)) {
				return 0;
			}
		}
	}
	return 1;
}

static void
check(const struct disp_opts *o, const struct fb *old, const struct fb *new,
    int repaint)
{
	struct disp d;
	struct core_buf out;
	struct vt_emu e;

	disp_init(&d, o);
	core_buf_init(&out, 1 << 26);
	if (vt_emu_init(&e, old->cols, old->rows, VT_EMU_CLIENT) != 0) {
		abort();
	}
	if (vt_emu_load(&e, old) != 0 ||
	    (repaint ? disp_repaint(&d, new, &out) :
	    disp_diff(&d, old, new, &out)) != 0) {
		abort();
	}
	if ((old->cols != new->cols || old->rows != new->rows) &&
	    vt_emu_resize(&e, new->cols, new->rows) != 0) {
		abort();
	}
	if (out.len > 0) {
		vt_emu_feed(&e, out.p, out.len);
	}
	if (!same(&e.fb, new, o->ext_attrs, repaint)) {
		abort();
	}
	vt_emu_fini(&e);
	core_buf_fini(&out);
	disp_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t dims[8][2] = { { 24, 8 }, { 10, 4 }, { 1, 1 },
		{ 2, 3 }, { 7, 2 }, { 33, 9 }, { 3, 1 }, { 16, 16 } };
	struct disp_opts o[3];
	struct vt_emu a, b;
	struct fb s1, s2, s3, blank;
	size_t split;
	int i, k, n2;

	if (size < 2) {
		return 0;
	}
	k = data[0] & 7;
	n2 = (data[0] >> 3) & 7;
	split = size > 2 ? 2 + (size_t)data[1] * (size - 2) / 255 : 2;
	disp_opts_stock(&o[0]);
	disp_opts_server(&o[1]);
	disp_opts_server(&o[2]);
	o[2].ech = 0;
	o[2].bce = 0;
	o[2].ext_attrs = 1;
	o[2].ri = 1;
	o[2].hide_cursor = 1;
	if (vt_emu_init(&a, dims[k][0], dims[k][1], 0) != 0 ||
	    vt_emu_init(&b, dims[n2][0], dims[n2][1], 0) != 0) {
		abort();
	}
	vt_emu_feed(&a, data + 2, split - 2);
	if (fb_copy(&s1, vt_emu_fb(&a)) != 0) {
		abort();
	}
	vt_emu_feed(&a, data + split, size - split);
	vt_emu_feed(&b, data + split, size - split);
	if (fb_copy(&s2, vt_emu_fb(&a)) != 0 ||
	    fb_copy(&s3, vt_emu_fb(&b)) != 0 ||
	    fb_init(&blank, s3.cols, s3.rows) != 0) {
		abort();
	}
	i = (data[0] >> 6) % 3;
	check(&o[i], &s1, &s2, 0);
	check(&o[i], &s1, &s3, 0);
	check(&o[i], &blank, &s3, 1);
	fb_free(&s1);
	fb_free(&s2);
	fb_free(&s3);
	fb_free(&blank);
	vt_emu_fini(&a);
	vt_emu_fini(&b);
	return 0;
}
