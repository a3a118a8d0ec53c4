/*
 * term/emu.c - printing, C0/C1 controls, ESC sequences and the screen
 * operations they share with the CSI code in emu_csi.c.
 *
 * Behaviour follows xterm (ctlseqs, and the VT100/VT510 manuals where
 * xterm defers to them).  Printing: a character written in the last
 * column leaves the cursor there with a pending wrap (DECAWM "deferred
 * autowrap"); the wrap happens when the next printable character arrives,
 * and marks the row soft-wrapped.  A wide character that does not fit in
 * the last column wraps first.  Writing over half of a wide character
 * blanks the other half.  A combining mark joins the cell before the
 * cursor (the last-column cell while a wrap is pending, the end of the
 * previous row if the cursor is at column 0 of a soft-wrapped row's
 * successor); on a blank cell it gets U+00A0 as its base, as stock mosh
 * does.  Printable ASCII arrives in runs (the parser's fast path) and is
 * stored a row-span at a time.
 */
#include <string.h>

#include "core/err.h"
#include "core/width.h"
#include "term/emu_int.h"

/* DEC Special Graphics (VT100 manual, table 3-9): 0x5F..0x7E. */
static const uint16_t dec_graphics[32] = {
	0x00A0, 0x25C6, 0x2592, 0x2409, 0x240C, 0x240D, 0x240A, 0x00B0,
	0x00B1, 0x2424, 0x240B, 0x2518, 0x2510, 0x250C, 0x2514, 0x253C,
	0x23BA, 0x23BB, 0x2500, 0x23BC, 0x23BD, 0x251C, 0x2524, 0x2534,
	0x252C, 0x2502, 0x2264, 0x2265, 0x03C0, 0x2260, 0x00A3, 0x00B7
};

static uint32_t
map_charset(uint8_t set, uint32_t cp)
{
	if (set == '0' && cp >= 0x5F && cp <= 0x7E) {
		return dec_graphics[cp - 0x5F];
	}
	if (set == 'A' && cp == '#') {
		return 0xA3;	/* United Kingdom set: # is the pound sign */
	}
	return cp;
}

void
vt_reply(struct vt_emu *e, const char *s)
{
	size_t n = strlen(s);

	if ((e->flags & VT_EMU_CLIENT) || n > VT_REPLY_MAX - e->reply_len) {
		return;
	}
	memcpy(e->reply + e->reply_len, s, n);
	e->reply_len += n;
}

void
vt_scroll(struct vt_emu *e, int top, int bottom, int n)
{
	struct fb_rend r = vt_bce(e);

	(void)fb_scroll(&e->fb, top, bottom + 1, n, &r);
}

void
vt_index(struct vt_emu *e)
{
	struct fb *f = &e->fb;

	f->cur.pending_wrap = 0;
	if (f->cur.row == e->bottom) {
		vt_scroll(e, e->top, e->bottom, 1);
	} else if (f->cur.row < f->rows - 1) {
		f->cur.row++;
	}
}

void
vt_rindex(struct vt_emu *e)
{
	struct fb *f = &e->fb;

	f->cur.pending_wrap = 0;
	if (f->cur.row == e->top) {
		vt_scroll(e, e->top, e->bottom, -1);
	} else if (f->cur.row > 0) {
		f->cur.row--;
	}
}

void
vt_goto(struct vt_emu *e, int row, int col)
{
	struct fb *f = &e->fb;

	f->cur.row = row < 0 ? 0 : row >= f->rows ? f->rows - 1 : row;
	f->cur.col = col < 0 ? 0 : col >= f->cols ? f->cols - 1 : col;
	f->cur.pending_wrap = 0;
}

void
vt_erase(struct vt_emu *e, int row, int from, int to)
{
	struct fb *f = &e->fb;
	struct fb_rend r = vt_bce(e);
	struct fb_row *rw;

	if (from < 0) {
		from = 0;
	}
	if (to > f->cols) {
		to = f->cols;
	}
	if (from >= to) {
		return;
	}
	rw = fb_row_mut_span(f, row, from > 0 ? from - 1 : 0,
	    to < f->cols ? to + 1 : to);
	if (rw == NULL) {
		return;
	}
	if (rw->cells[from].width == 0 && from > 0) {
		from--;	/* the wide character this continuation belongs to */
	}
	if (to < f->cols && rw->cells[to].width == 0) {
		to++;	/* the continuation of a wide character cut at to-1 */
	}
	fb_row_fill_blank(rw, from, to, &r);
	if (to == f->cols) {
		rw->wrapped = 0;
	}
}

