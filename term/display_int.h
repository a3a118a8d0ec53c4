/*
 * term/display_int.h - what the display diff's two files share: the
 * output staging buffer, the writer's model of the receiving terminal, and
 * the primitives that write sequences while keeping that model (in
 * display_emit.c).  Not a public interface.
 */
#ifndef TERM_DISPLAY_INT_H
#define TERM_DISPLAY_INT_H

#include <stdint.h>
#include <string.h>

#include "core/buf.h"
#include "term/display.h"
#include "term/fb.h"

/* Output goes through a small staging array into the caller's core_buf,
 * so the per-byte cost is a store and a compare. */
struct disp_out {
	struct core_buf *b;	/* borrowed */
	size_t n;
	int err;
	uint8_t tmp[1024];
};

void disp_flush(struct disp_out *o);

/* Room for need (<= sizeof tmp) bytes at o->tmp + o->n. */
static inline uint8_t *
room(struct disp_out *o, size_t need)
{
	if (o->n + need > sizeof o->tmp) {
		disp_flush(o);
	}
	return o->tmp + o->n;
}

static inline void
put(struct disp_out *o, const void *s, size_t n)
{
	memcpy(room(o, n), s, n);
	o->n += n;
}

static inline void
putc1(struct disp_out *o, uint8_t c)
{
	*room(o, 1) = c;
	o->n++;
}

static inline void
puts1(struct disp_out *o, const char *s)
{
	put(o, s, strlen(s));
}

/* The writer's model of the receiving terminal. */
struct disp_w {
	struct disp_out o;
	const struct disp_opts *opt;
	int cols, rows;
	int row, col;		/* cursor; row < 0: unknown; col == cols:
				 * last column written, wrap pending; col ==
				 * cols + 1: at the last column, wrap maybe
				 * pending */
	int vis;		/* cursor shown */
	int pen_known;
	struct fb_rend pen;	/* as sent (normalised) */
	int full;		/* full-repaint mode */
};

static const struct fb_rend rend_default;
static const struct fb_cell cell_default = { 0, { 0, 0, 0 },
	{ 0, 0, 0, 0 }, 1, 0, 0 };

/* The rendition as the receiver will hold it after we send it. */
static inline struct fb_rend
norm(const struct disp_w *w, const struct fb_rend *r)
{
	struct fb_rend n = *r;

	if (!w->opt->ext_attrs && (n.attrs & (FB_ATTR_DUNDERLINE |
	    FB_ATTR_FAINT | FB_ATTR_STRIKE)) != 0) {
		if (n.attrs & FB_ATTR_DUNDERLINE) {
			n.attrs = (uint16_t)((n.attrs & ~FB_ATTR_DUNDERLINE) |
			    FB_ATTR_UNDERLINE);
		}
		n.attrs &= (uint16_t)~(FB_ATTR_FAINT | FB_ATTR_STRIKE);
	}
	return n;
}

/* Decimal digits, and their count. */
void disp_putn(struct disp_out *o, unsigned v);
unsigned disp_numlen(unsigned v);
/* OSC text without C0, DEL or C1 (which could end the string early). */
void disp_put_osc_text(struct disp_out *o, const uint8_t *s, size_t n);
/* SGR, PROTOCOL.md 8.2 (always from "0"). */
void disp_put_sgr(struct disp_w *w, const struct fb_rend *r);
/* Sends an SGR unless the receiver's pen is already r (normalised). */
void disp_set_pen(struct disp_w *w, const struct fb_rend *r);
/* A cell's grapheme (not moving the model cursor). */
void disp_put_cell(struct disp_w *w, const struct fb_cell *c);
/* Bytes of the CUP to (r, c). */
unsigned disp_cup_len(const struct disp_w *w, int r, int c);
void disp_put_rep(struct disp_out *o, uint8_t c, int n);

enum move_kind { MV_CUP, MV_CRLF, MV_BS, MV_LF };
/* The cheapest allowed move from the model cursor to (r, c), and its
 * cost in bytes. */
enum move_kind disp_pick_move(const struct disp_w *w, int r, int c,
    unsigned *cost);
/* Moves the receiver's cursor to (r, c) (hiding it first if asked). */
void disp_move_to(struct disp_w *w, int r, int c);

#endif
