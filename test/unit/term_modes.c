/*
 * test/unit/term_modes.c - DECSET/DECRST and SM/RM, the alternate screen,
 * replies (and their absence in client mode), OSC title and clipboard,
 * RIS, DECSTR, DECALN, resize, BEL, and the server's input translation.
 */
#include "core/err.h"
#include "test/unit/term_check.h"

static const struct fb_modes *
modes(const struct vt_emu *e)
{
	return &vt_emu_fb(e)->mode;
}

static void
dec_modes(void)
{
	struct vt_emu *e = mk(10, 3);

	feed(e, "\033[?1;5;2004;1004h\033[?25l");
	CHECK_INT(1, modes(e)->app_cursor);
	CHECK_INT(1, modes(e)->reverse_video);
	CHECK_INT(1, modes(e)->bracketed_paste);
	CHECK_INT(1, modes(e)->focus_events);
	CHECK_INT(0, vt_emu_fb(e)->cur.visible);
	feed(e, "\033[?1;5;2004;1004l\033[?25h");
	CHECK_INT(0, modes(e)->app_cursor);
	CHECK_INT(0, modes(e)->reverse_video);
	CHECK_INT(0, modes(e)->bracketed_paste);
	CHECK_INT(0, modes(e)->focus_events);
	CHECK_INT(1, vt_emu_fb(e)->cur.visible);
	/* DECCOLM clears, resets margins and homes, keeping the width. */
	feed(e, "abc\033[2;3r\033[3;3H\033[?3h");
	CHECK_ROW(e, 0, "");
	CHECK_CUR(e, 0, 0);
	CHECK_INT(2, e->bottom);
	CHECK_INT(10, vt_emu_fb(e)->cols);
	/* Without '?' these numbers are ANSI modes: nothing above changes. */
	feed(e, "\033[1;5;25l");
	CHECK_INT(1, vt_emu_fb(e)->cur.visible);
	done(e);
}

static void
mouse_modes(void)
{
	struct vt_emu *e = mk(10, 3);

	feed(e, "\033[?1000h");
	CHECK_INT(1000, modes(e)->mouse_mode);
	feed(e, "\033[?1002h");
	CHECK_INT(1002, modes(e)->mouse_mode);
	feed(e, "\033[?1003h\033[?9h");
	CHECK_INT(9, modes(e)->mouse_mode);
	feed(e, "\033[?1000l");
	CHECK_INT(0, modes(e)->mouse_mode);
	feed(e, "\033[?1001h");
	CHECK_INT(1001, modes(e)->mouse_mode);
	feed(e, "\033[?1006h");
	CHECK_INT(1006, modes(e)->mouse_enc);
	feed(e, "\033[?1005l");	/* not the current one: no change */
	CHECK_INT(1006, modes(e)->mouse_enc);
	feed(e, "\033[?1015h\033[?1015l");
	CHECK_INT(0, modes(e)->mouse_enc);
	feed(e, "\033[?1005h");
	CHECK_INT(1005, modes(e)->mouse_enc);
	done(e);
}

static void
alternate_screen(void)
{
	struct vt_emu *e = mk(10, 3);
	struct fb before;

	feed(e, "primary\r\nline2\033[2;3H");
	CHECK(fb_copy(&before, vt_emu_fb(e)) == 0);
	feed(e, "\033[?1049h");
	CHECK_ROW(e, 0, "");
	CHECK_CUR(e, 1, 2);
	feed(e, "\033[Halt screen\033[31m");
	CHECK_ROW(e, 0, "alt screen");
	feed(e, "\033[?1049l");
	CHECK_ROW(e, 0, "primary");
	CHECK_ROW(e, 1, "line2");
	CHECK_CUR(e, 1, 2);
	CHECK(fb_equal(&before, vt_emu_fb(e)));
	/* 47 keeps the alternate screen's contents between uses. */
	feed(e, "\033[?47hkept\033[?47l");
	CHECK_ROW(e, 0, "primary");
	feed(e, "\033[?47h");
	CHECK_ROW(e, 0, "alt screen");
	CHECK_ROW(e, 1, "  kept");
	/* 1047 clears it when leaving. */
	feed(e, "\033[?47l\033[?1047h");
	CHECK_ROW(e, 1, "  kept");
	feed(e, "\033[?1047l\033[?47h");
	CHECK_ROW(e, 0, "");
	CHECK_ROW(e, 1, "");
	feed(e, "\033[?47l");
	CHECK_ROW(e, 0, "primary");
	fb_free(&before);
	done(e);
}