/* Performs the deferred wrap: marks the row soft-wrapped, goes to
 * column 0 of the next line (scrolling at the region's bottom). */
static void
wrap(struct vt_emu *e)
{
	struct fb *f = &e->fb;
	struct fb_row *rw = fb_row_mut_span(f, f->cur.row, 0, 0);

	if (rw != NULL) {
		rw->wrapped = 1;
	}
	f->cur.col = 0;
	vt_index(e);
}

/* Blanks the halves of wide characters that writing [c, c + w) cuts. */
static void
fix_overlap(struct fb_row *rw, int c, int w)
{
	if (rw->cells[c].width == 0 && c > 0) {
		rw->cells[c - 1] = fb_cell_blank(&rw->cells[c - 1].rend);
	}
	if (rw->cells[c + w - 1].width == 2 && c + w < rw->cols) {
		rw->cells[c + w] = fb_cell_blank(&rw->cells[c + w].rend);
	}
}

/* Shifts cells [c, cols) right by w (IRM); cells pushed off are lost. */
static void
insert_gap(struct fb_row *rw, int c, int w)
{
	int cols = rw->cols;

	if (c + w < cols) {
		memmove(&rw->cells[c + w], &rw->cells[c],
		    (size_t)(cols - c - w) * sizeof rw->cells[0]);
	}
	/* A wide character split by the right edge loses its first half. */
	if (rw->cells[cols - 1].width == 2) {
		rw->cells[cols - 1] = fb_cell_blank(&rw->cells[cols - 1].rend);
	}
}

static void
combine(struct vt_emu *e, uint32_t cp)
{
	struct fb *f = &e->fb;
	struct fb_row *rw;
	struct fb_cell *c;
	int row = f->cur.row, col;

	if (f->cur.pending_wrap) {
		col = f->cur.col;
	} else if (f->cur.col > 0) {
		col = f->cur.col - 1;
	} else if (row > 0 && fb_row_get(f, row - 1)->wrapped) {
		row--;
		col = f->cols - 1;
	} else {
		return;	/* nothing before it on this line */
	}
	if (fb_row_get(f, row)->cells[col].width == 0 && col > 0) {
		col--;
	}
	rw = fb_row_mut_span(f, row, col, col + 1);
	if (rw == NULL) {
		return;
	}
	c = &rw->cells[col];
	if (c->ncomb >= FB_COMB_MAX) {
		return;
	}
	if (c->ch == 0) {
		c->ch = 0xA0;
	}
	c->comb[c->ncomb++] = cp;
}

void
vt_print(struct vt_emu *e, uint32_t cp)
{
	struct fb *f = &e->fb;
	struct fb_row *rw;
	struct fb_cell cell;
	int w, col;

	if (cp < 0x80) {
		cp = map_charset(e->charset[e->gl], cp);
	}
	w = core_width(cp);
	if (w == 0) {
		combine(e, cp);
		return;
	}
	if (w == 2 && f->cols < 2) {
		return;	/* a one-column screen cannot show it */
	}
	if (f->cur.pending_wrap) {
		if (e->autowrap) {
			wrap(e);
		}
		f->cur.pending_wrap = 0;
	}
	if (w == 2 && f->cur.col == f->cols - 1) {
		if (e->autowrap) {
			wrap(e);
		} else {
			f->cur.col = f->cols - 2;
		}
	}
	col = f->cur.col;
	rw = fb_row_mut_span(f, f->cur.row, col > 0 ? col - 1 : 0,
	    e->insert ? f->cols : (col + w < f->cols ? col + w + 1 : f->cols));
	if (rw == NULL) {
		return;
	}
	if (e->insert) {
		if (rw->cells[col].width == 0 && col > 0) {
			rw->cells[col - 1] = fb_cell_blank(&rw->cells[col - 1].rend);
			rw->cells[col] = fb_cell_blank(&rw->cells[col].rend);
		}
		insert_gap(rw, col, w);
	} else {
		/* (After an insert, [col, col + w) held copies of cells that
		 * moved right: nothing there overlaps the new character.) */
		fix_overlap(rw, col, w);
	}
	cell = fb_cell_blank(&f->pen);
	cell.ch = cp == ' ' ? 0 : cp;
	cell.width = (uint8_t)w;
	rw->cells[col] = cell;
	if (w == 2) {
		cell.ch = 0;
		cell.width = 0;
		rw->cells[col + 1] = cell;
	}
	e->last_char = cp;
	col += w;
	if (col >= f->cols) {
		f->cur.col = f->cols - 1;
		f->cur.pending_wrap = e->autowrap;
	} else {
		f->cur.col = col;
	}
}

