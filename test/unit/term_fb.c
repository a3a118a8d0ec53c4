/*
 * test/unit/term_fb.c - framebuffer storage: copy-on-write sharing,
 * scrolling by pointer, resize, equality, titles and clipboard.
 */
#include <stdlib.h>

#include "core/err.h"
#include "test/harness.h"
#include "term/fb.h"

static const struct fb_rend plain;

static void
put(struct fb *f, int r, int c, uint32_t ch)
{
	struct fb_row *row = fb_row_mut(f, r);

	CHECK(row != NULL);
	row->cells[c].ch = ch;
}

static void
init_blank(void)
{
	struct fb f;
	int r, c;

	CHECK_INT(0, fb_init(&f, 7, 3));
	for (r = 0; r < 3; r++) {
		for (c = 0; c < 7; c++) {
			CHECK(fb_cell_is_blank(&fb_row_get(&f, r)->cells[c]));
		}
	}
	CHECK_INT(1, f.cur.visible);
	fb_free(&f);
	CHECK_INT(CORE_E_RANGE, fb_init(&f, 0, 3));
	CHECK_INT(CORE_E_RANGE, fb_init(&f, 3, FB_MAX_DIM + 1));
	CHECK_INT(CORE_E_RANGE, fb_init(&f, FB_MAX_DIM, FB_MAX_DIM));
	fb_free(&f);	/* safe on what a failed init leaves */
}

static void
copy_on_write(void)
{
	struct fb a, b;

	CHECK_INT(0, fb_init(&a, 4, 3));
	put(&a, 1, 0, 'x');
	CHECK_INT(0, fb_copy(&b, &a));
	CHECK(fb_row_same(fb_row_get(&a, 0), fb_row_get(&b, 0)));
	CHECK(fb_equal(&a, &b));
	put(&b, 1, 1, 'y');
	/* Only the written row was copied; the snapshot is untouched. */
	CHECK(!fb_row_same(fb_row_get(&a, 1), fb_row_get(&b, 1)));
	CHECK(fb_row_same(fb_row_get(&a, 0), fb_row_get(&b, 0)));
	CHECK(fb_row_same(fb_row_get(&a, 2), fb_row_get(&b, 2)));
	CHECK_INT(0, fb_row_get(&a, 1)->cells[1].ch);
	CHECK_INT('y', fb_row_get(&b, 1)->cells[1].ch);
	CHECK_INT('x', fb_row_get(&b, 1)->cells[0].ch);
	CHECK(!fb_equal(&a, &b));
	/* An unshared row is written in place. */
	{
		const struct fb_row *before = fb_row_get(&b, 1);

		put(&b, 1, 2, 'z');
		CHECK(fb_row_same(before, fb_row_get(&b, 1)));
	}
	fb_free(&a);
	/* b still valid after a is gone. */
	CHECK_INT('x', fb_row_get(&b, 1)->cells[0].ch);
	fb_free(&b);
}

static void
scroll(void)
{
	struct fb f, snap;
	const struct fb_row *r2;
	int r;

	CHECK_INT(0, fb_init(&f, 3, 5));
	for (r = 0; r < 5; r++) {
		put(&f, r, 0, (uint32_t)('0' + r));
	}
	CHECK_INT(0, fb_copy(&snap, &f));
	r2 = fb_row_get(&f, 2);
	CHECK_INT(0, fb_scroll(&f, 1, 4, 1, &plain));
	CHECK_INT('0', fb_row_get(&f, 0)->cells[0].ch);
	CHECK_INT('2', fb_row_get(&f, 1)->cells[0].ch);
	CHECK(fb_row_same(r2, fb_row_get(&f, 1)));	/* moved, not copied */
	CHECK_INT('3', fb_row_get(&f, 2)->cells[0].ch);
	CHECK_INT(0, fb_row_get(&f, 3)->cells[0].ch);
	CHECK_INT('4', fb_row_get(&f, 4)->cells[0].ch);
	/* The snapshot still has the old rows. */
	CHECK_INT('1', fb_row_get(&snap, 1)->cells[0].ch);
	CHECK_INT('3', fb_row_get(&snap, 3)->cells[0].ch);
	CHECK_INT(0, fb_scroll(&f, 0, 5, -2, &plain));
	CHECK_INT(0, fb_row_get(&f, 1)->cells[0].ch);
	CHECK_INT('0', fb_row_get(&f, 2)->cells[0].ch);
	CHECK_INT('2', fb_row_get(&f, 3)->cells[0].ch);
	CHECK_INT(0, fb_scroll(&f, 0, 5, 99, &plain));
	for (r = 0; r < 5; r++) {
		CHECK_INT(0, fb_row_get(&f, r)->cells[0].ch);
	}
	/* Large scrolls rotate correctly too (more than 64 rows). */
	fb_free(&f);
	CHECK_INT(0, fb_init(&f, 2, 200));
	for (r = 0; r < 200; r++) {
		put(&f, r, 0, (uint32_t)r + 1);
	}
	CHECK_INT(0, fb_scroll(&f, 0, 200, 130, &plain));
	CHECK_INT(131, fb_row_get(&f, 0)->cells[0].ch);
	CHECK_INT(200, fb_row_get(&f, 69)->cells[0].ch);
	CHECK_INT(0, fb_row_get(&f, 70)->cells[0].ch);
	fb_free(&f);
	fb_free(&snap);
}

