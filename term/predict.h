/*
 * term/predict.h - local echo prediction (PROTOCOL.md 9.3): an overlay
 * over the client's copy of the server screen that shows what the user's
 * keystrokes will most likely do, before the server has echoed them, and
 * takes every guess back once the server's screen says it was wrong.
 *
 * The engine is a pure function of (server screen, keystrokes, acks,
 * now): it reads no clock and does no I/O, so tests drive it with fake
 * time and framebuffers built by an emulator.  All times are caller
 * milliseconds on one monotonic clock; frame numbers are the client's
 * user-stream state numbers (net/ssp.h).
 *
 * How the client uses it (one engine per session):
 *
 *	pred_init(&p, mode, overwrite);
 *	on RTT news:        pred_set_send_interval(&p, interval_ms);
 *	on keystrokes read: pred_new_user_bytes(&p, server_fb, buf, n,
 *	                        ssp_sent_num(ssp), now);   (before queueing
 *	                        them in the user stream)
 *	on window resize:   pred_reset(&p);
 *	before each draw, and on every new server state and every wake-up:
 *	                    pred_server_update(&p, server_fb, echo_ack, now);
 *	drawing:            frame = fb_copy(server_fb) (cut to the terminal),
 *	                    pred_apply(&p, &frame), then the other overlays;
 *	before each wait:   deadline = min(..., pred_next_wakeup(&p, now));
 *	at exit:            pred_fini(&p);
 *
 * Rules (PROTOCOL.md 9.3; refinements over the stock client are marked
 * "ours"):
 * - Predictions are displayed only when the SRTT trigger or the glitch
 *   trigger is on, or the mode is always or experimental; never mode makes
 *   no predictions at all.
 * - Printable characters of width 1 are predicted at the predicted cursor
 *   (inserted, shifting the rest of the row right; or overwriting), with
 *   the rendition of the cell to their left; 0x7F moves left and shifts the
 *   row left (or blanks the cell when overwriting); left/right arrows
 *   (ESC [ C/D, ESC O C/D, no parameters) move the predicted cursor; CR
 *   moves to column 0 of the next row, or on the last row predicts a blank
 *   last row (ours: except over cells an older epoch predicted, which
 *   would otherwise vanish until the echo).  A new prediction for a cell
 *   replaces the older one; a prediction for a cell with none that would
 *   show what the server shows there is not recorded.
 * - Everything else (other controls, escape sequences, wide and zero-width
 *   characters, a character in the last column, a CR) starts a new
 *   *epoch*: later predictions are tentative, and are displayed only once
 *   some prediction of their epoch is confirmed.  Ours: a right arrow with
 *   only blanks from the cursor to the end of the row (a shell refuses to
 *   move there) is tentative too.
 * - Each prediction is judged once echo_ack >= the frame after the one
 *   last sent when it was typed: correct (the server shows it), correct
 *   without credit (a blank, an unknown cell, or content the cell already
 *   had), or incorrect.  An incorrect prediction of a confirmed epoch
 *   resets every prediction (experimental mode: only that cell); an
 *   incorrect tentative one kills its epoch and all later ones.  Within
 *   one judgement pass a kill wins over a confirmation of the same epoch.
 * - Ours, so that a password typed at a prompt is never displayed: a
 *   tentative epoch is confirmed only by an *echo* of a *sighted* key.
 *   An echo: a typed character that the server shows where it was
 *   predicted, with the server's cursor on the same row just after it or
 *   after a run of later typed predictions the server shows as well
 *   (prompt text that happens to equal the first typed characters then
 *   fails, the cursor sitting after the prompt).  Sighted: typed once the
 *   echo ack covered the last key that made the future uncertain (a
 *   control such as CR, an escape sequence) and every key before a kill
 *   or reset; so keys typed before a prompt appeared (even keys equal to
 *   the whole prompt) never confirm, and neither do keys predicted from a
 *   screen that still lacks the effect of earlier, mispredicted keys.
 *   Only the newest cursor prediction is judged (older ones are
 *   superseded by the keystrokes after them, which the server may already
 *   have applied).
 * - Glitches: a prediction pending for 250 ms turns the glitch trigger on
 *   (10), one pending for 5000 ms sets it to 20 (which forces underlining);
 *   each prediction confirmed within 250 ms lowers it by one, at most once
 *   every 150 ms.  While such timing tests can still change something and
 *   predictions are active, pred_next_wakeup asks for a call every 50 ms.
 * - Underline ("flagging"): on when send_interval > 80 ms, off when <= 50
 *   ms, forced on by glitch_trigger > 10.  The SRTT trigger: on when
 *   send_interval > 30 ms, off when <= 20 ms and nothing is predicted.
 * - Resets: a read of more than PRED_PASTE_BYTES bytes (a paste: no
 *   prediction for those bytes), a window resize (pred_reset), a change
 *   of the server screen size.  A reset also makes the next predictions
 *   tentative.
 *
 * Memory is bounded: at most PRED_MAX_ROWS screen rows carry predictions
 * (each an array of one cell state per column, reused) and at most
 * PRED_MAX_CURSORS cursor predictions are kept; a prediction that needs
 * more resets the engine first.
 */
