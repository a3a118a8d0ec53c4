/*
 * test/unit/term_display.c - the display diff, byte for byte where
 * PROTOCOL.md 8.1-8.3 pins the bytes (captured stock output), and by
 * round trip through the emulator otherwise (see also
 * term_display_prop.c for the randomised round-trip property).
 */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/utf8.h"
#include "core/width.h"
#include "term/display.h"
#include "term/emu.h"
#include "term/fb.h"
#include "test/harness.h"

static const struct fb_rend R0;

/* Writes UTF-8 text into row r from column c, as the emulator would
 * store it (space = blank, wide = head + continuation, marks join). */
static void
text(struct fb *f, int r, int c, const char *s, const struct fb_rend *rend)
{
	struct core_utf8 d;
	struct fb_row *row = fb_row_mut(f, r);
	uint32_t cp[2];
	size_t i;
	int k, n;

	core_utf8_init(&d);
	for (i = 0; s[i] != '\0'; i++) {
		n = core_utf8_feed(&d, (uint8_t)s[i], cp);
		for (k = 0; k < n; k++) {
			int w = core_width(cp[k]);
			struct fb_cell *x;

			if (w == 0) {
				x = &row->cells[c - 1];
				if (x->width == 0) {
					x--;
				}
				if (x->ch == 0) {
					x->ch = 0xA0;
				}
				x->comb[x->ncomb++] = cp[k];
				continue;
			}
			x = &row->cells[c];
			*x = fb_cell_blank(rend ? rend : &R0);
			x->ch = cp[k] == ' ' ? 0 : cp[k];
			x->width = (uint8_t)w;
			if (w == 2) {
				row->cells[c + 1] = *x;
				row->cells[c + 1].ch = 0;
				row->cells[c + 1].width = 0;
			}
			c += w;
		}
	}
}

static struct fb
mk(int cols, int rows)
{
	struct fb f;

	CHECK_INT(0, fb_init(&f, cols, rows));
	return f;
}

static struct fb
dup(const struct fb *src)
{
	struct fb f;

	CHECK_INT(0, fb_copy(&f, src));
	return f;
}

/* The diff with the given options; returns a malloc'd NUL-terminated copy. */
static char *
diff_with(const struct disp_opts *o, const struct fb *a, const struct fb *b,
    size_t *len)
{
	struct disp d;
	struct core_buf out;
	char *s;

	disp_init(&d, o);
	core_buf_init(&out, 1 << 24);
	if (a != NULL) {
		CHECK_INT(0, disp_diff(&d, a, b, &out));
	} else {
		CHECK_INT(0, disp_repaint(&d, b, &out));
	}
	s = malloc(out.len + 1);
	memcpy(s, out.p ? (const char *)out.p : "", out.len);
	s[out.len] = '\0';
	*len = out.len;
	core_buf_fini(&out);
	disp_free(&d);
	return s;
}

#define CHECK_DIFF(want, opts, a, b) do { \
	size_t dl_; \
	char *dg_ = diff_with((opts), (a), (b), &dl_); \
	CHECK_MEM((want), strlen(want), dg_, dl_); \
	free(dg_); \
} while (0)

static struct disp_opts
stock(void)
{
	struct disp_opts o;

	disp_opts_stock(&o);
	return o;
}

static struct disp_opts
server(void)
{
	struct disp_opts o;

	disp_opts_server(&o);
	return o;
}

/* Prints a framebuffer readably (failures only). */
static void
dump(const char *what, const struct fb *f)
{
	int r, c;

	fprintf(stderr, "    %s: %dx%d cursor %d,%d%s%s pen %x/%x/%x\n", what,
	    f->cols, f->rows, f->cur.row, f->cur.col,
	    f->cur.pending_wrap ? " pending" : "",
	    f->cur.visible ? "" : " hidden", f->pen.fg, f->pen.bg,
	    f->pen.attrs);
	for (r = 0; r < f->rows; r++) {
		const struct fb_row *row = f->rowv[r];

		fprintf(stderr, "    %2d%c|", r, row->wrapped ? 'w' : ' ');
		for (c = 0; c < f->cols; c++) {
			const struct fb_cell *x = &row->cells[c];
			uint8_t u[FB_CELL_UTF8_MAX];
			size_t n = fb_cell_utf8(x, u);

			if (x->rend.fg || x->rend.bg || x->rend.attrs) {
				fprintf(stderr, "\033[7m");
			}
			fwrite(u, 1, n, stderr);
			if (x->rend.fg || x->rend.bg || x->rend.attrs) {
				fprintf(stderr, "\033[0m");
			}
		}
		fprintf(stderr, "|\n");
	}
}