static void
recycled_rows_are_blank(void)
{
	struct fb f;
	struct fb_rend red = { 0, fb_color_palette(1), 0, 0 };
	struct fb_row *row;
	int c;

	CHECK_INT(0, fb_init(&f, 6, 2));
	row = fb_row_mut_span(&f, 0, 0, 6);
	for (c = 0; c < 6; c++) {
		row->cells[c].ch = 'q';
	}
	CHECK_INT(0, fb_scroll(&f, 0, 2, 1, &plain));
	row = fb_row_mut(&f, 1);
	for (c = 0; c < 6; c++) {
		CHECK(fb_cell_is_blank(&row->cells[c]));
		CHECK_INT(0, row->cells[c].rend.bg);
	}
	/* Coloured blanks, then default blanks again. */
	CHECK_INT(0, fb_scroll(&f, 0, 2, 1, &red));
	CHECK_U64(red.bg, fb_row_get(&f, 1)->cells[5].rend.bg);
	CHECK_INT(0, fb_scroll(&f, 0, 2, 1, &plain));
	CHECK_INT(0, fb_scroll(&f, 0, 2, 1, &plain));
	for (c = 0; c < 6; c++) {
		CHECK_INT(0, fb_row_get(&f, 1)->cells[c].rend.bg);
		CHECK_INT(0, fb_row_get(&f, 0)->cells[c].rend.bg);
	}
	fb_free(&f);
}

static void
resize(void)
{
	struct fb f;
	struct fb_row *row;

	CHECK_INT(0, fb_init(&f, 4, 2));
	row = fb_row_mut(&f, 0);
	row->cells[2].ch = 0x4E00;
	row->cells[2].width = 2;
	row->cells[3].width = 0;
	f.cur.row = 1;
	f.cur.col = 3;
	CHECK_INT(0, fb_resize(&f, 3, 1));
	CHECK(fb_cell_is_blank(&fb_row_get(&f, 0)->cells[2]));
	CHECK_INT(0, f.cur.row);
	CHECK_INT(2, f.cur.col);
	CHECK_INT(0, fb_resize(&f, 500, 500));
	CHECK(fb_cell_is_blank(&fb_row_get(&f, 499)->cells[499]));
	CHECK_INT(0, fb_resize(&f, 1, 1));
	CHECK_INT(CORE_E_RANGE, fb_resize(&f, 1, 0));
	CHECK_INT(1, f.cols);
	fb_free(&f);
}

static void
equality(void)
{
	struct fb a, b;

	CHECK_INT(0, fb_init(&a, 5, 2));
	CHECK_INT(0, fb_init(&b, 5, 2));
	CHECK(fb_equal(&a, &b));
	b.cur.pending_wrap = 1;
	b.mode.app_cursor = 1;
	CHECK(fb_equal(&a, &b));	/* never synced */
	b.bell_count++;
	CHECK(!fb_equal(&a, &b));
	CHECK(fb_equal_visible(&a, &b));
	a.bell_count++;
	fb_set_title(&a, "t", 1);
	CHECK(!fb_equal(&a, &b));
	fb_set_title(&b, "t", 1);
	CHECK(fb_equal(&a, &b));
	CHECK_INT(0, fb_set_clipboard(&a, "abc", 3));
	CHECK_INT(0, fb_set_clipboard(&b, "abd", 3));
	CHECK(!fb_equal_visible(&a, &b));
	CHECK_INT(0, fb_set_clipboard(&b, "abc", 3));
	CHECK(fb_equal_visible(&a, &b));
	CHECK(!fb_equal(&a, &b));	/* counters differ */
	b.mode.mouse_mode = 1000;
	CHECK(!fb_equal_visible(&a, &b));
	b.mode.mouse_mode = 0;
	b.pen.attrs = FB_ATTR_BOLD;
	CHECK(!fb_equal_visible(&a, &b));
	b.pen.attrs = 0;
	fb_row_mut(&b, 1)->wrapped = 1;
	CHECK(!fb_equal_visible(&a, &b));
	fb_free(&a);
	fb_free(&b);
}

static void
titles_and_clipboard(void)
{
	struct fb f, g;
	char big[FB_TITLE_MAX + 10];
	size_t i;

	CHECK_INT(0, fb_init(&f, 2, 2));
	/* Cut at a character boundary. */
	for (i = 0; i < sizeof big; i += 2) {
		big[i] = (char)0xC3;
		big[i + 1] = (char)0xA9;
	}
	fb_set_title(&f, big, FB_TITLE_MAX + 1);
	CHECK_INT(FB_TITLE_MAX, f.title_len);
	fb_set_icon(&f, big, 4);
	CHECK_INT(4, f.icon_len);
	CHECK_INT(1, f.title_set);
	CHECK_INT(CORE_E_LIMIT, fb_set_clipboard(&f, big, FB_CLIP_MAX + 1));
	CHECK_INT(0, fb_set_clipboard(&f, "", 0));
	CHECK_INT(1, f.clip_count);
	CHECK_INT(0, fb_copy(&g, &f));
	CHECK(g.clip == f.clip);
	fb_free(&f);
	CHECK_INT(0, (int)g.clip->len);
	fb_free(&g);
}

static void
cell_utf8(void)
{
	struct fb_cell c = fb_cell_blank(&plain);
	uint8_t u[FB_CELL_UTF8_MAX];

	CHECK_MEM(" ", 1, u, fb_cell_utf8(&c, u));
	c.ch = 0x4E00;
	c.width = 2;
	CHECK_MEM("\xe4\xb8\x80", 3, u, fb_cell_utf8(&c, u));
	c.width = 0;
	CHECK_INT(0, fb_cell_utf8(&c, u));
	c.width = 1;
	c.ch = 0;
	c.ncomb = 1;
	c.comb[0] = 0x301;
	CHECK_MEM("\xc2\xa0\xcc\x81", 4, u, fb_cell_utf8(&c, u));
}

static const struct test tests[] = {
	T(init_blank), T(copy_on_write), T(scroll), T(recycled_rows_are_blank),
	T(resize), T(equality), T(titles_and_clipboard), T(cell_utf8),
};
TEST_MAIN(tests)
