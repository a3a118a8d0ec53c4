/*
 * term/display.c - framebuffer A -> the bytes that make a terminal showing
 * A show B, following PROTOCOL.md 8.1 step by step.
 *
 * The writer keeps a model of the receiving terminal while it writes: its
 * cursor (with deferred autowrap: col == cols means "after the last
 * column, wrap pending"), cursor visibility, pen, and which row object
 * each screen row shows.  A cell is written only when the receiver's cell
 * differs from the target; the model starts from `old`, is shifted by the
 * scroll shortcut (step 7), and every choice (CR/LF/BS or CUP, ECH or
 * spaces or EL) is made against it.  Blank cells are erased only when the
 * erase is exact under either erase convention (only the background kept,
 * or the whole pen kept): the pen used is "default colours and no
 * attributes, this background".
 *
 * Output goes through a small staging array into the caller's core_buf,
 * so the per-byte cost is a store and a compare.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "term/display.h"

/* ---------------------------------------------------------------------- */
/* output staging */

struct out {
	struct core_buf *b;	/* borrowed */
	size_t n;
	int err;
	uint8_t tmp[1024];
};

static void
flush(struct out *o)
{
	if (o->n > 0 && o->err == 0) {
		o->err = core_buf_append(o->b, o->tmp, o->n);
	}
	o->n = 0;
}

/* Room for need (<= sizeof tmp) bytes at o->tmp + o->n. */
static inline uint8_t *
room(struct out *o, size_t need)
{
	if (o->n + need > sizeof o->tmp) {
		flush(o);
	}
	return o->tmp + o->n;
}

static inline void
put(struct out *o, const void *s, size_t n)
{
	memcpy(room(o, n), s, n);
	o->n += n;
}

static inline void
putc1(struct out *o, uint8_t c)
{
	*room(o, 1) = c;
	o->n++;
}

