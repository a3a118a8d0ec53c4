/*
 * term/emu_csi.c - CSI sequences, SGR, modes and OSC for the emulator.
 *
 * Cursor motion is clamped to the screen, and to the scroll region when
 * the cursor starts inside it (CUU/CUD, as xterm) or origin mode is on
 * (CUP/HVP/VPA rows are then relative to the region's top).  Erases use
 * the pen's background (BCE).  A parameter of 0 means 1 for counts.
 *
 * Parsed but deliberately ignored: DECSLRM and left/right margins (CSI s
 * with DECLRMM is never on, so CSI s is always SCOSC), window operations
 * (CSI t: resizing or reporting the user's window is not the
 * application's business over mosh), DECSCUSR cursor shapes, DECRQM and
 * DECRQSS queries, xterm modifyOtherKeys (CSI > m), the width change
 * of DECCOLM (?3: the user's terminal owns the width), mouse
 * alternate scroll (?1007), keypad modes, DCS strings (DECUDK, Sixel,
 * XTGETTCAP), OSC other than 0/1/2/52 (palette, hyperlinks, cwd), the
 * OSC 52 read request ("?", which would leak the user's clipboard to the
 * remote application), and 96-character sets.
 */
#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "term/emu_int.h"

/* A count parameter: missing or 0 mean 1. */
static int
count(const struct vt_seq *s, unsigned i)
{
	uint32_t v = vt_seq_param(s, i, 1);

	return v == 0 ? 1 : (int)v;
}

/* Rows the cursor may move between vertically from where it is. */
static void
vlimits(const struct vt_emu *e, int *lo, int *hi)
{
	int row = e->fb.cur.row;

	*lo = row >= e->top ? e->top : 0;
	*hi = row <= e->bottom ? e->bottom : e->fb.rows - 1;
	if (e->origin) {
		*lo = e->top;
		*hi = e->bottom;
	}
}

/* CUP/HVP/VPA row (1-based parameter) honouring origin mode. */
static void
goto_origin(struct vt_emu *e, int row1, int col1)
{
	int row = row1 - 1;

	if (e->origin) {
		row += e->top;
		if (row > e->bottom) {
			row = e->bottom;
		}
	}
	vt_goto(e, row, col1 - 1);
}

static void
ed(struct vt_emu *e, uint32_t mode)
{
	struct fb *f = &e->fb;
	int r;

	switch (mode) {
	case 0:
		vt_erase(e, f->cur.row, f->cur.col, f->cols);
		for (r = f->cur.row + 1; r < f->rows; r++) {
			vt_erase(e, r, 0, f->cols);
		}
		break;
	case 1:
		for (r = 0; r < f->cur.row; r++) {
			vt_erase(e, r, 0, f->cols);
		}
		vt_erase(e, f->cur.row, 0, f->cur.col + 1);
		break;
	case 2:
		for (r = 0; r < f->rows; r++) {
			vt_erase(e, r, 0, f->cols);
		}
		break;
	default:
		return;	/* 3 (scrollback) has nothing to erase here */
	}
	f->cur.pending_wrap = 0;
}

static void
el(struct vt_emu *e, uint32_t mode)
{
	struct fb *f = &e->fb;

	if (mode == 0) {
		vt_erase(e, f->cur.row, f->cur.col, f->cols);
	} else if (mode == 1) {
		vt_erase(e, f->cur.row, 0, f->cur.col + 1);
	} else if (mode == 2) {
		vt_erase(e, f->cur.row, 0, f->cols);
	} else {
		return;
	}
	f->cur.pending_wrap = 0;
}

