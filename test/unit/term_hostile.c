/*
 * test/unit/term_hostile.c - hostile input through the whole emulator:
 * huge parameters, a 10 MB OSC, 1x1 and 500x500 screens, every byte in
 * every parser state, and a long pseudo-random stream with resizes,
 * checking the framebuffer's invariants after each step.
 */
#include "test/unit/term_check.h"

/* Cursor inside; wide cells followed by a continuation and continuations
 * preceded by a wide cell; marks within bounds; rows the right width. */
static int
invariants_ok(const struct vt_emu *e)
{
	const struct fb *f = vt_emu_fb(e);
	int r, c;

	if (f->cur.row < 0 || f->cur.row >= f->rows || f->cur.col < 0 ||
	    f->cur.col >= f->cols || e->top < 0 || e->bottom >= f->rows ||
	    e->top >= e->bottom + (f->rows == 1)) {
		return 0;
	}
	for (r = 0; r < f->rows; r++) {
		const struct fb_row *row = fb_row_get(f, r);

		if (row->cols != f->cols || row->refs < 1) {
			return 0;
		}
		for (c = 0; c < f->cols; c++) {
			const struct fb_cell *cell = &row->cells[c];

			if (cell->ncomb > FB_COMB_MAX || cell->width > 2) {
				return 0;
			}
			if (cell->width == 2 && (c + 1 >= f->cols ||
			    row->cells[c + 1].width != 0)) {
				return 0;
			}
			if (cell->width == 0 && (c == 0 ||
			    row->cells[c - 1].width != 2)) {
				return 0;
			}
		}
	}
	return 1;
}

static void
huge_parameters(void)
{
	static const char *seqs[] = {
		"\033[99999;99999H", "\033[65535@", "\033[65535P", "\033[65535L",
		"\033[65535M", "\033[65535S", "\033[65535T", "\033[65535X",
		"\033[65535b", "\033[65535I", "\033[65535Z", "\033[65535A",
		"\033[65535B", "\033[65535C", "\033[65535D", "\033[65535E",
		"\033[65535F", "\033[65535G", "\033[65535d", "\033[65535;65535r",
		"\033[65535J", "\033[65535K", "\033[65535g", "\033[?65535h",
		"\033[65535;65535;65535m", "\033[38;5;65535m", "\033[38;2;65535m",
		"\033[4294967296m", "\033[65535n", "\033[65535c", "\033[>65535c",
	};
	struct vt_emu *e = mk(20, 10);
	size_t i;

	feed(e, "x\xe4\xb8\x80y");
	for (i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
		feed(e, "\033[5;5H");
		feed(e, seqs[i]);
		CHECK(invariants_ok(e));
	}
	done(e);
}

static void
ten_megabyte_osc(void)
{
	struct vt_emu *e = mk(20, 3);
	static const char chunk[] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
	int i;

	feed(e, "\033]52;c;");
	for (i = 0; i < (10 << 20) / 100; i++) {
		vt_emu_feed(e, chunk, 100);
	}
	feed(e, "\007after");
	CHECK_ROW(e, 0, "after");
	CHECK_INT(0, vt_emu_fb(e)->clip_count);	/* truncated: dropped */
	feed(e, "\033]2;");
	for (i = 0; i < (10 << 20) / 100; i++) {
		vt_emu_feed(e, chunk, 100);
	}
	feed(e, "\033\\");
	CHECK_INT(FB_TITLE_MAX, vt_emu_fb(e)->title_len);
	done(e);
}

static void
tiny_and_huge_screens(void)
{
	struct vt_emu *e = mk(1, 1);

	feed(e, "abc\xe4\xb8\x80\xcc\x81\r\n\033[5;5H\033[2;1r\033[L\033[P\tq");
	CHECK(invariants_ok(e));
	CHECK_ROW(e, 0, "q");
	CHECK_INT(0, vt_emu_resize(e, 500, 500));
	feed(e, "\033[500;500Hz\033[?1049h\033[250;250H\xe4\xb8\x80");
	CHECK(invariants_ok(e));
	CHECK_INT(0, vt_emu_resize(e, 1, 1));
	feed(e, "\033[?1049l");
	CHECK(invariants_ok(e));
	CHECK_INT(0, vt_emu_resize(e, 500, 500));
	CHECK_ROW(e, 0, "q");
	CHECK(invariants_ok(e));
	done(e);
}

static void
every_byte_every_state(void)
{
	static const char *prefixes[] = {
		"", "\033", "\033(", "\033#", "\033[", "\033[1", "\033[1;", "\033[?",
		"\033[1 ", "\033[>", "\033P", "\033P1$", "\033]", "\033]0;",
		"\033]52;c;", "\033X", "\033^", "\033_", "\xe4", "\xf0\x9f",
		"\033(0", "\033[4h",
	};
	struct vt_emu *e = mk(8, 4);
	size_t i;
	int b;

	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		for (b = 0; b < 256; b++) {
			char s[16];
			size_t n = strlen(prefixes[i]);

			memcpy(s, prefixes[i], n);
			s[n++] = (char)b;
			s[n++] = 0x18;
			vt_emu_feed(e, s, n);
			CHECK(invariants_ok(e));
		}
	}
	/* Still a working terminal afterwards. */
	feed(e, "\033c\033(Bok");
	CHECK_ROW(e, 0, "ok");
	done(e);
}

static uint32_t
rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* 4 MB of biased random bytes (lots of ESC [ ; digits and UTF-8), with a
 * resize every 64 KB. */
static void
random_stream(void)
{
	static const char alphabet[] = "\033\033\033[[[;;;0123456789?:>!\"\r\n\b\t"
	    "HJKLMPSTXbmhlrsu@ABCDfgdEFGIZ`#()0B8]\007\\\xe4\xb8\x80\xcc\x81"
	    "\xc2\x9b\xc2\x9d" "abc xyz";
	struct vt_emu *e = mk(80, 24);
	uint8_t buf[4096];
	uint32_t s = 12345;
	int round, i, bad = 0;

	for (round = 0; round < 1024; round++) {
		for (i = 0; i < (int)sizeof buf; i++) {
			uint32_t v = rnd(&s);

			buf[i] = v & 0x100 ? (uint8_t)alphabet[(v >> 9) %
			    (sizeof alphabet - 1)] : (uint8_t)v;
		}
		vt_emu_feed(e, buf, sizeof buf);
		vt_emu_reply_clear(e);
		if (round % 16 == 15) {
			CHECK_INT(0, vt_emu_resize(e, 1 + (int)(rnd(&s) % 200),
			    1 + (int)(rnd(&s) % 100)));
		}
		if (!invariants_ok(e)) {
			bad++;
		}
	}
	CHECK_INT(0, bad);
	done(e);
}

static const struct test tests[] = {
	T(huge_parameters), T(ten_megabyte_osc), T(tiny_and_huge_screens),
	T(every_byte_every_state), T(random_stream),
};
TEST_MAIN(tests)
