/*
 * net/host.h - the server -> client object of the transport: the
 * terminal framebuffer plus the echo ack (PROTOCOL.md 7.3), as an SSP
 * state type.
 *
 * diff(ref, cur) is a HostBuffers.HostMessage: EchoAck if it changed, then
 * Resize if the size changed, then HostBytes: the display diff of the two
 * framebuffers.  apply() runs HostBytes through a client-mode emulator
 * (which never answers), so our client accepts anything stock servers
 * send, and rejects resizes outside the framebuffer limits.
 */
#ifndef NET_HOST_H
#define NET_HOST_H

#include <stdint.h>

#include "core/buf.h"
#include "net/ssp.h"
#include "term/display.h"
#include "term/emu.h"
#include "term/fb.h"

struct net_host_state {
	struct fb fb;		/* owned references (rows shared COW) */
	uint64_t echo_ack;	/* newest user state whose echo had 50 ms */
};

/* The ops' user: scratch shared by every state of one engine. */
struct net_host_ctx {
	struct disp disp;	/* display diff writer (server side) */
	struct vt_emu *emu;	/* owned; scratch client-mode emulator */
	struct core_buf bytes;	/* owned; hoststring scratch */
};

extern const struct ssp_ops net_host_ops;

/* dopts: the dialect of the diffs this side sends (NULL: our server's). */
int net_host_ctx_init(struct net_host_ctx *c, const struct disp_opts *dopts);
void net_host_ctx_fini(struct net_host_ctx *c);

/* A blank state of cols x rows (heap; free with net_host_ops.free). */
struct net_host_state *net_host_state_new(int cols, int rows);
/* Replaces st's framebuffer with a snapshot of fb (COW, cheap). 0 or NOMEM. */
int net_host_state_set(struct net_host_state *st, const struct fb *fb);

#endif
