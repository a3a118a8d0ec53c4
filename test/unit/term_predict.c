/*
 * test/unit/term_predict.c - the local echo prediction engine (PROTOCOL.md
 * 9.3): triggers and their hysteresis, glitches, epochs and confirmation
 * through the echo ack, each kind of misprediction and its repair,
 * password prompts, resets, modes and drawing.  The keystroke kinds are
 * in term_predict_keys.c; the rig is test/unit/predict_rig.h.
 */
#include "test/unit/predict_rig.h"

/* --- triggers --------------------------------------------------------------- */

static void
srtt_trigger_hysteresis(void)
{
	struct rig *r = rig_new(40, 6, PRED_MODE_ADAPTIVE, 0, 30);

	tick(r, 0);
	CHECK(!pred_shown(&r->p));	/* 30 is not > 30 */
	pred_set_send_interval(&r->p, 31);
	tick(r, 0);
	CHECK(pred_shown(&r->p));
	pred_set_send_interval(&r->p, 21);
	tick(r, 0);
	CHECK(pred_shown(&r->p));	/* between the thresholds: stays on */
	key(r, "a");			/* a prediction is active */
	pred_set_send_interval(&r->p, 20);
	tick(r, 0);
	CHECK(pred_active(&r->p));
	CHECK(pred_shown(&r->p));	/* not off while predicting */
	srv(r, "a");
	ack(r);
	CHECK(!pred_active(&r->p));
	tick(r, 0);
	CHECK(!pred_shown(&r->p));	/* <= 20 and idle: off */
	pred_set_send_interval(&r->p, 30);
	tick(r, 0);
	CHECK(!pred_shown(&r->p));	/* stays off until > 30 */
	rig_free(r);
}

static void
flagging_hysteresis(void)
{
	struct rig *r = rig_new(40, 6, PRED_MODE_ADAPTIVE, 0, 80);

	tick(r, 0);
	CHECK(!pred_flagging(&r->p));	/* 80 is not > 80 */
	pred_set_send_interval(&r->p, 81);
	tick(r, 0);
	CHECK(pred_flagging(&r->p));
	pred_set_send_interval(&r->p, 51);
	tick(r, 0);
	CHECK(pred_flagging(&r->p));	/* stays on */
	pred_set_send_interval(&r->p, 50);
	tick(r, 0);
	CHECK(!pred_flagging(&r->p));
	pred_set_send_interval(&r->p, 80);
	tick(r, 0);
	CHECK(!pred_flagging(&r->p));	/* stays off */
	rig_free(r);
}

/* Underline is drawn only when flagging. */
static void
underline_on_off(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	const struct fb *f;

	key(r, "x");
	f = frame(r);
	CHECK_STR("$ ex", line(f, 0));
	CHECK(ul(f, 0, 3));
	CHECK(!ul(f, 0, 2));		/* the server's own echo */
	pred_set_send_interval(&r->p, 40);
	tick(r, 0);
	f = frame(r);
	CHECK_STR("$ ex", line(f, 0));
	CHECK(!ul(f, 0, 3));
	rig_free(r);
}

/* Blank predicted over blank is not underlined; blank over text is. */
static void
underline_blank_rules(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 1, 100);
	const struct fb *f;

	srv(r, "c\033[41mho\033[0m");	/* "ho" on red */
	key(r, "\033[D");		/* to the 'o' */
	key(r, " ");			/* overwrite it with a (red) space */
	key(r, " ");			/* a red space over a plain blank */
	f = frame(r);
	CHECK_STR("$ ech", line(f, 0));
	CHECK(ul(f, 0, 5));		/* blank over 'o': flagged */
	CHECK(fb_row_get(f, 0)->cells[6].rend.bg == fb_color_palette(1));
	CHECK(!ul(f, 0, 6));		/* blank over blank: not */
	CHECK_INT(7, f->cur.col);
	rig_free(r);
}

