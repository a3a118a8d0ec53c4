/*
 * term/fb.c - framebuffer storage: refcounted rows shared between
 * snapshots, copy-on-write on the first write, scrolling by moving row
 * pointers.
 *
 * A row whose count is 1 belongs to one framebuffer and is written in
 * place; fb_row_mut copies any other row before handing it out.  Rows
 * scrolled off a region are recycled as the new blank rows when nobody
 * else holds them, so a scrolling screen allocates nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/utf8.h"
#include "term/fb.h"

static const struct fb_rend default_rend;

/* A row's worth of default blank cells to copy from (4 KiB of rodata). */
#define TEMPLATE_CELLS 128
#define B1 { 0, { 0, 0, 0 }, { 0, 0, 0, 0 }, 1, 0, 0 }
#define B8 B1, B1, B1, B1, B1, B1, B1, B1
static const struct fb_cell default_blanks[TEMPLATE_CELLS] = {
	B8, B8, B8, B8, B8, B8, B8, B8, B8, B8, B8, B8, B8, B8, B8, B8
};
#undef B8
#undef B1

static size_t
row_bytes(int cols)
{
	return sizeof(struct fb_row) + (size_t)cols * sizeof(struct fb_cell);
}

static struct fb_row *
row_new(int cols, const struct fb_rend *r)
{
	struct fb_row *row = malloc(row_bytes(cols));

	if (row == NULL) {
		return NULL;
	}
	row->refs = 1;
	row->cols = (uint16_t)cols;
	row->wrapped = 0;
	row->pad_ = 0;
	row->pad2_ = 0;
	row->dirty = (uint16_t)cols;
	fb_row_fill_blank(row, 0, cols, r);
	return row;
}

static void
row_unref(struct fb_row *row)
{
	if (row != NULL && --row->refs == 0) {
		free(row);
	}
}

static void
blob_unref(struct fb_blob *b)
{
	if (b != NULL && --b->refs == 0) {
		free(b);
	}
}

void
fb_row_fill_blank(struct fb_row *row, int from, int to,
    const struct fb_rend *r)
{
	struct fb_cell blank = fb_cell_blank(r);
	int i;

	if (from < 0) {
		from = 0;
	}
	if (to > row->cols) {
		to = row->cols;
	}
	if (from >= to) {
		return;
	}
	if (r->fg != 0 || r->bg != 0 || r->attrs != 0) {
		if (to > row->dirty) {
			row->dirty = (uint16_t)to;
		}
	} else if (to >= row->dirty) {
		/* Cells past `dirty` are already default blanks. */
		to = row->dirty;
		if (from < row->dirty) {
			row->dirty = (uint16_t)from;
		}
	}
	if (to - from >= 32 && r->fg == 0 && r->bg == 0 && r->attrs == 0) {
		/* Long runs of default blanks: block copies from a template
		 * (short ones are cheaper cell by cell). */
		while (from < to) {
			i = to - from < TEMPLATE_CELLS ? to - from : TEMPLATE_CELLS;
			memcpy(&row->cells[from], default_blanks,
			    (size_t)i * sizeof row->cells[0]);
			from += i;
		}
		return;
	}
	for (i = from; i < to; i++) {
		row->cells[i] = blank;
	}
}

int
fb_row_equal(const struct fb_row *a, const struct fb_row *b)
{
	if (a == b) {
		return 1;
	}
	return a->cols == b->cols && a->wrapped == b->wrapped &&
	    memcmp(a->cells, b->cells,
	    (size_t)a->cols * sizeof(struct fb_cell)) == 0;
}

size_t
fb_cell_utf8(const struct fb_cell *c, uint8_t *out)
{
	size_t n = 0;
	int i;

	if (c->width == 0) {
		return 0;
	}
	if (c->ch != 0) {
		n = core_utf8_encode(c->ch, out);
	} else if (c->ncomb > 0) {
		n = core_utf8_encode(0xA0, out);
	} else {
		out[0] = ' ';
		return 1;
	}
	for (i = 0; i < c->ncomb && i < FB_COMB_MAX; i++) {
		n += core_utf8_encode(c->comb[i], out + n);
	}
	return n;
}

