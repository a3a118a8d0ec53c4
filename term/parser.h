/*
 * term/parser.h - the DEC/ANSI (VT500-series) escape-sequence parser.
 *
 * A byte-stream state machine in the shape of Paul Williams's DEC parser
 * (ground, escape, escape-intermediate, CSI entry/param/intermediate/
 * ignore, DCS entry/param/intermediate/passthrough/ignore, OSC string,
 * SOS/PM/APC string) that turns bytes into events delivered through a
 * const ops table.  It allocates nothing per byte: the only allocation is
 * the OSC buffer, made once on the first OSC.
 *
 * UTF-8.  The stream is decoded as UTF-8 in every state (core/utf8.h):
 * ill-formed input becomes U+FFFD (printed in ground, ignored elsewhere).
 * C1 controls are the code points U+0080..U+009F, i.e. the two-byte
 * encodings C2 80..C2 9F, as in xterm's UTF-8 mode and stock mosh.  A raw
 * byte 0x80..0x9F is therefore never a C1 control: it is a continuation
 * byte, or U+FFFD when it arrives outside a sequence.  This keeps the
 * meaning of every byte unambiguous (a stray 0x9B can neither start a
 * CSI nor cut a multi-byte character short) and matches the stock client.
 *
 * Bounds.  At most VT_MAX_PARAMS parameters are kept (further ones are
 * dropped; the sequence still dispatches).  A parameter value above 65535
 * counts as missing (VT_PARAM_DEFAULT), as in stock mosh.  More than
 * VT_MAX_INTER intermediates, or parameter bytes in the wrong place, make
 * the sequence ignored (CSI ignore state).  OSC text beyond VT_OSC_MAX
 * bytes is dropped and the event is flagged truncated; the sequence still
 * ends at its terminator.  DCS, SOS, PM and APC strings are consumed and
 * ignored.
 */
#ifndef TERM_PARSER_H
#define TERM_PARSER_H

#include <stddef.h>
#include <stdint.h>

#include "core/utf8.h"

/* xterm keeps 30 parameters; SGR with several 38:2:: forms fits in 32. */
#define VT_MAX_PARAMS 32
/* Standard sequences use at most one intermediate; two leaves room. */
#define VT_MAX_INTER 2
/* Room for the largest OSC we act on: 52;c; plus a 16 KiB clipboard. */
#define VT_OSC_MAX (16384 + 64)
#define VT_PARAM_DEFAULT 0xFFFFFFFFu
#define VT_PARAM_LIMIT 65535u

/* A complete ESC or CSI sequence. */
struct vt_seq {
	uint8_t final;		/* final byte, 0x30..0x7E */
	uint8_t prefix;		/* CSI private marker '<' '=' '>' '?', or 0 */
	uint8_t ninter;
	uint8_t inter[VT_MAX_INTER];	/* intermediates 0x20..0x2F */
	uint8_t nparam;		/* params given (a lone CSI final has 0) */
	uint32_t sub;		/* bit i set: param[i] came after a ':' */
	uint32_t param[VT_MAX_PARAMS];	/* VT_PARAM_DEFAULT when missing */
};

/* Returns parameter i, or def if it is missing (absent, empty or above
 * 65535).  An explicit 0 is returned as 0: callers apply the rule of each
 * sequence (for CUU, 0 means 1). */
static inline uint32_t
vt_seq_param(const struct vt_seq *s, unsigned i, uint32_t def)
{
	return i < s->nparam && s->param[i] != VT_PARAM_DEFAULT ?
	    s->param[i] : def;
}

/* Event sinks.  Every member must be set. */
struct vt_parser_ops {
	/* A printable code point (>= 0x20, not DEL, not C1). */
	void (*print)(void *user, uint32_t cp);
	/* A run of n >= 1 printable ASCII bytes (0x20..0x7E): the fast path. */
	void (*print_ascii)(void *user, const uint8_t *s, size_t n);
	/* A C0 control (< 0x20, except ESC CAN SUB) or C1 control (0x80..0x9F
	 * that is not a string or CSI introducer); CAN and SUB arrive too. */
	void (*execute)(void *user, uint32_t c);
	void (*esc)(void *user, const struct vt_seq *s);
	void (*csi)(void *user, const struct vt_seq *s);
	/* An OSC payload (bytes between "ESC ]" and the terminator, valid
	 * UTF-8); truncated is nonzero if bytes beyond VT_OSC_MAX were cut. */
	void (*osc)(void *user, const uint8_t *data, size_t len, int truncated);
};

struct vt_parser {
	const struct vt_parser_ops *ops;	/* borrowed */
	void *user;		/* borrowed; passed to every op */
	uint8_t state;
	uint8_t osc_trunc;
	uint8_t esc_bad;	/* ESC sequence with too many intermediates */
	struct core_utf8 utf8;
	struct vt_seq seq;	/* the sequence being collected */
	uint8_t *osc;		/* owned; VT_OSC_MAX bytes, made on first use */
	size_t osc_len;
};

/* Sets up a parser in the ground state.  Allocates nothing. */
void vt_parser_init(struct vt_parser *p, const struct vt_parser_ops *ops,
    void *user);
/* Frees the OSC buffer. */
void vt_parser_fini(struct vt_parser *p);
/* Back to the ground state (RIS), dropping any partial sequence. */
void vt_parser_reset(struct vt_parser *p);

/*
 * Parses len bytes, calling the ops as events complete.  Never fails:
 * anything unparseable is dropped.  If the OSC buffer cannot be allocated
 * the OSC is ignored.
 */
void vt_parser_feed(struct vt_parser *p, const uint8_t *data, size_t len);

#endif
