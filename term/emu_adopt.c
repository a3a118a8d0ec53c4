/*
 * term/emu_adopt.c - lending framebuffers to an emulator.
 */
#include <string.h>

#include "term/emu_adopt.h"

int
vt_emu_adopt(struct vt_emu *e, struct fb *f)
{
	int err;

	if (e->other.cols != f->cols || e->other.rows != f->rows) {
		if ((err = fb_resize(&e->other, f->cols, f->rows)) < 0) {
			return err;
		}
	}
	fb_free(&e->fb);
	e->fb = *f;
	memset(f, 0, sizeof *f);
	e->top = 0;
	e->bottom = e->fb.rows - 1;
	e->origin = 0;
	e->autowrap = 1;
	e->insert = 0;
	e->newline = 0;
	e->alt_active = 0;
	e->gl = 0;
	e->charset[0] = e->charset[1] = 'B';
	vt_parser_reset(&e->parser);
	return 0;
}

void
vt_emu_release(struct vt_emu *e, struct fb *f)
{
	*f = e->fb;
	memset(&e->fb, 0, sizeof e->fb);
}
