/*
 * test/unit/term_predict_keys.c - what each kind of keystroke predicts
 * (PROTOCOL.md 9.3): printable characters inserted or overwriting, with
 * the rendition from the left, backspace, arrows in both encodings, other
 * sequences, CR, and the epochs the last column and wide characters
 * start.  The rig is test/unit/predict_rig.h.
 */
#include "test/unit/predict_rig.h"

/* --- the kinds of keystrokes -------------------------------------------------- */

static void
insert_vs_overwrite(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);

	srv(r, "cho\033[1;4H");		/* cursor on the 'c' */
	key(r, "X");
	CHECK_STR("$ eXcho", line(frame(r), 0));
	CHECK_FCUR(r, 0, 4);
	rig_free(r);
	r = shell(PRED_MODE_ALWAYS, 1, 100);
	srv(r, "cho\033[1;4H");
	key(r, "X");
	CHECK_STR("$ eXho", line(frame(r), 0));
	CHECK_FCUR(r, 0, 4);
	rig_free(r);
}

static void
rendition_from_left(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 20);
	const struct fb *f;

	srv(r, "\033[31mred\033[0m");
	key(r, "d");
	f = frame(r);
	CHECK_STR("$ eredd", line(f, 0));
	CHECK(fb_row_get(f, 0)->cells[6].rend.fg == fb_color_palette(1));
	rig_free(r);
}

static void
backspace_insert(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);

	srv(r, "cho hi\033[1;7H");	/* "$ echo hi", cursor on ' ' */
	key(r, "\177");
	CHECK_STR("$ ech hi", line(frame(r), 0));
	CHECK_FCUR(r, 0, 5);
	key(r, "\177\177\177\177\177\177");	/* stops at the left edge */
	CHECK_STR(" hi", line(frame(r), 0));
	CHECK_FCUR(r, 0, 0);
	rig_free(r);
}

/* A backspace over a character typed but not yet echoed: the server's
 * cell is stale there, so the erasure must hold when the echo comes. */
static void
backspace_over_unechoed(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);

	key(r, "a");
	key(r, "b");
	srv(r, "a");
	key(r, "\177");
	CHECK_STR("$ ea", line(frame(r), 0));
	srv(r, "b");			/* the echo of b, not yet the erasure */
	CHECK_STR("$ ea", line(frame(r), 0));
	CHECK_FCUR(r, 0, 4);
	srv(r, "\b\033[P");
	ack(r);
	CHECK_STR("$ ea", line(frame(r), 0));
	CHECK(!pred_active(&r->p));
	rig_free(r);
}

static void
backspace_overwrite(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 1, 100);

	srv(r, "cho hi\033[1;7H");
	key(r, "\177");
	CHECK_STR("$ ech  hi", line(frame(r), 0));
	CHECK_FCUR(r, 0, 5);
	rig_free(r);
}

static void
arrows_both_encodings(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);

	srv(r, "cho hi");
	key(r, "\033[D");
	CHECK_FCUR(r, 0, 8);
	key(r, "\033OD");
	CHECK_FCUR(r, 0, 7);
	key(r, "\033O");		/* a key split across reads */
	key(r, "D");
	CHECK_FCUR(r, 0, 6);
	key(r, "\033[C");
	CHECK_FCUR(r, 0, 7);
	key(r, "\033OC");
	CHECK_FCUR(r, 0, 8);
	/* The same arrows are what the server does: all confirmed. */
	srv(r, "\033[1;9H");
	ack(r);
	CHECK_U64(0, pred_stats(&r->p)->cursor_wrong);
	CHECK(!pred_active(&r->p));
	rig_free(r);
}

/* Ctrl-Right (with parameters) and other sequences are not predicted. */
static void
other_sequences_tentative(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	uint64_t e = r->p.pepoch;

	srv(r, "cho hi\033[1;3H");
	key(r, "\033[1;5C");
	CHECK(r->p.pepoch > e);
	CHECK_FCUR(r, 0, 2);
	e = r->p.pepoch;
	key(r, "\033[A");
	CHECK(r->p.pepoch > e);
	e = r->p.pepoch;
	key(r, "\033x");
	CHECK(r->p.pepoch > e);
	e = r->p.pepoch;
	key(r, "z");			/* tentative: not shown */
	CHECK_INT(e, r->p.pepoch);
	CHECK_STR("$ echo hi", line(frame(r), 0));
	rig_free(r);
}

