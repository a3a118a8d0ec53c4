/*
 * test/unit/term_check.h - helpers shared by the term_* unit suites:
 * build an emulator, feed it a C string, and check rows and the cursor.
 */
#ifndef TEST_TERM_CHECK_H
#define TEST_TERM_CHECK_H

#include <stdlib.h>
#include <string.h>

#include "test/harness.h"
#include "term/emu.h"

static inline struct vt_emu *
mk(int cols, int rows)
{
	struct vt_emu *e = malloc(sizeof *e);

	if (e == NULL || vt_emu_init(e, cols, rows, 0) != 0) {
		abort();
	}
	return e;
}

static inline void
done(struct vt_emu *e)
{
	vt_emu_fini(e);
	free(e);
}

static inline void
feed(struct vt_emu *e, const char *s)
{
	vt_emu_feed(e, s, strlen(s));
}

/* Row r as UTF-8, trailing blank cells trimmed, wide characters once. */
static inline const char *
row_text(const struct vt_emu *e, int r)
{
	static char buf[8192];
	const struct fb *f = vt_emu_fb(e);
	const struct fb_row *row = fb_row_get(f, r);
	size_t n = 0, keep = 0;
	int c;

	for (c = 0; c < f->cols; c++) {
		const struct fb_cell *cell = &row->cells[c];

		if (n + FB_CELL_UTF8_MAX >= sizeof buf) {
			break;
		}
		n += fb_cell_utf8(cell, (uint8_t *)buf + n);
		if (!fb_cell_is_blank(cell) && cell->width != 0) {
			keep = n;
		}
	}
	buf[keep] = '\0';
	return buf;
}

static inline const struct fb_cell *
cell_at(const struct vt_emu *e, int r, int c)
{
	return &fb_row_get(vt_emu_fb(e), r)->cells[c];
}

#define CHECK_ROW(e, r, want) CHECK_STR(want, row_text(e, r))
#define CHECK_CUR(e, r, c) do { \
	CHECK_INT(r, vt_emu_fb(e)->cur.row); \
	CHECK_INT(c, vt_emu_fb(e)->cur.col); } while (0)

#endif
