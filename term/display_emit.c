/*
 * term/display_emit.c - the display diff's primitives: SGR strings, cell
 * text, cursor moves chosen by cost (PROTOCOL.md 8.1 step 8: CR/LF/BS or
 * CUP, plus LF-only and short CUP in lean mode), and the output staging.
 */
#include <string.h>

#include "core/err.h"
#include "term/display_int.h"

/* ---------------------------------------------------------------------- */
/* output staging */

void
disp_flush(struct disp_out *o)
{
	if (o->n > 0 && o->err == 0) {
		o->err = core_buf_append(o->b, o->tmp, o->n);
	}
	o->n = 0;
}

void
disp_putn(struct disp_out *o, unsigned v)
{
	uint8_t tmp[10];
	size_t i = sizeof tmp;

	do {
		tmp[--i] = (uint8_t)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	put(o, tmp + i, sizeof tmp - i);
}

unsigned
disp_numlen(unsigned v)
{
	unsigned n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* Bytes of OSC text, leaving out anything that could end or corrupt the
 * string on the other side: C0, DEL and the C1 code points (C2 80..9F,
 * which stock mosh's parser acts on, ST among them). */
void
disp_put_osc_text(struct disp_out *o, const uint8_t *s, size_t n)
{
	size_t i, start = 0;

	disp_flush(o);
	for (i = 0; i < n; i++) {
		int bad = s[i] < 0x20 || s[i] == 0x7F;
		size_t skip = 1;

		if (s[i] == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 &&
		    s[i + 1] <= 0x9F) {
			bad = 1;
			skip = 2;
		}
		if (bad) {
			if (i > start && o->err == 0) {
				o->err = core_buf_append(o->b, s + start,
				    i - start);
			}
			i += skip - 1;
			start = i + 1;
		}
	}
	if (n > start && o->err == 0) {
		o->err = core_buf_append(o->b, s + start, n - start);
	}
}

/* ---------------------------------------------------------------------- */
/* the writer's model of the receiving terminal */

static void
put_color(struct disp_out *o, uint32_t c, unsigned base)
{
	unsigned idx = c & 0xFFu;

	if (FB_COLOR_KIND(c) == FB_COLOR_PALETTE) {
		putc1(o, ';');
		if (idx < 8) {
			disp_putn(o, base + idx);
		} else {
			disp_putn(o, base + 8);
			put(o, ";5;", 3);
			disp_putn(o, idx);
		}
	} else if (FB_COLOR_KIND(c) == FB_COLOR_RGB) {
		putc1(o, ';');
		disp_putn(o, base + 8);
		put(o, ";2;", 3);
		disp_putn(o, (c >> 16) & 0xFFu);
		putc1(o, ';');
		disp_putn(o, (c >> 8) & 0xFFu);
		putc1(o, ';');
		disp_putn(o, idx);
	}
}

/* SGR, PROTOCOL.md 8.2: reset, then attributes in a fixed order. */
void
disp_put_sgr(struct disp_w *w, const struct fb_rend *r)
{
	struct disp_out *o = &w->o;
	unsigned a = r->attrs;

	put(o, "\033[0", 3);
	if (a & FB_ATTR_BOLD) {
		put(o, ";1", 2);
	}
	if (a & FB_ATTR_FAINT) {
		put(o, ";2", 2);
	}
	if (a & FB_ATTR_ITALIC) {
		put(o, ";3", 2);
	}
	if (a & FB_ATTR_UNDERLINE) {
		put(o, ";4", 2);
	}
	if (a & FB_ATTR_BLINK) {
		put(o, ";5", 2);
	}
	if (a & FB_ATTR_INVERSE) {
		put(o, ";7", 2);
	}
	if (a & FB_ATTR_INVISIBLE) {
		put(o, ";8", 2);
	}
	if (a & FB_ATTR_STRIKE) {
		put(o, ";9", 2);
	}
	if (a & FB_ATTR_DUNDERLINE) {
		put(o, ";21", 3);
	}
	put_color(o, r->fg, 30);
	put_color(o, r->bg, 40);
	putc1(o, 'm');
}

void
disp_set_pen(struct disp_w *w, const struct fb_rend *r)
{
	struct fb_rend n = norm(w, r);

	if (w->pen_known && fb_rend_equal(&n, &w->pen)) {
		return;
	}
	disp_put_sgr(w, &n);
	w->pen = n;
	w->pen_known = 1;
}

void
disp_put_cell(struct disp_w *w, const struct fb_cell *c)
{
	if (c->ch != 0 && c->ch < 0x80 && c->ncomb == 0) {
		putc1(&w->o, (uint8_t)c->ch);
	} else if (c->width == 0) {
		putc1(&w->o, ' ');	/* an orphan continuation cell */
	} else {
		uint8_t *p = room(&w->o, FB_CELL_UTF8_MAX);

		w->o.n += fb_cell_utf8(c, p);
	}
}

/* ---------------------------------------------------------------------- */
/* cursor moves */

static void
hide_for_move(struct disp_w *w)
{
	if (w->opt->hide_cursor && w->vis) {
		put(&w->o, "\033[?25l", 6);
		w->vis = 0;
	}
}

unsigned
disp_cup_len(const struct disp_w *w, int r, int c)
{
	if (w->opt->lean && c == 0) {
		return r == 0 ? 3 : 3 + disp_numlen((unsigned)r + 1);
	}
	return 4 + disp_numlen((unsigned)r + 1) + disp_numlen((unsigned)c + 1);
}

static void
put_cup(struct disp_w *w, int r, int c)
{
	put(&w->o, "\033[", 2);
	if (w->opt->lean && c == 0) {
		if (r != 0) {
			disp_putn(&w->o, (unsigned)r + 1);
		}
	} else {
		disp_putn(&w->o, (unsigned)r + 1);
		putc1(&w->o, ';');
		disp_putn(&w->o, (unsigned)c + 1);
	}
	putc1(&w->o, 'H');
}

void
disp_put_rep(struct disp_out *o, uint8_t c, int n)
{
	while (n-- > 0) {
		putc1(o, c);
	}
}


enum move_kind
disp_pick_move(const struct disp_w *w, int r, int c, unsigned *cost)
{
	int cr = w->row, cc = w->col, pend = cc >= w->cols;
	unsigned best = disp_cup_len(w, r, c), n;
	enum move_kind k = MV_CUP;

	if (pend) {
		cc = w->cols - 1;
	}
	if (cr < 0) {
		*cost = best;
		return k;
	}
	if (!w->opt->lean) {
		/* Stock: CR + 0..4 LF, 1..4 BS, or CUP. */
		if (c == 0 && r >= cr && r - cr <= 4) {
			k = MV_CRLF;
			best = (unsigned)(r - cr) + (cc != 0 || pend);
		} else if (r == cr && !pend && c < cc && cc - c <= 4) {
			k = MV_BS;
			best = (unsigned)(cc - c);
		}
		*cost = best;
		return k;
	}
	if (c == 0 && r >= cr) {
		n = (unsigned)(r - cr) + (cc != 0 || pend);
		if (n < best) {
			best = n;
			k = MV_CRLF;
		}
	}
	if (r == cr && !pend && c < cc && (unsigned)(cc - c) < best) {
		best = (unsigned)(cc - c);
		k = MV_BS;
	}
	if (c == cc && !pend && r > cr && (unsigned)(r - cr) < best) {
		best = (unsigned)(r - cr);
		k = MV_LF;
	}
	*cost = best;
	return k;
}

void
disp_move_to(struct disp_w *w, int r, int c)
{
	unsigned cost;
	enum move_kind k;

	if (w->row == r && w->col == c) {
		return;
	}
	k = disp_pick_move(w, r, c, &cost);
	hide_for_move(w);
	switch (k) {
	case MV_CRLF:
		if (w->col != 0) {
			putc1(&w->o, '\r');
		}
		disp_put_rep(&w->o, '\n', r - w->row);
		break;
	case MV_BS:
		disp_put_rep(&w->o, '\b', w->col - c);
		break;
	case MV_LF:
		disp_put_rep(&w->o, '\n', r - w->row);
		break;
	default:
		put_cup(w, r, c);
		break;
	}
	w->row = r;
	w->col = c;
}

