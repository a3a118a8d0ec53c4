/*
 * test/unit/term_display_prop.c - the display diff's round-trip property:
 * for framebuffer pairs (old, new), an emulator holding `old` that is fed
 * disp_diff(old, new) shows exactly `new`, and a fresh emulator fed
 * disp_diff(blank, new) shows `new` too.
 *
 * The pairs come from byte streams run through the emulator in chunks
 * (snapshot after each chunk): seeded random "terminal output" (text with
 * wide and combining characters, SGR, cursor moves, erases, scroll
 * regions, insert/delete, modes, titles, clipboard, resizes), synthetic
 * programs (a shell, a pager, an editor, a top-like screen, seq), and the
 * recordings in test/data/term/ when present.  Consecutive snapshots are
 * the realistic case; random non-consecutive pairs and a client that is
 * only ever fed diffs (so hidden receiver state such as a pending wrap is
 * carried from frame to frame, as on a real client) widen it.
 *
 * Every case runs under three option sets: stock, our server, and a
 * client-like set (no ECH, no BCE, extended attributes).  A failure prints
 * the seed, the option set and a readable dump of the screens.
 * DISP_PROP_SEED=N in the environment replays one seed; DISP_PROP_CASES=N
 * changes how many random streams are run.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/utf8.h"
#include "term/display.h"
#include "term/emu.h"
#include "term/fb.h"
#include "test/harness.h"

/* Sanitizer builds run about ten times slower, and `make test` runs the
 * other architectures under qemu: fewer random streams there. */
#if defined(__SANITIZE_ADDRESS__) || !defined(__x86_64__)
#define SLOW 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLOW 1
#endif
#endif
#ifndef SLOW
#define SLOW 0
#endif

/* --- PRNG (xorshift64*) ------------------------------------------------------ */
static uint64_t rng_state;

static uint32_t
rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

static unsigned
below(unsigned n)
{
	return n ? rnd() % n : 0;
}

static void
seed(uint64_t s)
{
	rng_state = s * 0x9E3779B97F4A7C15ULL + 1;
	(void)rnd();
}

/* --- comparison ------------------------------------------------------------ */

struct optset {
	const char *name;
	struct disp_opts o;
};

static struct optset sets[3];

static void
init_sets(void)
{
	sets[0].name = "stock";
	disp_opts_stock(&sets[0].o);
	sets[1].name = "server";
	disp_opts_server(&sets[1].o);
	sets[2].name = "client";
	disp_opts_server(&sets[2].o);
	sets[2].o.ech = 0;
	sets[2].o.bce = 0;
	sets[2].o.hide_cursor = 1;
	sets[2].o.ext_attrs = 1;
	sets[2].o.ri = 1;
}

/* The rendition as a receiver of the stock dialect ends up with it. */
static struct fb_rend
norm(struct fb_rend r, int ext)
{
	if (!ext) {
		if (r.attrs & FB_ATTR_DUNDERLINE) {
			r.attrs = (uint16_t)((r.attrs & ~FB_ATTR_DUNDERLINE) |
			    FB_ATTR_UNDERLINE);
		}
		r.attrs &= (uint16_t)~(FB_ATTR_FAINT | FB_ATTR_STRIKE);
	}
	return r;
}

static int
cell_same(const struct fb_cell *a, const struct fb_cell *b, int ext)
{
	struct fb_rend ra = norm(a->rend, ext), rb = norm(b->rend, ext);

	return a->ch == b->ch && a->width == b->width && a->ncomb == b->ncomb &&
	    memcmp(a->comb, b->comb, sizeof a->comb) == 0 &&
	    fb_rend_equal(&ra, &rb);
}

/*
 * What a diff promises (display.h): fb_equal_visible, except the last
 * row's soft-wrap flag (no dialect sequence can set it) and, without
 * ext_attrs, the attributes the stock dialect cannot carry; and a title or
 * clipboard that `want` does not have is not taken away.  Returns NULL
 * or what differs.
 */
