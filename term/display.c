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
 * The primitives (SGR, text, cursor moves, output staging) are in
 * display_emit.c.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "term/display_int.h"

/* ---------------------------------------------------------------------- */
/* rows */

static inline const struct fb_cell *
shown_cell(const struct fb_row *s, int c)
{
	return s != NULL ? &s->cells[c] : &cell_default;
}

static inline int
need(const struct disp_w *w, const struct fb_row *n, const struct fb_row *s,
    int c)
{
	/* (field by field: at -Os gcc calls memcmp, and musl's memcmp goes
	 * byte by byte; that was 60% of the client's instructions) */
	return w->full || !fb_cell_equal(&n->cells[c], shown_cell(s, c));
}

/* Erasing with pen "default colours, no attributes, background bg" gives
 * exactly this cell, whatever the receiver's erase keeps. */
static inline int
erasable(const struct disp_w *w, const struct fb_cell *c)
{
	struct fb_rend r = norm(w, &c->rend);

	return r.fg == FB_COLOR_DEFAULT && r.attrs == 0 &&
	    (w->opt->bce || r.bg == FB_COLOR_DEFAULT);
}

/* Can (r, c) be reached by writing the cells the cursor passes over again,
 * for fewer bytes than a move?  Every gap cell must be narrow, printable
 * as itself, already right on the receiver (the caller skipped it), and
 * in one rendition: the current pen, or the one the next cell needs
 * anyway. */
static int
gap_rewrite(struct disp_w *w, int r, int c, const struct fb_row *nr,
    const struct fb_rend *next)
{
	unsigned cost, bytes = 0;
	struct fb_rend gr = w->pen, nn = norm(w, next);
	int i;

	if (w->row != r || w->col >= c || !w->pen_known || c - w->col > 8) {
		return 0;
	}
	disp_pick_move(w, r, c, &cost);
	if (w->opt->hide_cursor && w->vis) {
		cost += 6;
	}
	for (i = w->col; i < c; i++) {
		const struct fb_cell *x = &nr->cells[i];
		struct fb_rend xr = norm(w, &x->rend);

		if (x->width != 1 || x->ncomb != 0 || x->ch >= 0x80) {
			return 0;
		}
		/* Stock (whose cells tell a typed space from an erased one)
		 * rewrites only blanks; lean anything. */
		if (!w->opt->lean && x->ch != 0) {
			return 0;
		}
		/* All in one rendition: the pen's, or the one the next cell
		 * needs anyway. */
		if (i == w->col && !fb_rend_equal(&xr, &w->pen)) {
			gr = xr;
		}
		if (!fb_rend_equal(&xr, &gr) || (!fb_rend_equal(&gr, &w->pen) &&
		    !fb_rend_equal(&gr, &nn))) {
			return 0;
		}
		if (++bytes >= cost) {
			return 0;
		}
	}
	disp_set_pen(w, &gr);
	for (i = w->col; i < c; i++) {
		disp_put_cell(w, &nr->cells[i]);
	}
	w->col = c;
	return 1;
}

static void
approach(struct disp_w *w, int r, int c, const struct fb_row *nr,
    const struct fb_rend *next)
{
	if (!gap_rewrite(w, r, c, nr, next)) {
		disp_move_to(w, r, c);
	}
}

/* Writes cell c of row nr at (r, c) and advances the model cursor. */
static void
draw_cell(struct disp_w *w, int r, int c, const struct fb_row *nr)
{
	const struct fb_cell *x = &nr->cells[c];

	approach(w, r, c, nr, &x->rend);
	disp_set_pen(w, &x->rend);
	disp_put_cell(w, x);
	w->col = c + (x->width == 2 ? 2 : 1);
}

static void
put_ech(struct disp_w *w, int n)
{
	put(&w->o, "\033[", 2);
	disp_putn(&w->o, (unsigned)n);
	putc1(&w->o, 'X');
}

/* A run of blank cells [c, last] of one rendition; e is where the run of
 * blanks ends (e == cols: it reaches the end of the row). */
