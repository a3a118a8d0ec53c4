/*
 * net/host.c - the terminal state's SSP operations.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "net/host.h"
#include "net/pb.h"

/* A hoststring never needs more than a full repaint of the largest
 * screen; 4 MiB is the instruction limit anyway. */
#define HOST_BYTES_MAX (4u * 1024 * 1024)

int
net_host_ctx_init(struct net_host_ctx *c, const struct disp_opts *dopts)
{
	struct disp_opts o;
	int err;

	memset(c, 0, sizeof *c);
	if (dopts == NULL) {
		disp_opts_server(&o);
		dopts = &o;
	}
	disp_init(&c->disp, dopts);
	core_buf_init(&c->bytes, HOST_BYTES_MAX);
	if ((c->emu = malloc(sizeof *c->emu)) == NULL) {
		return CORE_E_NOMEM;
	}
	if ((err = vt_emu_init(c->emu, 80, 24, VT_EMU_CLIENT)) < 0) {
		free(c->emu);
		c->emu = NULL;
		return err;
	}
	return 0;
}

void
net_host_ctx_fini(struct net_host_ctx *c)
{
	if (c->emu != NULL) {
		vt_emu_fini(c->emu);
		free(c->emu);
		c->emu = NULL;
	}
	disp_free(&c->disp);
	core_buf_fini(&c->bytes);
}

struct net_host_state *
net_host_state_new(int cols, int rows)
{
	struct net_host_state *st = calloc(1, sizeof *st);

	if (st == NULL) {
		return NULL;
	}
	if (fb_init(&st->fb, cols, rows) < 0) {
		free(st);
		return NULL;
	}
	return st;
}

int
net_host_state_set(struct net_host_state *st, const struct fb *fb)
{
	struct fb snap;
	int err;

	if ((err = fb_copy(&snap, fb)) < 0) {
		return err;
	}
	fb_free(&st->fb);
	st->fb = snap;
	return 0;
}

static int
host_diff(void *user, const void *refp, const void *curp, struct core_buf *out)
{
	struct net_host_ctx *c = user;
	const struct net_host_state *ref = refp, *cur = curp;
	int err;

	if (cur->echo_ack != ref->echo_ack &&
	    (err = net_pb_msg_put_echoack(out, cur->echo_ack)) < 0) {
		return err;
	}
	if (fb_equal(&ref->fb, &cur->fb)) {
		return 0;
	}
	if ((ref->fb.cols != cur->fb.cols || ref->fb.rows != cur->fb.rows) &&
	    (err = net_pb_msg_put_resize(out, cur->fb.cols, cur->fb.rows)) < 0) {
		return err;
	}
	core_buf_reset(&c->bytes);
	if ((err = disp_diff(&c->disp, &ref->fb, &cur->fb, &c->bytes)) < 0) {
		return err;
	}
	if (c->bytes.len > 0) {
		return net_pb_msg_put_bytes(out, c->bytes.p, c->bytes.len);
	}
	return 0;
}

/* Runs one item against st's framebuffer through the scratch emulator. */
static int
apply_item(struct net_host_ctx *c, struct net_host_state *st,
    const struct net_msg_item *it)
{
	struct fb snap;
	int err;

	switch (it->kind) {
	case NET_MSG_ECHOACK:
		if (it->echo_ack > st->echo_ack) {
			st->echo_ack = it->echo_ack;
		}
		return 0;
	case NET_MSG_RESIZE:
		/* CORE_E_RANGE outside the framebuffer limits. */
		return fb_resize(&st->fb, it->width, it->height);
	case NET_MSG_BYTES:
		/* The scratch emulator takes a COW snapshot, runs the bytes,
		 * and the state takes a snapshot of the result. */
		if ((err = vt_emu_load(c->emu, &st->fb)) < 0) {
			return err;
		}
		vt_emu_feed(c->emu, it->bytes, it->len);
		if ((err = fb_copy(&snap, &c->emu->fb)) < 0) {
			return err;
		}
		fb_free(&st->fb);
		st->fb = snap;
		return 0;
	}
	return 0;
}

static int
host_apply(void *user, void *statep, const uint8_t *p, size_t n)
{
	struct net_host_ctx *c = user;
	struct net_pb_msg_iter it;
	struct net_msg_item item;
	int r, err;

	net_pb_msg_iter_init(&it, p, n);
	while ((r = net_pb_msg_next(&it, &item)) == 1) {
		if ((err = apply_item(c, statep, &item)) < 0) {
			return err;
		}
	}
	return r;
}

static int
host_equal(void *user, const void *ap, const void *bp)
{
	const struct net_host_state *a = ap, *b = bp;

	return a->echo_ack == b->echo_ack && fb_equal(&a->fb, &b->fb);
}

static void *
host_copy(void *user, const void *statep)
{
	const struct net_host_state *st = statep;
	struct net_host_state *n = calloc(1, sizeof *n);

	if (n == NULL) {
		return NULL;
	}
	if (fb_copy(&n->fb, &st->fb) < 0) {
		free(n);
		return NULL;
	}
	n->echo_ack = st->echo_ack;
	return n;
}

static void
host_free(void *user, void *statep)
{
	struct net_host_state *st = statep;

	if (st != NULL) {
		fb_free(&st->fb);
		free(st);
	}
}

const struct ssp_ops net_host_ops = {
	host_diff, host_apply, host_equal, host_copy, host_free, NULL, NULL
};