/* Applies bytes to an emulator holding `a` (resized to b's size first,
 * as the transport does) and checks it then shows b. */
static int
applies_to(const struct fb *a, const char *bytes, size_t len,
    const struct fb *b)
{
	struct vt_emu e;
	int ok;

	CHECK_INT(0, vt_emu_init(&e, a->cols, a->rows, VT_EMU_CLIENT));
	CHECK_INT(0, vt_emu_load(&e, a));
	if (a->cols != b->cols || a->rows != b->rows) {
		CHECK_INT(0, vt_emu_resize(&e, b->cols, b->rows));
	}
	if (len > 0) {
		vt_emu_feed(&e, bytes, len);
	}
	ok = fb_equal_visible(&e.fb, b);
	if (!ok) {
		size_t i;

		dump("from", a);
		dump("want", b);
		dump("got", &e.fb);
		fprintf(stderr, "    bytes: ");
		for (i = 0; i < len; i++) {
			fprintf(stderr, bytes[i] >= 0x20 && bytes[i] < 0x7F ?
			    "%c" : "\\x%02x", (uint8_t)bytes[i]);
		}
		fprintf(stderr, "\n");
	}
	vt_emu_fini(&e);
	return ok;
}

/* Round trip under both option sets (and from a blank screen). */
static void
round_trip(const struct fb *a, const struct fb *b)
{
	struct disp_opts o[2] = { stock(), server() };
	struct fb blank = mk(b->cols, b->rows);
	int i;

	for (i = 0; i < 2; i++) {
		size_t n;
		char *s = diff_with(&o[i], a, b, &n);

		if (!applies_to(a, s, n, b)) {
			test_fail(__FILE__, __LINE__, "round trip (opts %d)", i);
		}
		free(s);
		s = diff_with(&o[i], &blank, b, &n);
		if (!applies_to(&blank, s, n, b)) {
			test_fail(__FILE__, __LINE__, "from blank (opts %d)", i);
		}
		free(s);
	}
	fb_free(&blank);
}

/* --- PROTOCOL.md captured examples ---------------------------------------- */

/* 8.1 step 7, captured: "exit" typed and Enter: a 30-row screen whose top
 * 29 rows scroll by one while the last row is redrawn. */
static void
captured_scroll(void)
{
	struct fb a = mk(80, 30), b;
	struct disp_opts o = stock();
	char s[16];
	int i;

	for (i = 0; i < 29; i++) {
		snprintf(s, sizeof s, "line %d", i);
		text(&a, i, 0, s, NULL);
	}
	text(&a, 29, 0, "$", NULL);
	a.cur.row = 29;
	a.cur.col = 2;
	b = dup(&a);
	CHECK_INT(0, fb_scroll(&b, 0, 30, 1, &R0));
	text(&b, 28, 0, "$ exit", NULL);
	b.cur.row = 29;
	b.cur.col = 0;
	CHECK_DIFF("\033[0m\033[1;29r\033[?25l\033[29;1H\n\033[r\033[29;1H"
	    "$ exit\r\n\033[K\033[?25h", &o, &a, &b);
	round_trip(&a, &b);
	fb_free(&a);
	fb_free(&b);
}