static void
draw_blanks(struct disp_w *w, int r, int c, int last, int e,
    const struct fb_row *nr, const struct fb_row *sr, int wrap)
{
	const struct fb_cell *x = &nr->cells[c];
	int n = last + 1 - c, ech = 0;
	struct fb_rend er = rend_default;

	if (erasable(w, x)) {
		er.bg = x->rend.bg;
		if (e == w->cols && !wrap) {
			approach(w, r, c, nr, &er);
			disp_set_pen(w, &er);
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
			unsigned e_cost = 3 + disp_numlen((unsigned)n), s_cost;

			while (nx < w->cols && !need(w, nr, sr, nx)) {
				nx++;
			}
			s_cost = (unsigned)n;
			if (nx < w->cols) {
				e_cost += disp_cup_len(w, r, nx);
				if (nx > last + 1) {
					s_cost += disp_cup_len(w, r, nx);
				}
			}
			ech = e_cost < s_cost;
		}
	}
	approach(w, r, c, nr, ech ? &er : &x->rend);
	if (ech) {
		disp_set_pen(w, &er);
		put_ech(w, n);
	} else {
		disp_set_pen(w, &x->rend);
		disp_put_rep(&w->o, ' ', n);
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
draw_row(struct disp_w *w, int r, const struct fb_row *nr,
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
			approach(w, r, c, nr, &w->pen);
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
		if (x->ch - 0x21u < 0x5Eu && x->width == 1 && x->ncomb == 0 &&
		    w->row == r && w->col == c && w->pen_known &&
		    fb_rend_equal(&x->rend, &w->pen)) {
			/* The common case: ASCII at the cursor in the pen. */
			putc1(&w->o, (uint8_t)x->ch);
			w->col = ++c;
			continue;
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

/* k > 0: rows [top, top + h) of new are old rows [top + k, top + k + h)
 * (content moved up over the region [top, top + h + k)).  k < 0: rows
 * [top - k, top - k + h) of new are old rows [top, top + h) (moved down
 * over [top, top - k + h)). */
struct scroll {
	int top, k, h;
};

/* Length of the run of new rows from t that are old rows from j. */
static int
run_len(const struct fb *old, const struct fb *new, int t, int j)
{
	int h = 0;

	while (t + h < new->rows && j + h < new->rows &&
	    rows_match(new->rowv[t + h], old->rowv[j + h])) {
		h++;
	}
	return h;
}

/* Rows saved by a scroll that brings old rows [j, j + h) to new rows
 * [t, t + h), less rows it spoils (rows that were right and are blanked:
 * [t + h, j + h) going up, [j, t) going down). */
static int
scroll_gain(const struct fb *old, const struct fb *new, int t, int j, int h)
{
	int i, g = 0, from = j > t ? t + h : j, to = j > t ? j + h : t;

	for (i = t; i < t + h; i++) {
		if (!fb_row_same(new->rowv[i], old->rowv[i]) &&
		    !fb_row_equal(new->rowv[i], old->rowv[i])) {
			g++;
		}
	}
	for (i = from; i < to; i++) {
		if (rows_match(new->rowv[i], old->rowv[i]) &&
		    !row_blank(new->rowv[i])) {
			g--;
		}
	}
	return g;
}

/* The old row new row t could come from: j > t (scroll up), else j < t
 * (scroll down, if allowed); -1 if none.  Rows are found by identity;
 * by content too for the first changed row. */
static int
source_row(const struct disp_w *w, const struct fb *old, const struct fb *new,
    int t, int content)
{
	const struct fb_row *nr = new->rowv[t];
	int j;

	for (j = t + 1; j < new->rows; j++) {
		if (fb_row_same(nr, old->rowv[j]) ||
		    (content && fb_row_equal(nr, old->rowv[j]))) {
			return j;
		}
	}
	for (j = t - 1; w->opt->ri && j >= 0; j--) {
		if (fb_row_same(nr, old->rowv[j]) ||
		    (content && fb_row_equal(nr, old->rowv[j]))) {
			return j;
		}
	}
	return -1;
}

static int
find_scroll(const struct disp_w *w, const struct fb *old, const struct fb *new,
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
	for (t = first; t >= 0 && t < new->rows; t++) {
		int h, g;

		if (fb_row_same(new->rowv[t], old->rowv[t]) ||
		    (j = source_row(w, old, new, t, t == first)) < 0) {
			continue;
		}
		h = run_len(old, new, t, j);
		g = scroll_gain(old, new, t, j, h);
		if (g > bestg) {
			bestg = g;
			best->top = j > t ? t : j;
			best->k = j - t;
			best->h = h;
		}
		t += h - 1;	/* rows in the run start no other */
	}
	return bestg > 0;
}

static void
put_stbm(struct disp_w *w, int top, int bottom)
{
	put(&w->o, "\033[", 2);
	disp_putn(&w->o, (unsigned)top + 1);
	putc1(&w->o, ';');
	disp_putn(&w->o, (unsigned)bottom);
	putc1(&w->o, 'r');
	w->row = -1;	/* DECSTBM homes the cursor; trust nothing */
}

/* Scrolls down by d over rows [top, bottom): reverse index at the top. */
static void
put_scroll_down(struct disp_w *w, int top, int bottom, int d)
{
	int region = top != 0 || bottom != w->rows;

	if (region) {
		put_stbm(w, top, bottom);
	}
	disp_move_to(w, top, 0);
	while (d-- > 0) {
		put(&w->o, "\033M", 2);
	}
	if (region) {
		put(&w->o, "\033[r", 3);
		w->row = -1;
	}
}

static void
put_scroll(struct disp_w *w, const struct scroll *s, const struct fb *old,
    const struct fb_row **shown)
{
	int d = s->k < 0 ? -s->k : s->k;
	int bottom = s->top + s->h + d;	/* 1-based bottom row */
	int i;

	put(&w->o, "\033[0m", 4);
	w->pen = rend_default;
	w->pen_known = 1;
	if (s->k < 0) {
		put_scroll_down(w, s->top, bottom, d);
		for (i = s->top; i < bottom; i++) {
			shown[i] = i - d >= s->top ? old->rowv[i - d] : NULL;
		}
		return;
	}
	if (s->top == 0 && bottom == w->rows &&
	    (w->row == w->rows - 1 || w->opt->lean)) {
		if (w->row == w->rows - 1 && !w->opt->lean) {
			putc1(&w->o, '\r');
			w->col = 0;
		} else {
			disp_move_to(w, w->rows - 1, 0);
		}
		disp_put_rep(&w->o, '\n', s->k);
	} else {
		put_stbm(w, s->top, bottom);
		disp_move_to(w, bottom - 1, 0);
		disp_put_rep(&w->o, '\n', s->k);
		put(&w->o, "\033[r", 3);
		w->row = -1;
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
put_title(struct disp_w *w, const struct fb *f)
{
	if (f->title_len == f->icon_len &&
	    memcmp(f->title, f->icon, f->title_len) == 0) {
		put(&w->o, "\033]0;", 4);
		disp_put_osc_text(&w->o, (const uint8_t *)f->title, f->title_len);
		putc1(&w->o, 7);
		return;
	}
	put(&w->o, "\033]1;", 4);
	disp_put_osc_text(&w->o, (const uint8_t *)f->icon, f->icon_len);
	put(&w->o, "\007\033]2;", 5);
	disp_put_osc_text(&w->o, (const uint8_t *)f->title, f->title_len);
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
put_mode(struct disp_w *w, unsigned mode, int on)
{
	put(&w->o, "\033[?", 3);
	disp_putn(&w->o, mode);
	putc1(&w->o, on ? 'h' : 'l');
}

/* Steps 12-15; `old` is NULL in a frame that started in full repaint. */
static void
put_modes(struct disp_w *w, const struct fb_modes *old, const struct fb_modes *m)
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
put_pending(struct disp_w *w, const struct fb_row *nr, int r)
{
	int lc = w->cols - 1;
	const struct fb_cell *x;

	if (lc > 0 && nr->cells[lc].width == 0 && nr->cells[lc - 1].width == 2) {
		lc--;
	}
	x = &nr->cells[lc];
	if (!w->opt->lean || x->width == 0 || (x->ch == 0 && x->ncomb != 0)) {
		disp_move_to(w, r, w->cols - 1);
		return;
	}
	draw_cell(w, r, lc, nr);
}

/* Steps 8-15: rows, cursor, visibility, pen, modes. */
static void
put_body(struct disp_w *w, const struct fb *old, const struct fb *new,
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
		if (w->full || sr == NULL || sw == 2 ||
		    (!fb_row_same(nr, sr) && !fb_row_equal(nr, sr))) {
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
		disp_set_pen(w, &new->rowv[r + 1]->cells[0].rend);
		disp_put_cell(w, &new->rowv[r + 1]->cells[0]);
		from = new->rowv[r + 1]->cells[0].width == 2 ? 2 : 1;
		w->row = r + 1;
		w->col = from < w->cols ? from : w->cols;
	}

	/* Step 9: the cursor. */
	if (cur->pending_wrap && cur->col == w->cols - 1) {
		/* (a receiver at the last column, wrap pending or not, is
		 * fine: only a wrap pending where new has none is wrong) */
		if (!(w->row == cur->row && w->col >= w->cols)) {
			put_pending(w, new->rowv[cur->row], cur->row);
		}
	} else if (w->row != cur->row || w->col != cur->col) {
		/* (rewriting a short gap, in the pen step 11 sets anyway) */
		approach(w, cur->row, cur->col, new->rowv[cur->row], &new->pen);
	}
	/* Step 10. */
	if (w->full || w->vis != cur->visible) {
		put_mode(w, 25, cur->visible);
		w->vis = cur->visible;
	}
	/* Step 11. */
	if (w->full || !w->pen_known) {
		struct fb_rend n = norm(w, &new->pen);

		disp_put_sgr(w, &n);
		w->pen = n;
		w->pen_known = 1;
	} else {
		disp_set_pen(w, &new->pen);
	}
	put_modes(w, old != NULL ? &old->mode : NULL, &new->mode);
}

static void
w_start(struct disp_w *w, struct disp *d, struct core_buf *out,
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
w_end(struct disp_w *w, struct core_buf *out, size_t len0)
{
	disp_flush(&w->o);
	if (w->o.err != 0) {
		out->len = len0;
		return w->o.err;
	}
	return 0;
}

/* Step 5's clear, and full-repaint mode from here on. */
static void
put_clear(struct disp_w *w)
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
	struct disp_w w;
	size_t len0 = out->len;
	int r;
	struct scroll s = { 0, 0, 0 };

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
		disp_put_osc_text(&w.o, new->clip->data, new->clip->len);
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
	struct disp_w w;
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
