/*
 * term/emu_int.h - internals shared by emu.c (printing, controls, ESC,
 * screen operations) and emu_csi.c (CSI, SGR, modes, OSC).  Not an API.
 */
#ifndef TERM_EMU_INT_H
#define TERM_EMU_INT_H

#include "term/emu.h"

/* The rendition erased cells get: the pen's background only (BCE). */
static inline struct fb_rend
vt_bce(const struct vt_emu *e)
{
	struct fb_rend r = { FB_COLOR_DEFAULT, e->fb.pen.bg, 0, 0 };

	return r;
}

void vt_print(struct vt_emu *e, uint32_t cp);
/* Prints a run of printable ASCII (user: the vt_emu). */
void vt_print_ascii(void *user, const uint8_t *s, size_t n);
void vt_index(struct vt_emu *e);
void vt_rindex(struct vt_emu *e);
/* Moves to (row, col) on the screen (clamped); clears pending wrap. */
void vt_goto(struct vt_emu *e, int row, int col);
/* Blanks cells [from, to) of a row with the BCE rendition, also blanking
 * the halves of wide characters the range cuts. */
void vt_erase(struct vt_emu *e, int row, int from, int to);
/* Scrolls rows [top, bottom] by n (> 0 up) with BCE blanks. */
void vt_scroll(struct vt_emu *e, int top, int bottom, int n);
void vt_save_cursor(struct vt_emu *e, struct vt_saved *s);
void vt_restore_cursor(struct vt_emu *e, const struct vt_saved *s);
/* Hard reset (RIS) if hard, else soft reset (DECSTR). */
void vt_reset(struct vt_emu *e, int hard);
/* Switches between the primary and alternate screens. */
void vt_alt_screen(struct vt_emu *e, int on, int clear);
void vt_tab(struct vt_emu *e, int n);
/* Appends a reply for the application (dropped in client mode). */
void vt_reply(struct vt_emu *e, const char *s);

void vt_csi(void *user, const struct vt_seq *s);
void vt_osc(void *user, const uint8_t *data, size_t len, int truncated);

#endif