/* 8.1, captured after a resize. */
static void
captured_resize(void)
{
	struct fb a = mk(80, 24), b = mk(80, 5);
	struct disp_opts o = stock();

	text(&a, 3, 0, "old stuff", NULL);
	text(&b, 1, 0, "$ echo hi", NULL);
	text(&b, 2, 0, "hi", NULL);
	text(&b, 3, 0, "$", NULL);
	b.cur.row = 3;
	b.cur.col = 2;
	CHECK_DIFF("\033[r\033[0m\033[H\033[2J\033[?25l\033[K\n$ echo hi\033[K"
	    "\r\nhi\033[K\r\n$\033[K\r\n\033[K\033[4;3H\033[?25h\033[0m"
	    "\033[?2004l\033[?1003l\033[?1002l\033[?1001l\033[?1000l"
	    "\033[?1004l\033[?1015l\033[?1006l\033[?1005l", &o, &a, &b);
	fb_free(&a);
	fb_free(&b);
}

/* 8.3: the stock client's first frame, a full repaint of a blank screen. */
static void
captured_init(void)
{
	struct fb b = mk(80, 24);
	struct disp_opts o = stock();
	char want[512];
	int i;

	strcpy(want, "\033[?5l\033[r\033[0m\033[H\033[2J\033[?25l");
	for (i = 0; i < 23; i++) {
		strcat(want, "\033[K\n");
	}
	strcat(want, "\033[K\033[1;1H\033[?25h\033[0m\033[?2004l\033[?1003l"
	    "\033[?1002l\033[?1001l\033[?1000l\033[?1004l\033[?1015l"
	    "\033[?1006l\033[?1005l");
	CHECK_DIFF(want, &o, NULL, &b);
	fb_free(&b);
}

/* 8.2's captured SGR strings, as pen changes. */
static void
sgr_forms(void)
{
	struct fb a = mk(10, 2), b = dup(&a);
	struct disp_opts o = stock();

	b.pen.attrs = FB_ATTR_BOLD;
	b.pen.fg = fb_color_palette(1);
	CHECK_DIFF("\033[0;1;31m", &o, &a, &b);
	b.pen.attrs = 0;
	b.pen.fg = fb_color_palette(200);
	CHECK_DIFF("\033[0;38;5;200m", &o, &a, &b);
	b.pen.bg = fb_color_rgb(1, 2, 3);
	CHECK_DIFF("\033[0;38;5;200;48;2;1;2;3m", &o, &a, &b);
	/* bright colours go as palette 8-15; 0-7 in the short form */
	b.pen.fg = fb_color_palette(9);
	b.pen.bg = fb_color_palette(4);
	CHECK_DIFF("\033[0;38;5;9;44m", &o, &a, &b);
	/* every attribute, in the fixed order; faint and strike dropped */
	b.pen.attrs = FB_ATTR_BOLD | FB_ATTR_FAINT | FB_ATTR_ITALIC |
	    FB_ATTR_UNDERLINE | FB_ATTR_BLINK | FB_ATTR_INVERSE |
	    FB_ATTR_INVISIBLE | FB_ATTR_STRIKE;
	b.pen.fg = FB_COLOR_DEFAULT;
	b.pen.bg = fb_color_rgb(255, 0, 10);
	CHECK_DIFF("\033[0;1;3;4;5;7;8;48;2;255;0;10m", &o, &a, &b);
	o.ext_attrs = 1;
	CHECK_DIFF("\033[0;1;2;3;4;5;7;8;9;48;2;255;0;10m", &o, &a, &b);
	/* back to default */
	CHECK_DIFF("\033[0m", &o, &b, &a);
	fb_free(&a);
	fb_free(&b);
}

/* --- small changes ---------------------------------------------------------- */

static void
typing(void)
{
	struct fb a = mk(80, 24), b;
	struct disp_opts o = stock(), s = server();

	text(&a, 5, 0, "$ ", NULL);
	a.cur.row = 5;
	a.cur.col = 2;
	b = dup(&a);
	text(&b, 5, 2, "x", NULL);
	b.cur.col = 3;
	CHECK_DIFF("x", &o, &a, &b);
	CHECK_DIFF("x", &s, &a, &b);
	CHECK_DIFF("", &s, &a, &a);
	round_trip(&a, &b);
	/* backspace over it: the shell sends BS, space, BS */
	CHECK_DIFF("\b\033[K", &s, &b, &a);
	round_trip(&b, &a);
	fb_free(&a);
	fb_free(&b);
}

