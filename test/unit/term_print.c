/*
 * test/unit/term_print.c - printing: deferred autowrap, the last column,
 * wide and combining characters, IRM, charsets, REP, invalid UTF-8.
 */
#include "test/unit/term_check.h"

static void
plain_text(void)
{
	struct vt_emu *e = mk(10, 3);

	feed(e, "hello");
	CHECK_ROW(e, 0, "hello");
	CHECK_CUR(e, 0, 5);
	feed(e, "\r\nab c");
	CHECK_ROW(e, 1, "ab c");
	CHECK_INT(0, cell_at(e, 1, 2)->ch);	/* a space is stored blank */
	done(e);
}

static void
last_column_deferred_wrap(void)
{
	struct vt_emu *e = mk(5, 3);

	feed(e, "abcde");
	CHECK_CUR(e, 0, 4);
	CHECK(vt_emu_fb(e)->cur.pending_wrap);
	CHECK_INT(0, fb_row_get(vt_emu_fb(e), 0)->wrapped);
	feed(e, "f");
	CHECK_ROW(e, 0, "abcde");
	CHECK_ROW(e, 1, "f");
	CHECK_CUR(e, 1, 1);
	CHECK_INT(1, fb_row_get(vt_emu_fb(e), 0)->wrapped);
	/* CR cancels the pending wrap: the next char overwrites column 0. */
	feed(e, "\r\n12345\rX");
	CHECK_ROW(e, 2, "X2345");
	CHECK_INT(0, fb_row_get(vt_emu_fb(e), 2)->wrapped);
	done(e);
}

static void
wrap_scrolls_at_bottom(void)
{
	struct vt_emu *e = mk(3, 2);

	feed(e, "abcdefg");
	CHECK_ROW(e, 0, "def");
	CHECK_ROW(e, 1, "g");
	CHECK_CUR(e, 1, 1);
	done(e);
}

static void
no_autowrap(void)
{
	struct vt_emu *e = mk(5, 2);

	feed(e, "\033[?7labcdefgh");
	CHECK_ROW(e, 0, "abcdh");
	CHECK_ROW(e, 1, "");
	CHECK_CUR(e, 0, 4);
	CHECK(!vt_emu_fb(e)->cur.pending_wrap);
	done(e);
}

static void
wide_chars(void)
{
	struct vt_emu *e = mk(6, 3);

	feed(e, "a\xe4\xb8\x80" "b");
	CHECK_ROW(e, 0, "a\xe4\xb8\x80" "b");
	CHECK_INT(2, cell_at(e, 0, 1)->width);
	CHECK_INT(0, cell_at(e, 0, 2)->width);
	CHECK_CUR(e, 0, 4);
	/* Overwriting the second half blanks the first. */
	feed(e, "\033[1;3Hx");
	CHECK_ROW(e, 0, "a xb");
	CHECK_INT(1, cell_at(e, 0, 1)->width);
	/* Emoji are wide too. */
	feed(e, "\r\n\xf0\x9f\x98\x80!");
	CHECK_ROW(e, 1, "\xf0\x9f\x98\x80!");
	CHECK_CUR(e, 1, 3);
	done(e);
}

static void
wide_char_in_last_column(void)
{
	struct vt_emu *e = mk(5, 3);

	feed(e, "abcd\xe4\xb8\x80");
	CHECK_ROW(e, 0, "abcd");
	CHECK_ROW(e, 1, "\xe4\xb8\x80");
	CHECK_INT(1, fb_row_get(vt_emu_fb(e), 0)->wrapped);
	CHECK_CUR(e, 1, 2);
	/* Filling a line exactly with wide chars leaves a pending wrap. */
	feed(e, "\r\n\033[K\xe4\xb8\x80\xe4\xb8\x80" "z");
	CHECK_ROW(e, 2, "\xe4\xb8\x80\xe4\xb8\x80z");
	done(e);
}

static void
combining(void)
{
	struct vt_emu *e = mk(6, 3);

	feed(e, "e\xcc\x81x");
	CHECK_ROW(e, 0, "e\xcc\x81x");
	CHECK_INT(1, cell_at(e, 0, 0)->ncomb);
	CHECK_U64(0x301, cell_at(e, 0, 0)->comb[0]);
	CHECK_CUR(e, 0, 2);
	/* After a wide char the mark joins the wide cell. */
	feed(e, "\xe4\xb8\x80\xcc\x81");
	CHECK_INT(1, cell_at(e, 0, 2)->ncomb);
	/* At most FB_COMB_MAX marks are kept. */
	feed(e, "\r\nq\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x85");
	CHECK_INT(FB_COMB_MAX, cell_at(e, 1, 0)->ncomb);
	/* On a blank cell the mark gets a no-break space as its base. */
	feed(e, "\r\n \xcc\x81");
	CHECK_U64(0xA0, cell_at(e, 2, 0)->ch);
	done(e);
}

