/*
 * term/fb.h - the terminal framebuffer: cells, rows, cursor, modes,
 * title, clipboard and bell, with rows shared copy-on-write.
 *
 * A framebuffer is what a terminal shows plus the state a display diff
 * must carry to the other side.  The emulator (term/emu.h) writes into
 * one; the transport keeps many snapshots of it; the display diff
 * (term/display.h) turns one into another.
 *
 * Sharing.  Rows are heap objects with a reference count.  fb_copy() makes
 * a snapshot by sharing every row (cost: one pointer array), and a writer
 * calls fb_row_mut() before touching a row, which copies the row first if
 * anyone else holds it.  So a row pointer that two framebuffers have in the
 * same place means "unchanged": fb_row_same() tests that, and the display
 * diff skips such rows without looking at their cells.  A shared row is
 * never written in place.  Single-threaded: the counts are plain ints.
 *
 * Cells.  A cell holds one grapheme: a base code point plus up to
 * FB_COMB_MAX combining marks (more are dropped), and a rendition.  ch == 0
 * is a blank cell (an erased cell, or a space: the emulator stores a
 * printed U+0020 as 0 so that "space" and "erased" compare equal; both show
 * as a space).  A wide character takes two cells: the first has width 2,
 * the second is a continuation cell (width 0, ch 0, same rendition).  Every
 * field of a cell is always initialised (there is no padding), so cells
 * and rows may be compared with memcmp.
 *
 * Coordinates are 0-based (row, col); row 0 is the top.
 */
#ifndef TERM_FB_H
#define TERM_FB_H

#include <stddef.h>
#include <stdint.h>

/* Largest size accepted by fb_init/fb_resize (bounds memory: the largest
 * framebuffer is ~32 MB of cells). */
#define FB_MAX_DIM 2000
#define FB_MAX_CELLS 1000000

/* Combining marks kept per cell; stock mosh keeps up to 32 bytes of them,
 * which three marks cover for every real script we know of. */
#define FB_COMB_MAX 3
/* Bytes of UTF-8 one cell can need: base + marks, 4 bytes each. */
#define FB_CELL_UTF8_MAX (4 * (1 + FB_COMB_MAX))
/* Title and icon name: bytes of UTF-8 kept (stock mosh keeps 256 chars). */
#define FB_TITLE_MAX 1024
/* OSC 52 payload kept (stock mosh: 16 KiB); longer payloads are dropped. */
#define FB_CLIP_MAX 16384

/* --- colours ------------------------------------------------------------ */
/*
 * A colour is a uint32_t: FB_COLOR_DEFAULT, or FB_COLOR_PALETTE | index
 * (0-255; SGR 30-37 give 0-7 and 90-97 give 8-15), or FB_COLOR_RGB |
 * 0xRRGGBB.  Compare colours with ==.
 */
#define FB_COLOR_DEFAULT 0u
#define FB_COLOR_PALETTE 0x01000000u
#define FB_COLOR_RGB 0x02000000u
#define FB_COLOR_KIND(c) ((c) & 0xFF000000u)

static inline uint32_t
fb_color_palette(unsigned idx)
{
	return FB_COLOR_PALETTE | (idx & 0xFFu);
}

static inline uint32_t
fb_color_rgb(unsigned r, unsigned g, unsigned b)
{
	return FB_COLOR_RGB | (r & 0xFFu) << 16 | (g & 0xFFu) << 8 | (b & 0xFFu);
}

/* --- renditions ----------------------------------------------------------- */
enum fb_attr {
	FB_ATTR_BOLD = 1u << 0,		/* SGR 1 */
	FB_ATTR_FAINT = 1u << 1,	/* SGR 2 */
	FB_ATTR_ITALIC = 1u << 2,	/* SGR 3 */
	FB_ATTR_UNDERLINE = 1u << 3,	/* SGR 4 (4:1) */
	FB_ATTR_DUNDERLINE = 1u << 4,	/* SGR 21 (4:2): double underline */
	FB_ATTR_BLINK = 1u << 5,	/* SGR 5 (and 6) */
	FB_ATTR_INVERSE = 1u << 6,	/* SGR 7 */
	FB_ATTR_INVISIBLE = 1u << 7,	/* SGR 8 */
	FB_ATTR_STRIKE = 1u << 8	/* SGR 9 */
};

struct fb_rend {
	uint32_t fg;		/* FB_COLOR_* */
	uint32_t bg;		/* FB_COLOR_* */
	uint16_t attrs;		/* FB_ATTR_* bits */
	uint16_t pad_;		/* always 0 (keeps memcmp meaningful) */
};

static inline int
fb_rend_equal(const struct fb_rend *a, const struct fb_rend *b)
{
	return a->fg == b->fg && a->bg == b->bg && a->attrs == b->attrs;
}

