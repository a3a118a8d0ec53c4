/*
 * term/emu.h - the terminal emulator: parser events acting on a
 * framebuffer, the way an xterm-class terminal does.
 *
 * The server runs its shell's output through one (vt_emu_feed) and sends
 * its framebuffer; the client runs the server's display diffs through one
 * created in client mode, which never produces replies (stock mosh's
 * client asserts that it does not).  Replies a server-mode emulator owes
 * the application (DSR/CPR, DA1, DA2) accumulate in a small bounded
 * buffer that the caller drains and writes to the pty.
 *
 * Implemented (ECMA-48 and xterm ctlseqs names): printing with deferred
 * autowrap (DECAWM) and insert mode (IRM), wide and combining characters;
 * BEL BS HT LF VT FF CR SO SI, IND NEL RI HTS (ESC and C1 forms), DECSC
 * DECRC, RIS, DECALN, G0/G1 designation (ESC ( 0 / ESC ) 0 / B / A);
 * CSI @ A B C D E F G H I J K L M P S T X Z ` a b c d e f g h l m n r s u,
 * CSI ! p (DECSTR), CSI ? J / ? K (as ED / EL); SM/RM 4 (IRM) and 20
 * (LNM); DECSET/DECRST 1 3 (clears only) 5 6 7 9 25 47 1000 1001 1002 1003 1004 1005 1006
 * 1015 1047 1048 1049 2004; SGR in full (see emu.c); OSC 0 1 2 52.
 * Everything else is parsed and ignored (see the list in emu.c).
 */
#ifndef TERM_EMU_H
#define TERM_EMU_H

#include <stddef.h>
#include <stdint.h>

#include "term/fb.h"
#include "term/parser.h"

/* Reply bytes kept between drains; more are dropped (a flood of DSR
 * requests must not grow memory). */
#define VT_REPLY_MAX 512

enum vt_emu_flags {
	VT_EMU_CLIENT = 1u << 0	/* never generate replies */
};

/* Cursor state saved by DECSC (and by 1048/1049). */
struct vt_saved {
	int row, col;
	uint8_t pending_wrap;
	uint8_t origin;
	uint8_t gl;
	uint8_t charset[2];
	struct fb_rend pen;
};

struct vt_emu {
	struct fb fb;		/* the visible screen (owned) */
	struct fb other;	/* rows of the screen not shown: the primary
				 * while the alternate is up, and vice versa
				 * (owned; only its rows are used; zeroed
				 * until the alternate screen is first used) */
	struct vt_parser parser;
	unsigned flags;		/* enum vt_emu_flags */
	int top, bottom;	/* scroll region, inclusive rows (DECSTBM) */
	uint8_t origin;		/* DECOM ?6 */
	uint8_t autowrap;	/* DECAWM ?7 */
	uint8_t insert;		/* IRM 4 */
	uint8_t newline;	/* LNM 20 */
	uint8_t alt_active;	/* the alternate screen is shown */
	uint8_t gl;		/* 0: G0 in GL, 1: G1 (SI / SO) */
	uint8_t charset[2];	/* 'B' ASCII, '0' DEC graphics, 'A' UK */
	uint32_t last_char;	/* last printed graphic character (REP) */
	uint32_t ignored;	/* sequences parsed but not recognised (a
				 * diagnostic: tests and bug reports) */
	struct vt_saved saved;	/* DECSC */
	struct vt_saved saved_alt;	/* 1049 / 1048 */
	size_t reply_len;
	uint8_t reply[VT_REPLY_MAX];
	uint8_t tabs[FB_MAX_DIM];	/* 1 = tab stop at this column */
};

/*
 * Creates an emulator with a blank cols x rows screen.  flags: enum
 * vt_emu_flags.  0, CORE_E_RANGE or CORE_E_NOMEM.
 */
int vt_emu_init(struct vt_emu *e, int cols, int rows, unsigned flags);
void vt_emu_fini(struct vt_emu *e);

/* Runs bytes through the parser and the emulator.  Never fails; input is
 * trusted for nothing. */
void vt_emu_feed(struct vt_emu *e, const void *data, size_t len);

/*
 * Resizes both screens (no reflow): the cursor is clamped, the scroll
 * region reset to the whole screen, new columns get the default tab
 * stops.  0, CORE_E_RANGE or CORE_E_NOMEM (nothing changed).
 */
int vt_emu_resize(struct vt_emu *e, int cols, int rows);

/*
 * Makes e show a snapshot of f (rows shared copy-on-write, size taken
 * from f), as a client does to apply a diff to an earlier state.  What a
 * framebuffer does not carry is reset as by RIS: scroll region, origin,
 * insert and newline modes, autowrap on, character sets, saved cursors,
 * tab stops, the alternate screen (dropped), the parser (back to ground),
 * pending replies.  0 or CORE_E_NOMEM (e unchanged).
 */
int vt_emu_load(struct vt_emu *e, const struct fb *f);

/* The reply bytes pending (DSR, CPR, DA answers), to be written to the
 * application; *len set.  Always empty in client mode. */
static inline const uint8_t *
vt_emu_reply(const struct vt_emu *e, size_t *len)
{
	*len = e->reply_len;
	return e->reply;
}

/* Forgets the pending reply bytes (after writing them). */
static inline void
vt_emu_reply_clear(struct vt_emu *e)
{
	e->reply_len = 0;
}

/* The visible framebuffer (borrowed; valid until the next call). */
static inline const struct fb *
vt_emu_fb(const struct vt_emu *e)
{
	return &e->fb;
}

/*
 * Input translation, as stock mosh's server does it for keystrokes
 * (PROTOCOL.md 7.2): the client always sends application-mode arrows
 * (ESC O A..D); unless the application turned on DECCKM they become
 * ESC [ A..D.  Stateful across calls, because a key's bytes may be split.
 */
struct vt_input {
	uint8_t state;	/* 0 ground, 1 after ESC, 2 after ESC O */
};

static inline void
vt_input_init(struct vt_input *in)
{
	in->state = 0;
}

/*
 * Translates n keystroke bytes into out (room for n + 1 bytes: an 'O'
 * held back from the previous call may come out now) and returns the
 * count.  app_cursor: the application's DECCKM (fb.mode.app_cursor).
 * The 'O' after ESC is held until the next byte shows what it starts.
 */
size_t vt_input_translate(struct vt_input *in, int app_cursor,
    const uint8_t *s, size_t n, uint8_t *out);

#endif