static void
print_cp(void *user, uint32_t cp)
{
	vt_print(user, cp);
}

/* The hot path: a run of printable ASCII in the ASCII character set. */
void
vt_print_ascii(void *user, const uint8_t *s, size_t n)
{
	struct vt_emu *e = user;
	struct fb *f = &e->fb;
	struct fb_row *rw;
	struct fb_cell cell;
	size_t i, k;
	int col, clean, plain;

	if (e->insert || e->charset[e->gl] != 'B') {
		for (i = 0; i < n; i++) {
			vt_print(e, s[i]);
		}
		return;
	}
	cell = fb_cell_blank(&f->pen);
	plain = f->pen.fg == 0 && f->pen.bg == 0 && f->pen.attrs == 0;
	while (n > 0) {
		if (f->cur.pending_wrap) {
			if (e->autowrap) {
				wrap(e);
			}
			f->cur.pending_wrap = 0;
		}
		col = f->cur.col;
		k = (size_t)(f->cols - col);
		if (n > k && !e->autowrap) {
			/* Without autowrap the surplus piles up in the last
			 * column: rare, so done one by one. */
			for (i = 0; i < n; i++) {
				vt_print(e, s[i]);
			}
			return;
		}
		if (k > n) {
			k = n;
		}
		/* Cells from `clean` on are default blanks (fb.h, dirty):
		 * with a default pen only their character needs storing. */
		clean = plain ? fb_row_get(f, f->cur.row)->dirty : f->cols;
		rw = fb_row_mut_span(f, f->cur.row, col > 0 ? col - 1 : 0,
		    col + (int)k < f->cols ? col + (int)k + 1 : f->cols);
		if (rw == NULL) {
			return;
		}
		fix_overlap(rw, col, (int)k);
		for (i = 0; i < k && col + (int)i < clean; i++) {
			cell.ch = s[i] == ' ' ? 0 : s[i];
			rw->cells[col + (int)i] = cell;
		}
		for (; i < k; i++) {
			rw->cells[col + (int)i].ch = s[i] == ' ' ? 0 : s[i];
		}
		e->last_char = s[k - 1];
		s += k;
		n -= k;
		col += (int)k;
		if (col >= f->cols) {
			f->cur.col = f->cols - 1;
			f->cur.pending_wrap = e->autowrap;
		} else {
			f->cur.col = col;
		}
	}
}

void
vt_tab(struct vt_emu *e, int n)
{
	struct fb *f = &e->fb;
	int col = f->cur.col;

	for (; n > 0 && col < f->cols - 1; n--) {
		do {
			col++;
		} while (col < f->cols - 1 && !e->tabs[col]);
	}
	for (; n < 0 && col > 0; n++) {
		do {
			col--;
		} while (col > 0 && !e->tabs[col]);
	}
	f->cur.col = col;
	f->cur.pending_wrap = 0;
}

static void
execute(void *user, uint32_t c)
{
	struct vt_emu *e = user;
	struct fb *f = &e->fb;

	switch (c) {
	case 0x07:	/* BEL */
		f->bell_count++;
		break;
	case 0x08:	/* BS */
		if (f->cur.col > 0) {
			f->cur.col--;
		}
		f->cur.pending_wrap = 0;
		break;
	case 0x09:	/* HT */
		vt_tab(e, 1);
		break;
	case 0x0A:	/* LF */
	case 0x0B:	/* VT */
	case 0x0C:	/* FF */
		vt_index(e);
		if (e->newline) {
			f->cur.col = 0;
		}
		break;
	case 0x0D:	/* CR */
		f->cur.col = 0;
		f->cur.pending_wrap = 0;
		break;
	case 0x0E:	/* SO: G1 into GL */
		e->gl = 1;
		break;
	case 0x0F:	/* SI: G0 into GL */
		e->gl = 0;
		break;
	case 0x84:	/* IND */
		vt_index(e);
		break;
	case 0x85:	/* NEL */
		vt_index(e);
		f->cur.col = 0;
		break;
	case 0x88:	/* HTS */
		e->tabs[f->cur.col] = 1;
		break;
	case 0x8D:	/* RI */
		vt_rindex(e);
		break;
	default:
		break;	/* other C0/C1 controls do nothing here */
	}
}