static void
cursor_moves(void)
{
	struct fb a = mk(80, 24), b = dup(&a);
	struct disp_opts o = stock(), s = server();

	a.cur.row = 5;
	a.cur.col = 10;
	b.cur.row = 5;
	b.cur.col = 7;
	CHECK_DIFF("\033[?25l\b\b\b\033[?25h", &o, &a, &b);
	CHECK_DIFF("\b\b\b", &s, &a, &b);
	b.cur.row = 7;
	b.cur.col = 0;
	CHECK_DIFF("\033[?25l\r\n\n\033[?25h", &o, &a, &b);
	CHECK_DIFF("\r\n\n", &s, &a, &b);
	b.cur.row = 12;
	CHECK_DIFF("\033[?25l\033[13;1H\033[?25h", &o, &a, &b);
	CHECK_DIFF("\033[13H", &s, &a, &b);
	b.cur.row = 9;
	b.cur.col = 10;
	CHECK_DIFF("\033[?25l\033[10;11H\033[?25h", &o, &a, &b);
	CHECK_DIFF("\n\n\n\n", &s, &a, &b);
	b.cur.row = 0;
	b.cur.col = 0;
	CHECK_DIFF("\033[H", &s, &a, &b);
	round_trip(&a, &b);
	/* a hidden cursor is not hidden again */
	a.cur.visible = 0;
	b.cur.visible = 0;
	b.cur.row = 5;
	b.cur.col = 9;
	CHECK_DIFF("\b", &o, &a, &b);
	b.cur.visible = 1;
	CHECK_DIFF("\b\033[?25h", &o, &a, &b);
	fb_free(&a);
	fb_free(&b);
}

static void
colours(void)
{
	struct fb a = mk(20, 3), b;
	struct fb_rend red = { fb_color_palette(1), 0, FB_ATTR_BOLD, 0 };
	struct disp_opts o = stock(), s = server();

	text(&a, 0, 0, "abc", NULL);
	b = dup(&a);
	text(&b, 0, 1, "b", &red);
	CHECK_DIFF("\033[?25l\033[1;2H\033[0;1;31mb\r\033[?25h\033[0m",
	    &o, &a, &b);
	CHECK_DIFF("a\033[0;1;31mb\r\033[0m", &s, &a, &b);
	round_trip(&a, &b);
	round_trip(&b, &a);
	fb_free(&a);
	fb_free(&b);
}

static void
wide_and_combining(void)
{
	struct fb a = mk(10, 3), b;
	struct disp_opts o = stock(), s = server();

	b = dup(&a);
	text(&b, 0, 0, "e\xcc\x81", NULL);	/* e + U+0301 */
	b.cur.col = 1;
	CHECK_DIFF("e\xcc\x81", &s, &a, &b);
	round_trip(&a, &b);
	fb_free(&b);
	b = dup(&a);
	text(&b, 0, 0, " \xcc\x81", NULL);	/* mark on a blank: U+00A0 */
	b.cur.col = 1;
	CHECK_DIFF("\xc2\xa0\xcc\x81", &s, &a, &b);
	round_trip(&a, &b);
	fb_free(&b);
	/* a wide character in the last two columns; cursor pending */
	b = dup(&a);
	text(&b, 1, 8, "\xe4\xb8\xad", NULL);	/* U+4E2D */
	b.cur.row = 1;
	b.cur.col = 9;
	b.cur.pending_wrap = 1;
	CHECK_DIFF("\033[2;9H\xe4\xb8\xad", &s, &a, &b);
	round_trip(&a, &b);
	CHECK_DIFF("", &s, &b, &b);	/* nothing to say while pending */
	CHECK_DIFF("", &o, &b, &b);
	/* overwrite half of it */
	{
		struct fb c = dup(&b);

		text(&c, 1, 9, "x", NULL);
		fb_row_mut(&c, 1)->cells[8] = fb_cell_blank(&R0);
		c.cur.pending_wrap = 0;
		round_trip(&b, &c);
		round_trip(&c, &b);
		fb_free(&c);
	}
	fb_free(&b);
	fb_free(&a);
}

/* A soft-wrapped row continues onto the next by deferred autowrap, and a
 * row that stops being wrapped loses the flag. */