/* Unknown cells are flagged, except in the last column. */
static void
underline_unknown(void)
{
	struct rig *r = rig_new(10, 3, PRED_MODE_ALWAYS, 0, 100);
	const struct fb *f;

	srv(r, "ab\033[1;10HZ\033[1;3H");
	key(r, "x");			/* confirm an epoch: echoed */
	srv(r, "\033[1;3Hx");
	ack(r);
	key(r, "\177");			/* shift the row left */
	f = frame(r);
	CHECK_INT(2, f->cur.col);
	/* Column 9 held 'Z' and is now unknown: shown, not underlined in
	 * the last column. */
	CHECK_INT('Z', fb_row_get(f, 0)->cells[9].ch);
	CHECK(!ul(f, 0, 9));
	/* 'Z' shifted into column 8 is predicted and underlined. */
	CHECK_INT('Z', fb_row_get(f, 0)->cells[8].ch);
	CHECK(ul(f, 0, 8));
	key(r, "\177");			/* column 8 becomes unknown too */
	f = frame(r);
	CHECK_INT('Z', fb_row_get(f, 0)->cells[7].ch);
	CHECK(fb_cell_is_blank(&fb_row_get(f, 0)->cells[8]));
	rig_free(r);
}

/* Inserting pushes the last column's content off the row: unknown, so
 * the server's cell stays on show. */
static void
insert_last_column_unknown(void)
{
	struct rig *r = rig_new(10, 3, PRED_MODE_ALWAYS, 0, 100);
	const struct fb *f;

	srv(r, "ab\033[1;10HZ\033[1;3H");
	key(r, "x");
	srv(r, "\033[1;3Hx");
	ack(r);
	key(r, "y");
	f = frame(r);
	CHECK_STR("abxy     Z", line(f, 0));
	CHECK(!ul(f, 0, 9));
	rig_free(r);
}

/* --- glitches --------------------------------------------------------------- */

static void
glitch_thresholds(void)
{
	struct rig *r = shell(PRED_MODE_ADAPTIVE, 0, 20);
	uint64_t t0;

	tick(r, 0);
	CHECK(!pred_shown(&r->p));
	key(r, "x");
	t0 = r->now;
	CHECK_STR("$ e", line(frame(r), 0));	/* fast link: hidden */
	CHECK_U64(t0 + 50, pred_next_wakeup(&r->p, t0));
	tick(r, 249);
	CHECK(!pred_shown(&r->p));
	tick(r, 1);
	CHECK(pred_shown(&r->p));		/* 250 ms pending */
	CHECK_INT(10, r->p.glitch);
	CHECK_STR("$ ex", line(frame(r), 0));
	CHECK(!pred_flagging(&r->p));
	CHECK(!ul(frame(r), 0, 3));
	CHECK_U64(r->now + 50, pred_next_wakeup(&r->p, r->now));
	r->now = t0 + 4999;
	tick(r, 0);
	CHECK_INT(10, r->p.glitch);
	tick(r, 1);
	CHECK_INT(20, r->p.glitch);		/* 5000 ms: show and flag */
	CHECK(pred_flagging(&r->p));
	CHECK(ul(frame(r), 0, 3));
	/* Shown and flagged: no timing test can change anything. */
	CHECK_U64(PRED_NO_WAKEUP, pred_next_wakeup(&r->p, r->now));
	rig_free(r);
}

static void
glitch_decay(void)
{
	struct rig *r = shell(PRED_MODE_ADAPTIVE, 0, 20);
	int i;
	char s[2] = "a";

	key(r, "x");
	tick(r, 300);
	CHECK_INT(10, r->p.glitch);
	srv(r, "x");
	ack(r);
	CHECK_INT(10, r->p.glitch);	/* confirmed after 300 ms: no decay */
	/* Quick confirmations, 100 ms apart: one decay per 150 ms. */
	for (i = 0; i < 6; i++) {
		r->now += 100;
		s[0] = (char)('a' + i);
		key(r, s);
		srv(r, s);
		ack(r);
	}
	/* Decays at t=100, 300, 500 (the 150 ms spacing skips 200/400/600). */
	CHECK_INT(7, r->p.glitch);
	CHECK(pred_shown(&r->p));
	for (i = 0; i < 20; i++) {
		r->now += 200;
		s[0] = (char)('a' + i % 26);
		key(r, s);
		srv(r, s);
		ack(r);
	}
	CHECK_INT(0, r->p.glitch);
	CHECK(!pred_shown(&r->p));
	rig_free(r);
}

