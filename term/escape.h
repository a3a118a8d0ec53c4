/*
 * term/escape.h - the client's escape key (PROTOCOL.md 9.2): a small
 * state machine between the user's keyboard and the user stream.
 *
 * The escape key (default Ctrl-^, 0x1E) followed by '.' quits, by Ctrl-Z
 * suspends, by the "literal" key sends the escape key itself, and by any
 * other byte sends both bytes.  A printable escape key is recognised only
 * right after CR or LF (so it can be typed in text).  The machine also
 * reports Ctrl-L (the client repaints; the byte is still sent).
 *
 * Pure: no I/O, no environment.  The applet hands in the value of
 * MOSH_ESCAPE_KEY (or NULL when unset).
 */
#ifndef TERM_ESCAPE_H
#define TERM_ESCAPE_H

#include <stddef.h>
#include <stdint.h>

#define ESCKEY_DEFAULT 0x1E	/* Ctrl-^ */
/* " [To quit: Ctrl-^ .]" and the like, with its NUL. */
#define ESCKEY_HINT_MAX 32

struct esckey_cfg {
	uint8_t enabled;	/* 0: MOSH_ESCAPE_KEY was empty */
	uint8_t key;		/* the escape key */
	uint8_t literal;	/* after the key: send the key itself */
	uint8_t literal_alt;	/* a second accepted literal (lower case), or 0 */
	uint8_t after_newline;	/* printable key: only right after CR/LF */
};

/*
 * Fills c from the value of MOSH_ESCAPE_KEY (NULL: unset).  Unset, a
 * value of more than one byte, a byte outside 1..127, or one of the
 * refused keys (Ctrl-C, Ctrl-D, LF, Ctrl-L, CR) give the default; an
 * empty value disables the key.  Returns 0 when the value was used as
 * given (or unset), 1 when it was refused and the default taken.
 */
int esckey_cfg_parse(struct esckey_cfg *c, const char *value);

/*
 * Writes the quit hint shown after the "Last contact" text into
 * out[ESCKEY_HINT_MAX]: " [To quit: Ctrl-^ .]", " [To quit: \"x\" .]",
 * or "" when the key is disabled.
 */
void esckey_hint(const struct esckey_cfg *c, char *out);

/* Room for the help text, with its NUL. */
#define ESCKEY_HELP_MAX 80

/*
 * Writes the help shown while the key is pending into
 * out[ESCKEY_HELP_MAX]: for the default key
 * "Commands: Ctrl-Z suspends, \".\" quits, \"^\" gives literal Ctrl-^".
 */
void esckey_help(const struct esckey_cfg *c, char *out);

/* What one input byte asks the client to do. */
enum esckey_action {
	ESCKEY_NONE = 0,	/* nothing beyond the bytes to send */
	ESCKEY_PENDING,		/* the escape key was typed: show the help */
	ESCKEY_QUIT,		/* key then '.' */
	ESCKEY_SUSPEND,		/* key then Ctrl-Z */
	ESCKEY_CANCEL,		/* pending key resolved: hide the help */
	ESCKEY_REPAINT		/* Ctrl-L: repaint (and send it) */
};

struct esckey {
	struct esckey_cfg cfg;
	uint8_t pending;	/* the escape key was the last byte */
	uint8_t at_line_start;	/* last byte sent was CR or LF (or none yet) */
};

void esckey_init(struct esckey *e, const struct esckey_cfg *cfg);

/*
 * Takes one byte typed by the user.  Writes the bytes to send to the
 * server into out (0, 1 or 2 bytes) and sets *nout; returns the action.
 * A QUIT or SUSPEND consumes the byte (nothing to send).
 */
enum esckey_action esckey_feed(struct esckey *e, uint8_t b, uint8_t out[2],
    size_t *nout);

#endif
