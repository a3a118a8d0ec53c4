/*
 * term/display.h - the display diff: the bytes that turn a terminal
 * showing framebuffer A into one showing framebuffer B.
 *
 * The server sends these bytes to the client as the HostBytes of a
 * terminal-state diff (PROTOCOL.md 7.3), so by default they use only the
 * dialect the stock mosh client's emulator applies (PROTOCOL.md 8.3): UTF-8
 * text, BEL BS CR LF, CUP, ED 2, EL, ECH, DECSTBM, SGR (every SGR starts
 * with "0;", attributes in the fixed order of 8.2), DECSET/DECRST ?5 ?25
 * ?2004 ?9 ?1000-?1003 ?1004 ?1005 ?1006 ?1015, and OSC 0/1/2/52 ended by
 * BEL.  Nothing it writes makes a terminal reply.  The order of the output
 * follows PROTOCOL.md 8.1 step by step.  Our client uses the same writer,
 * with options describing the real terminal, to draw on the user's
 * terminal.
 *
 * What a diff carries ("applying disp_diff(a, b) to a terminal showing a
 * shows b"): every cell (grapheme, width and rendition), the soft-wrap
 * flag of every row but the last, the cursor position and visibility, the
 * pen, reverse video, bracketed paste, mouse mode and encoding, focus
 * events, the title and icon (once set), the clipboard, and one BEL for
 * any number of bells.  Known approximations, all inherited from the stock
 * dialect: a cell whose marks have no base character is sent as U+00A0
 * plus the marks (it arrives with base U+00A0); without `ext_attrs`, faint
 * and strikethrough are not sent and double underline is sent as
 * underline; a pending autowrap is reproduced only where it is cheap, and
 * never left pending where the target has none.
 *
 * No allocation on the hot path: a context keeps its scratch space sized
 * to the largest screen seen.
 */
#ifndef TERM_DISPLAY_H
#define TERM_DISPLAY_H

#include <stdint.h>

#include "core/buf.h"
#include "term/fb.h"

/* What the receiving terminal understands, and how thrifty to be. */
struct disp_opts {
	uint8_t ech;		/* ECH (CSI n X) may be used */
	uint8_t bce;		/* erases paint the current background colour */
	uint8_t titles;		/* write title/icon changes (OSC 0/1/2) */
	uint8_t hide_cursor;	/* hide the cursor before moving it to draw
				 * (stock behaviour; stops a real terminal's
				 * cursor flickering across the screen) */
	uint8_t lean;		/* beyond stock's choices: shortest cursor
				 * moves (LF-only, short CUP, rewriting a short
				 * gap), ECH only where it saves bytes, scroll
				 * regions that do not start at the top */
	uint8_t ext_attrs;	/* may send SGR 2, 9 and 21 (faint,
				 * strikethrough, double underline) */
	uint8_t ri;		/* may scroll down with reverse index (ESC M)
				 * in lean mode: not in the stock client's
				 * list (8.3), so for a real terminal only */
};

/* Byte-for-byte what stock mosh-server 1.4 writes (PROTOCOL.md 8.1). */
void disp_opts_stock(struct disp_opts *o);
/* What our server sends to any client: the stock dialect, fewer bytes
 * (lean, no cursor hiding, since a client applies a diff as one unit). */
void disp_opts_server(struct disp_opts *o);

struct disp {
	struct disp_opts opt;
	/* scratch, owned, grown to the largest screen seen */
	const struct fb_row **shown;	/* row the receiver shows, per row */
	int shown_cap;
};

/* Initialises d with a copy of *o.  Allocates nothing. */
void disp_init(struct disp *d, const struct disp_opts *o);
/* Releases d's scratch space. */
void disp_free(struct disp *d);

/*
 * Appends to out the bytes that turn a terminal showing `old` (as a
 * terminal that was brought to `old` by this writer) into one showing
 * `new`.  The receiver is assumed to have autowrap on, no scroll margins,
 * origin and insert modes off and ASCII in G0: true of an emulator fed
 * only these bytes; a real terminal is put there by the client's set-up
 * and by disp_repaint (which also resets the margins).  Unchanged rows (fb_row_same) are skipped without looking at
 * their cells; a size change clears the screen and repaints (8.1 step 5;
 * the receiver must already have the new size).  Equal framebuffers give
 * no bytes.  Returns 0, or CORE_E_LIMIT / CORE_E_NOMEM from out (out is
 * then restored to its length at entry).
 */
int disp_diff(struct disp *d, const struct fb *old, const struct fb *new,
    struct core_buf *out);

/*
 * Appends a full repaint of `new` for a terminal whose contents are
 * unknown (a frame that starts in full-repaint mode: the client's first
 * frame, Ctrl-L, SIGCONT): title (if set and titles are on), reverse
 * video, margins/pen/home/clear, every row, then cursor, visibility, pen
 * and every synced mode.  Return codes as disp_diff.
 */
int disp_repaint(struct disp *d, const struct fb *new, struct core_buf *out);

#endif