static void
soft_wrap(void)
{
	struct vt_emu e;
	struct fb a, b;
	int i;
	static const char *streams[] = {
		"0123456789abc",		/* wraps after 10 */
		"012345678\xe4\xb8\xadx",	/* wide char cannot fit */
		"0123456789\r\n",		/* full row, hard newline */
		"0123456789ab\033[1;5H\033[K",	/* wrapped then erased */
		"01234567\033[41m\033[K89abc",	/* coloured blanks */
	};

	a = mk(10, 4);
	for (i = 0; i < (int)(sizeof streams / sizeof streams[0]); i++) {
		CHECK_INT(0, vt_emu_init(&e, 10, 4, 0));
		vt_emu_feed(&e, streams[i], strlen(streams[i]));
		b = dup(vt_emu_fb(&e));
		round_trip(&a, &b);
		round_trip(&b, &a);
		vt_emu_fini(&e);
		fb_free(&b);
	}
	fb_free(&a);
}

static void
blank_runs(void)
{
	struct fb a = mk(20, 2), b;
	struct disp_opts o = stock(), s = server();

	text(&a, 0, 0, "abcdefghijklmnop", NULL);
	a.cur.col = 1;
	b = dup(&a);
	fb_row_fill_blank(fb_row_mut(&b, 0), 1, 6, &R0);
	CHECK_DIFF("\033[5X", &o, &a, &b);
	CHECK_DIFF("\033[5X", &s, &a, &b);
	round_trip(&a, &b);
	fb_free(&b);
	b = dup(&a);
	fb_row_fill_blank(fb_row_mut(&b, 0), 1, 5, &R0);
	CHECK_DIFF("    \033[?25l\b\b\b\b\033[?25h", &o, &a, &b);
	round_trip(&a, &b);
	fb_free(&b);
	/* to the end of the row: EL, in the background colour */
	b = dup(&a);
	{
		struct fb_rend bg = { 0, fb_color_palette(4), 0, 0 };

		fb_row_fill_blank(fb_row_mut(&b, 0), 1, 20, &bg);
		CHECK_DIFF("\033[0;44m\033[K\033[0m", &s, &a, &b);
		round_trip(&a, &b);
	}
	fb_free(&b);
	/* underlined blanks cannot be erased: spaces */
	b = dup(&a);
	{
		struct fb_rend ul = { 0, 0, FB_ATTR_UNDERLINE, 0 };

		fb_row_fill_blank(fb_row_mut(&b, 0), 1, 3, &ul);
		CHECK_DIFF("\033[0;4m  \b\b\033[0m", &s, &a, &b);
		round_trip(&a, &b);
	}
	fb_free(&b);
	/* no ECH on the real terminal: spaces */
	b = dup(&a);
	fb_row_fill_blank(fb_row_mut(&b, 0), 1, 10, &R0);
	s.ech = 0;
	CHECK_DIFF("         \033[1;2H", &s, &a, &b);
	fb_free(&b);
	fb_free(&a);
}

/* --- scrolling -------------------------------------------------------------- */

static struct fb
numbered(int cols, int rows, int first)
{
	struct fb f = mk(cols, rows);
	char s[16];
	int i;

	for (i = 0; i < rows; i++) {
		snprintf(s, sizeof s, "%d", first + i);
		text(&f, i, 0, s, NULL);
	}
	return f;
}

static void
scroll_full(void)
{
	struct fb a = numbered(10, 5, 0), b;
	struct disp_opts o = stock(), s = server();

	a.cur.row = 4;
	a.cur.col = 1;
	b = dup(&a);
	CHECK_INT(0, fb_scroll(&b, 0, 5, 1, &R0));
	text(&b, 4, 0, "5", NULL);
	CHECK_DIFF("\033[0m\r\n5", &o, &a, &b);
	CHECK_DIFF("\033[0m\r\n5", &s, &a, &b);
	round_trip(&a, &b);
	fb_free(&b);
	/* by two */
	b = dup(&a);
	CHECK_INT(0, fb_scroll(&b, 0, 5, 2, &R0));
	text(&b, 3, 0, "5", NULL);
	text(&b, 4, 0, "6", NULL);
	CHECK_DIFF("\033[0m\r\n\n\033[?25l\033[4;1H5\r\n6\033[?25h", &o, &a, &b);
	round_trip(&a, &b);
	fb_free(&b);
	/* cursor elsewhere: stock uses a region, lean a plain move */
	a.cur.row = 0;
	a.cur.col = 0;
	b = dup(&a);
	CHECK_INT(0, fb_scroll(&b, 0, 5, 1, &R0));
	text(&b, 4, 0, "5", NULL);
	CHECK_DIFF("\033[0m\033[1;5r\033[?25l\033[5;1H\n\033[r\033[5;1H5"
	    "\033[1;1H\033[?25h", &o, &a, &b);
	CHECK_DIFF("\033[0m\033[5H\n5\033[H", &s, &a, &b);
	round_trip(&a, &b);
	fb_free(&b);
	fb_free(&a);
}