static const char *
screen_diff(const struct fb *got, const struct fb *want, int ext,
    int repaint, int *where)
{
	struct fb_rend pg = norm(got->pen, ext), pw = norm(want->pen, ext);
	int r, c;

	*where = -1;
	if (got->cols != want->cols || got->rows != want->rows) {
		return "size";
	}
	if (got->cur.row != want->cur.row || got->cur.col != want->cur.col) {
		return "cursor position";
	}
	if (got->cur.visible != want->cur.visible) {
		return "cursor visibility";
	}
	if (want->cur.pending_wrap == 0 && got->cur.pending_wrap != 0) {
		return "a wrap left pending";
	}
	if (!fb_rend_equal(&pg, &pw)) {
		return "pen";
	}
	if (got->mode.reverse_video != want->mode.reverse_video ||
	    got->mode.bracketed_paste != want->mode.bracketed_paste ||
	    got->mode.focus_events != want->mode.focus_events ||
	    got->mode.mouse_mode != want->mode.mouse_mode ||
	    got->mode.mouse_enc != want->mode.mouse_enc) {
		return "modes";
	}
	/* No sequence unsets a title or a clipboard: only set ones count. */
	if (want->title_set && (got->title_set != want->title_set ||
	    got->title_len != want->title_len ||
	    got->icon_len != want->icon_len ||
	    memcmp(got->title, want->title, got->title_len) != 0 ||
	    memcmp(got->icon, want->icon, got->icon_len) != 0)) {
		return "title/icon";
	}
	/* A repaint does not copy to the clipboard again. */
	if (want->clip != NULL && !repaint && (got->clip == NULL ||
	    (got->clip->len != want->clip->len ||
	    memcmp(got->clip->data, want->clip->data, got->clip->len) != 0))) {
		return "clipboard";
	}
	for (r = 0; r < want->rows; r++) {
		const struct fb_row *a = got->rowv[r], *b = want->rowv[r];

		*where = r;
		if (a->wrapped != b->wrapped && r < want->rows - 1) {
			return "soft-wrap flag";
		}
		for (c = 0; c < want->cols; c++) {
			const struct fb_cell *x = &b->cells[c];

			/* An orphan continuation cell (no wide character
			 * before it: an emulator bug, reported) shows, and
			 * is sent, as a blank. */
			if (x->width == 0 && (c == 0 ||
			    b->cells[c - 1].width != 2) &&
			    fb_cell_is_blank(&a->cells[c])) {
				continue;
			}
			if (!cell_same(&a->cells[c], x, ext)) {
				return "cells";
			}
		}
	}
	return NULL;
}

static void
dump(const char *what, const struct fb *f)
{
	int r, c;

	fprintf(stderr, "    %s: %dx%d cursor %d,%d%s%s pen %x/%x/%x"
	    " title(%d) \"%.*s\" icon \"%.*s\"\n", what, f->cols, f->rows,
	    f->cur.row, f->cur.col, f->cur.pending_wrap ? " pending" : "",
	    f->cur.visible ? "" : " hidden", f->pen.fg, f->pen.bg,
	    f->pen.attrs, f->title_set, f->title_len, f->title, f->icon_len,
	    f->icon);
	for (r = 0; r < f->rows; r++) {
		const struct fb_row *row = f->rowv[r];

		fprintf(stderr, "    %2d%c|", r, row->wrapped ? 'w' : ' ');
		for (c = 0; c < f->cols; c++) {
			const struct fb_cell *x = &row->cells[c];
			uint8_t u[FB_CELL_UTF8_MAX];
			size_t n = fb_cell_utf8(x, u);
			int hl = x->rend.fg || x->rend.bg || x->rend.attrs;

			fputs(hl ? "\033[4m" : "", stderr);
			fwrite(u, 1, n, stderr);
			fputs(hl ? "\033[0m" : "", stderr);
		}
		fprintf(stderr, "|\n");
	}
}

static void
dump_bytes(const uint8_t *p, size_t n)
{
	size_t i;

	fprintf(stderr, "    bytes (%zu): ", n);
	for (i = 0; i < n && i < 4000; i++) {
		if (p[i] == 0x1b) {
			fputs("\\e", stderr);
		} else if (p[i] >= 0x20 && p[i] < 0x7F) {
			fputc(p[i], stderr);
		} else {
			fprintf(stderr, "\\x%02x", p[i]);
		}
	}
	fputs("\n", stderr);
}

/* --- the property -------------------------------------------------------------- */

static struct disp disps[3];
static struct core_buf out;
static const char *cur_label;
static uint64_t cur_seed;
static long n_checks, n_bytes, n_failures;

/* Feeds diff(old, new) to `recv` (which shows old) and checks it then
 * shows new.  Returns 0 or -1 (after reporting). */