/* ICH (n > 0) and DCH (n < 0) on the cursor row. */
static void
shift_chars(struct vt_emu *e, int n)
{
	struct fb *f = &e->fb;
	struct fb_rend r = vt_bce(e);
	struct fb_row *rw;
	int col = f->cur.col, cols = f->cols, k = n > 0 ? n : -n;

	f->cur.pending_wrap = 0;
	if (k > cols - col) {
		k = cols - col;
	}
	rw = fb_row_mut(f, f->cur.row);
	if (rw == NULL) {
		return;
	}
	/* Split wide characters at the cursor and at the far edge first. */
	if (rw->cells[col].width == 0 && col > 0) {
		rw->cells[col - 1] = fb_cell_blank(&rw->cells[col - 1].rend);
		rw->cells[col] = fb_cell_blank(&rw->cells[col].rend);
	}
	if (n > 0) {
		memmove(&rw->cells[col + k], &rw->cells[col],
		    (size_t)(cols - col - k) * sizeof rw->cells[0]);
		fb_row_fill_blank(rw, col, col + k, &r);
		if (rw->cells[cols - 1].width == 2) {
			rw->cells[cols - 1] = fb_cell_blank(&rw->cells[cols - 1].rend);
		}
	} else {
		if (col + k < cols && rw->cells[col + k].width == 0) {
			rw->cells[col + k] = fb_cell_blank(&rw->cells[col + k].rend);
		}
		memmove(&rw->cells[col], &rw->cells[col + k],
		    (size_t)(cols - col - k) * sizeof rw->cells[0]);
		fb_row_fill_blank(rw, cols - k, cols, &r);
	}
}

/* IL (n > 0) and DL (n < 0): only inside the scroll region. */
static void
shift_lines(struct vt_emu *e, int n)
{
	struct fb *f = &e->fb;

	if (f->cur.row < e->top || f->cur.row > e->bottom) {
		return;
	}
	vt_scroll(e, f->cur.row, e->bottom, -n);
	f->cur.col = 0;
	f->cur.pending_wrap = 0;
}

static void
decstbm(struct vt_emu *e, const struct vt_seq *s)
{
	int top = (int)vt_seq_param(s, 0, 1), bot;

	bot = (int)vt_seq_param(s, 1, (uint32_t)e->fb.rows);
	if (top == 0) {
		top = 1;
	}
	if (bot == 0 || bot > e->fb.rows) {
		bot = e->fb.rows;
	}
	if (top >= bot) {
		return;	/* the region must be at least two lines */
	}
	e->top = top - 1;
	e->bottom = bot - 1;
	goto_origin(e, 1, 1);
}

static void
reply_cpr(struct vt_emu *e, int dec)
{
	char buf[48];
	int row = e->fb.cur.row + 1;

	if (e->origin) {
		row -= e->top;
	}
	snprintf(buf, sizeof buf, "\033[%s%d;%dR", dec ? "?" : "", row,
	    e->fb.cur.col + 1);
	vt_reply(e, buf);
}

static void vt_sgr(struct vt_emu *e, const struct vt_seq *s);
static void rep(struct vt_emu *e, int n);
static void vt_modes(struct vt_emu *e, const struct vt_seq *s, int set);

static void
csi_private(struct vt_emu *e, const struct vt_seq *s)
{
	if (s->prefix == '?') {
		switch (s->final) {
		case 'h':
		case 'l':
			vt_modes(e, s, s->final == 'h');
			break;
		case 'J':	/* DECSED: no protected cells, so as ED */
			ed(e, vt_seq_param(s, 0, 0));
			break;
		case 'K':	/* DECSEL */
			el(e, vt_seq_param(s, 0, 0));
			break;
		case 'n':
			if (vt_seq_param(s, 0, 0) == 6) {
				reply_cpr(e, 1);	/* DECXCPR */
			}
			break;
		default:
			e->ignored++;
			break;
		}
	} else if (s->prefix == '>' && s->final == 'c') {
		if (vt_seq_param(s, 0, 0) == 0) {
			vt_reply(e, "\033[>1;10;0c");	/* DA2: a VT220 */
		}
	} else {
		e->ignored++;
	}
}