static void
wakeup_only_while_active(void)
{
	struct rig *r = shell(PRED_MODE_ADAPTIVE, 0, 100);

	CHECK_U64(PRED_NO_WAKEUP, pred_next_wakeup(&r->p, r->now));
	key(r, "x");
	CHECK_U64(r->now + 50, pred_next_wakeup(&r->p, r->now));
	srv(r, "x");
	ack(r);
	CHECK_U64(PRED_NO_WAKEUP, pred_next_wakeup(&r->p, r->now));
	rig_free(r);
}

/* --- epochs and confirmation -------------------------------------------------- */

/* Nothing shows before the first echo; afterwards typing shows at once. */
static void
first_epoch_tentative(void)
{
	struct rig *r = rig_new(40, 6, PRED_MODE_ALWAYS, 0, 100);

	srv(r, "$ ");
	key(r, "l");
	CHECK_STR("$", line(frame(r), 0));
	CHECK_FCUR(r, 0, 2);
	srv(r, "l");
	ack(r);
	CHECK_U64(1, pred_stats(&r->p)->correct);
	key(r, "s");
	CHECK_STR("$ ls", line(frame(r), 0));
	CHECK_FCUR(r, 0, 4);
	CHECK(ul(frame(r), 0, 3));
	rig_free(r);
}

/* A prediction is judged only once the echo ack covers it. */
static void
confirm_waits_for_echo_ack(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);

	key(r, "x");
	key(r, "y");
	srv(r, "q");			/* wrong, but not yet acked */
	CHECK(pred_active(&r->p));
	CHECK_STR("$ exy", line(frame(r), 0));
	CHECK_U64(0, pred_stats(&r->p)->incorrect);
	/* The ack covers 'x' only: 'x' is judged (wrong: reset). */
	r->ack = r->sent - 1;
	tick(r, 0);
	CHECK_U64(1, pred_stats(&r->p)->incorrect);
	CHECK(!pred_active(&r->p));
	CHECK_STR("$ eq", line(frame(r), 0));
	rig_free(r);
}

/* Correct predictions retire and earn credit; the screen is the server's. */
static void
confirm_correct(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	uint64_t c0 = pred_stats(&r->p)->correct;

	key(r, "c");
	key(r, "d");
	srv(r, "cd");
	CHECK_STR("$ ecd", line(frame(r), 0));
	CHECK(!ul(frame(r), 0, 3));	/* echoed already: plain */
	ack(r);
	CHECK_U64(c0 + 2, pred_stats(&r->p)->correct);
	CHECK(!pred_active(&r->p));
	CHECK(fb_equal_visible(frame(r), sfb(r)));
	rig_free(r);
}

/* A confirmed epoch's wrong character resets everything; the next
 * keystrokes are tentative again. */
static void
wrong_char_repair(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	uint64_t resets = pred_stats(&r->p)->resets;

	key(r, "a");
	key(r, "b");
	CHECK_STR("$ eab", line(frame(r), 0));
	srv(r, "AB");			/* the application shouts */
	ack(r);
	CHECK_U64(resets + 1, pred_stats(&r->p)->resets);
	CHECK(fb_equal_visible(frame(r), sfb(r)));
	key(r, "c");
	CHECK_STR("$ eAB", line(frame(r), 0));	/* tentative now */
	rig_free(r);
}