static inline void
puts1(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static void
putn(struct out *o, unsigned v)
{
	uint8_t tmp[10];
	size_t i = sizeof tmp;

	do {
		tmp[--i] = (uint8_t)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	put(o, tmp + i, sizeof tmp - i);
}

static unsigned
numlen(unsigned v)
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
static void
put_osc_text(struct out *o, const uint8_t *s, size_t n)
{
	size_t i, start = 0;

	flush(o);
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

struct w {
	struct out o;
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
norm(const struct w *w, const struct fb_rend *r)
{
	struct fb_rend n = *r;

	if (!w->opt->ext_attrs) {
		if (n.attrs & FB_ATTR_DUNDERLINE) {
			n.attrs = (uint16_t)((n.attrs & ~FB_ATTR_DUNDERLINE) |
			    FB_ATTR_UNDERLINE);
		}
		n.attrs &= (uint16_t)~(FB_ATTR_FAINT | FB_ATTR_STRIKE);
	}
	return n;
}

static void
put_color(struct out *o, uint32_t c, unsigned base)
{
	unsigned idx = c & 0xFFu;

	if (FB_COLOR_KIND(c) == FB_COLOR_PALETTE) {
		putc1(o, ';');
		if (idx < 8) {
			putn(o, base + idx);
		} else {
			putn(o, base + 8);
			put(o, ";5;", 3);
			putn(o, idx);
		}
	} else if (FB_COLOR_KIND(c) == FB_COLOR_RGB) {
		putc1(o, ';');
		putn(o, base + 8);
		put(o, ";2;", 3);
		putn(o, (c >> 16) & 0xFFu);
		putc1(o, ';');
		putn(o, (c >> 8) & 0xFFu);
		putc1(o, ';');
		putn(o, idx);
	}
}

/* SGR, PROTOCOL.md 8.2: reset, then attributes in a fixed order. */
static void
put_sgr(struct w *w, const struct fb_rend *r)
{
	struct out *o = &w->o;
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

static void
set_pen(struct w *w, const struct fb_rend *r)
{
	struct fb_rend n = norm(w, r);

	if (w->pen_known && fb_rend_equal(&n, &w->pen)) {
		return;
	}
	put_sgr(w, &n);
	w->pen = n;
	w->pen_known = 1;
}

static void
put_cell(struct w *w, const struct fb_cell *c)
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
hide_for_move(struct w *w)
{
	if (w->opt->hide_cursor && w->vis) {
		put(&w->o, "\033[?25l", 6);
		w->vis = 0;
	}
}

static unsigned
cup_len(const struct w *w, int r, int c)
{
	if (w->opt->lean && c == 0) {
		return r == 0 ? 3 : 3 + numlen((unsigned)r + 1);
	}
	return 4 + numlen((unsigned)r + 1) + numlen((unsigned)c + 1);
}

static void
put_cup(struct w *w, int r, int c)
{
	put(&w->o, "\033[", 2);
	if (w->opt->lean && c == 0) {
		if (r != 0) {
			putn(&w->o, (unsigned)r + 1);
		}
	} else {
		putn(&w->o, (unsigned)r + 1);
		putc1(&w->o, ';');
		putn(&w->o, (unsigned)c + 1);
	}
	putc1(&w->o, 'H');
}

static void
put_rep(struct out *o, uint8_t c, int n)
{
	while (n-- > 0) {
		putc1(o, c);
	}
}

/* Cost in bytes of moving from the model cursor to (r, c); -1: CUP. */
enum move_kind { MV_CUP, MV_CRLF, MV_BS, MV_LF };

static enum move_kind
pick_move(const struct w *w, int r, int c, unsigned *cost)
{
	int cr = w->row, cc = w->col, pend = cc >= w->cols;
	unsigned best = cup_len(w, r, c), n;
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

static void
move_to(struct w *w, int r, int c)
{
	unsigned cost;
	enum move_kind k;

	if (w->row == r && w->col == c) {
		return;
	}
	k = pick_move(w, r, c, &cost);
	hide_for_move(w);
	switch (k) {
	case MV_CRLF:
		if (w->col != 0) {
			putc1(&w->o, '\r');
		}
		put_rep(&w->o, '\n', r - w->row);
		break;
	case MV_BS:
		put_rep(&w->o, '\b', w->col - c);
		break;
	case MV_LF:
		put_rep(&w->o, '\n', r - w->row);
		break;
	default:
		put_cup(w, r, c);
		break;
	}
	w->row = r;
	w->col = c;
}

/* ---------------------------------------------------------------------- */
/* rows */

static inline const struct fb_cell *
shown_cell(const struct fb_row *s, int c)
{
	return s != NULL ? &s->cells[c] : &cell_default;
}

static inline int
need(const struct w *w, const struct fb_row *n, const struct fb_row *s,
    int c)
{
	return w->full || !fb_cell_equal(&n->cells[c], shown_cell(s, c));
}

/* Erasing with pen "default colours, no attributes, background bg" gives
 * exactly this cell, whatever the receiver's erase keeps. */
static inline int
erasable(const struct w *w, const struct fb_cell *c)
{
	struct fb_rend r = norm(w, &c->rend);

	return r.fg == FB_COLOR_DEFAULT && r.attrs == 0 &&
	    (w->opt->bce || r.bg == FB_COLOR_DEFAULT);
}

/* Can (r, c) be reached by writing the cells the cursor passes over again,
 * for fewer bytes than a move?  Every gap cell must be narrow, printable
 * as itself, already right on the receiver (the caller skipped it), and in
 * the current pen. */
static int
gap_rewrite(struct w *w, int r, int c, const struct fb_row *nr)
{
	unsigned cost, bytes = 0;
	int i;

	if (w->row != r || w->col >= c || !w->pen_known || c - w->col > 8) {
		return 0;
	}
	pick_move(w, r, c, &cost);
	if (w->opt->hide_cursor && w->vis) {
		cost += 6;
	}
	for (i = w->col; i < c; i++) {
		const struct fb_cell *x = &nr->cells[i];

		if (x->width != 1 || x->ncomb != 0 || x->ch >= 0x80) {
			return 0;
		}
		/* Stock (whose cells tell a typed space from an erased one)
		 * rewrites only blanks; lean anything in the pen. */
		if ((!w->opt->lean && x->ch != 0) ||
		    !fb_rend_equal(&x->rend, &w->pen)) {
			return 0;
		}
		if (++bytes >= cost) {
			return 0;
		}
	}
	for (i = w->col; i < c; i++) {
		put_cell(w, &nr->cells[i]);
	}
	w->col = c;
	return 1;
}

static void
approach(struct w *w, int r, int c, const struct fb_row *nr)
{
	if (!gap_rewrite(w, r, c, nr)) {
		move_to(w, r, c);
	}
}

/* Writes cell c of row nr at (r, c) and advances the model cursor. */
static void
draw_cell(struct w *w, int r, int c, const struct fb_row *nr)
{
	const struct fb_cell *x = &nr->cells[c];

	approach(w, r, c, nr);
	set_pen(w, &x->rend);
	put_cell(w, x);
	w->col = c + (x->width == 2 ? 2 : 1);
}

static void
put_ech(struct w *w, int n)
{
	put(&w->o, "\033[", 2);
	putn(&w->o, (unsigned)n);
	putc1(&w->o, 'X');
}

/* A run of blank cells [c, last] of one rendition; e is where the run of
 * blanks ends (e == cols: it reaches the end of the row). */
static void
draw_blanks(struct w *w, int r, int c, int last, int e,
    const struct fb_row *nr, const struct fb_row *sr, int wrap)
{
	const struct fb_cell *x = &nr->cells[c];
	int n = last + 1 - c, ech = 0;
	struct fb_rend er = rend_default;

	if (erasable(w, x)) {
		er.bg = x->rend.bg;
		if (e == w->cols && !wrap) {
			approach(w, r, c, nr);
			set_pen(w, &er);
			put(&w->o, "\033[K", 3);
			return;
		}
		if (wrap && last + 2 >= w->cols) {
			ech = 0;	/* ECH there would clear the wrap */
		} else if (w->opt->ech && !w->opt->lean) {
			ech = n > 4;
		} else if (w->opt->ech) {
			/* Lean: ECH if it and the move after it cost less
			 * than the spaces and the move after those. */
			int nx = last + 1;
			unsigned e_cost = 3 + numlen((unsigned)n), s_cost;

			while (nx < w->cols && !need(w, nr, sr, nx)) {
				nx++;
			}
			s_cost = (unsigned)n;
			if (nx < w->cols) {
				e_cost += cup_len(w, r, nx);
			}
			ech = e_cost < s_cost;
		}
	}
	approach(w, r, c, nr);
	if (ech) {
		set_pen(w, &er);
		put_ech(w, n);
	} else {
		set_pen(w, &x->rend);
		put_rep(&w->o, ' ', n);
		w->col = c + n;
	}
}

/*
 * Draws row r of `nr` over what the receiver shows (`sr`, NULL: a blank
 * row; ignored in full mode; `sw` its wrap flag, 2 if unknown), from
 * column `from` (cells before it are already right).  The receiver's
 * soft-wrap flag for the row survives unless the row must lose it: an
 * erase reaching the end of the row clears it (xterm; our emulator), so a
 * row that must not be wrapped gets an EL at the start of its trailing
 * blanks, or just before its last character.
 */
static void
draw_row(struct w *w, int r, const struct fb_row *nr,
    const struct fb_row *sr, int sw, int from)
{
	int cols = w->cols, c = from, wrap = nr->wrapped && r < w->rows - 1;
	int force = cols;	/* cells from here on are drawn regardless */
	int el_at = -1;		/* column that gets a clearing EL first */

	if (!w->full && sw != 0 && !nr->wrapped) {
		const struct fb_cell *lx = &nr->cells[cols - 1];

		force = cols - 1;
		if (fb_cell_is_blank(lx)) {
			while (force > from &&
			    fb_cell_is_blank(&nr->cells[force - 1]) &&
			    fb_rend_equal(&nr->cells[force - 1].rend, &lx->rend)) {
				force--;
			}
			if (!erasable(w, lx)) {
				el_at = force;	/* then spaces */
			}
		} else {
			if (lx->width == 0 && force > 0 &&
			    nr->cells[force - 1].width == 2) {
				force--;
			}
			el_at = force;
		}
		if (force < from) {
			/* The row's end was written by the wrap from the row
			 * above (a very narrow screen): clear and rewrite
			 * its last character. */
			force = cols - 1;
			if (force > 0 && nr->cells[force].width == 0 &&
			    nr->cells[force - 1].width == 2) {
				force--;
			}
			el_at = force;
			c = force;
		}
	}
	while (c < cols) {
		const struct fb_cell *x;
		int e, last;

		if (c < force && !need(w, nr, sr, c)) {
			c++;
			continue;
		}
		if (c == el_at) {
			approach(w, r, c, nr);
			put(&w->o, "\033[K", 3);
		}
		x = &nr->cells[c];
		if (x->width == 0 && c > from && nr->cells[c - 1].width == 2) {
			c--;	/* redraw the whole wide character */
			x--;
		}
		if (x->width == 2 && c + 1 >= cols) {
			x = &cell_default;	/* cannot be drawn: malformed */
		}
		if (!fb_cell_is_blank(x)) {
			draw_cell(w, r, c, nr);
			c += x->width == 2 ? 2 : 1;
			continue;
		}
		for (e = c + 1; e < cols && fb_cell_is_blank(&nr->cells[e]) &&
		    fb_rend_equal(&nr->cells[e].rend, &x->rend); e++) {
		}
		last = e - 1;
		while (last > c && last < force && !need(w, nr, sr, last)) {
			last--;
		}
		draw_blanks(w, r, c, last, e, nr, sr, wrap);
		c = last + 1;
	}
}

/* ---------------------------------------------------------------------- */
/* scroll shortcut (8.1 step 7) */

static int
rows_match(const struct fb_row *a, const struct fb_row *b)
{
	return fb_row_same(a, b) || fb_row_equal(a, b);
}

static int
row_blank(const struct fb_row *r)
{
	int c;

	for (c = 0; c < r->cols; c++) {
		if (!fb_cell_equal(&r->cells[c], &cell_default)) {
			return 0;
		}
	}
	return !r->wrapped;
}

struct scroll {
	int top, k, h;	/* rows [top, top + h) of new are old rows + k */
};

/* Length of the run of new rows from t that are old rows t + k. */
static int
run_len(const struct fb *old, const struct fb *new, int t, int k)
{
	int h = 0;

	while (t + h + k < new->rows &&
	    rows_match(new->rowv[t + h], old->rowv[t + h + k])) {
		h++;
	}
	return h;
}

/* Rows saved by scrolling (t, k, h), less rows it spoils. */
static int
scroll_gain(const struct fb *old, const struct fb *new, int t, int k, int h)
{
	int i, g = 0;

	for (i = t; i < t + h; i++) {
		if (!fb_row_same(new->rowv[i], old->rowv[i]) &&
		    !fb_row_equal(new->rowv[i], old->rowv[i])) {
			g++;
		}
	}
	for (i = t + h; i < t + h + k; i++) {
		if (rows_match(new->rowv[i], old->rowv[i]) &&
		    !row_blank(new->rowv[i])) {
			g--;
		}
	}
	return g;
}

static int
find_scroll(const struct w *w, const struct fb *old, const struct fb *new,
    struct scroll *best)
{
	int t, j, changed = 0, first = -1, bestg = 0;

	for (t = 0; t < new->rows; t++) {
		if (!fb_row_same(new->rowv[t], old->rowv[t])) {
			changed++;
			if (first < 0) {
				first = t;
			}
		}
	}
	if (changed < 2 && w->opt->lean) {
		return 0;
	}
	if (!w->opt->lean) {
		/* Stock: new row 0 against old rows 1..; region at the top. */
		if (rows_match(new->rowv[0], old->rowv[0])) {
			return 0;
		}
		for (j = 1; j < new->rows; j++) {
			if (rows_match(new->rowv[0], old->rowv[j])) {
				best->top = 0;
				best->k = j;
				best->h = run_len(old, new, 0, j);
				return 1;
			}
		}
		return 0;
	}
	for (t = first; t >= 0 && t < new->rows - 1; t++) {
		const struct fb_row *nr = new->rowv[t];

		if (fb_row_same(nr, old->rowv[t])) {
			continue;
		}
		for (j = t + 1; j < new->rows; j++) {
			int h, g;

			if (!fb_row_same(nr, old->rowv[j]) &&
			    !(t == first && fb_row_equal(nr, old->rowv[j]))) {
				continue;
			}
			h = run_len(old, new, t, j - t);
			g = scroll_gain(old, new, t, j - t, h);
			if (g > bestg) {
				bestg = g;
				best->top = t;
				best->k = j - t;
				best->h = h;
			}
			break;
		}
	}
	return bestg > 0;
}

static void
put_scroll(struct w *w, const struct scroll *s, const struct fb *old,
    const struct fb_row **shown)
{
	int bottom = s->top + s->h + s->k;	/* 1-based bottom row */
	int i;

	put(&w->o, "\033[0m", 4);
	w->pen = rend_default;
	w->pen_known = 1;
	if (s->top == 0 && bottom == w->rows &&
	    (w->row == w->rows - 1 || w->opt->lean)) {
		if (w->row == w->rows - 1 && !w->opt->lean) {
			putc1(&w->o, '\r');
			w->col = 0;
		} else {
			move_to(w, w->rows - 1, 0);
		}
		put_rep(&w->o, '\n', s->k);
	} else {
		put(&w->o, "\033[", 2);
		putn(&w->o, (unsigned)s->top + 1);
		putc1(&w->o, ';');
		putn(&w->o, (unsigned)bottom);
		putc1(&w->o, 'r');
		w->row = -1;
		move_to(w, bottom - 1, 0);
		put_rep(&w->o, '\n', s->k);
		put(&w->o, "\033[r", 3);
		w->row = -1;	/* DECSTBM homes the cursor; trust nothing */
	}
	for (i = s->top; i < bottom; i++) {
		shown[i] = i + s->k < bottom ? old->rowv[i + s->k] : NULL;
	}
}

/* ---------------------------------------------------------------------- */
/* the frame */

static int
grow(struct disp *d, int rows)
{
	if (rows > d->shown_cap) {
		const struct fb_row **v = realloc(d->shown,
		    (size_t)rows * sizeof *v);

		if (v == NULL) {
			return CORE_E_NOMEM;
		}
		d->shown = v;
		d->shown_cap = rows;
	}
	return 0;
}

static void
put_title(struct w *w, const struct fb *f)
{
	if (f->title_len == f->icon_len &&
	    memcmp(f->title, f->icon, f->title_len) == 0) {
		put(&w->o, "\033]0;", 4);
		put_osc_text(&w->o, (const uint8_t *)f->title, f->title_len);
		putc1(&w->o, 7);
		return;
	}
	put(&w->o, "\033]1;", 4);
	put_osc_text(&w->o, (const uint8_t *)f->icon, f->icon_len);
	put(&w->o, "\007\033]2;", 5);
	put_osc_text(&w->o, (const uint8_t *)f->title, f->title_len);
	putc1(&w->o, 7);
}

static int
title_differs(const struct fb *a, const struct fb *b)
{
	return a->title_set != b->title_set || a->title_len != b->title_len ||
	    a->icon_len != b->icon_len ||
	    memcmp(a->title, b->title, a->title_len) != 0 ||
	    memcmp(a->icon, b->icon, a->icon_len) != 0;
}

static int
clip_differs(const struct fb *a, const struct fb *b)
{
	if (a->clip_count != b->clip_count) {
		return 1;
	}
	if (a->clip == b->clip) {
		return 0;
	}
	if (a->clip == NULL || b->clip == NULL) {
		return 1;
	}
	return a->clip->len != b->clip->len ||
	    memcmp(a->clip->data, b->clip->data, a->clip->len) != 0;
}

static void
put_mode(struct w *w, unsigned mode, int on)
{
	put(&w->o, "\033[?", 3);
	putn(&w->o, mode);
	putc1(&w->o, on ? 'h' : 'l');
}

/* Steps 12-15; `old` is NULL in a frame that started in full repaint. */
static void
put_modes(struct w *w, const struct fb_modes *old, const struct fb_modes *m)
{
	int all = w->full || old == NULL;
	unsigned om = old != NULL ? old->mouse_mode : FB_MOUSE_NONE;
	unsigned oe = old != NULL ? old->mouse_enc : FB_MOUSE_ENC_DEFAULT;

	if (all || old->bracketed_paste != m->bracketed_paste) {
		put_mode(w, 2004, m->bracketed_paste);
	}
	if (all || om != m->mouse_mode) {
		if (m->mouse_mode == FB_MOUSE_NONE) {
			if (om == FB_MOUSE_X10) {
				put_mode(w, 9, 0);	/* not in stock's list */
			}
			puts1(&w->o, "\033[?1003l\033[?1002l\033[?1001l"
			    "\033[?1000l");
		} else {
			if (om != FB_MOUSE_NONE) {
				put_mode(w, om, 0);
			}
			put_mode(w, m->mouse_mode, 1);
		}
	}
	if (all || old->focus_events != m->focus_events) {
		put_mode(w, 1004, m->focus_events);
	}
	if (all || oe != m->mouse_enc) {
		if (m->mouse_enc == FB_MOUSE_ENC_DEFAULT) {
			puts1(&w->o, "\033[?1015l\033[?1006l\033[?1005l");
		} else {
			if (oe != FB_MOUSE_ENC_DEFAULT) {
				put_mode(w, oe, 0);
			}
			put_mode(w, m->mouse_enc, 1);
		}
	}
}

/* Leaves the cursor after the last column of row r with the wrap pending,
 * as the application left it, by writing the row's last character again
 * (lean mode, and only where that rewrite is exact); else a plain move. */
static void
put_pending(struct w *w, const struct fb_row *nr, int r)
{
	int lc = w->cols - 1;
	const struct fb_cell *x;

	if (lc > 0 && nr->cells[lc].width == 0 && nr->cells[lc - 1].width == 2) {
		lc--;
	}
	x = &nr->cells[lc];
	if (!w->opt->lean || x->width == 0 || (x->ch == 0 && x->ncomb != 0)) {
		move_to(w, r, w->cols - 1);
		return;
	}
	draw_cell(w, r, lc, nr);
}

/* Steps 8-15: rows, cursor, visibility, pen, modes. */
static void
put_body(struct w *w, const struct fb *old, const struct fb *new,
    const struct fb_row **shown)
{
	int r, from = 0;
	const struct fb_cursor *cur = &new->cur;

	for (r = 0; r < new->rows; r++) {
		const struct fb_row *nr = new->rowv[r];
		const struct fb_row *sr = w->full ? NULL : shown[r];
		int wrap = nr->wrapped && r < new->rows - 1;
		int sw = sr != NULL && sr->wrapped;

		/* old's last row may show its wrap flag or not (no sequence
		 * sets it there): 2 = unknown, so both setting and clearing
		 * are done explicitly. */
		if (sw && old != NULL && sr == old->rowv[old->rows - 1]) {
			sw = 2;
		}
		if (w->full || sr == NULL || !fb_row_same(nr, sr) || sw == 2) {
			draw_row(w, r, nr, sr, sw, from);
		}
		from = 0;
		if (!wrap) {
			continue;
		}
		/* A soft-wrapped row: the receiver's row must end by wrapping
		 * onto the next one (deferred autowrap).  If it is already
		 * so and we did not touch its end, leave it. */
		if (!(w->row == r && w->col == w->cols)) {
			int lc = w->cols - 1;

			if (!w->full && sw == 1) {
				continue;
			}
			if (nr->cells[lc].width == 0 && lc > 0 &&
			    nr->cells[lc - 1].width == 2) {
				lc--;
			}
			draw_cell(w, r, lc, nr);
		}
		/* Continue onto the next row: its first cell, unchanged or
		 * not, is what makes the wrap happen. */
		set_pen(w, &new->rowv[r + 1]->cells[0].rend);
		put_cell(w, &new->rowv[r + 1]->cells[0]);
		from = new->rowv[r + 1]->cells[0].width == 2 ? 2 : 1;
		w->row = r + 1;
		w->col = from < w->cols ? from : w->cols;
	}

	/* Step 9: the cursor. */
	if (cur->pending_wrap && cur->col == w->cols - 1) {
		if (!(w->row == cur->row && w->col == w->cols)) {
			put_pending(w, new->rowv[cur->row], cur->row);
		}
	} else if (w->row != cur->row || w->col != cur->col) {
		move_to(w, cur->row, cur->col);
	}
	/* Step 10. */
	if (w->full || w->vis != cur->visible) {
		put_mode(w, 25, cur->visible);
		w->vis = cur->visible;
	}
	/* Step 11. */
	if (w->full || !w->pen_known) {
		struct fb_rend n = norm(w, &new->pen);

		put_sgr(w, &n);
		w->pen = n;
		w->pen_known = 1;
	} else {
		set_pen(w, &new->pen);
	}
	put_modes(w, old != NULL ? &old->mode : NULL, &new->mode);
}

static void
w_start(struct w *w, struct disp *d, struct core_buf *out,
    const struct fb *new)
{
	w->o.b = out;
	w->o.n = 0;
	w->o.err = 0;
	w->opt = &d->opt;
	w->cols = new->cols;
	w->rows = new->rows;
	w->row = -1;
	w->col = 0;
	w->vis = 1;
	w->pen_known = 0;
	w->pen = rend_default;
	w->full = 0;
}

static int
w_end(struct w *w, struct core_buf *out, size_t len0)
{
	flush(&w->o);
	if (w->o.err != 0) {
		out->len = len0;
		return w->o.err;
	}
	return 0;
}

/* Step 5's clear, and full-repaint mode from here on. */
static void
put_clear(struct w *w)
{
	put(&w->o, "\033[r\033[0m\033[H\033[2J", 14);
	w->row = 0;
	w->col = 0;
	w->pen = rend_default;
	w->pen_known = 1;
	w->full = 1;
	/* Step 6. */
	put(&w->o, "\033[?25l", 6);
	w->vis = 0;
}

int
disp_diff(struct disp *d, const struct fb *old, const struct fb *new,
    struct core_buf *out)
{
	struct w w;
	size_t len0 = out->len;
	int r;
	struct scroll s;

	if (grow(d, new->rows) != 0) {
		return CORE_E_NOMEM;
	}
	w_start(&w, d, out, new);
	w.row = old->cur.row;
	/* A wrap pending in `old` may or may not be pending on the
	 * receiver (a diff reproduces it only where that is cheap): col
	 * cols + 1 says "at the last column, pending unknown", which
	 * allows only moves that work either way (CR, CUP). */
	w.col = old->cur.pending_wrap ? old->cols + 1 : old->cur.col;
	w.vis = old->cur.visible;
	w.pen = norm(&w, &old->pen);
	w.pen_known = 1;

	/* Step 1: bell.  2: title.  3: clipboard.  4: reverse video. */
	if (new->bell_count != old->bell_count) {
		putc1(&w.o, 7);
	}
	if (d->opt.titles && new->title_set && title_differs(old, new)) {
		put_title(&w, new);
	}
	if (new->clip != NULL && clip_differs(old, new)) {
		put(&w.o, "\033]52;c;", 7);
		put_osc_text(&w.o, new->clip->data, new->clip->len);
		putc1(&w.o, 7);
	}
	if (new->mode.reverse_video != old->mode.reverse_video) {
		put_mode(&w, 5, new->mode.reverse_video);
	}
	/* Step 5: size change. */
	if (new->cols != old->cols || new->rows != old->rows) {
		put_clear(&w);
		put_body(&w, old, new, d->shown);
		return w_end(&w, out, len0);
	}
	for (r = 0; r < new->rows; r++) {
		d->shown[r] = old->rowv[r];
	}
	/* Step 7: scroll. */
	if (find_scroll(&w, old, new, &s)) {
		put_scroll(&w, &s, old, d->shown);
	}
	put_body(&w, old, new, d->shown);
	return w_end(&w, out, len0);
}

int
disp_repaint(struct disp *d, const struct fb *new, struct core_buf *out)
{
	struct w w;
	size_t len0 = out->len;

	w_start(&w, d, out, new);
	w.full = 1;
	if (d->opt.titles && new->title_set) {
		put_title(&w, new);
	}
	put_mode(&w, 5, new->mode.reverse_video);
	put_clear(&w);
	put_body(&w, NULL, new, NULL);
	return w_end(&w, out, len0);
}

void
disp_opts_stock(struct disp_opts *o)
{
	memset(o, 0, sizeof *o);
	o->ech = 1;
	o->bce = 1;
	o->titles = 1;
	o->hide_cursor = 1;
}

void
disp_opts_server(struct disp_opts *o)
{
	disp_opts_stock(o);
	o->hide_cursor = 0;
	o->lean = 1;
}

void
disp_init(struct disp *d, const struct disp_opts *o)
{
	d->opt = *o;
	d->shown = NULL;
	d->shown_cap = 0;
}

void
disp_free(struct disp *d)
{
	free(d->shown);
	d->shown = NULL;
	d->shown_cap = 0;
}
