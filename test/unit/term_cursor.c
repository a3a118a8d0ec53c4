/*
 * test/unit/term_cursor.c - cursor motion, tabs, scroll region and origin
 * mode, save/restore, index and reverse index.
 */
#include "test/unit/term_check.h"

static void
motion(void)
{
	struct vt_emu *e = mk(20, 10);

	feed(e, "\033[5;7H");
	CHECK_CUR(e, 4, 6);
	feed(e, "\033[2A");
	CHECK_CUR(e, 2, 6);
	feed(e, "\033[B");
	CHECK_CUR(e, 3, 6);
	feed(e, "\033[3C");
	CHECK_CUR(e, 3, 9);
	feed(e, "\033[0D");	/* 0 means 1 */
	CHECK_CUR(e, 3, 8);
	feed(e, "\033[2E");
	CHECK_CUR(e, 5, 0);
	feed(e, "\033[4;5H\033[F");
	CHECK_CUR(e, 2, 0);
	feed(e, "\033[12G");
	CHECK_CUR(e, 2, 11);
	feed(e, "\033[3`");
	CHECK_CUR(e, 2, 2);
	feed(e, "\033[8d");
	CHECK_CUR(e, 7, 2);
	feed(e, "\033[2;3f");
	CHECK_CUR(e, 1, 2);
	feed(e, "\033[H");
	CHECK_CUR(e, 0, 0);
	feed(e, "\033[2a\033[3e");
	CHECK_CUR(e, 3, 2);
	/* Clamped at the edges. */
	feed(e, "\033[99;99H");
	CHECK_CUR(e, 9, 19);
	feed(e, "\033[99A\033[99D");
	CHECK_CUR(e, 0, 0);
	/* BS stops at column 0; from a pending wrap it moves left. */
	feed(e, "\b");
	CHECK_CUR(e, 0, 0);
	feed(e, "\033[1;18Habc\b");
	CHECK_CUR(e, 0, 18);
	done(e);
}

static void
tabs(void)
{
	struct vt_emu *e = mk(30, 3);

	feed(e, "\tx");
	CHECK_CUR(e, 0, 9);
	feed(e, "\033[2I");
	CHECK_CUR(e, 0, 24);
	feed(e, "\033[Z");
	CHECK_CUR(e, 0, 16);
	feed(e, "\t\t\t");
	CHECK_CUR(e, 0, 29);	/* last column when no stop is left */
	/* HTS and TBC. */
	feed(e, "\033[3g\033[1;5H\033H\033[1;12H\033H\r\tA\tB\tC");
	CHECK_ROW(e, 0, "    A   x  B                 C");
	feed(e, "\033[1;5H\033[g\r\tD");
	CHECK_CUR(e, 0, 12);
	feed(e, "\033[3g\r\tE");
	CHECK_CUR(e, 0, 29);
	done(e);
}

static void
scroll_region(void)
{
	struct vt_emu *e = mk(5, 6);

	feed(e, "0\r\n1\r\n2\r\n3\r\n4\r\n5");
	feed(e, "\033[2;4r");
	CHECK_CUR(e, 0, 0);	/* DECSTBM homes the cursor */
	feed(e, "\033[4;1H\nX");
	CHECK_ROW(e, 0, "0");
	CHECK_ROW(e, 1, "2");
	CHECK_ROW(e, 2, "3");
	CHECK_ROW(e, 3, "X");
	CHECK_ROW(e, 4, "4");
	CHECK_ROW(e, 5, "5");
	/* RI at the top margin scrolls the region down. */
	feed(e, "\033[2;1H\033MY");
	CHECK_ROW(e, 1, "Y");
	CHECK_ROW(e, 2, "2");
	CHECK_ROW(e, 3, "3");
	CHECK_ROW(e, 4, "4");
	/* Outside the region LF at the last row does not scroll. */
	feed(e, "\033[6;1H\n\nZ");
	CHECK_ROW(e, 5, "Z");
	CHECK_ROW(e, 4, "4");
	/* CUU stops at the top margin from inside the region. */
	feed(e, "\033[3;1H\033[9A");
	CHECK_CUR(e, 1, 0);
	/* Invalid region (top >= bottom) is ignored. */
	feed(e, "\033[4;4r\033[3;3H");
	CHECK_CUR(e, 2, 2);
	done(e);
}

static void
origin_mode(void)
{
	struct vt_emu *e = mk(10, 8);

	feed(e, "\033[3;6r\033[?6h");
	CHECK_CUR(e, 2, 0);
	feed(e, "\033[2;4H");
	CHECK_CUR(e, 3, 3);
	feed(e, "\033[99;1H");
	CHECK_CUR(e, 5, 0);	/* clamped to the bottom margin */
	feed(e, "\033[99A");
	CHECK_CUR(e, 2, 0);
	/* CPR reports rows relative to the region. */
	feed(e, "\033[2;2H\033[6n");
	{
		size_t n;
		const uint8_t *r = vt_emu_reply(e, &n);

		CHECK_MEM("\033[2;2R", 6, r, n);
	}
	/* Scrolling inside the region with origin mode. */
	feed(e, "\033[4;1Ha\nb\nc\nd");
	CHECK_ROW(e, 2, "a");
	CHECK_ROW(e, 3, " b");
	CHECK_ROW(e, 4, "  c");
	CHECK_ROW(e, 5, "   d");
	CHECK_ROW(e, 6, "");
	feed(e, "\033[?6l");
	CHECK_CUR(e, 0, 0);
	done(e);
}

static void
save_restore(void)
{
	struct vt_emu *e = mk(10, 5);

	feed(e, "\033[2;3H\033[1;31m\0337\033[H\033[0m\0338x");
	CHECK_CUR(e, 1, 3);
	CHECK_INT(FB_ATTR_BOLD, cell_at(e, 1, 2)->rend.attrs);
	CHECK_U64(fb_color_palette(1), cell_at(e, 1, 2)->rend.fg);
	feed(e, "\033[0m\033[4;5H\033[s\033[H\033[uy");
	CHECK_CUR(e, 3, 5);
	CHECK_ROW(e, 3, "    y");
	/* Restore clamps to a smaller screen. */
	feed(e, "\033[5;10H\0337");
	CHECK(vt_emu_resize(e, 4, 3) == 0);
	feed(e, "\0338");
	CHECK_CUR(e, 2, 3);
	/* DECRC with nothing saved: home. */
	done(e);
	e = mk(10, 5);
	feed(e, "\033[3;3H\0338");
	CHECK_CUR(e, 0, 0);
	done(e);
}

static void
index_nel(void)
{
	struct vt_emu *e = mk(5, 3);

	feed(e, "ab\033Dc\033Ed");
	CHECK_ROW(e, 0, "ab");
	CHECK_ROW(e, 1, "  c");
	CHECK_ROW(e, 2, "d");
	/* C1 forms, as UTF-8: U+0085 NEL, U+008D RI. */
	feed(e, "\xc2\x85" "e\xc2\x8d\xc2\x8d\xc2\x8d" "f");
	CHECK_ROW(e, 0, " f");
	CHECK_ROW(e, 1, "  c");
	CHECK_ROW(e, 2, "d");
	done(e);
}

static const struct test tests[] = {
	T(motion), T(tabs), T(scroll_region), T(origin_mode), T(save_restore),
	T(index_nel),
};
TEST_MAIN(tests)
