/*
 * term/emu_adopt.h - running an emulator over framebuffers it does not
 * keep: the client applies each server diff to a copy of an older state,
 * so one scratch emulator adopts that copy, takes the diff's bytes, and
 * gives the framebuffer back.
 */
#ifndef TERM_EMU_ADOPT_H
#define TERM_EMU_ADOPT_H

#include "term/emu.h"
#include "term/fb.h"

/*
 * Makes *f the emulator's visible screen (taking ownership: *f is left
 * empty) and resets everything a framebuffer does not carry to its power-on
 * value: scroll region, origin, autowrap, insert and newline modes, charsets
 * and the parser's state.  The hidden screen is resized to match.
 * 0 or CORE_E_NOMEM (then nothing changed).
 */
int vt_emu_adopt(struct vt_emu *e, struct fb *f);

/* Moves the visible screen out into *f (which must hold nothing).  The
 * emulator must adopt another framebuffer before it is fed again. */
void vt_emu_release(struct vt_emu *e, struct fb *f);

#endif