/* A wrong cursor prediction of a confirmed epoch resets too. */
static void
wrong_cursor_repair(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);

	srv(r, "cho hi");
	key(r, "\033[D");
	key(r, "\033[D");
	CHECK_FCUR(r, 0, 7);
	/* The application ignores the arrows. */
	ack(r);
	CHECK(!pred_active(&r->p));
	CHECK_U64(1, pred_stats(&r->p)->cursor_wrong);
	CHECK_FCUR(r, 0, 9);
	CHECK(fb_equal_visible(frame(r), sfb(r)));
	rig_free(r);
}

/* vim normal mode: keys are commands, nothing is echoed.  Whatever was
 * shown, nothing wrong remains once the ack passes. */
static void
no_echo_app_repaired(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);

	srv(r, "\r\nline one\r\nline two\r\nline three\033[2;1H");
	key(r, "j");
	key(r, "j");
	key(r, "x");
	/* vim moves down twice and deletes a character. */
	srv(r, "\033[4;1Hine three\033[K\033[4;1H");
	ack(r);
	CHECK(!pred_active(&r->p));
	CHECK(fb_equal_visible(frame(r), sfb(r)));
	CHECK_STR("line one", line(frame(r), 1));
	rig_free(r);
}

/* A wrong tentative prediction kills its epoch, not the confirmed ones. */
static void
tentative_kill_keeps_confirmed(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	uint64_t resets = pred_stats(&r->p)->resets;

	key(r, "a");			/* confirmed epoch */
	key(r, "\t");			/* a new epoch */
	key(r, "b");			/* tentative */
	CHECK_STR("$ ea", line(frame(r), 0));
	/* The server has seen 'a' and the tab (completion: "ll"), not 'b'. */
	srv(r, "all");
	r->ack = r->sent - 1;
	tick(r, 0);			/* 'b' is not judged yet */
	CHECK_U64(0, pred_stats(&r->p)->kills);
	CHECK_STR("$ eall", line(frame(r), 0));
	ack(r);				/* 'b' is wrong: its epoch dies */
	CHECK_U64(1, pred_stats(&r->p)->kills);
	CHECK_U64(resets, pred_stats(&r->p)->resets);
	CHECK_STR("$ eall", line(frame(r), 0));
	rig_free(r);
}

/* Only the newest cursor prediction is judged: an older one is
 * superseded by keys after it, which the server may have applied already
 * when the ack for the older one arrives. */
static void
older_cursor_superseded(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	uint64_t resets = pred_stats(&r->p)->resets;

	key(r, "a");			/* confirmed epoch, cursor 4 */
	key(r, "\t");			/* new epoch */
	key(r, "c");			/* its cursor: 5 */
	/* The server has applied all three (completion "ll"), but the ack
	 * covers only "a". */
	srv(r, "allc");
	r->ack = r->sent - 2;
	tick(r, 0);
	CHECK_U64(resets, pred_stats(&r->p)->resets);
	CHECK_U64(0, pred_stats(&r->p)->cursor_wrong);
	rig_free(r);
}

/* A tentative epoch shows once one of its predictions is echoed. */
static void
tentative_shown_after_confirmation(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);

	key(r, "\001");			/* ^A: a control, new epoch */
	ack(r);				/* its effect (none) is known */
	key(r, "x");
	key(r, "y");
	CHECK_STR("$ e", line(frame(r), 0));
	CHECK_FCUR(r, 0, 3);
	/* The server (not readline) echoes ^A as nothing and x. */
	srv(r, "x");
	r->ack = r->sent - 1;
	tick(r, 0);
	CHECK_U64(0, pred_stats(&r->p)->kills);
	CHECK_STR("$ exy", line(frame(r), 0));	/* y now shows */
	CHECK_FCUR(r, 0, 5);
	rig_free(r);
}

/* Typed words echoed all at once (a space between: not recorded, since
 * it predicts a blank over a blank) confirm their epoch. */