void
vt_save_cursor(struct vt_emu *e, struct vt_saved *s)
{
	s->row = e->fb.cur.row;
	s->col = e->fb.cur.col;
	s->pending_wrap = e->fb.cur.pending_wrap;
	s->origin = e->origin;
	s->gl = e->gl;
	s->charset[0] = e->charset[0];
	s->charset[1] = e->charset[1];
	s->pen = e->fb.pen;
}

void
vt_restore_cursor(struct vt_emu *e, const struct vt_saved *s)
{
	vt_goto(e, s->row, s->col);
	if (s->row == e->fb.cur.row && s->col == e->fb.cur.col) {
		e->fb.cur.pending_wrap = s->pending_wrap && e->autowrap;
	}
	e->origin = s->origin;
	e->gl = s->gl;
	e->charset[0] = s->charset[0];
	e->charset[1] = s->charset[1];
	e->fb.pen = s->pen;
}

static void
saved_default(struct vt_saved *s)
{
	memset(s, 0, sizeof *s);
	s->charset[0] = 'B';
	s->charset[1] = 'B';
}

static void
tabs_default(struct vt_emu *e, int from)
{
	int i;

	for (i = from; i < FB_MAX_DIM; i++) {
		e->tabs[i] = i > 0 && i % 8 == 0;
	}
}

void
vt_alt_screen(struct vt_emu *e, int on, int clear)
{
	int r;

	if (!on == !e->alt_active) {
		return;
	}
	/* The other screen's rows are made on first use. */
	if (e->other.rowv == NULL &&
	    fb_init(&e->other, e->fb.cols, e->fb.rows) != 0) {
		return;
	}
	fb_swap_rows(&e->fb, &e->other);
	e->alt_active = (uint8_t)!!on;
	if (clear) {
		for (r = 0; r < e->fb.rows; r++) {
			vt_erase(e, r, 0, e->fb.cols);
		}
	}
}

/* What both DECSTR and loading a snapshot put back: the emulator's own
 * modes, margins, character sets and saved cursors (not the screen). */
static void
reset_state(struct vt_emu *e)
{
	e->insert = 0;
	e->origin = 0;
	e->autowrap = 1;
	e->top = 0;
	e->bottom = e->fb.rows - 1;
	e->gl = 0;
	e->charset[0] = 'B';
	e->charset[1] = 'B';
	saved_default(&e->saved);
	saved_default(&e->saved_alt);
}

void
vt_reset(struct vt_emu *e, int hard)
{
	struct fb *f = &e->fb;
	static const struct fb_rend plain;
	int r;

	f->pen = plain;
	f->cur.visible = 1;
	f->mode.app_cursor = 0;
	reset_state(e);
	if (!hard) {
		return;
	}
	vt_alt_screen(e, 0, 0);
	memset(&f->mode, 0, sizeof f->mode);
	e->newline = 0;
	e->last_char = 0;
	tabs_default(e, 0);
	for (r = 0; r < f->rows; r++) {
		vt_erase(e, r, 0, f->cols);
	}
	vt_goto(e, 0, 0);
}

/* DECALN: the screen filled with E, margins reset, cursor home. */
static void
decaln(struct vt_emu *e)
{
	struct fb *f = &e->fb;
	struct fb_cell cell;
	struct fb_row *rw;
	int r, c;

	e->top = 0;
	e->bottom = f->rows - 1;
	e->origin = 0;
	f->pen.attrs = 0;
	f->pen.fg = f->pen.bg = FB_COLOR_DEFAULT;
	cell = fb_cell_blank(&f->pen);
	cell.ch = 'E';
	for (r = 0; r < f->rows; r++) {
		rw = fb_row_mut(f, r);
		if (rw == NULL) {
			continue;
		}
		for (c = 0; c < f->cols; c++) {
			rw->cells[c] = cell;
		}
		rw->wrapped = 0;
	}
	vt_goto(e, 0, 0);
}