static void
scroll_region(void)
{
	struct fb a = numbered(10, 6, 0), b;
	struct disp_opts o = stock(), s = server();

	/* status line at the bottom stays */
	text(&a, 5, 0, "S", NULL);
	b = dup(&a);
	CHECK_INT(0, fb_scroll(&b, 0, 5, 1, &R0));
	text(&b, 4, 0, "x", NULL);
	CHECK_DIFF("\033[0m\033[1;5r\033[?25l\033[5;1H\n\033[r\033[5;1Hx"
	    "\033[1;1H\033[?25h", &o, &a, &b);
	CHECK_DIFF("\033[0m\033[1;5r\033[5H\n\033[r\033[5Hx\033[H", &s, &a, &b);
	round_trip(&a, &b);
	fb_free(&b);
	/* title line at the top stays: only lean finds it */
	b = dup(&a);
	CHECK_INT(0, fb_scroll(&b, 1, 5, 2, &R0));
	text(&b, 3, 0, "y", NULL);
	text(&b, 4, 0, "z", NULL);
	CHECK_DIFF("\033[0m\033[2;5r\033[5H\n\n\033[r\033[4Hy\r\nz\033[H",
	    &s, &a, &b);
	round_trip(&a, &b);
	fb_free(&b);
	fb_free(&a);
}

/* Scrolling back (a pager's "k"): only with reverse index (a real
 * terminal); the stock dialect repaints. */
static void
scroll_down(void)
{
	struct fb a = numbered(10, 5, 0), b;
	struct disp_opts s = server();
	size_t n;
	char *out;

	b = dup(&a);
	CHECK_INT(0, fb_scroll(&b, 0, 5, -1, &R0));
	text(&b, 0, 0, "x", NULL);
	CHECK_DIFF("x\r\n0\r\n1\r\n2\r\n3\033[H", &s, &a, &b);
	s.ri = 1;
	CHECK_DIFF("\033[0m\033Mx\r", &s, &a, &b);
	out = diff_with(&s, &a, &b, &n);
	CHECK(applies_to(&a, out, n, &b));
	free(out);
	/* inside a region, under a title line */
	fb_free(&b);
	b = dup(&a);
	CHECK_INT(0, fb_scroll(&b, 1, 4, -2, &R0));
	text(&b, 1, 0, "y", NULL);
	text(&b, 2, 0, "z", NULL);
	CHECK_DIFF("\033[0m\033[2;4r\033[2H\033M\033M\033[r\033[2Hy\r\nz"
	    "\033[H", &s, &a, &b);
	out = diff_with(&s, &a, &b, &n);
	CHECK(applies_to(&a, out, n, &b));
	free(out);
	fb_free(&b);
	fb_free(&a);
}

/* --- the rest of the state -------------------------------------------------- */