/* Right arrow past the end of the text: a shell would not move. */
static void
right_arrow_at_end_tentative(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	uint64_t resets = pred_stats(&r->p)->resets;

	key(r, "\033[C");
	CHECK_FCUR(r, 0, 3);		/* not shown */
	ack(r);				/* the shell did not move */
	CHECK_U64(resets, pred_stats(&r->p)->resets);
	CHECK_U64(1, pred_stats(&r->p)->kills);
	rig_free(r);
}

static void
cr_next_row(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);

	key(r, "\r");
	CHECK_FCUR(r, 0, 3);		/* the CR's epoch is tentative */
	/* The shell prints a new line and an empty prompt at column 0. */
	srv(r, "\r\n");
	ack(r);				/* what the CR did is known */
	key(r, "l");
	srv(r, "l");
	ack(r);
	CHECK_FCUR(r, 1, 1);
	key(r, "s");			/* the epoch was confirmed by "l" */
	CHECK_STR("ls", line(frame(r), 1));
	CHECK_FCUR(r, 1, 2);
	rig_free(r);
}

/* CR on the last row predicts a blank last row (the screen scrolls). */
static void
cr_last_row_blank(void)
{
	struct rig *r = rig_new(20, 3, PRED_MODE_EXPERIMENTAL, 0, 100);
	const struct fb *f;

	srv(r, "\r\n\r\n$ ls");
	key(r, "\r");
	f = frame(r);
	CHECK_STR("", line(f, 2));
	CHECK_INT(2, f->cur.row);
	CHECK_INT(0, f->cur.col);
	key(r, "p");
	CHECK_STR("p", line(frame(r), 2));
	rig_free(r);
}

/* --- epochs started by the last column and wide characters --------------------- */

static void
last_column_tentative(void)
{
	struct rig *r = rig_new(10, 3, PRED_MODE_ALWAYS, 0, 100);

	srv(r, "$ ");
	key(r, "a");
	srv(r, "a");
	ack(r);				/* confirmed */
	key(r, "bcdef");
	CHECK_STR("$ abcdef", line(frame(r), 0));
	key(r, "g");			/* column 8 */
	key(r, "h");			/* column 9: the last */
	key(r, "i");			/* would wrap */
	CHECK_STR("$ abcdefg", line(frame(r), 0));
	CHECK_STR("", line(frame(r), 1));
	CHECK_FCUR(r, 0, 9);
	/* The echo of h (last column) confirms its epoch, then i's. */
	srv(r, "bcdefgh");
	r->ack = r->sent - 1;
	tick(r, 0);
	CHECK_STR("$ abcdefgh", line(frame(r), 0));
	rig_free(r);
}

static void
wide_char_tentative(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	uint64_t e = r->p.pepoch;

	key(r, "\xe6\xbc\xa2");		/* U+6F22, width 2 */
	CHECK(r->p.pepoch > e);
	key(r, "x");
	CHECK_STR("$ e", line(frame(r), 0));
	rig_free(r);
}

/* A prediction over half of a wide character leaves no half alone. */
static void
wide_char_halves_blanked(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 1, 100);
	const struct fb *f;
	const struct fb_row *row;
	int i;

	srv(r, "\xe6\xbc\xa2\xe6\xbc\xa2\033[1;5H");	/* cursor on the 2nd
							 * half of the first */
	key(r, "x");
	f = frame(r);
	row = fb_row_get(f, 0);
	CHECK_INT('x', row->cells[4].ch);
	CHECK_INT(1, row->cells[3].width);	/* lead blanked */
	for (i = 0; i < row->cols; i++) {
		if (row->cells[i].width == 2) {
			CHECK(i + 1 < row->cols && row->cells[i + 1].width == 0);
		} else if (row->cells[i].width == 0) {
			CHECK(i > 0 && row->cells[i - 1].width == 2);
		}
	}
	rig_free(r);
}

static const struct test tests[] = {
	T(insert_vs_overwrite),
	T(rendition_from_left),
	T(backspace_insert),
	T(backspace_over_unechoed),
	T(backspace_overwrite),
	T(arrows_both_encodings),
	T(other_sequences_tentative),
	T(right_arrow_at_end_tentative),
	T(cr_next_row),
	T(cr_last_row_blank),
	T(last_column_tentative),
	T(wide_char_tentative),
	T(wide_char_halves_blanked),
};

TEST_MAIN(tests)