#ifndef TERM_PREDICT_H
#define TERM_PREDICT_H

#include <stddef.h>
#include <stdint.h>

#include "core/utf8.h"
#include "term/fb.h"

/* A read of more bytes than this is a paste: stock's threshold (9.3). */
#define PRED_PASTE_BYTES 100
/* Rows that may carry predictions at once; a CR per row, so 32 lines
 * typed ahead of a server that answers nothing: far beyond typing. */
#define PRED_MAX_ROWS 32
/* Cursor predictions kept (one per epoch with a cursor move); the oldest
 * is dropped beyond this (only the newest is ever judged). */
#define PRED_MAX_CURSORS 64
/* Former contents remembered per predicted cell (for "no credit"); past
 * this a cell never earns credit. */
#define PRED_ORIG_MAX 4
/* pred_next_wakeup: nothing to wake up for. */
#define PRED_NO_WAKEUP UINT64_MAX

/* PROTOCOL.md 9.3 thresholds, in ms. */
#define PRED_SRTT_TRIGGER_HIGH 30
#define PRED_SRTT_TRIGGER_LOW 20
#define PRED_FLAG_TRIGGER_HIGH 80
#define PRED_FLAG_TRIGGER_LOW 50
#define PRED_GLITCH_THRESHOLD 250
#define PRED_GLITCH_FLAG_THRESHOLD 5000
#define PRED_GLITCH_REPAIR_COUNT 10
#define PRED_GLITCH_REPAIR_MININTERVAL 150
#define PRED_WAKE_INTERVAL 50

enum pred_mode {
	PRED_MODE_ADAPTIVE = 0,	/* show when the link is slow (default) */
	PRED_MODE_ALWAYS,	/* always show */
	PRED_MODE_NEVER,	/* never predict */
	PRED_MODE_EXPERIMENTAL	/* always show, no tentative epochs, repair
				 * only the wrong cell */
};

/* The content of a cell, without its rendition. */
struct pred_content {
	uint32_t ch;
	uint32_t comb[FB_COMB_MAX];
	uint8_t width;
	uint8_t ncomb;
	uint16_t pad_;
};

/* What one screen cell is predicted to show. */
struct pred_cell {
	struct fb_cell repl;	/* the predicted cell (unless unknown) */
	uint64_t expire;	/* judged once echo_ack >= this frame */
	uint64_t time;		/* when predicted */
	uint64_t epoch;		/* tentative while > the confirmed epoch */
	struct pred_content orig[PRED_ORIG_MAX];	/* contents the server
				 * showed here when predicted */
	uint8_t norig;
	uint8_t orig_lost;	/* orig[] overflowed: never give credit */
	uint8_t active;
	uint8_t unknown;	/* content unknown (shifted in from beyond
				 * the edge): show the server's, flagged */
	uint8_t typed;		/* a typed character, not a shifted cell */
	uint8_t sighted;	/* typed after the server's reaction to the
				 * last uncertain key was known (may confirm) */
};

/* The predictions of one screen row. */
struct pred_row {
	int row;		/* screen row; -1: slot free */
	int cap;		/* cells allocated */
	int nactive;		/* cells with active set */
	struct pred_cell *cells;	/* owned; one per column */
};

struct pred_cursor {
	int row, col;
	uint64_t expire;	/* judged once echo_ack >= this frame */
	uint64_t time;
	uint64_t epoch;
};

/* Counters for tests, statistics and benchmarks. */
struct pred_stats {
	uint64_t typed;		/* typed characters predicted */
	uint64_t correct;	/* predictions judged correct with credit */
	uint64_t nocredit;	/* judged correct without credit */
	uint64_t incorrect;	/* predictions judged incorrect */
	uint64_t cursor_wrong;	/* cursor predictions judged incorrect */
	uint64_t resets;	/* full resets, for any reason */
	uint64_t kills;		/* tentative epochs killed */
	uint64_t pastes;	/* reads skipped as pastes */
};