static int
check_apply(struct vt_emu *recv, const struct fb *old, const struct fb *new,
    int set, int fresh)
{
	const struct disp_opts *o = &sets[set].o;
	const char *why;
	struct fb before;
	uint32_t bell0 = recv->fb.bell_count, clip0 = recv->fb.clip_count;
	int where;

	core_buf_reset(&out);
	if (fresh) {
		CHECK_INT(0, disp_repaint(&disps[set], new, &out));
	} else {
		CHECK_INT(0, disp_diff(&disps[set], old, new, &out));
	}
	n_checks++;
	n_bytes += (long)out.len;
	CHECK_INT(0, fb_copy(&before, &recv->fb));
	if (old->cols != new->cols || old->rows != new->rows) {
		CHECK_INT(0, vt_emu_resize(recv, new->cols, new->rows));
	}
	if (out.len > 0) {
		vt_emu_feed(recv, out.p, out.len);
	}
	why = screen_diff(&recv->fb, new, o->ext_attrs, fresh, &where);
	if (why == NULL && !fresh && ((old->bell_count != new->bell_count) !=
	    (recv->fb.bell_count != bell0))) {
		why = "bell";
	}
	if (why == NULL && !fresh && new->clip != NULL &&
	    ((old->clip_count != new->clip_count) !=
	    (recv->fb.clip_count != clip0))) {
		why = "clipboard store";
	}
	if (why == NULL) {
		fb_free(&before);
		return 0;
	}
	n_failures++;
	test_fail(__FILE__, __LINE__, "%s: seed %llu, options %s%s: %s differ"
	    " (row %d)", cur_label, (unsigned long long)cur_seed,
	    sets[set].name, fresh ? ", repaint" : "", why, where);
	if (n_failures <= 3) {
		dump("receiver before", &before);
		dump("old", old);
		dump("want", new);
		dump("got", &recv->fb);
		dump_bytes(out.p, out.len);
	}
	fb_free(&before);
	return -1;
}

/* An emulator (client mode, as on a client) showing exactly f. */
static void
holding(struct vt_emu *e, const struct fb *f)
{
	CHECK_INT(0, vt_emu_init(e, f->cols, f->rows, VT_EMU_CLIENT));
	CHECK_INT(0, vt_emu_load(e, f));
}

/* Checks one pair under every option set, from `old` and from blank. */
static int
check_pair(const struct fb *old, const struct fb *new, int from_blank)
{
	struct vt_emu e;
	struct fb blank;
	int s, rc = 0;

	CHECK_INT(0, fb_init(&blank, new->cols, new->rows));
	for (s = 0; s < 3 && rc == 0; s++) {
		holding(&e, old);
		rc |= check_apply(&e, old, new, s, 0);
		vt_emu_fini(&e);
		if (!from_blank) {
			continue;
		}
		holding(&e, &blank);
		rc |= check_apply(&e, &blank, new, s, 0);
		vt_emu_fini(&e);
		holding(&e, &blank);
		rc |= check_apply(&e, &blank, new, s, 1);
		vt_emu_fini(&e);
	}
	fb_free(&blank);
	return rc;
}

#define MAX_SNAPS 512

/*
 * Runs a stream through an emulator in chunks (boundaries from the PRNG,
 * so sequences are split too) and checks consecutive snapshots, a few
 * random pairs, and a chained client per option set.  `resizes`: also
 * resize the emulator at random points.
 */