/* Cursor-motion CSIs.  Returns 0 if s was not one. */
static int
csi_move(struct vt_emu *e, const struct vt_seq *s)
{
	struct fb *f = &e->fb;
	int n = count(s, 0), lo, hi, row = f->cur.row, col = f->cur.col;

	vlimits(e, &lo, &hi);
	switch (s->final) {
	case 'A':	/* CUU */
		vt_goto(e, row - n < lo ? lo : row - n, col);
		break;
	case 'B':	/* CUD */
	case 'e':	/* VPR */
		vt_goto(e, row + n > hi ? hi : row + n, col);
		break;
	case 'C':	/* CUF */
	case 'a':	/* HPR */
		vt_goto(e, row, col + n);
		break;
	case 'D':	/* CUB */
		vt_goto(e, row, col - n);
		break;
	case 'E':	/* CNL */
		vt_goto(e, row + n > hi ? hi : row + n, 0);
		break;
	case 'F':	/* CPL */
		vt_goto(e, row - n < lo ? lo : row - n, 0);
		break;
	case 'G':	/* CHA */
	case '`':	/* HPA */
		vt_goto(e, row, n - 1);
		break;
	case 'H':	/* CUP */
	case 'f':	/* HVP */
		goto_origin(e, n, count(s, 1));
		break;
	case 'd':	/* VPA */
		goto_origin(e, n, col + 1);
		break;
	case 'I':	/* CHT */
		vt_tab(e, n);
		break;
	case 'Z':	/* CBT */
		vt_tab(e, -n);
		break;
	default:
		return 0;
	}
	return 1;
}

void
vt_csi(void *user, const struct vt_seq *s)
{
	struct vt_emu *e = user;
	struct fb *f = &e->fb;
	int n = count(s, 0);

	if (s->prefix != 0) {
		if (s->ninter == 0) {
			csi_private(e, s);
		} else {
			e->ignored++;
		}
		return;
	}
	if (s->ninter == 1 && s->inter[0] == '!' && s->final == 'p') {
		vt_reset(e, 0);	/* DECSTR */
		return;
	}
	if (s->ninter != 0) {
		e->ignored++;
		return;
	}
	if (csi_move(e, s)) {
		return;
	}
	switch (s->final) {
	case '@':	/* ICH */
		shift_chars(e, n);
		break;
	case 'P':	/* DCH */
		shift_chars(e, -n);
		break;
	case 'J':	/* ED */
		ed(e, vt_seq_param(s, 0, 0));
		break;
	case 'K':	/* EL */
		el(e, vt_seq_param(s, 0, 0));
		break;
	case 'L':	/* IL */
		shift_lines(e, n);
		break;
	case 'M':	/* DL */
		shift_lines(e, -n);
		break;
	case 'S':	/* SU */
		vt_scroll(e, e->top, e->bottom, n);
		break;
	case 'T':	/* SD; with 5 params it is xterm mouse tracking: ignored */
		if (s->nparam <= 1) {
			vt_scroll(e, e->top, e->bottom, -n);
		}
		break;
	case 'X':	/* ECH */
		vt_erase(e, f->cur.row, f->cur.col, f->cur.col + n);
		f->cur.pending_wrap = 0;
		break;
	case 'b':	/* REP */
		rep(e, n);
		break;
	case 'c':	/* DA1 */
		if (vt_seq_param(s, 0, 0) == 0) {
			vt_reply(e, "\033[?62c");	/* VT220, as stock mosh */
		}
		break;
	case 'g':	/* TBC */
		if (vt_seq_param(s, 0, 0) == 0) {
			e->tabs[f->cur.col] = 0;
		} else if (vt_seq_param(s, 0, 0) == 3) {
			memset(e->tabs, 0, sizeof e->tabs);
		}
		break;
	case 'h':	/* SM */
	case 'l':	/* RM */
		vt_modes(e, s, s->final == 'h');
		break;
	case 'm':
		vt_sgr(e, s);
		break;
	case 'n':	/* DSR */
		if (vt_seq_param(s, 0, 0) == 5) {
			vt_reply(e, "\033[0n");
		} else if (vt_seq_param(s, 0, 0) == 6) {
			reply_cpr(e, 0);
		}
		break;
	case 'r':	/* DECSTBM */
		decstbm(e, s);
		break;
	case 's':	/* SCOSC */
		vt_save_cursor(e, &e->saved);
		break;
	case 'u':	/* SCORC */
		vt_restore_cursor(e, &e->saved);
		break;
	default:
		e->ignored++;
		break;
	}
}