static void
tentative_confirmed_by_words(void)
{
	struct rig *r = rig_new(40, 6, PRED_MODE_ALWAYS, 0, 100);

	srv(r, "$");
	key(r, "e");
	key(r, "c");
	key(r, "h");
	key(r, " ");
	CHECK_STR("$", line(frame(r), 0));
	srv(r, "ech ");
	ack(r);
	CHECK(r->p.cepoch >= 1);
	key(r, "o");
	CHECK_STR("$ech o", line(frame(r), 0));
	rig_free(r);
}

/* --- password prompts ----------------------------------------------------------- */

/* Types s one key at a time, 30 ms apart, drawing after each; returns
 * nonzero if any frame showed a character of s. */
static int
type_secret(struct rig *r, const char *s)
{
	char k[2] = "x";
	int leaked = 0;
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		r->now += 30;
		k[0] = s[i];
		key(r, k);
		tick(r, 0);
		if (shows(frame(r), (uint8_t)s[i])) {
			leaked = 1;
		}
	}
	return leaked;
}

/* `read -s` with no prompt: the line after the command stays empty. */
static void
password_no_prompt(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	int i;

	/* "$ echo" typed and echoed: a confirmed epoch. */
	key(r, "cho");
	srv(r, "cho");
	ack(r);
	key(r, "\r");
	srv(r, "\r\n");			/* the shell runs `read -s` */
	CHECK(!type_secret(r, "qwZ9"));
	for (i = 0; i < 4; i++) {	/* acks arrive; still no echo */
		r->now += 100;
		ack(r);
		CHECK(!shows(frame(r), 'q') && !shows(frame(r), 'Z'));
	}
	CHECK(!type_secret(r, "kjv"));
	ack(r);
	CHECK(!shows(frame(r), 'k') && !shows(frame(r), 'v'));
	CHECK_STR("", line(frame(r), 1));
	rig_free(r);
}

/* A prompt that appears after fast typing and happens to match the
 * first characters typed does not confirm the epoch. */
static void
password_prompt_matching_text(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);

	key(r, "\r");
	CHECK(!type_secret(r, "Pas"));
	srv(r, "\r\nPassword: ");	/* arrives after the keys */
	ack(r);
	CHECK(!type_secret(r, "qXz"));	/* none of them in the prompt */
	r->now += 300;
	ack(r);
	CHECK(!shows(frame(r), 'q') && !shows(frame(r), 'X'));
	CHECK_STR("Password:", line(frame(r), 1));
	rig_free(r);
}

/* As above, but the keys after the matching ones are already typed (and
 * not acked) when the prompt and the ack for the first keys arrive: the
 * epoch's cursor is still pending, so only the echo rule stands between
 * them and the screen. */
static void
password_prompt_matching_pending(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	uint64_t acked;

	key(r, "\r");
	CHECK(!type_secret(r, "Pas"));
	acked = r->sent;
	CHECK(!type_secret(r, "qXz"));
	srv(r, "\r\nPassword: ");
	r->ack = acked;			/* covers the CR and "Pas" */
	tick(r, 0);
	CHECK(!shows(frame(r), 'q') && !shows(frame(r), 'X') &&
	    !shows(frame(r), 'z'));
	CHECK_STR("Password:", line(frame(r), 1));
	ack(r);
	CHECK(!shows(frame(r), 'q') && !shows(frame(r), 'X'));
	rig_free(r);
}

/* The degenerate case: the keys typed before the prompt appeared are the
 * whole prompt, so the screen looks exactly like their echo.  They were
 * typed blind (before the ack for the CR), so they confirm nothing. */
static void
password_prompt_equals_typed(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	uint64_t first;

	key(r, "\rPa");
	first = r->sent;
	key(r, "z");
	key(r, "q");
	srv(r, "\r\nPa");
	r->ack = first;
	tick(r, 0);
	CHECK(!shows(frame(r), 'z') && !shows(frame(r), 'q'));
	CHECK_STR("Pa", line(frame(r), 1));
	ack(r);
	CHECK(!shows(frame(r), 'z') && !shows(frame(r), 'q'));
	/* A key typed now (sighted) at the prompt is not echoed either. */
	key(r, "x");
	CHECK(!shows(frame(r), 'x'));
	r->now += 300;
	ack(r);
	CHECK(!shows(frame(r), 'x'));
	rig_free(r);
}