static int
check_stream(const uint8_t *s, size_t len, int cols, int rows, int nsnap,
    int resizes)
{
	struct vt_emu src, client[3];
	struct fb *snaps = calloc(MAX_SNAPS, sizeof *snaps);
	size_t pos = 0;
	int n = 0, i, k, rc = 0;

	if (nsnap > MAX_SNAPS) {
		nsnap = MAX_SNAPS;
	}
	CHECK_INT(0, vt_emu_init(&src, cols, rows, 0));
	CHECK_INT(0, fb_copy(&snaps[n++], vt_emu_fb(&src)));
	for (k = 0; k < 3; k++) {
		CHECK_INT(0, vt_emu_init(&client[k], cols, rows,
		    VT_EMU_CLIENT));
	}
	while (pos < len && n < nsnap) {
		size_t chunk = n == nsnap - 1 ? len - pos :
		    1 + below((unsigned)(2 * len / (size_t)nsnap) + 1);

		if (chunk > len - pos) {
			chunk = len - pos;
		}
		vt_emu_feed(&src, s + pos, chunk);
		vt_emu_reply_clear(&src);
		pos += chunk;
		if (resizes && below(8) == 0) {
			(void)vt_emu_resize(&src, 1 + (int)below(30),
			    1 + (int)below(12));
		}
		CHECK_INT(0, fb_copy(&snaps[n++], vt_emu_fb(&src)));
		for (k = 0; k < 3; k++) {
			/* nothing changed, nothing said */
			core_buf_reset(&out);
			CHECK_INT(0, disp_diff(&disps[k], &snaps[n - 1],
			    &snaps[n - 1], &out));
			if (out.len != 0) {
				test_fail(__FILE__, __LINE__, "%s: seed %llu, "
				    "options %s: %zu bytes for no change",
				    cur_label, (unsigned long long)cur_seed,
				    sets[k].name, out.len);
				dump_bytes(out.p, out.len);
				rc = -1;
			}
		}
		/* from blank: every snapshot of a short stream, every
		 * fourth of a long one */
		rc |= check_pair(&snaps[n - 2], &snaps[n - 1],
		    nsnap <= 40 || n % 4 == 0);
		for (k = 0; k < 3 && rc == 0; k++) {
			rc |= check_apply(&client[k], &snaps[n - 2],
			    &snaps[n - 1], k, 0);
		}
		if (rc != 0) {
			break;
		}
	}
	for (i = 0; i < 4 && rc == 0 && n > 2; i++) {
		int a = (int)below((unsigned)n), b = (int)below((unsigned)n);

		rc |= check_pair(&snaps[a], &snaps[b], 0);
	}
	for (i = 0; i < n; i++) {
		fb_free(&snaps[i]);
	}
	for (k = 0; k < 3; k++) {
		vt_emu_fini(&client[k]);
	}
	vt_emu_fini(&src);
	free(snaps);
	return rc;
}

/* --- random terminal output --------------------------------------------------- */

static void
put(struct core_buf *b, const char *s)
{
	(void)core_buf_puts(b, s);
}

static void
putf(struct core_buf *b, const char *fmt, unsigned x, unsigned y)
{
	char tmp[64];

	snprintf(tmp, sizeof tmp, fmt, x, y);
	put(b, tmp);
}

static void
put_cp(struct core_buf *b, uint32_t cp)
{
	uint8_t u[4];

	(void)core_buf_append(b, u, core_utf8_encode(cp, u));
}

static const uint32_t wide[] = { 0x4E2D, 0x6587, 0xAC00, 0x1F600, 0x1F4A9,
	0xFF21, 0x3042 };
static const uint32_t marks[] = { 0x301, 0x308, 0x20DD, 0x0E49, 0x200D };
static const uint32_t narrow[] = { 0xE9, 0x3B1, 0x416, 0x2500, 0x2592,
	0xA0, 0xFFFD, 0x5D0 };

static void
rand_text(struct core_buf *b, int n)
{
	while (n-- > 0) {
		unsigned p = below(100);

		if (p < 60) {
			(void)core_buf_putc(b, (uint8_t)(0x21 + below(94)));
		} else if (p < 75) {
			(void)core_buf_putc(b, ' ');
		} else if (p < 85) {
			put_cp(b, wide[below(7)]);
		} else if (p < 92) {
			put_cp(b, narrow[below(8)]);
		} else {
			put_cp(b, marks[below(5)]);
		}
	}
}

static void
rand_sgr(struct core_buf *b)
{
	static const char *const forms[] = { "0", "1", "2", "3", "4", "5", "7",
		"8", "9", "21", "22", "23", "24", "27", "39", "49", "4:2",
		"4:0" };
	unsigned i, n = 1 + below(3);

	put(b, "\033[");
	for (i = 0; i < n; i++) {
		unsigned p = below(10);

		if (i > 0) {
			put(b, ";");
		}
		if (p < 4) {
			put(b, forms[below(18)]);
		} else if (p < 6) {
			putf(b, "%u", (below(2) ? 30 : 40) + below(8), 0);
		} else if (p < 7) {
			putf(b, "%u", (below(2) ? 90 : 100) + below(8), 0);
		} else if (p < 9) {
			putf(b, "%u;5;%u", below(2) ? 38 : 48, below(256));
		} else {
			putf(b, "%u;2;%u;", below(2) ? 38 : 48, below(256));
			putf(b, "%u;%u", below(256), below(256));
		}
	}
	put(b, "m");
}