struct pred {
	enum pred_mode mode;
	int overwrite;		/* MOSH_PREDICTION_OVERWRITE=yes */
	unsigned send_interval;	/* ms */
	int srtt_trigger;	/* hysteresis state */
	int flagging;		/* underline predictions */
	int glitch;		/* glitch_trigger: 0, 10, 20 ... */
	uint64_t last_quick;	/* last glitch decay (valid if have_quick) */
	int have_quick;
	uint64_t pepoch;	/* epoch new predictions get */
	uint64_t cepoch;	/* newest confirmed epoch */
	uint64_t echo_ack;	/* newest echo ack seen */
	uint64_t sent;		/* last sent frame given with keystrokes */
	uint64_t last_key;	/* frame of the newest keystroke */
	uint64_t blind_until;	/* keys typed while echo_ack < this were
				 * typed blind: they confirm nothing */
	int rows, cols;		/* server screen size predictions refer to
				 * (0: not seen yet) */
	struct pred_row rowv[PRED_MAX_ROWS];
	struct pred_cursor curv[PRED_MAX_CURSORS];	/* oldest first */
	int ncur;
	uint64_t now;		/* time of the call in progress */
	/* keystroke parser (bytes may split anywhere) */
	struct core_utf8 utf8;
	uint8_t in_state;
	uint8_t in_params;	/* the CSI had parameters or intermediates */
	struct pred_stats stats;
};

/*
 * Initialises p: no predictions, the first epoch tentative, send interval
 * 250 ms (the transport's figure before any RTT sample).  overwrite:
 * nonzero to predict overwriting instead of inserting.  Allocates
 * nothing (row arrays come with the first predictions).
 */
void pred_init(struct pred *p, enum pred_mode mode, int overwrite);

/* Releases p's memory.  p may be initialised again afterwards. */
void pred_fini(struct pred *p);

/*
 * The transport's send interval, clamp(ceil(SRTT/2), 20, 250) ms
 * (PROTOCOL.md 3.5).  Takes effect at the next pred_server_update or
 * pred_new_user_bytes.
 */
void pred_set_send_interval(struct pred *p, unsigned ms);

/*
 * Keystrokes: n bytes exactly as read from the user's terminal (after the
 * escape key handling), before they go into the user stream.  server: the
 * newest server framebuffer; sent_num: the last user-stream state number
 * sent (ssp_sent_num), so these bytes expire at sent_num + 1.  First runs
 * the judgement of pred_server_update with the last echo ack.  A read of
 * more than PRED_PASTE_BYTES bytes resets and predicts nothing.  Never
 * fails: if memory runs out the engine resets and skips the prediction.
 */
void pred_new_user_bytes(struct pred *p, const struct fb *server,
    const void *bytes, size_t n, uint64_t sent_num, uint64_t now);

/*
 * Judges pending predictions against the newest server framebuffer once
 * echo_ack (the server's EchoAck, PROTOCOL.md 7.3; it never decreases, a
 * smaller value is ignored) covers them; updates the triggers and glitch
 * state; resets on a server size change.  Call it on every new server
 * state, on every wake-up asked by pred_next_wakeup, and before drawing.
 */
void pred_server_update(struct pred *p, const struct fb *server,
    uint64_t echo_ack, uint64_t now);

/*
 * Writes the displayed predictions into frame, which must be a copy of
 * the server framebuffer last given to pred_server_update (COW rows, as
 * from fb_copy; it may have been cut to a smaller size): predicted cells
 * (underlined when flagging, PROTOCOL.md 9.3) and the predicted cursor.
 * Only rows that change are copied, so the display diff still skips the
 * others.  Rows it writes are well formed (no half of a wide character
 * is left alone).  Nothing is written when predictions are not to be
 * shown.
 * 0, or CORE_E_NOMEM (frame then shows some or none of the predictions,
 * and is still valid).
 */
int pred_apply(const struct pred *p, struct fb *frame);

/*
 * Absolute time of the next call to pred_server_update the engine needs
 * (now + 50 ms while a glitch test is pending), or PRED_NO_WAKEUP.
 */
uint64_t pred_next_wakeup(const struct pred *p, uint64_t now);

/* Forgets every prediction (e.g. on a window resize); later predictions
 * start tentative.  Triggers and glitch state are kept. */
void pred_reset(struct pred *p);

/* Nonzero while any prediction (cell or cursor) awaits judgement. */
int pred_active(const struct pred *p);

/* Nonzero if predictions would be displayed now (mode and triggers). */
int pred_shown(const struct pred *p);

/* Nonzero if displayed predictions are underlined now. */
static inline int
pred_flagging(const struct pred *p)
{
	return p->flagging;
}

/* Counters since init. */
static inline const struct pred_stats *
pred_stats(const struct pred *p)
{
	return &p->stats;
}

#endif