/* REP: the last graphic character n more times, bounded by the screen
 * size (more is invisible); ASCII goes through the run fast path. */
static void
rep(struct vt_emu *e, int n)
{
	uint8_t run[128];
	int i, k;

	if (e->last_char == 0) {
		return;
	}
	if (n > e->fb.cols * e->fb.rows) {
		n = e->fb.cols * e->fb.rows;
	}
	if (e->last_char < 0x20 || e->last_char >= 0x7F) {
		for (i = 0; i < n; i++) {
			vt_print(e, e->last_char);
		}
		return;
	}
	memset(run, (int)e->last_char, sizeof run);
	for (; n > 0; n -= k) {
		k = n < (int)sizeof run ? n : (int)sizeof run;
		vt_print_ascii(e, run, (size_t)k);
	}
}

/* ANSI modes (SM/RM) when set is used without prefix; DEC private modes
 * (DECSET/DECRST) with '?'. */
static void
vt_modes(struct vt_emu *e, const struct vt_seq *s, int set)
{
	struct fb *f = &e->fb;
	unsigned i;

	for (i = 0; i < s->nparam; i++) {
		uint32_t m = s->param[i];

		if (s->prefix == 0) {
			if (m == 4) {
				e->insert = (uint8_t)set;	/* IRM */
			} else if (m == 20) {
				e->newline = (uint8_t)set;	/* LNM */
			} else {
				e->ignored++;
			}
			continue;
		}
		switch (m) {
		case 1:
			f->mode.app_cursor = (uint8_t)set;	/* DECCKM */
			break;
		case 5:
			f->mode.reverse_video = (uint8_t)set;	/* DECSCNM */
			break;
		case 6:
			e->origin = (uint8_t)set;	/* DECOM */
			goto_origin(e, 1, 1);
			break;
		case 7:
			e->autowrap = (uint8_t)set;	/* DECAWM */
			if (!set) {
				f->cur.pending_wrap = 0;
			}
			break;
		case 25:
			f->cur.visible = (uint8_t)set;	/* DECTCEM */
			break;
		case 9:
		case 1000:
		case 1001:
		case 1002:
		case 1003:
			/* One tracking mode at a time; resetting any turns
			 * tracking off (xterm). */
			f->mode.mouse_mode = (uint16_t)(set ? m : 0);
			break;
		case 1004:
			f->mode.focus_events = (uint8_t)set;
			break;
		case 1005:
		case 1006:
		case 1015:
			if (set) {
				f->mode.mouse_enc = (uint16_t)m;
			} else if (f->mode.mouse_enc == m) {
				f->mode.mouse_enc = 0;
			}
			break;
		case 2004:
			f->mode.bracketed_paste = (uint8_t)set;
			break;
		case 3:
			/* DECCOLM: the width does not change (the user's
			 * terminal decides it), but as on DEC terminals the
			 * screen is cleared, margins reset and the cursor
			 * homed; vttest relies on it. */
			ed(e, 2);
			e->top = 0;
			e->bottom = f->rows - 1;
			vt_goto(e, 0, 0);
			break;
		case 47:	/* alternate screen, no clearing */
			vt_alt_screen(e, set, 0);
			break;
		case 1047:	/* alternate screen, cleared on leaving */
			if (!set && e->alt_active) {
				ed(e, 2);
			}
			vt_alt_screen(e, set, 0);
			break;
		case 1048:
			if (set) {
				vt_save_cursor(e, &e->saved_alt);
			} else {
				vt_restore_cursor(e, &e->saved_alt);
			}
			break;
		case 1049:	/* 1048 + 1047, cleared on entering */
			if (set && !e->alt_active) {
				vt_save_cursor(e, &e->saved_alt);
				vt_alt_screen(e, 1, 1);
			} else if (!set && e->alt_active) {
				vt_alt_screen(e, 0, 0);
				vt_restore_cursor(e, &e->saved_alt);
			}
			break;
		default:
			e->ignored++;
			break;
		}
	}
}