static void
combining_after_wrap(void)
{
	struct vt_emu *e = mk(3, 3);

	/* Pending wrap: the mark joins the last-column character. */
	feed(e, "abc\xcc\x81");
	CHECK_INT(1, cell_at(e, 0, 2)->ncomb);
	CHECK(vt_emu_fb(e)->cur.pending_wrap);
	feed(e, "d");
	CHECK_ROW(e, 1, "d");
	/* After a real wrap, a mark at column 0 joins the previous row's end. */
	done(e);
	e = mk(3, 3);
	feed(e, "abcd\b\xcc\x82");
	CHECK_CUR(e, 1, 0);
	CHECK_INT(1, cell_at(e, 0, 2)->ncomb);
	CHECK_U64(0x302, cell_at(e, 0, 2)->comb[0]);
	done(e);
}

static void
insert_mode(void)
{
	struct vt_emu *e = mk(6, 2);

	feed(e, "abcdef\r\033[4hXY\033[4l");
	CHECK_ROW(e, 0, "XYabcd");
	CHECK_CUR(e, 0, 2);
	feed(e, "Z");
	CHECK_ROW(e, 0, "XYZbcd");
	done(e);
}

static void
dec_graphics(void)
{
	struct vt_emu *e = mk(10, 2);

	feed(e, "\033(0lqk\033(Bq\033)0\x0eq\x0fq");
	CHECK_ROW(e, 0, "\xe2\x94\x8c\xe2\x94\x80\xe2\x94\x90q\xe2\x94\x80q");
	feed(e, "\r\n\033(A#\033(B#");
	CHECK_ROW(e, 1, "\xc2\xa3#");
	done(e);
}

static void
rep(void)
{
	struct vt_emu *e = mk(10, 3);

	feed(e, "ab\033[3bc\033[0b");
	CHECK_ROW(e, 0, "abbbbcc");
	/* Bounded by the screen size (30 cells), whatever is asked. */
	feed(e, "\033[65535b");
	CHECK_ROW(e, 0, "cccccccccc");
	CHECK_ROW(e, 1, "cccccccccc");
	CHECK_ROW(e, 2, "ccccccc");
	CHECK_CUR(e, 2, 7);
	done(e);
}

static void
invalid_utf8(void)
{
	struct vt_emu *e = mk(10, 2);

	vt_emu_feed(e, "a\xe4\xb8z\xff", 5);
	CHECK_ROW(e, 0, "a\xef\xbf\xbdz\xef\xbf\xbd");
	/* Raw 0x9B is not a CSI: it prints U+FFFD. */
	vt_emu_feed(e, "\r\n\x9b" "2J", 5);
	CHECK_ROW(e, 1, "\xef\xbf\xbd" "2J");
	CHECK_ROW(e, 0, "a\xef\xbf\xbdz\xef\xbf\xbd");
	done(e);
}

static void
one_by_one_equals_bulk(void)
{
	static const char s[] = "x\033[31mhello\xe4\xb8\x80\033[2;3Hwor"
	    "ld\xcc\x81\033]0;t\007\033[0mend";
	struct vt_emu *a = mk(8, 4), *b = mk(8, 4);
	size_t i;

	vt_emu_feed(a, s, sizeof s - 1);
	for (i = 0; i < sizeof s - 1; i++) {
		vt_emu_feed(b, s + i, 1);
	}
	CHECK(fb_equal(vt_emu_fb(a), vt_emu_fb(b)));
	done(a);
	done(b);
}

static const struct test tests[] = {
	T(plain_text), T(last_column_deferred_wrap), T(wrap_scrolls_at_bottom),
	T(no_autowrap), T(wide_chars), T(wide_char_in_last_column),
	T(combining), T(combining_after_wrap), T(insert_mode),
	T(dec_graphics), T(rep), T(invalid_utf8), T(one_by_one_equals_bulk),
};
TEST_MAIN(tests)
