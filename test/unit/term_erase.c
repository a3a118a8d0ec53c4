/*
 * test/unit/term_erase.c - ED EL ECH ICH DCH IL DL SU SD, with the
 * background colour erase (BCE) and wide characters cut by an erase.
 */
#include "test/unit/term_check.h"

/* Fills a cols x rows screen with rows "aaaa", "bbbb", ... */
static struct vt_emu *
filled(int cols, int rows)
{
	struct vt_emu *e = mk(cols, rows);
	int r, c;

	for (r = 0; r < rows; r++) {
		char line[64];

		for (c = 0; c < cols; c++) {
			line[c] = (char)('a' + r);
		}
		line[cols] = '\0';
		feed(e, r ? "\r\n" : "");
		feed(e, line);
	}
	return e;
}

static void
erase_display(void)
{
	struct vt_emu *e = filled(4, 3);

	feed(e, "\033[2;2H\033[J");
	CHECK_ROW(e, 0, "aaaa");
	CHECK_ROW(e, 1, "b");
	CHECK_ROW(e, 2, "");
	done(e);
	e = filled(4, 3);
	feed(e, "\033[2;2H\033[1J");
	CHECK_ROW(e, 0, "");
	CHECK_ROW(e, 1, "  bb");
	CHECK_ROW(e, 2, "cccc");
	feed(e, "\033[2J");
	CHECK_ROW(e, 2, "");
	CHECK_CUR(e, 1, 1);	/* ED does not move the cursor */
	feed(e, "x\033[3J");	/* no scrollback: nothing happens */
	CHECK_ROW(e, 1, " x");
	done(e);
}

static void
erase_line(void)
{
	struct vt_emu *e = filled(5, 3);

	feed(e, "\033[1;3H\033[K\033[2;3H\033[1K\033[3;3H\033[2K");
	CHECK_ROW(e, 0, "aa");
	CHECK_ROW(e, 1, "   bb");
	CHECK_ROW(e, 2, "");
	/* EL clears a pending wrap. */
	feed(e, "\033[1;1Hxxxxx\033[Ky");
	CHECK_ROW(e, 0, "xxxxy");
	CHECK_ROW(e, 1, "   bb");
	done(e);
}

static void
erase_chars(void)
{
	struct vt_emu *e = filled(6, 2);

	feed(e, "\033[1;2H\033[2X");
	CHECK_ROW(e, 0, "a  aaa");
	CHECK_CUR(e, 0, 1);
	feed(e, "\033[99X");
	CHECK_ROW(e, 0, "a");
	done(e);
}

static void
background_colour_erase(void)
{
	struct vt_emu *e = filled(4, 3);
	uint32_t blue = fb_color_palette(4);

	feed(e, "\033[44;1;4m\033[2;3H\033[K");
	CHECK_U64(blue, cell_at(e, 1, 2)->rend.bg);
	CHECK_U64(blue, cell_at(e, 1, 3)->rend.bg);
	CHECK_INT(0, cell_at(e, 1, 3)->rend.attrs);	/* only the colour */
	CHECK_U64(FB_COLOR_DEFAULT, cell_at(e, 1, 1)->rend.bg);
	/* Scrolled-in lines get it too. */
	feed(e, "\033[3;1H\n");
	CHECK_U64(blue, cell_at(e, 2, 0)->rend.bg);
	CHECK_ROW(e, 2, "");
	feed(e, "\033[48;2;1;2;3m\033[J");
	CHECK_U64(fb_color_rgb(1, 2, 3), cell_at(e, 2, 3)->rend.bg);
	feed(e, "\033[49m\033[1;1H\033[2X");
	CHECK_U64(FB_COLOR_DEFAULT, cell_at(e, 0, 0)->rend.bg);
	done(e);
}

static void
insert_delete_chars(void)
{
	struct vt_emu *e = mk(6, 2);

	feed(e, "abcdef\033[1;2H\033[2@");
	CHECK_ROW(e, 0, "a  bcd");
	feed(e, "\033[3P");
	CHECK_ROW(e, 0, "acd");
	feed(e, "\033[99P");
	CHECK_ROW(e, 0, "a");
	/* Wide character cut by ICH at the right edge becomes blank. */
	feed(e, "\r\n1234\xe4\xb8\x80\033[2;2H\033[@");
	CHECK_ROW(e, 1, "1 234");
	/* DCH on a wide character's second half blanks it. */
	feed(e, "\033[2K\r\xe4\xb8\x80" "ab\033[2;2H\033[P");
	CHECK_ROW(e, 1, " ab");
	done(e);
}

static void
insert_delete_lines(void)
{
	struct vt_emu *e = filled(3, 5);

	feed(e, "\033[2;2H\033[L");
	CHECK_CUR(e, 1, 0);
	CHECK_ROW(e, 1, "");
	CHECK_ROW(e, 2, "bbb");
	CHECK_ROW(e, 4, "ddd");
	feed(e, "\033[2M");
	CHECK_ROW(e, 1, "ccc");
	CHECK_ROW(e, 2, "ddd");
	CHECK_ROW(e, 3, "");
	done(e);
	/* Inside a scroll region only the region moves. */
	e = filled(3, 5);
	feed(e, "\033[2;4r\033[3;1H\033[L");
	CHECK_ROW(e, 2, "");
	CHECK_ROW(e, 3, "ccc");
	CHECK_ROW(e, 4, "eee");
	/* Outside it, IL does nothing. */
	feed(e, "\033[5;1H\033[L");
	CHECK_ROW(e, 4, "eee");
	done(e);
}

static void
scroll_up_down(void)
{
	struct vt_emu *e = filled(3, 4);

	feed(e, "\033[S");
	CHECK_ROW(e, 0, "bbb");
	CHECK_ROW(e, 3, "");
	feed(e, "\033[2T");
	CHECK_ROW(e, 0, "");
	CHECK_ROW(e, 2, "bbb");
	/* SD with many params is xterm mouse highlight: ignored. */
	feed(e, "\033[1;2;3;4;5T");
	CHECK_ROW(e, 2, "bbb");
	feed(e, "\033[2;3r\033[9S");
	CHECK_ROW(e, 1, "");
	CHECK_ROW(e, 2, "");
	CHECK_ROW(e, 3, "ccc");
	done(e);
}

static const struct test tests[] = {
	T(erase_display), T(erase_line), T(erase_chars),
	T(background_colour_erase), T(insert_delete_chars),
	T(insert_delete_lines), T(scroll_up_down),
};
TEST_MAIN(tests)
