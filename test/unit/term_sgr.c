/*
 * test/unit/term_sgr.c - SGR: every attribute and its reset, 8/16/256
 * colours and 24-bit colour in the ';' and ':' forms.
 */
#include "test/unit/term_check.h"

static const struct fb_rend *
pen(const struct vt_emu *e)
{
	return &vt_emu_fb(e)->pen;
}

static void
attributes(void)
{
	struct vt_emu *e = mk(10, 2);

	feed(e, "\033[1;2;3;4;5;7;8;9m");
	CHECK_INT(FB_ATTR_BOLD | FB_ATTR_FAINT | FB_ATTR_ITALIC |
	    FB_ATTR_UNDERLINE | FB_ATTR_BLINK | FB_ATTR_INVERSE |
	    FB_ATTR_INVISIBLE | FB_ATTR_STRIKE, pen(e)->attrs);
	feed(e, "\033[22m");
	CHECK_INT(0, pen(e)->attrs & (FB_ATTR_BOLD | FB_ATTR_FAINT));
	feed(e, "\033[23;24;25;27;28;29m");
	CHECK_INT(0, pen(e)->attrs);
	feed(e, "\033[21m");
	CHECK_INT(FB_ATTR_DUNDERLINE, pen(e)->attrs);
	feed(e, "\033[4m");
	CHECK_INT(FB_ATTR_UNDERLINE, pen(e)->attrs);
	feed(e, "\033[4:2m");
	CHECK_INT(FB_ATTR_DUNDERLINE, pen(e)->attrs);
	feed(e, "\033[4:3m");
	CHECK_INT(FB_ATTR_UNDERLINE, pen(e)->attrs);
	feed(e, "\033[4:0m");
	CHECK_INT(0, pen(e)->attrs);
	feed(e, "\033[1mx\033[mz\033[6m");
	CHECK_INT(FB_ATTR_BOLD, cell_at(e, 0, 0)->rend.attrs);
	CHECK_INT(0, cell_at(e, 0, 1)->rend.attrs);
	CHECK_INT(FB_ATTR_BLINK, pen(e)->attrs);
	done(e);
}

static void
basic_colours(void)
{
	struct vt_emu *e = mk(10, 2);

	feed(e, "\033[31;42m");
	CHECK_U64(fb_color_palette(1), pen(e)->fg);
	CHECK_U64(fb_color_palette(2), pen(e)->bg);
	feed(e, "\033[97;100m");
	CHECK_U64(fb_color_palette(15), pen(e)->fg);
	CHECK_U64(fb_color_palette(8), pen(e)->bg);
	feed(e, "\033[39m");
	CHECK_U64(FB_COLOR_DEFAULT, pen(e)->fg);
	CHECK_U64(fb_color_palette(8), pen(e)->bg);
	feed(e, "\033[49m");
	CHECK_U64(FB_COLOR_DEFAULT, pen(e)->bg);
	feed(e, "\033[33;1m\033[0m");
	CHECK_U64(FB_COLOR_DEFAULT, pen(e)->fg);
	CHECK_INT(0, pen(e)->attrs);
	done(e);
}

static void
palette_256(void)
{
	struct vt_emu *e = mk(10, 2);

	feed(e, "\033[38;5;200;48;5;17m");
	CHECK_U64(fb_color_palette(200), pen(e)->fg);
	CHECK_U64(fb_color_palette(17), pen(e)->bg);
	feed(e, "\033[38:5:100m");
	CHECK_U64(fb_color_palette(100), pen(e)->fg);
	/* Out of range: ignored, and what follows still applies. */
	feed(e, "\033[38;5;256;1m");
	CHECK_U64(fb_color_palette(100), pen(e)->fg);
	CHECK_INT(FB_ATTR_BOLD, pen(e)->attrs);
	/* Truncated: nothing breaks. */
	feed(e, "\033[0;38;5m");
	CHECK_U64(FB_COLOR_DEFAULT, pen(e)->fg);
	done(e);
}

static void
truecolour(void)
{
	struct vt_emu *e = mk(10, 2);

	feed(e, "\033[38;2;10;20;30;48;2;40;50;60;4m");
	CHECK_U64(fb_color_rgb(10, 20, 30), pen(e)->fg);
	CHECK_U64(fb_color_rgb(40, 50, 60), pen(e)->bg);
	CHECK_INT(FB_ATTR_UNDERLINE, pen(e)->attrs);
	/* ITU T.416 form with a colour-space id, and without one. */
	feed(e, "\033[38:2::1:2:3m");
	CHECK_U64(fb_color_rgb(1, 2, 3), pen(e)->fg);
	feed(e, "\033[48:2:0:4:5:6;3m");
	CHECK_U64(fb_color_rgb(4, 5, 6), pen(e)->bg);
	CHECK_INT(FB_ATTR_UNDERLINE | FB_ATTR_ITALIC, pen(e)->attrs);
	feed(e, "\033[38:2:7:8:9m");
	CHECK_U64(fb_color_rgb(7, 8, 9), pen(e)->fg);
	feed(e, "\033[38;2;300;0;0m");
	CHECK_U64(fb_color_rgb(7, 8, 9), pen(e)->fg);
	/* Underline colour (58) is parsed and skipped. */
	feed(e, "\033[58;2;1;2;3;1m");
	CHECK(pen(e)->attrs & FB_ATTR_BOLD);
	feed(e, "X");
	CHECK_U64(fb_color_rgb(7, 8, 9), cell_at(e, 0, 0)->rend.fg);
	done(e);
}

static void
many_params(void)
{
	struct vt_emu *e = mk(10, 2);

	/* 40 params: the first 32 are used, the rest dropped. */
	feed(e, "\033[1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1"
	    ";1;1;1;31;32;33;34;35;36;37;4m");
	CHECK_U64(fb_color_palette(1), pen(e)->fg);
	CHECK_INT(FB_ATTR_BOLD, pen(e)->attrs);
	/* Above 65535 a value is missing: SGR default 0 = reset. */
	feed(e, "\033[1;65536m");
	CHECK_INT(0, pen(e)->attrs);
	feed(e, "\033[99999999999999999999999999999;1m");
	CHECK_INT(FB_ATTR_BOLD, pen(e)->attrs);
	done(e);
}

static const struct test tests[] = {
	T(attributes), T(basic_colours), T(palette_256), T(truecolour),
	T(many_params),
};
TEST_MAIN(tests)