static void
rand_op(struct core_buf *b, int cols, int rows)
{
	static const char *const modes[] = { "5", "25", "2004", "9", "1000",
		"1001", "1002", "1003", "1004", "1005", "1006", "1015", "7", "1",
		"6", "1049", "47", "4" };
	unsigned p = below(100);

	if (p < 30) {
		rand_text(b, 1 + (int)below((unsigned)cols + 5));
	} else if (p < 42) {
		rand_sgr(b);
	} else if (p < 50) {
		put(b, below(2) ? "\r\n" : "\n");
	} else if (p < 58) {
		putf(b, "\033[%u;%uH", 1 + below((unsigned)rows + 1),
		    1 + below((unsigned)cols + 1));
	} else if (p < 62) {
		put(b, below(2) ? "\b" : (below(2) ? "\t" : "\r"));
	} else if (p < 68) {
		putf(b, "\033[%uK", below(3), 0);
	} else if (p < 71) {
		putf(b, "\033[%uJ", below(3), 0);
	} else if (p < 75) {
		putf(b, "\033[%uX", below((unsigned)cols + 2), 0);
	} else if (p < 79) {
		static const char fin[] = "@PLMST";

		putf(b, "\033[%u%c", below(4), (unsigned)fin[below(6)]);
	} else if (p < 83) {
		unsigned t = 1 + below((unsigned)rows), u = 1 + below(
		    (unsigned)rows);

		putf(b, "\033[%u;%ur", t < u ? t : u, t < u ? u : t);
		putf(b, "\033[%u;1H", t > u ? t : u, 0);
		put(b, below(2) ? "\n\n" : "\033M");
	} else if (p < 88) {
		put(b, "\033[?");
		put(b, modes[below(18)]);
		put(b, below(2) ? "h" : "l");
	} else if (p < 91) {
		put(b, below(3) == 0 ? "\033]0;" : below(2) ? "\033]1;" :
		    "\033]2;");
		rand_text(b, (int)below(12));
		put(b, below(2) ? "\007" : "\033\\");
	} else if (p < 93) {
		put(b, below(2) ? "\033]52;c;" : "\033]52;;");
		putf(b, "aGVsbG8%u", below(10), 0);
		put(b, "\007");
	} else if (p < 95) {
		put(b, "\007");
	} else if (p < 97) {
		put(b, below(2) ? "\033(0lqqk\033(B" : "\033#8");
	} else {
		putf(b, "x\033[%ub", below(30), 0);
	}
}

static int
random_stream(uint64_t s)
{
	struct core_buf b;
	int cols, rows, i, nops, rc;

	cur_seed = s;
	seed(s);
	cols = 1 + (int)below(below(4) == 0 ? 8 : 40);
	rows = 1 + (int)below(below(4) == 0 ? 4 : 14);
	nops = 5 + (int)below(120);
	core_buf_init(&b, 1 << 20);
	for (i = 0; i < nops; i++) {
		rand_op(&b, cols, rows);
	}
	rc = check_stream(b.p, b.len, cols, rows, 4 + (int)below(24),
	    below(4) == 0);
	core_buf_fini(&b);
	return rc;
}

/* --- synthetic programs ---------------------------------------------------------- */

/* A shell session: prompts, typing with line editing, command output. */
static void
prog_shell(struct core_buf *b, int cols, int rows)
{
	int i, j;

	for (i = 0; i < 40; i++) {
		put(b, "\033[01;32muser@host\033[00m:\033[01;34m~\033[00m$ ");
		for (j = 0; j < 12; j++) {
			(void)core_buf_putc(b, (uint8_t)('a' + below(26)));
			if (below(6) == 0) {
				put(b, "\b\033[K");
			}
		}
		if (below(3) == 0) {
			put(b, "\033[5D\033[1@X\033[C\033[C");
		}
		put(b, "\r\n");
		for (j = 0; j < (int)below(5); j++) {
			put(b, "\033[0m\033[01;34mdir\033[0m  file.c  \033[01;32m"
			    "run.sh\033[0m  ");
			rand_text(b, (int)below((unsigned)cols));
			put(b, "\r\n");
		}
	}
	(void)rows;
}

/* A pager: full screen of text, scrolling by LF at the bottom and by
 * reverse index at the top, a status line in reverse video. */