/* --- cells ---------------------------------------------------------------- */
struct fb_cell {
	uint32_t ch;			/* base code point; 0 = blank */
	uint32_t comb[FB_COMB_MAX];	/* combining marks; unused slots 0 */
	struct fb_rend rend;
	uint8_t width;			/* 1, 2 (wide), 0 (continuation) */
	uint8_t ncomb;			/* marks in comb[] */
	uint16_t pad_;			/* always 0 */
};

/* A blank cell of rendition r (width 1). */
static inline struct fb_cell
fb_cell_blank(const struct fb_rend *r)
{
	struct fb_cell c = { 0, { 0, 0, 0 }, *r, 1, 0, 0 };

	return c;
}

/* Nonzero if c shows nothing but its background: blank, no marks. */
static inline int
fb_cell_is_blank(const struct fb_cell *c)
{
	return c->ch == 0 && c->ncomb == 0 && c->width == 1;
}

static inline int
fb_cell_equal(const struct fb_cell *a, const struct fb_cell *b)
{
	return a->ch == b->ch && a->width == b->width &&
	    a->ncomb == b->ncomb && fb_rend_equal(&a->rend, &b->rend) &&
	    a->comb[0] == b->comb[0] && a->comb[1] == b->comb[1] &&
	    a->comb[2] == b->comb[2];
}

/*
 * Writes the cell's grapheme as UTF-8 into out (FB_CELL_UTF8_MAX bytes)
 * and returns the length: a space for a blank cell, nothing (0) for a
 * continuation cell, and U+00A0 in front of marks whose base is blank (as
 * stock mosh sends them).
 */
size_t fb_cell_utf8(const struct fb_cell *c, uint8_t *out);

/* --- rows ----------------------------------------------------------------- */
struct fb_row {
	int refs;		/* framebuffers holding this row (fb.c owns it) */
	uint16_t cols;		/* cells in the row */
	uint8_t wrapped;	/* soft wrap: autowrap continued onto the next row */
	uint8_t pad_;
	/* Cells [dirty, cols) are known to be blank with the default
	 * rendition (a hint that lets a recycled row be cleared cheaply; it
	 * is never compared).  Anyone writing cells keeps it an upper bound:
	 * fb_row_mut sets it to cols, fb_row_mut_span to cover its span. */
	uint16_t dirty;
	uint16_t pad2_;
	struct fb_cell cells[];	/* cols cells */
};

/* Nonzero if two rows are the same object (hence equal: shared rows are
 * never written).  The display diff's "unchanged row" test. */
static inline int
fb_row_same(const struct fb_row *a, const struct fb_row *b)
{
	return a == b;
}

/* Content equality: same width, wrap flag and cells. */
int fb_row_equal(const struct fb_row *a, const struct fb_row *b);

/* Sets cells [from, to) of a writable row (from fb_row_mut) to blanks of
 * rendition r.  Bounds are clamped to the row. */
void fb_row_fill_blank(struct fb_row *row, int from, int to,
    const struct fb_rend *r);

/* --- cursor and modes ----------------------------------------------------- */
struct fb_cursor {
	int row, col;		/* 0-based, always inside the screen */
	uint8_t visible;	/* DECTCEM ?25 */
	uint8_t pending_wrap;	/* last column written, DECAWM wrap deferred */
};

enum fb_mouse_mode {	/* DECSET numbers; one at a time, as in xterm */
	FB_MOUSE_NONE = 0,
	FB_MOUSE_X10 = 9,
	FB_MOUSE_VT200 = 1000,
	FB_MOUSE_HILITE = 1001,
	FB_MOUSE_BUTTON = 1002,
	FB_MOUSE_ANY = 1003
};

enum fb_mouse_enc {
	FB_MOUSE_ENC_DEFAULT = 0,
	FB_MOUSE_ENC_UTF8 = 1005,
	FB_MOUSE_ENC_SGR = 1006,
	FB_MOUSE_ENC_URXVT = 1015
};

/* Modes a display diff carries (all but app_cursor, which only the server
 * needs for input translation). */
struct fb_modes {
	uint8_t reverse_video;	/* DECSCNM ?5 */
	uint8_t bracketed_paste;	/* ?2004 */
	uint8_t focus_events;	/* ?1004 */
	uint8_t app_cursor;	/* DECCKM ?1: kept, not synced, not compared */
	uint16_t mouse_mode;	/* enum fb_mouse_mode */
	uint16_t mouse_enc;	/* enum fb_mouse_enc */
};

/* --- clipboard ------------------------------------------------------------ */
/* An immutable, shared byte string (the OSC 52 payload as received). */
struct fb_blob {
	int refs;
	size_t len;
	uint8_t data[];
};