/* The same with the prompt already on screen, typed slowly: each key is
 * judged (wrong: no echo) before the next. */
static void
password_prompt_slow(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	const char *s = "qz7kQ";	/* nothing on the screen has these */
	char k[2] = "x";
	size_t i;

	key(r, "\r");
	srv(r, "\r\nPassword: ");
	ack(r);
	for (i = 0; s[i] != '\0'; i++) {
		k[0] = s[i];
		r->now += 200;
		key(r, k);
		CHECK(!shows(frame(r), (uint8_t)s[i]));
		r->now += 150;
		ack(r);
		CHECK(!shows(frame(r), (uint8_t)s[i]));
	}
	rig_free(r);
}

/* --- resets ----------------------------------------------------------------------- */

static void
paste_resets(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	char big[PRED_PASTE_BYTES + 2];

	key(r, "a");
	CHECK(pred_active(&r->p));
	memset(big, 'p', sizeof big - 1);
	big[sizeof big - 1] = '\0';	/* 101 bytes */
	key(r, big);
	CHECK(!pred_active(&r->p));
	CHECK_U64(1, pred_stats(&r->p)->pastes);
	CHECK_STR("$ e", line(frame(r), 0));
	big[PRED_PASTE_BYTES] = '\0';	/* 100 bytes: typed, predicted */
	key(r, big);
	CHECK(pred_active(&r->p));
	CHECK_U64(1, pred_stats(&r->p)->pastes);
	rig_free(r);
}

static void
resize_resets(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	uint64_t resets;

	key(r, "a");
	CHECK_STR("$ ea", line(frame(r), 0));
	pred_reset(&r->p);		/* window resize */
	CHECK(!pred_active(&r->p));
	CHECK_STR("$ e", line(frame(r), 0));
	ack(r);				/* the server has seen every key */
	key(r, "b");			/* tentative after a reset */
	CHECK_STR("$ e", line(frame(r), 0));
	srv(r, "b");
	ack(r);
	key(r, "c");
	CHECK_STR("$ ebc", line(frame(r), 0));
	resets = pred_stats(&r->p)->resets;
	/* The server screen changes size. */
	CHECK_INT(0, vt_emu_resize(r->e, 30, 6));
	tick(r, 0);
	CHECK_U64(resets + 1, pred_stats(&r->p)->resets);
	CHECK(!pred_active(&r->p));
	CHECK_STR("$ eb", line(frame(r), 0));
	rig_free(r);
}

/* More rows of predictions than the cap: a reset, memory stays bounded. */
static void
row_cap_resets(void)
{
	struct rig *r = rig_new(20, 60, PRED_MODE_EXPERIMENTAL, 0, 100);
	int i;

	for (i = 0; i < PRED_MAX_ROWS + 2; i++) {
		key(r, "\r");		/* a row down */
		key(r, "x");
	}
	CHECK(pred_stats(&r->p)->resets >= 1);
	for (i = 0; i < PRED_MAX_ROWS; i++) {
		CHECK(r->p.rowv[i].cap <= 20);
	}
	rig_free(r);
}

/* --- modes -------------------------------------------------------------------------- */

static void
mode_never(void)
{
	struct rig *r = shell(PRED_MODE_NEVER, 0, 250);

	key(r, "abc");
	CHECK(!pred_active(&r->p));
	CHECK(!pred_shown(&r->p));
	CHECK_STR("$ e", line(frame(r), 0));
	CHECK_U64(PRED_NO_WAKEUP, pred_next_wakeup(&r->p, r->now));
	CHECK_U64(0, pred_stats(&r->p)->typed);
	rig_free(r);
}