/* SGR 38/48 colour at param i; returns the params consumed after i and
 * stores the colour in *c when it is valid. */
static unsigned
ext_color(const struct vt_seq *s, unsigned i, uint32_t *c)
{
	unsigned j = i + 1, n = 0, k;
	uint32_t v[5];

	if (j < s->nparam && (s->sub >> j & 1)) {
		/* Colon form: everything up to the next ';' belongs here. */
		while (j + n < s->nparam && (s->sub >> (j + n) & 1)) {
			n++;
		}
		for (k = 0; k < n && k < 5; k++) {
			v[k] = s->param[j + k];
		}
		if (n >= 2 && v[0] == 5) {
			if (v[1] <= 255) {
				*c = fb_color_palette(v[1]);
			}
		} else if (n >= 4 && v[0] == 2) {
			/* 38:2:<colour space>:r:g:b, or 38:2:r:g:b. */
			k = n >= 5 ? 2 : 1;
			for (n = 0; n < 3; n++) {
				if (v[k + n] == VT_PARAM_DEFAULT) {
					v[k + n] = 0;
				}
			}
			if (v[k] <= 255 && v[k + 1] <= 255 && v[k + 2] <= 255) {
				*c = fb_color_rgb(v[k], v[k + 1], v[k + 2]);
			}
		}
		for (n = 0; j + n < s->nparam && (s->sub >> (j + n) & 1); n++) {
		}
		return n;
	}
	if (j >= s->nparam) {
		return 0;
	}
	if (s->param[j] == 5) {
		if (j + 1 < s->nparam && s->param[j + 1] <= 255) {
			*c = fb_color_palette(s->param[j + 1]);
		}
		return 2;
	}
	if (s->param[j] == 2) {
		if (j + 3 < s->nparam && s->param[j + 1] <= 255 &&
		    s->param[j + 2] <= 255 && s->param[j + 3] <= 255) {
			*c = fb_color_rgb(s->param[j + 1], s->param[j + 2],
			    s->param[j + 3]);
		}
		return 4;
	}
	return 1;
}