/* --- the framebuffer -------------------------------------------------------- */
struct fb {
	int cols, rows;
	struct fb_row **rowv;	/* the `rows` rows, each referenced; points
				 * into rowbase (a sliding window, so a
				 * full-screen scroll moves no pointers) */
	struct fb_cursor cur;
	struct fb_rend pen;	/* rendition new text gets (current SGR) */
	struct fb_modes mode;
	uint32_t bell_count;	/* BELs received (wraps) */
	uint32_t clip_count;	/* OSC 52 stores received (wraps) */
	struct fb_blob *clip;	/* shared reference; NULL if never set */
	uint8_t title_set;	/* an OSC 0/1/2 was ever received */
	uint16_t title_len;
	uint16_t icon_len;
	char title[FB_TITLE_MAX];	/* OSC 2 text, UTF-8, not terminated */
	char icon[FB_TITLE_MAX];	/* OSC 1 text */
	struct fb_row **rowbase;	/* owned allocation of rowcap slots */
	int rowcap;
};

/*
 * Creates a blank framebuffer: every cell blank with default rendition,
 * cursor (0,0) visible, default pen and modes, no title or clipboard.
 * Returns 0, CORE_E_RANGE (size < 1x1 or above the limits) or
 * CORE_E_NOMEM (then *f holds nothing and fb_free is optional).
 */
int fb_init(struct fb *f, int cols, int rows);

/* Releases f's references (rows, clipboard); f may then be reused with
 * fb_init or fb_copy.  Safe on a zeroed struct. */
void fb_free(struct fb *f);

/*
 * Makes dst a snapshot of src, sharing every row and the clipboard: O(rows).
 * dst must hold nothing (fresh, or after fb_free).  0 or CORE_E_NOMEM
 * (dst then holds nothing).
 */
int fb_copy(struct fb *dst, const struct fb *src);

/* Returns row r for reading (0 <= r < rows). */
static inline const struct fb_row *
fb_row_get(const struct fb *f, int r)
{
	return f->rowv[r];
}

/*
 * Returns row r for writing, first replacing it by a private copy if it
 * is shared.  NULL only on allocation failure (the row is then left
 * shared and unchanged).
 */
struct fb_row *fb_row_mut(struct fb *f, int r);

/*
 * Like fb_row_mut, for a caller that will write only cells [from, to)
 * (0 <= from <= to <= cols): the emulator's hot path.
 */
struct fb_row *fb_row_mut_span(struct fb *f, int r, int from, int to);

/*
 * Scrolls rows [top, bottom) by n: n > 0 moves content up (new blank rows
 * of rendition r appear at the bottom), n < 0 moves it down.  |n| larger
 * than the region blanks it.  Rows move by pointer; no cell is copied.
 * 0 or CORE_E_NOMEM (the region may then hold blanked rows in place of
 * the new ones, but every row is valid).
 */
int fb_scroll(struct fb *f, int top, int bottom, int n,
    const struct fb_rend *r);

/*
 * Exchanges the rows of two framebuffers of the same size (the
 * emulator's primary and alternate screens).  Nothing else changes.
 */
void fb_swap_rows(struct fb *a, struct fb *b);

/*
 * Changes the size.  Rows and columns are cut at the bottom/right or
 * padded with blanks; a wide character cut in half becomes a blank; the
 * cursor is clamped inside (pending wrap cleared).  0, CORE_E_RANGE or
 * CORE_E_NOMEM (f unchanged).
 */
int fb_resize(struct fb *f, int cols, int rows);

/*
 * Stores the title (OSC 2) or icon name (OSC 1) text, cut to FB_TITLE_MAX
 * bytes at a UTF-8 character boundary, and sets title_set.
 */
void fb_set_title(struct fb *f, const void *s, size_t len);
void fb_set_icon(struct fb *f, const void *s, size_t len);

/*
 * Stores an OSC 52 payload (the part after "52;<selection>;") and bumps
 * clip_count.  A payload above FB_CLIP_MAX is refused with CORE_E_LIMIT;
 * CORE_E_NOMEM leaves the old one.
 */
int fb_set_clipboard(struct fb *f, const void *data, size_t len);

/*
 * Full state equality for the transport: size, every row (content and
 * wrap flag), cursor position and visibility, pen, synced modes, title,
 * icon and title_set, clipboard contents, and the bell and clipboard
 * counters.  Not compared: pending_wrap and app_cursor (never synced).
 */
int fb_equal(const struct fb *a, const struct fb *b);

/*
 * Like fb_equal but ignoring bell_count and clip_count: what a terminal
 * shows.  A display diff rings one BEL for any number of bells, so this
 * is the test for "applying diff(a, b) to a yields b".
 */
int fb_equal_visible(const struct fb *a, const struct fb *b);

#endif
