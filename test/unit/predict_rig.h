/*
 * test/unit/predict_rig.h - the rig the term_predict* suites drive the
 * prediction engine with: a server screen (client-mode emulator), fake
 * time, and a model of the transport: every key() queues its bytes in a
 * new user state that is sent at once (sent_num + 1), and ack() makes the
 * echo ack cover everything sent so far.
 */
#ifndef TEST_UNIT_PREDICT_RIG_H
#define TEST_UNIT_PREDICT_RIG_H

#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "term/emu.h"
#include "term/fb.h"
#include "term/predict.h"
#include "test/harness.h"

struct rig {
	struct vt_emu *e;	/* the server screen, as the client has it */
	struct pred p;
	uint64_t now;		/* ms */
	uint64_t sent;		/* last user state sent */
	uint64_t ack;		/* echo ack given last */
	struct fb f;		/* last frame drawn */
	int have_f;
};

static inline struct rig *
rig_new(int cols, int rows, enum pred_mode mode, int overwrite,
    unsigned interval)
{
	struct rig *r = calloc(1, sizeof *r);

	if (r == NULL || (r->e = malloc(sizeof *r->e)) == NULL ||
	    vt_emu_init(r->e, cols, rows, VT_EMU_CLIENT) != 0) {
		abort();
	}
	pred_init(&r->p, mode, overwrite);
	pred_set_send_interval(&r->p, interval);
	r->now = 1000;
	r->sent = 5;
	r->ack = 0;
	return r;
}

static inline void
rig_free(struct rig *r)
{
	if (r->have_f) {
		fb_free(&r->f);
	}
	pred_fini(&r->p);
	vt_emu_fini(r->e);
	free(r->e);
	free(r);
}

static inline const struct fb *
sfb(const struct rig *r)
{
	return vt_emu_fb(r->e);
}

/* Server output reaches the client's copy of the screen. */
static inline void
srv(struct rig *r, const char *s)
{
	vt_emu_feed(r->e, s, strlen(s));
	pred_server_update(&r->p, sfb(r), r->ack, r->now);
}

/* The user types s (one read); it goes out in the next user state. */
static inline void
key(struct rig *r, const char *s)
{
	pred_new_user_bytes(&r->p, sfb(r), s, strlen(s), r->sent, r->now);
	r->sent++;
}

/* The server's echo ack now covers everything sent. */
static inline void
ack(struct rig *r)
{
	r->ack = r->sent;
	pred_server_update(&r->p, sfb(r), r->ack, r->now);
}

static inline void
tick(struct rig *r, uint64_t ms)
{
	r->now += ms;
	pred_server_update(&r->p, sfb(r), r->ack, r->now);
}

/* Draws a frame (server screen + overlay) into r->f. */
static inline const struct fb *
frame(struct rig *r)
{
	if (r->have_f) {
		fb_free(&r->f);
	}
	if (fb_copy(&r->f, sfb(r)) != 0) {
		abort();
	}
	r->have_f = 1;
	CHECK_INT(0, pred_apply(&r->p, &r->f));
	return &r->f;
}

/* Row `row` of f as text (ASCII; blank = space), trailing blanks cut. */
static inline const char *
line(const struct fb *f, int row)
{
	static char buf[256];
	const struct fb_row *w = fb_row_get(f, row);
	int i, n = 0;

	for (i = 0; i < w->cols && i < 255; i++) {
		const struct fb_cell *c = &w->cells[i];

		if (c->width == 0) {
			continue;
		}
		buf[n++] = c->ch == 0 ? ' ' : c->ch < 0x80 ? (char)c->ch : '?';
	}
	while (n > 0 && buf[n - 1] == ' ') {
		n--;
	}
	buf[n] = '\0';
	return buf;
}

static inline int
ul(const struct fb *f, int row, int col)
{
	return (fb_row_get(f, row)->cells[col].rend.attrs &
	    FB_ATTR_UNDERLINE) != 0;
}

/* Nonzero if some cell of f shows character ch. */
static inline int
shows(const struct fb *f, uint32_t ch)
{
	int r, c;

	for (r = 0; r < f->rows; r++) {
		for (c = 0; c < f->cols; c++) {
			if (fb_row_get(f, r)->cells[c].ch == ch) {
				return 1;
			}
		}
	}
	return 0;
}

#define CHECK_LINE(r, row, want) CHECK_STR(want, line(frame(r), row))
#define CHECK_FCUR(r, wr, wc) do { \
	const struct fb *f_ = frame(r); \
	CHECK_INT(wr, f_->cur.row); \
	CHECK_INT(wc, f_->cur.col); } while (0)

/* A shell prompt "$ " whose first keystroke was echoed: the epoch the
 * following keystrokes start in is confirmed. */
static inline struct rig *
shell(enum pred_mode mode, int overwrite, unsigned interval)
{
	struct rig *r = rig_new(40, 6, mode, overwrite, interval);

	srv(r, "$ ");
	key(r, "e");
	srv(r, "e");
	r->now += 100;
	ack(r);
	r->now += 100;
	return r;
}

#endif