static void
vt_sgr(struct vt_emu *e, const struct vt_seq *s)
{
	struct fb_rend *p = &e->fb.pen;
	unsigned i;

	if (s->nparam == 0) {
		p->fg = p->bg = FB_COLOR_DEFAULT;
		p->attrs = 0;
		return;
	}
	for (i = 0; i < s->nparam; i++) {
		uint32_t v = s->param[i] == VT_PARAM_DEFAULT ? 0 : s->param[i];
		uint32_t sub = i + 1 < s->nparam && (s->sub >> (i + 1) & 1) ?
		    s->param[i + 1] : VT_PARAM_DEFAULT;

		if (s->sub >> i & 1) {
			continue;	/* a stray sub-parameter */
		}
		switch (v) {
		case 0:
			p->fg = p->bg = FB_COLOR_DEFAULT;
			p->attrs = 0;
			break;
		case 1: p->attrs |= FB_ATTR_BOLD; break;
		case 2: p->attrs |= FB_ATTR_FAINT; break;
		case 3: p->attrs |= FB_ATTR_ITALIC; break;
		case 4:
			/* 4:0 none, 4:2 double, 4:1 and 4:3..5 (curly...)
			 * single. */
			p->attrs &= (uint16_t)~(FB_ATTR_UNDERLINE |
			    FB_ATTR_DUNDERLINE);
			if (sub == 2) {
				p->attrs |= FB_ATTR_DUNDERLINE;
			} else if (sub != 0) {
				p->attrs |= FB_ATTR_UNDERLINE;
			}
			break;
		case 5:
		case 6: p->attrs |= FB_ATTR_BLINK; break;
		case 7: p->attrs |= FB_ATTR_INVERSE; break;
		case 8: p->attrs |= FB_ATTR_INVISIBLE; break;
		case 9: p->attrs |= FB_ATTR_STRIKE; break;
		case 21:
			p->attrs &= (uint16_t)~FB_ATTR_UNDERLINE;
			p->attrs |= FB_ATTR_DUNDERLINE;
			break;
		case 22:
			p->attrs &= (uint16_t)~(FB_ATTR_BOLD | FB_ATTR_FAINT);
			break;
		case 23: p->attrs &= (uint16_t)~FB_ATTR_ITALIC; break;
		case 24:
			p->attrs &= (uint16_t)~(FB_ATTR_UNDERLINE |
			    FB_ATTR_DUNDERLINE);
			break;
		case 25: p->attrs &= (uint16_t)~FB_ATTR_BLINK; break;
		case 27: p->attrs &= (uint16_t)~FB_ATTR_INVERSE; break;
		case 28: p->attrs &= (uint16_t)~FB_ATTR_INVISIBLE; break;
		case 29: p->attrs &= (uint16_t)~FB_ATTR_STRIKE; break;
		case 38: i += ext_color(s, i, &p->fg); break;
		case 39: p->fg = FB_COLOR_DEFAULT; break;
		case 48: i += ext_color(s, i, &p->bg); break;
		case 49: p->bg = FB_COLOR_DEFAULT; break;
		case 58: {	/* underline colour: parsed, not kept */
			uint32_t dummy;

			i += ext_color(s, i, &dummy);
			break;
		}
		default:
			if (v >= 30 && v <= 37) {
				p->fg = fb_color_palette(v - 30);
			} else if (v >= 40 && v <= 47) {
				p->bg = fb_color_palette(v - 40);
			} else if (v >= 90 && v <= 97) {
				p->fg = fb_color_palette(v - 90 + 8);
			} else if (v >= 100 && v <= 107) {
				p->bg = fb_color_palette(v - 100 + 8);
			}
			break;
		}
	}
}

/* OSC: "Ps;Pt".  0 title and icon, 1 icon, 2 title, 52 clipboard. */
void
vt_osc(void *user, const uint8_t *data, size_t len, int truncated)
{
	struct vt_emu *e = user;
	unsigned ps = 0;
	size_t i = 0, j;

	while (i < len && i < 6 && data[i] >= '0' && data[i] <= '9') {
		ps = ps * 10 + (unsigned)(data[i++] - '0');
	}
	if (i == 0 || i >= len || data[i] != ';') {
		return;
	}
	i++;
	switch (ps) {
	case 0:
		fb_set_title(&e->fb, data + i, len - i);
		fb_set_icon(&e->fb, data + i, len - i);
		break;
	case 1:
		fb_set_icon(&e->fb, data + i, len - i);
		break;
	case 2:
		fb_set_title(&e->fb, data + i, len - i);
		break;
	case 52:
		/* 52;<selection>;<base64>: the selection letters (c p q s 0-7,
		 * possibly none) are not kept; the payload is forwarded
		 * verbatim as "52;c;" by the display. */
		for (j = i; j < len && data[j] != ';'; j++) {
		}
		if (j >= len || truncated) {
			return;
		}
		j++;
		if (len - j == 1 && data[j] == '?') {
			return;	/* a read request: never honoured */
		}
		(void)fb_set_clipboard(&e->fb, data + j, len - j);
		break;
	default:
		e->ignored++;
		break;
	}
}