static void
prog_pager(struct core_buf *b, int cols, int rows)
{
	int i, j;

	put(b, "\033[?1049h\033[H\033[2J");
	for (i = 0; i < rows - 1; i++) {
		putf(b, "\033[%u;1H", (unsigned)i + 1, 0);
		rand_text(b, (int)below((unsigned)cols));
	}
	for (i = 0; i < 30; i++) {
		if (below(3) == 0) {
			put(b, "\033[H\033M");
			rand_text(b, (int)below((unsigned)cols));
		} else {
			putf(b, "\033[%u;1H\033[K\n", (unsigned)rows - 1, 0);
			putf(b, "\033[%u;1H", (unsigned)rows - 1, 0);
			for (j = 0; j < (int)below(3); j++) {
				put(b, "\033[1mbold\033[0m ");
			}
			rand_text(b, (int)below((unsigned)cols));
		}
		putf(b, "\033[%u;1H\033[7m:\033[27m\033[K", (unsigned)rows, 0);
	}
	put(b, "\033[?1049l");
}

/* An editor: scroll region above a two-line status area, scrolled by
 * LF/RI and SU/SD inside the region, cursor jumps, colour syntax. */
static void
prog_editor(struct core_buf *b, int cols, int rows)
{
	int i, j, reg = rows > 3 ? rows - 2 : rows;

	put(b, "\033[?1049h\033[?2004h\033[?1000h\033[?1006h\033[H\033[2J");
	for (i = 0; i < reg; i++) {
		putf(b, "\033[%u;1H\033[33m%3u\033[0m ", (unsigned)i + 1,
		    (unsigned)i);
		rand_text(b, (int)below((unsigned)cols));
	}
	for (i = 0; i < 40; i++) {
		unsigned p = below(5);

		putf(b, "\033[1;%ur", (unsigned)reg, 0);
		if (p == 0) {
			putf(b, "\033[%u;1H\n", (unsigned)reg, 0);
		} else if (p == 1) {
			put(b, "\033[H\033M");
		} else if (p == 2) {
			putf(b, "\033[%uS", 1 + below(3), 0);
		} else if (p == 3) {
			putf(b, "\033[%uT", 1 + below(3), 0);
		}
		put(b, "\033[r");
		for (j = 0; j < 2; j++) {
			putf(b, "\033[%u;%uH", 1 + below((unsigned)reg),
			    1 + below((unsigned)cols));
			put(b, "\033[35mif\033[0m (");
			rand_text(b, (int)below(10));
			put(b, ")");
		}
		if (rows > 3) {
			putf(b, "\033[%u;1H\033[7m file.c  [+] %u%%\033[0m\033[K",
			    (unsigned)rows - 1, below(100));
			putf(b, "\033[%u;1H-- INSERT --\033[K", (unsigned)rows,
			    0);
		}
		putf(b, "\033]0;vim %u\007", below(3), 0);
	}
	put(b, "\033[?1006l\033[?1000l\033[?2004l\033[?1049l");
}

/* A top-like screen: whole-screen repaints with dense colour. */
static void
prog_top(struct core_buf *b, int cols, int rows)
{
	int f, i;

	put(b, "\033[?25l");
	for (f = 0; f < 8; f++) {
		put(b, "\033[H");
		for (i = 0; i < rows; i++) {
			putf(b, "\033[%u;1H\033[48;5;%um", (unsigned)i + 1,
			    below(256));
			putf(b, "%5u \033[38;2;%u;0;0m", below(99999), below(256));
			rand_text(b, (int)below((unsigned)cols));
			put(b, "\033[0m\033[K");
		}
	}
	put(b, "\033[?25h");
}

/* seq: lines that scroll the whole screen. */
static void
prog_seq(struct core_buf *b, int cols, int rows)
{
	int i;

	for (i = 0; i < 3 * rows + 5; i++) {
		putf(b, "%u\n", (unsigned)i * 7919u, 0);
	}
	(void)cols;
}

/* Long lines that wrap, with CJK and emoji, some cut by a wide character
 * at the right edge. */
static void
prog_wrap(struct core_buf *b, int cols, int rows)
{
	int i;

	for (i = 0; i < 12; i++) {
		rand_text(b, cols + (int)below((unsigned)cols * 2));
		put(b, below(2) ? "\r\n" : "");
	}
	(void)rows;
}