/* Row pointer slots: twice the rows, so the window can slide down a whole
 * screen before it is moved back to the start. */
static int
slots(int rows)
{
	return 2 * rows;
}

static int
size_ok(int cols, int rows)
{
	return cols >= 1 && rows >= 1 && cols <= FB_MAX_DIM &&
	    rows <= FB_MAX_DIM && (long)cols * rows <= FB_MAX_CELLS;
}

int
fb_init(struct fb *f, int cols, int rows)
{
	int r;

	memset(f, 0, sizeof *f);
	if (!size_ok(cols, rows)) {
		return CORE_E_RANGE;
	}
	f->rowcap = slots(rows);
	f->rowbase = calloc((size_t)f->rowcap, sizeof *f->rowbase);
	if (f->rowbase == NULL) {
		f->rowcap = 0;
		return CORE_E_NOMEM;
	}
	f->rowv = f->rowbase;
	f->cols = cols;
	f->rows = rows;
	for (r = 0; r < rows; r++) {
		f->rowv[r] = row_new(cols, &default_rend);
		if (f->rowv[r] == NULL) {
			fb_free(f);
			return CORE_E_NOMEM;
		}
	}
	f->cur.visible = 1;
	return 0;
}

void
fb_free(struct fb *f)
{
	int r;

	if (f->rowv != NULL) {
		for (r = 0; r < f->rows; r++) {
			row_unref(f->rowv[r]);
		}
	}
	free(f->rowbase);
	blob_unref(f->clip);
	memset(f, 0, sizeof *f);
}

int
fb_copy(struct fb *dst, const struct fb *src)
{
	int r;

	memcpy(dst, src, sizeof *dst);
	dst->rowcap = slots(src->rows);
	dst->rowbase = malloc((size_t)dst->rowcap * sizeof *dst->rowbase);
	if (dst->rowbase == NULL) {
		memset(dst, 0, sizeof *dst);
		return CORE_E_NOMEM;
	}
	dst->rowv = dst->rowbase;
	for (r = 0; r < src->rows; r++) {
		dst->rowv[r] = src->rowv[r];
		dst->rowv[r]->refs++;
	}
	if (dst->clip != NULL) {
		dst->clip->refs++;
	}
	return 0;
}

struct fb_row *
fb_row_mut(struct fb *f, int r)
{
	struct fb_row *row = fb_row_mut_span(f, r, 0, f->cols);

	return row;
}

struct fb_row *
fb_row_mut_span(struct fb *f, int r, int from, int to)
{
	struct fb_row *old = f->rowv[r], *row;

	(void)from;
	if (old->refs == 1) {
		if (to > old->dirty) {
			old->dirty = (uint16_t)to;
		}
		return old;
	}
	row = malloc(row_bytes(old->cols));
	if (row == NULL) {
		return NULL;
	}
	memcpy(row, old, row_bytes(old->cols));
	row->refs = 1;
	if (to > row->dirty) {
		row->dirty = (uint16_t)to;
	}
	old->refs--;
	f->rowv[r] = row;
	return row;
}

/* Turns the row at index i into a private blank row, reusing it if it is
 * not shared.  0 or CORE_E_NOMEM (the row is left as it was). */
static int
blank_row_at(struct fb *f, int i, const struct fb_rend *r)
{
	struct fb_row *row = f->rowv[i];

	if (row->refs == 1) {
		row->wrapped = 0;
		fb_row_fill_blank(row, 0, row->cols, r);
		return 0;
	}
	row = row_new(f->cols, r);
	if (row == NULL) {
		return CORE_E_NOMEM;
	}
	row_unref(f->rowv[i]);
	f->rowv[i] = row;
	return 0;
}

