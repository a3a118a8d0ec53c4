/*
 * term/notify.h - the client's notification bar (PROTOCOL.md 9.1): a
 * message and the "Last contact" warning drawn over the top row.
 *
 * The bar is a pure function of (message, contact times, now): the
 * client records what happened with the setters and asks for the text or
 * a rendering at any time.  Times are monotonic milliseconds from the
 * caller; nothing here reads a clock.
 */
#ifndef TERM_NOTIFY_H
#define TERM_NOTIFY_H

#include <stddef.h>
#include <stdint.h>

#include "term/fb.h"

/* Message bytes kept (UTF-8); longer messages are cut. */
#define NOTIFY_MSG_MAX 256
/* Room for the whole bar text with its NUL. */
#define NOTIFY_TEXT_MAX 384
/* 9.1 thresholds (ms). */
#define NOTIFY_SERVER_LATE 6500		/* no new server state */
#define NOTIFY_REPLY_LATE 10000		/* our newest acked state this old */
#define NOTIFY_MSG_LIFETIME 1000	/* ordinary messages */
#define NOTIFY_NEVER UINT64_MAX

struct notify {
	char msg[NOTIFY_MSG_MAX];	/* UTF-8, NUL-terminated; "" = none */
	uint64_t expires;		/* NOTIFY_NEVER = permanent */
	uint8_t no_hint;		/* leave the quit hint out (help text) */
	char hint[40];			/* " [To quit: Ctrl-^ .]" or "" */
	uint64_t server_heard;		/* newest server state arrived */
	uint64_t reply_acked;		/* our newest acked state was sent */
};

/* Starts with no message and both contact times = now. */
void notify_init(struct notify *n, const char *hint, uint64_t now);

/*
 * Shows msg (copied, cut at NOTIFY_MSG_MAX - 1 bytes on a character
 * boundary) until now + lifetime ms, or for ever if lifetime is
 * NOTIFY_NEVER.  no_hint: leave the quit hint out.  msg "" clears.
 */
void notify_set(struct notify *n, const char *msg, uint64_t now,
    uint64_t lifetime, int no_hint);
/* Removes the message. */
void notify_clear(struct notify *n);
/* Shortens the current message to end no later than `until`. */
void notify_expire_by(struct notify *n, uint64_t until);
/* Nonzero if msg is the message shown at `now`. */
int notify_is(const struct notify *n, const char *msg, uint64_t now);

static inline void
notify_server_heard(struct notify *n, uint64_t t)
{
	n->server_heard = t;
}

static inline void
notify_reply_acked(struct notify *n, uint64_t t)
{
	n->reply_acked = t;
}

/*
 * Writes the bar text for `now` into out[NOTIFY_TEXT_MAX] and returns its
 * length; 0 when no bar is shown.
 */
size_t notify_text(const struct notify *n, uint64_t now, char *out);

/*
 * Draws the bar for `now` over row 0 of f (a private copy: the row is
 * copied before writing): every cell blank white on blue, the text bold,
 * cut at the right edge (a wide character that does not fit is left
 * out); the cursor is hidden if it is on row 0.  Returns 1 if a bar was
 * drawn, 0 if none is due, CORE_E_NOMEM.
 */
int notify_render(const struct notify *n, uint64_t now, struct fb *f);

/*
 * When the bar's text may next change by itself (a message expiring, a
 * lateness threshold, the counter ticking: every second, every 3 s after
 * a minute without contact); NOTIFY_NEVER if it cannot.
 */
uint64_t notify_next_change(const struct notify *n, uint64_t now);

/*
 * Formats a duration of s seconds: "N seconds" (< 60), "M:SS" (< 1 h),
 * "H:MM:SS"; with short_form, "Ns" for the first.  Into out[32].
 */
void notify_duration(uint64_t s, int short_form, char *out);

#endif