static void
esc(void *user, const struct vt_seq *s)
{
	struct vt_emu *e = user;
	struct fb *f = &e->fb;

	if (s->ninter == 1) {
		if (s->inter[0] == '#' && s->final == '8') {
			decaln(e);
		} else if (s->inter[0] == '(' || s->inter[0] == ')') {
			/* SCS: designate G0 / G1 (only 94-character sets). */
			e->charset[s->inter[0] == ')'] =
			    s->final == '0' || s->final == 'A' ? s->final : 'B';
		} else {
			e->ignored++;
		}
		return;
	}
	if (s->ninter != 0) {
		e->ignored++;
		return;
	}
	switch (s->final) {
	case '7':	/* DECSC */
		vt_save_cursor(e, &e->saved);
		break;
	case '8':	/* DECRC */
		vt_restore_cursor(e, &e->saved);
		break;
	case 'D':	/* IND */
		vt_index(e);
		break;
	case 'E':	/* NEL */
		vt_index(e);
		f->cur.col = 0;
		break;
	case 'H':	/* HTS */
		e->tabs[f->cur.col] = 1;
		break;
	case 'M':	/* RI */
		vt_rindex(e);
		break;
	case 'c':	/* RIS */
		vt_reset(e, 1);
		break;
	case '\\':	/* ST, ending a string already dealt with */
		break;
	default:
		e->ignored++;	/* DECKPAM/DECKPNM, SS2/SS3 ... */
		break;
	}
}

static const struct vt_parser_ops emu_ops = {
	print_cp, vt_print_ascii, execute, esc, vt_csi, vt_osc
};

int
vt_emu_init(struct vt_emu *e, int cols, int rows, unsigned flags)
{
	int rc;

	memset(e, 0, sizeof *e);
	rc = fb_init(&e->fb, cols, rows);
	if (rc != 0) {
		return rc;
	}
	e->flags = flags;
	vt_parser_init(&e->parser, &emu_ops, e);
	vt_reset(e, 1);
	return 0;
}

void
vt_emu_fini(struct vt_emu *e)
{
	vt_parser_fini(&e->parser);
	fb_free(&e->fb);
	fb_free(&e->other);
}

void
vt_emu_feed(struct vt_emu *e, const void *data, size_t len)
{
	vt_parser_feed(&e->parser, data, len);
}

int
vt_emu_resize(struct vt_emu *e, int cols, int rows)
{
	int oc = e->fb.cols, orows = e->fb.rows, rc;

	if (e->other.rowv != NULL) {
		rc = fb_resize(&e->other, cols, rows);
		if (rc != 0) {
			return rc;
		}
	}
	rc = fb_resize(&e->fb, cols, rows);
	if (rc != 0) {
		if (e->other.rowv != NULL) {
			(void)fb_resize(&e->other, oc, orows);
		}
		return rc;
	}
	e->top = 0;
	e->bottom = rows - 1;
	if (cols > oc) {
		tabs_default(e, oc);
	}
	return 0;
}

int
vt_emu_load(struct vt_emu *e, const struct fb *f)
{
	struct fb copy;

	if (fb_copy(&copy, f) != 0) {
		return CORE_E_NOMEM;
	}
	fb_free(&e->fb);
	fb_free(&e->other);
	e->fb = copy;
	/* Rows were shared by fb_copy; the struct moved, its storage did
	 * not, so nothing points at `copy`. */
	e->alt_active = 0;
	e->newline = 0;
	e->last_char = 0;
	e->reply_len = 0;
	reset_state(e);
	tabs_default(e, 0);
	vt_parser_reset(&e->parser);
	return 0;
}

size_t
vt_input_translate(struct vt_input *in, int app_cursor, const uint8_t *s,
    size_t n, uint8_t *out)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		uint8_t b = s[i];

		if (in->state == 2) {
			/* After ESC O: an arrow key, in normal mode, becomes
			 * ESC [ A..D; anything else passes with its O. */
			out[o++] = !app_cursor && b >= 'A' && b <= 'D' ? '[' : 'O';
			out[o++] = b;
			in->state = 0;
		} else if (in->state == 1 && b == 'O') {
			in->state = 2;	/* held until the next byte */
		} else {
			out[o++] = b;
			in->state = b == 0x1B;
		}
	}
	return o;
}