/* Rotates rowv[top, bottom) left by n (0 < n < bottom - top). */
static void
rotate(struct fb_row **v, int top, int bottom, int n)
{
	struct fb_row *tmp[64];
	int len = bottom - top, done, k;

	/* In chunks of up to 64 pointers, so no allocation is needed. */
	for (done = 0; done < n; done += k) {
		k = n - done < 64 ? n - done : 64;
		memcpy(tmp, v + top, (size_t)k * sizeof *tmp);
		memmove(v + top, v + top + k, (size_t)(len - k) * sizeof *v);
		memcpy(v + bottom - k, tmp, (size_t)k * sizeof *tmp);
	}
}

/* Scrolls the whole screen up by n (0 < n < rows) by sliding the window
 * down: the rows leaving at the top are appended at the bottom. */
static void
slide(struct fb *f, int n)
{
	int i;

	if ((f->rowv - f->rowbase) + f->rows + n > f->rowcap) {
		memmove(f->rowbase, f->rowv, (size_t)f->rows * sizeof *f->rowv);
		f->rowv = f->rowbase;
	}
	for (i = 0; i < n; i++) {
		f->rowv[f->rows + i] = f->rowv[i];
	}
	f->rowv += n;
}

void
fb_swap_rows(struct fb *a, struct fb *b)
{
	struct fb_row **v = a->rowv, **base = a->rowbase;
	int cap = a->rowcap;

	a->rowv = b->rowv;
	a->rowbase = b->rowbase;
	a->rowcap = b->rowcap;
	b->rowv = v;
	b->rowbase = base;
	b->rowcap = cap;
}

int
fb_scroll(struct fb *f, int top, int bottom, int n, const struct fb_rend *r)
{
	int len, i, rc = 0;

	if (top < 0) {
		top = 0;
	}
	if (bottom > f->rows) {
		bottom = f->rows;
	}
	len = bottom - top;
	if (len <= 0 || n == 0) {
		return 0;
	}
	if (n >= len || n <= -len) {
		n = n > 0 ? len : -len;
	} else if (n > 0 && len == f->rows) {
		slide(f, n);
	} else if (n > 0) {
		rotate(f->rowv, top, bottom, n);
	} else {
		rotate(f->rowv, top, bottom, len + n);
	}
	/* The rows that came round to the vacated end become blanks. */
	if (n > 0) {
		for (i = bottom - n; i < bottom; i++) {
			if (blank_row_at(f, i, r) != 0) {
				rc = CORE_E_NOMEM;
			}
		}
	} else {
		for (i = top; i < top - n; i++) {
			if (blank_row_at(f, i, r) != 0) {
				rc = CORE_E_NOMEM;
			}
		}
	}
	return rc;
}

/* A copy of row `old` at width cols, or NULL. */
static struct fb_row *
row_resized(const struct fb_row *old, int cols)
{
	struct fb_row *row = row_new(cols, &default_rend);
	int n = old->cols < cols ? old->cols : cols;

	if (row == NULL) {
		return NULL;
	}
	memcpy(row->cells, old->cells, (size_t)n * sizeof(struct fb_cell));
	row->wrapped = old->wrapped;
	row->dirty = (uint16_t)cols;
	/* A wide character whose second half was cut off becomes blank. */
	if (n > 0 && row->cells[n - 1].width == 2) {
		row->cells[n - 1] = fb_cell_blank(&row->cells[n - 1].rend);
	}
	return row;
}