static void
replies(void)
{
	struct vt_emu *e = mk(10, 5), *c;
	const uint8_t *r;
	size_t n;

	feed(e, "\033[3;4H\033[6n\033[5n\033[c\033[>c\033[?6n");
	r = vt_emu_reply(e, &n);
	CHECK_MEM("\033[3;4R\033[0n\033[?62c\033[>1;10;0c\033[?3;4R", 33, r, n);
	vt_emu_reply_clear(e);
	vt_emu_reply(e, &n);
	CHECK_INT(0, n);
	/* Bounded: a flood of requests cannot grow it. */
	{
		int i;

		for (i = 0; i < 1000; i++) {
			feed(e, "\033[6n");
		}
	}
	vt_emu_reply(e, &n);
	CHECK(n <= VT_REPLY_MAX);
	CHECK(n > 0);
	done(e);
	/* The client's emulator never answers. */
	c = malloc(sizeof *c);
	CHECK(c != NULL && vt_emu_init(c, 10, 5, VT_EMU_CLIENT) == 0);
	feed(c, "\033[6n\033[5n\033[c\033[>c");
	vt_emu_reply(c, &n);
	CHECK_INT(0, n);
	vt_emu_fini(c);
	free(c);
}

static void
titles(void)
{
	struct vt_emu *e = mk(10, 2);
	const struct fb *f = vt_emu_fb(e);

	CHECK_INT(0, f->title_set);
	feed(e, "\033]0;both\007");
	CHECK_INT(1, f->title_set);
	CHECK_MEM("both", 4, f->title, f->title_len);
	CHECK_MEM("both", 4, f->icon, f->icon_len);
	feed(e, "\033]2;t\xc3\xa9tle\033\\\033]1;icon\xc2\x9c");
	CHECK_MEM("t\xc3\xa9tle", 6, f->title, f->title_len);
	CHECK_MEM("icon", 4, f->icon, f->icon_len);
	/* Controls inside are dropped; unknown OSCs ignored. */
	feed(e, "\033]2;a\tb\007\033]4;1;rgb:00/00/00\007\033]8;;http://x\007");
	CHECK_MEM("ab", 2, f->title, f->title_len);
	/* CAN aborts an OSC. */
	feed(e, "\033]2;never\030");
	CHECK_MEM("ab", 2, f->title, f->title_len);
	CHECK_ROW(e, 0, "");
	done(e);
}

static void
clipboard(void)
{
	struct vt_emu *e = mk(10, 2);
	const struct fb *f = vt_emu_fb(e);

	feed(e, "\033]52;c;aGVsbG8=\007");
	CHECK_INT(1, f->clip_count);
	CHECK_MEM("aGVsbG8=", 8, f->clip->data, f->clip->len);
	feed(e, "\033]52;;d29ybGQ=\033\\");
	CHECK_MEM("d29ybGQ=", 8, f->clip->data, f->clip->len);
	feed(e, "\033]52;p;eA==\007\033]52;s0;eQ==\007");
	CHECK_INT(4, f->clip_count);
	CHECK_MEM("eQ==", 4, f->clip->data, f->clip->len);
	/* Same payload again still counts as a new store. */
	feed(e, "\033]52;c;eQ==\007");
	CHECK_INT(5, f->clip_count);
	/* A read request is never honoured. */
	feed(e, "\033]52;c;?\007");
	CHECK_INT(5, f->clip_count);
	done(e);
}

static void
resets(void)
{
	struct vt_emu *e = mk(10, 4);

	feed(e, "\033[2;3r\033[?6h\033[4h\033[1;31mab\033[?25l\033[?1h\033(0");
	feed(e, "\033[!p");
	CHECK_INT(1, vt_emu_fb(e)->cur.visible);
	CHECK_INT(0, vt_emu_fb(e)->pen.attrs);
	CHECK_INT(0, modes(e)->app_cursor);
	CHECK_INT(0, e->insert);
	CHECK_INT(0, e->origin);
	CHECK_INT(0, e->top);
	CHECK_INT(3, e->bottom);
	feed(e, "q");
	CHECK_ROW(e, 1, "abq");	/* DECSTR keeps the screen; charset reset */
	feed(e, "\033[?5h\033[?2004h\033]2;t\007\033c");
	CHECK_ROW(e, 1, "");
	CHECK_CUR(e, 0, 0);
	CHECK_INT(0, modes(e)->reverse_video);
	CHECK_INT(0, modes(e)->bracketed_paste);
	done(e);
}