static void
title_bell_clipboard(void)
{
	struct fb a = mk(10, 2), b = dup(&a);
	struct disp_opts s = server();

	fb_set_title(&b, "hello", 5);
	fb_set_icon(&b, "hello", 5);
	CHECK_DIFF("\033]0;hello\007", &s, &a, &b);
	round_trip(&a, &b);
	fb_set_icon(&b, "ic", 2);
	CHECK_DIFF("\033]1;ic\007\033]2;hello\007", &s, &a, &b);
	round_trip(&a, &b);
	s.titles = 0;
	CHECK_DIFF("", &s, &a, &b);
	s.titles = 1;
	fb_free(&b);
	b = dup(&a);
	b.bell_count += 3;
	CHECK_DIFF("\007", &s, &a, &b);
	CHECK_INT(0, fb_set_clipboard(&b, "aGk=", 4));
	CHECK_DIFF("\007\033]52;c;aGk=\007", &s, &a, &b);
	round_trip(&a, &b);
	b.mode.reverse_video = 1;
	fb_set_title(&b, "t\x07x\xc2\x9cy", 6);	/* controls are left out */
	CHECK_DIFF("\007\033]1;\007\033]2;txy\007\033]52;c;aGk=\007"
	    "\033[?5h", &s, &a, &b);
	fb_free(&b);
	fb_free(&a);
}

static void
modes(void)
{
	struct fb a = mk(10, 2), b = dup(&a);
	struct disp_opts s = server();

	b.cur.visible = 0;
	CHECK_DIFF("\033[?25l", &s, &a, &b);
	b.cur.visible = 1;
	b.mode.bracketed_paste = 1;
	b.mode.focus_events = 1;
	b.mode.mouse_mode = FB_MOUSE_VT200;
	b.mode.mouse_enc = FB_MOUSE_ENC_SGR;
	CHECK_DIFF("\033[?2004h\033[?1000h\033[?1004h\033[?1006h", &s, &a, &b);
	round_trip(&a, &b);
	a.mode = b.mode;
	b.mode.mouse_mode = FB_MOUSE_BUTTON;
	b.mode.mouse_enc = FB_MOUSE_ENC_URXVT;
	CHECK_DIFF("\033[?1000l\033[?1002h\033[?1006l\033[?1015h", &s, &a, &b);
	round_trip(&a, &b);
	fb_free(&b);
	b = dup(&a);
	b.mode.mouse_mode = FB_MOUSE_NONE;
	b.mode.mouse_enc = FB_MOUSE_ENC_DEFAULT;
	b.mode.bracketed_paste = 0;
	b.mode.focus_events = 0;
	CHECK_DIFF("\033[?2004l\033[?1003l\033[?1002l\033[?1001l\033[?1000l"
	    "\033[?1004l\033[?1015l\033[?1006l\033[?1005l", &s, &a, &b);
	round_trip(&a, &b);
	/* X10 is not in stock's off list: we add ?9l */
	a.mode.mouse_mode = FB_MOUSE_X10;
	CHECK_DIFF("\033[?2004l\033[?9l\033[?1003l\033[?1002l\033[?1001l"
	    "\033[?1000l\033[?1004l\033[?1015l\033[?1006l\033[?1005l", &s, &a,
	    &b);
	round_trip(&a, &b);
	fb_free(&b);
	fb_free(&a);
}

static void
resize(void)
{
	struct fb a = numbered(10, 5, 0), b = numbered(12, 3, 7);

	fb_set_title(&a, "t", 1);
	fb_set_title(&b, "u", 1);
	round_trip(&a, &b);
	round_trip(&b, &a);
	fb_free(&a);
	fb_free(&b);
}

static void
out_limit(void)
{
	struct fb a = mk(80, 24), b = numbered(80, 24, 100);
	struct disp d;
	struct disp_opts s = server();
	struct core_buf out;

	disp_init(&d, &s);
	core_buf_init(&out, 64);
	CHECK_INT(0, core_buf_append(&out, "xy", 2));
	CHECK_INT(CORE_E_LIMIT, disp_diff(&d, &a, &b, &out));
	CHECK_INT(2, out.len);
	core_buf_fini(&out);
	disp_free(&d);
	fb_free(&a);
	fb_free(&b);
}

static const struct test tests[] = {
	T(captured_scroll), T(captured_resize), T(captured_init), T(sgr_forms),
	T(typing), T(cursor_moves), T(colours), T(wide_and_combining),
	T(soft_wrap), T(blank_runs), T(scroll_full), T(scroll_region),
	T(scroll_down),
	T(title_bell_clipboard), T(modes), T(resize), T(out_limit),
};

TEST_MAIN(tests)