int
fb_resize(struct fb *f, int cols, int rows)
{
	struct fb_row **v;
	int r;

	if (!size_ok(cols, rows)) {
		return CORE_E_RANGE;
	}
	if (cols == f->cols && rows == f->rows) {
		return 0;
	}
	v = calloc((size_t)slots(rows), sizeof *v);
	if (v == NULL) {
		return CORE_E_NOMEM;
	}
	for (r = 0; r < rows; r++) {
		if (r < f->rows && cols == f->cols) {
			v[r] = f->rowv[r];
			v[r]->refs++;
		} else if (r < f->rows) {
			v[r] = row_resized(f->rowv[r], cols);
		} else {
			v[r] = row_new(cols, &default_rend);
		}
		if (v[r] == NULL) {
			while (r-- > 0) {
				row_unref(v[r]);
			}
			free(v);
			return CORE_E_NOMEM;
		}
	}
	for (r = 0; r < f->rows; r++) {
		row_unref(f->rowv[r]);
	}
	free(f->rowbase);
	f->rowbase = v;
	f->rowcap = slots(rows);
	f->rowv = v;
	f->cols = cols;
	f->rows = rows;
	if (f->cur.row >= rows) {
		f->cur.row = rows - 1;
	}
	if (f->cur.col >= cols) {
		f->cur.col = cols - 1;
	}
	f->cur.pending_wrap = 0;
	return 0;
}

/* Length of the longest prefix of s[0, len) that is at most max bytes
 * and does not end inside a UTF-8 sequence. */
static size_t
cut_utf8(const uint8_t *s, size_t len, size_t max)
{
	if (len <= max) {
		return len;
	}
	len = max;
	while (len > 0 && (s[len] & 0xC0) == 0x80) {
		len--;
	}
	return len;
}

void
fb_set_title(struct fb *f, const void *s, size_t len)
{
	len = cut_utf8(s, len, FB_TITLE_MAX);
	memcpy(f->title, s, len);
	f->title_len = (uint16_t)len;
	f->title_set = 1;
}

void
fb_set_icon(struct fb *f, const void *s, size_t len)
{
	len = cut_utf8(s, len, FB_TITLE_MAX);
	memcpy(f->icon, s, len);
	f->icon_len = (uint16_t)len;
	f->title_set = 1;
}

int
fb_set_clipboard(struct fb *f, const void *data, size_t len)
{
	struct fb_blob *b;

	if (len > FB_CLIP_MAX) {
		return CORE_E_LIMIT;
	}
	b = malloc(sizeof *b + len);
	if (b == NULL) {
		return CORE_E_NOMEM;
	}
	b->refs = 1;
	b->len = len;
	if (len > 0) {
		memcpy(b->data, data, len);
	}
	blob_unref(f->clip);
	f->clip = b;
	f->clip_count++;
	return 0;
}

static int
clip_equal(const struct fb_blob *a, const struct fb_blob *b)
{
	if (a == b) {
		return 1;
	}
	if (a == NULL || b == NULL) {
		return 0;
	}
	return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

int
fb_equal_visible(const struct fb *a, const struct fb *b)
{
	int r;

	if (a->cols != b->cols || a->rows != b->rows ||
	    a->cur.row != b->cur.row || a->cur.col != b->cur.col ||
	    a->cur.visible != b->cur.visible ||
	    !fb_rend_equal(&a->pen, &b->pen) ||
	    a->mode.reverse_video != b->mode.reverse_video ||
	    a->mode.bracketed_paste != b->mode.bracketed_paste ||
	    a->mode.focus_events != b->mode.focus_events ||
	    a->mode.mouse_mode != b->mode.mouse_mode ||
	    a->mode.mouse_enc != b->mode.mouse_enc ||
	    a->title_set != b->title_set ||
	    a->title_len != b->title_len || a->icon_len != b->icon_len ||
	    memcmp(a->title, b->title, a->title_len) != 0 ||
	    memcmp(a->icon, b->icon, a->icon_len) != 0 ||
	    !clip_equal(a->clip, b->clip)) {
		return 0;
	}
	for (r = 0; r < a->rows; r++) {
		if (!fb_row_equal(a->rowv[r], b->rowv[r])) {
			return 0;
		}
	}
	return 1;
}

int
fb_equal(const struct fb *a, const struct fb *b)
{
	return a->bell_count == b->bell_count &&
	    a->clip_count == b->clip_count && fb_equal_visible(a, b);
}