static int
synthetic(void (*prog)(struct core_buf *, int, int), uint64_t s)
{
	static const int sizes[][2] = { { 80, 24 }, { 20, 6 }, { 7, 3 },
		{ 33, 10 }, { 2, 2 }, { 1, 1 } };
	struct core_buf b;
	int i, rc = 0;

	for (i = 0; i < 6 && rc == 0; i++) {
		cur_seed = s + (uint64_t)i;
		seed(cur_seed);
		core_buf_init(&b, 1 << 22);
		prog(&b, sizes[i][0], sizes[i][1]);
		rc = check_stream(b.p, b.len, sizes[i][0], sizes[i][1], 40, 0);
		core_buf_fini(&b);
	}
	return rc;
}

/* --- tests ------------------------------------------------------------------- */

static void
setup(void)
{
	int s;

	init_sets();
	for (s = 0; s < 3; s++) {
		disp_init(&disps[s], &sets[s].o);
	}
	core_buf_init(&out, 1 << 24);
}

static void
teardown(void)
{
	int s;

	for (s = 0; s < 3; s++) {
		disp_free(&disps[s]);
	}
	core_buf_fini(&out);
}

static void
random_streams(void)
{
	const char *one = getenv("DISP_PROP_SEED");
	const char *cases = getenv("DISP_PROP_CASES");
	long n = cases ? atol(cases) : SLOW ? 120 : 700, i;

	setup();
	cur_label = "random stream";
	n_checks = n_bytes = n_failures = 0;
	if (one != NULL) {
		(void)random_stream(strtoull(one, NULL, 10));
	} else {
		for (i = 1; i <= n && n_failures == 0; i++) {
			(void)random_stream((uint64_t)i);
		}
	}
	fprintf(stderr, "    %ld diffs checked, %ld bytes\n", n_checks,
	    n_bytes);
	teardown();
}

static void
programs(void)
{
	static void (*const progs[])(struct core_buf *, int, int) = {
		prog_shell, prog_pager, prog_editor, prog_top, prog_seq,
		prog_wrap
	};
	static const char *const names[] = { "shell", "pager", "editor",
		"top", "seq", "wrap" };
	int i;

	setup();
	n_checks = n_bytes = n_failures = 0;
	for (i = 0; i < 6; i++) {
		cur_label = names[i];
		(void)synthetic(progs[i], 1000 + 100 * (uint64_t)i);
	}
	fprintf(stderr, "    %ld diffs checked, %ld bytes\n", n_checks,
	    n_bytes);
	teardown();
}

/* Recordings of real programs (test/data/term/NAME.COLSxROWS.ts). */
static void
recordings(void)
{
	const char *dirs[] = { "test/data/term", "../test/data/term" };
	char path[512];
	DIR *d = NULL;
	struct dirent *de;
	int i, files = 0;

	setup();
	n_checks = n_bytes = n_failures = 0;
	for (i = 0; i < 2 && d == NULL; i++) {
		d = opendir(dirs[i]);
	}
	i--;
	while (d != NULL && (de = readdir(d)) != NULL) {
		uint8_t *data;
		size_t len;
		int cols = 80, rows = 24;
		const char *x;

		x = strrchr(de->d_name, '.');
		if (de->d_name[0] == '.' || x == NULL || strcmp(x, ".ts") != 0) {
			continue;
		}
		snprintf(path, sizeof path, "%s/%s", dirs[i], de->d_name);
		data = test_read_file(path, &len);
		if (data == NULL) {
			continue;
		}
		for (x = de->d_name; *x != '\0'; x++) {
			if (*x >= '1' && *x <= '9' &&
			    sscanf(x, "%dx%d", &cols, &rows) == 2) {
				break;
			}
			cols = 80;
			rows = 24;
		}
		if (cols < 1 || rows < 1 || cols > 500 || rows > 200) {
			cols = 80;
			rows = 24;
		}
		cur_label = path;
		cur_seed = 0;
		seed(7);
		files++;
		/* about one snapshot per 64 bytes, as a server sees chunks */
		(void)check_stream(data, len, cols, rows,
		    (int)(len / (SLOW ? 192 : 64)) + 2, 0);
		free(data);
	}
	if (d != NULL) {
		closedir(d);
	}
	fprintf(stderr, "    %d recordings, %ld diffs checked, %ld bytes\n",
	    files, n_checks, n_bytes);
	teardown();
}

static const struct test tests[] = {
	T(programs), T(random_streams), T(recordings),
};

TEST_MAIN(tests)