static void
mode_always(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 20);

	key(r, "ab");
	CHECK_STR("$ eab", line(frame(r), 0));
	CHECK(!ul(frame(r), 0, 3));
	rig_free(r);
}

static void
mode_adaptive_hides_on_fast_link(void)
{
	struct rig *r = shell(PRED_MODE_ADAPTIVE, 0, 20);

	key(r, "ab");
	CHECK_STR("$ e", line(frame(r), 0));
	CHECK(pred_active(&r->p));
	rig_free(r);
}

/* Experimental: no tentative epochs; a wrong cell resets only itself. */
static void
mode_experimental(void)
{
	struct rig *r = rig_new(40, 6, PRED_MODE_EXPERIMENTAL, 0, 20);

	srv(r, "$ ");
	key(r, "a");
	key(r, "\t");			/* would start an epoch elsewhere */
	key(r, "b");
	CHECK_STR("$ ab", line(frame(r), 0));
	/* The server echoes "aX" but has not had 'b' acked yet. */
	srv(r, "aX");
	r->ack = r->sent - 1;
	tick(r, 0);
	CHECK_U64(0, pred_stats(&r->p)->resets);
	/* 'b' is wrong at column 3 (the server shows X): only acked cells
	 * are judged, so b remains until its own ack. */
	CHECK(pred_active(&r->p));
	ack(r);
	CHECK_U64(0, pred_stats(&r->p)->resets);
	CHECK_U64(1, pred_stats(&r->p)->incorrect);
	CHECK(fb_equal_visible(frame(r), sfb(r)));
	rig_free(r);
}

/* --- drawing -------------------------------------------------------------------------- */

/* Rows without displayed predictions stay shared with the server's. */
static void
apply_keeps_rows_shared(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	const struct fb *f;
	int i;

	key(r, "z");
	f = frame(r);
	CHECK(!fb_row_same(fb_row_get(f, 0), fb_row_get(sfb(r), 0)));
	for (i = 1; i < f->rows; i++) {
		CHECK(fb_row_same(fb_row_get(f, i), fb_row_get(sfb(r), i)));
	}
	rig_free(r);
}

/* A frame cut smaller than the server's screen is never written past. */
static void
apply_cut_frame(void)
{
	struct rig *r = shell(PRED_MODE_ALWAYS, 0, 100);
	struct fb f;

	key(r, "abc");
	CHECK_INT(0, fb_copy(&f, sfb(r)));
	CHECK_INT(0, fb_resize(&f, 4, 2));
	CHECK_INT(0, pred_apply(&r->p, &f));
	CHECK_STR("$ ea", line(&f, 0));
	CHECK_INT(0, f.cur.col <= 3 ? 0 : 1);
	fb_free(&f);
	rig_free(r);
}

static const struct test tests[] = {
	T(srtt_trigger_hysteresis),
	T(flagging_hysteresis),
	T(underline_on_off),
	T(underline_blank_rules),
	T(underline_unknown),
	T(insert_last_column_unknown),
	T(glitch_thresholds),
	T(glitch_decay),
	T(wakeup_only_while_active),
	T(first_epoch_tentative),
	T(confirm_waits_for_echo_ack),
	T(confirm_correct),
	T(wrong_char_repair),
	T(wrong_cursor_repair),
	T(no_echo_app_repaired),
	T(tentative_kill_keeps_confirmed),
	T(older_cursor_superseded),
	T(tentative_shown_after_confirmation),
	T(tentative_confirmed_by_words),
	T(password_no_prompt),
	T(password_prompt_matching_text),
	T(password_prompt_matching_pending),
	T(password_prompt_equals_typed),
	T(password_prompt_slow),
	T(paste_resets),
	T(resize_resets),
	T(row_cap_resets),
	T(mode_never),
	T(mode_always),
	T(mode_adaptive_hides_on_fast_link),
	T(mode_experimental),
	T(apply_keeps_rows_shared),
	T(apply_cut_frame),
};

TEST_MAIN(tests)