static void
decaln(void)
{
	struct vt_emu *e = mk(3, 2);

	feed(e, "\033[2;2r\033[41m\033#8");
	CHECK_ROW(e, 0, "EEE");
	CHECK_ROW(e, 1, "EEE");
	CHECK_CUR(e, 0, 0);
	CHECK_INT(0, e->top);
	CHECK_INT(1, e->bottom);
	done(e);
}

static void
bell(void)
{
	struct vt_emu *e = mk(3, 2);

	feed(e, "\007\007a\007");
	CHECK_INT(3, vt_emu_fb(e)->bell_count);
	CHECK_ROW(e, 0, "a");
	done(e);
}

static void
resize(void)
{
	struct vt_emu *e = mk(10, 5);

	feed(e, "\033[2;4r\033[5;10Habc");
	CHECK_CUR(e, 4, 2);	/* wrapped below the region: no scroll */
	CHECK_INT(0, vt_emu_resize(e, 4, 3));
	CHECK_CUR(e, 2, 2);
	CHECK_INT(0, e->top);
	CHECK_INT(2, e->bottom);
	CHECK_INT(0, vt_emu_resize(e, 20, 8));
	feed(e, "\r\t\t");
	CHECK_CUR(e, 2, 16);	/* new columns have default tab stops */
	CHECK_INT(CORE_E_RANGE, vt_emu_resize(e, 0, 5));
	CHECK_INT(CORE_E_RANGE, vt_emu_resize(e, FB_MAX_DIM + 1, 5));
	CHECK_INT(0, vt_emu_resize(e, 1, 1));
	feed(e, "ab\xe4\xb8\x80\n\r");
	CHECK_ROW(e, 0, "");
	done(e);
}

static void
load_snapshot(void)
{
	struct vt_emu *e = mk(10, 4), *c = mk(3, 3);
	struct fb snap;

	feed(e, "\033[2;3r\033[?6h\033[31mab\033]2;t\007\033[?2004h\033[?1049h");
	CHECK(fb_copy(&snap, vt_emu_fb(e)) == 0);
	feed(c, "\033[?1049hzz\033[");	/* state that must not survive */
	CHECK_INT(0, vt_emu_load(c, &snap));
	CHECK(fb_equal(&snap, vt_emu_fb(c)));
	CHECK(fb_row_same(fb_row_get(&snap, 1), fb_row_get(vt_emu_fb(c), 1)));
	CHECK_INT(0, c->top);
	CHECK_INT(3, c->bottom);
	CHECK_INT(0, c->origin);
	CHECK_INT(0, c->alt_active);
	/* The parser was reset: "H" prints instead of ending a CSI. */
	feed(c, "\033[1;1HxH");
	CHECK_ROW(c, 0, "xH");
	/* The snapshot did not change when c wrote to the shared rows. */
	CHECK_ROW(e, 0, "");
	CHECK(fb_equal(&snap, vt_emu_fb(e)));
	fb_free(&snap);
	done(e);
	done(c);
}

static void
input_translation(void)
{
	struct vt_input in;
	uint8_t out[32];
	size_t n;

	vt_input_init(&in);
	n = vt_input_translate(&in, 0, (const uint8_t *)"\033OA\033OBx\033OP", 11,
	    out);
	CHECK_MEM("\033[A\033[Bx\033OP", 11, out, n);
	n = vt_input_translate(&in, 1, (const uint8_t *)"\033OD", 3, out);
	CHECK_MEM("\033OD", 3, out, n);
	/* Split across calls: the O is held until its next byte. */
	n = vt_input_translate(&in, 0, (const uint8_t *)"\033O", 2, out);
	CHECK_MEM("\033", 1, out, n);
	n = vt_input_translate(&in, 0, (const uint8_t *)"C", 1, out);
	CHECK_MEM("[C", 2, out, n);
	n = vt_input_translate(&in, 0, (const uint8_t *)"\033\033Oq", 4, out);
	CHECK_MEM("\033\033Oq", 4, out, n);
}

static const struct test tests[] = {
	T(dec_modes), T(mouse_modes), T(alternate_screen), T(replies),
	T(titles), T(clipboard), T(resets), T(decaln), T(bell), T(resize),
	T(load_snapshot), T(input_translation),
};
TEST_MAIN(tests)
