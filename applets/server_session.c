/*
 * applets/server_session.c - the mosh-server session: one client, one
 * shell, one UDP socket.
 *
 * A plain poll loop.  Callbacks only move bytes (datagrams in, pty output
 * into the emulator, keystrokes out to the pty); after every wake-up the
 * loop brings the transport's current state up to date, lets the SSP
 * engine send what is due, checks the ways a session ends, and sleeps
 * until the earliest deadline.  The transport snapshot of the screen is
 * taken only then, not per read, so a flood of output costs one COW
 * snapshot per frame rather than per chunk.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "applets/server.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/ev.h"
#include "core/io.h"
#include "core/log.h"
#include "core/random.h"
#include "net/conn.h"
#include "net/host.h"
#include "net/ssp.h"
#include "net/userstream.h"
#include "net/zlib.h"
#include "term/emu.h"

#define NO_CLIENT_TIMEOUT 60000		/* exit if nobody connects (ms) */
#define ASSOCIATION_TIMEOUT 40000	/* forget a silent client (ms) */
#define ECHO_TIMEOUT 50			/* echo ack delay (ms) */
#define ECHO_RECORDS 64			/* pending echo-ack records kept */
#define PTY_READ_CHUNK 16384
#define PTY_READ_BUDGET (256 * 1024)	/* per wake-up, then send a frame */
#define PTY_OUT_MAX (4u * 1024 * 1024)	/* queued keystrokes for the pty */
/*
 * Beyond stock: on a lossy path, a small frame (an echo, a prompt) is sent
 * more than once, each copy under a fresh sequence number (a stock client
 * treats the copies as the duplicates they are).  The loss rate is
 * estimated from gaps in the client's sequence numbers.
 */
#define LOSS_SHIFT 4			/* EWMA weight 1/16 per datagram */
#define LOSS_SCALE 10000		/* loss kept in 1/10000 */
#define LOSS_DUP2 200			/* above 2 %: two copies */
#define LOSS_DUP3 1500			/* above 15 %: three */
#define DUP_MAX_DIFF 600		/* only frames of one small datagram */

struct echo_rec {
	uint64_t num;
	uint64_t time;
};

struct session {
	const struct server_opts *o;
	struct ev_loop loop;
	struct net_udp *u;
	struct net_conn conn;
	struct ssp ssp;
	struct net_host_ctx hctx;
	struct vt_emu *emu;		/* owned */
	struct vt_input input;
	struct core_pty pty;
	struct core_buf pty_out;	/* keystrokes waiting for the pty */
	struct core_buf scratch;	/* user-stream diffs */
	struct net_addr peer;
	int have_peer;
	uint64_t start;
	uint64_t last_heard;		/* last authentic datagram */
	uint64_t last_state;		/* last new client state */
	int released;			/* the shell was let go */
	int dirty;			/* emulator changed since the snapshot */
	int shell_done;
	int quit;			/* leave the loop now */
	int exit_status;
	uint64_t network_tmout;		/* ms; 0 = none */
	uint64_t signal_tmout;		/* ms; 0 = SIGUSR1 always ends */
	struct echo_rec echo[ECHO_RECORDS];
	int necho;
	uint64_t echo_ack;
	uint64_t last_seq;		/* newest in-order client seq */
	int have_seq;
	unsigned loss;			/* estimated loss, 1/LOSS_SCALE */
};

static uint64_t
env_seconds(const char *name)
{
	const char *v = getenv(name);
	char *end;
	long s;

	if (v == NULL || *v == '\0') {
		return 0;
	}
	errno = 0;
	s = strtol(v, &end, 10);
	if (*end != '\0' || errno != 0) {
		core_log(CORE_LOG_WARN, "%s not a valid integer, ignoring", name);
		return 0;
	}
	if (s < 0) {
		core_log(CORE_LOG_WARN, "%s is negative, ignoring", name);
		return 0;
	}
	return (uint64_t)s * 1000;
}

static int
emit_datagram(void *user, const uint8_t *dg, size_t n)
{
	struct session *s = user;
	int err = net_udp_send(s->u, &s->peer, dg, n);

	if (err == CORE_E_SYS && errno == EMSGSIZE) {
		net_conn_set_mtu(&s->conn, NET_DGRAM_MTU_DEFAULT);
	}
	/* A send that fails is a lost datagram: SSP retransmits. */
	return 0;
}

static int
chaff_random(void *user, void *buf, size_t n)
{
	return core_random(buf, n);
}

/* --- the pty ---------------------------------------------------------- */

static void
flush_pty(struct session *s)
{
	ssize_t w;

	while (s->pty_out.len > 0) {
		w = core_write(s->pty.master, s->pty_out.p, s->pty_out.len);
		if (w <= 0) {
			break;
		}
		core_buf_consume(&s->pty_out, (size_t)w);
	}
	(void)ev_fd_events(&s->loop, s->pty.master,
	    EV_READ | (s->pty_out.len > 0 ? EV_WRITE : 0));
}

static void
to_pty(struct session *s, const uint8_t *p, size_t n)
{
	if (core_buf_append(&s->pty_out, p, n) < 0) {
		core_log(CORE_LOG_WARN, "input to the shell backed up; "
		    "dropping %zu bytes", n);
	}
}

static void
on_pty(struct ev_loop *loop, int fd, unsigned rev, void *user)
{
	struct session *s = user;
	uint8_t buf[PTY_READ_CHUNK];
	const uint8_t *reply;
	size_t total = 0, rn;
	ssize_t n;

	if (rev & EV_WRITE) {
		flush_pty(s);
	}
	if (!(rev & (EV_READ | EV_ERROR))) {
		return;
	}
	while (total < PTY_READ_BUDGET) {
		n = core_read(fd, buf, sizeof buf);
		if (n > 0) {
			vt_emu_feed(s->emu, buf, (size_t)n);
			total += (size_t)n;
			s->dirty = 1;
			continue;
		}
		if (n < 0 && errno == EAGAIN) {
			break;
		}
		/* EOF or EIO: the shell and everything on its tty are gone. */
		s->shell_done = 1;
		ev_fd_del(loop, fd);
		break;
	}
	reply = vt_emu_reply(s->emu, &rn);
	if (rn > 0) {
		to_pty(s, reply, rn);
		vt_emu_reply_clear(s->emu);
		flush_pty(s);
	}
}

/* --- the client's input --------------------------------------------- */

static void
apply_resize(struct session *s, int32_t w, int32_t h)
{
	/* The emulator refuses sizes outside the framebuffer limits. */
	if (vt_emu_resize(s->emu, w, h) != 0) {
		core_log(CORE_LOG_INFO, "ignoring resize to %dx%d", (int)w, (int)h);
		return;
	}
	(void)core_pty_resize(s->pty.master, (unsigned)w, (unsigned)h);
	s->dirty = 1;
}

/* Feeds the events of the newest client state to the shell. */
static void
take_input(struct session *s, uint64_t now)
{
	struct net_pb_msg_iter it;
	struct net_msg_item item;
	uint8_t tr[4096 + 1];
	int32_t rw = 0, rh = 0;
	int have_resize = 0, events = 0;

	core_buf_reset(&s->scratch);
	if (ssp_take_diff(&s->ssp, &s->scratch) < 0 || s->scratch.len == 0) {
		return;
	}
	net_pb_msg_iter_init(&it, s->scratch.p, s->scratch.len);
	while (net_pb_msg_next(&it, &item) == 1) {
		events++;
		if (item.kind == NET_MSG_RESIZE) {
			/* Only the last of consecutive resizes matters. */
			have_resize = 1;
			rw = item.width;
			rh = item.height;
			continue;
		}
		if (item.kind != NET_MSG_BYTES) {
			continue;
		}
		if (have_resize) {
			apply_resize(s, rw, rh);
			have_resize = 0;
		}
		while (item.len > 0) {
			size_t k = item.len > 4096 ? 4096 : item.len;
			size_t m = vt_input_translate(&s->input,
			    s->emu->fb.mode.app_cursor, item.bytes, k, tr);

			to_pty(s, tr, m);
			item.bytes += k;
			item.len -= k;
		}
	}
	if (have_resize) {
		apply_resize(s, rw, rh);
	}
	if (!s->released) {
		/* The shell waits for one line before it starts (after the
		 * first resize, so it starts at the client's size). */
		to_pty(s, (const uint8_t *)"\n", 1);
		s->released = 1;
	}
	flush_pty(s);
	if (events > 0) {
		if (s->necho == ECHO_RECORDS) {
			memmove(s->echo, s->echo + 1, sizeof s->echo[0] *
			    (ECHO_RECORDS - 1));
			s->necho--;
		}
		s->echo[s->necho].num = ssp_remote_num(&s->ssp);
		s->echo[s->necho].time = now;
		s->necho++;
	}
}

/* Updates the loss estimate from the gap before an in-order seq. */
static void
note_seq(struct session *s, uint64_t seq)
{
	uint64_t gap = s->have_seq && seq > s->last_seq ? seq - s->last_seq : 1;
	unsigned sample;

	if (gap > 64) {
		gap = 64;	/* an outage, not a loss rate */
	}
	sample = (unsigned)((gap - 1) * LOSS_SCALE / gap);
	s->loss = s->loss - (s->loss >> LOSS_SHIFT) + (sample >> LOSS_SHIFT);
	s->last_seq = seq;
	s->have_seq = 1;
}

static void
on_udp(struct ev_loop *loop, int fd, unsigned rev, void *user)
{
	struct session *s = user;
	uint8_t dg[NET_UDP_RECV_MAX];
	struct net_instruction ins;
	struct net_dgram_rx rx;
	struct net_addr from;
	char addr[NET_UDP_ADDRSTR];
	uint64_t now, before;
	long n;
	int ce, r;

	for (;;) {
		n = net_udp_recv(s->u, dg, sizeof dg, &from, &ce);
		if (n == CORE_E_AGAIN || (n < 0 && n != CORE_E_LIMIT)) {
			break;
		}
		if (n < 0) {
			continue;	/* oversize: not ours */
		}
		now = core_now_ms();
		r = net_conn_recv(&s->conn, dg, (size_t)n, now, ce != 0, &ins, &rx);
		if (r < 0) {
			CORE_LOG(CORE_LOG_DEBUG, "dropped datagram: %s",
			    core_strerror(r));
			continue;
		}
		s->last_heard = now;
		if (rx.in_order) {
			note_seq(s, rx.seq);
		}
		if (rx.in_order && (!s->have_peer || !net_addr_equal(&from, &s->peer))) {
			s->peer = from;
			s->have_peer = 1;
			ssp_set_remote_known(&s->ssp, 1);
			net_addr_format(&from, addr);
			core_log(CORE_LOG_INFO, "Server now attached to client at %s",
			    addr);
		}
		if (r == 1) {
			before = ssp_remote_num(&s->ssp);
			if (ssp_recv(&s->ssp, &ins, now) < 0) {
				continue;
			}
			if (ssp_remote_num(&s->ssp) != before) {
				s->last_state = now;
				take_input(s, now);
			}
		}
	}
	if (s->conn.dg.rtt_hit) {
		ssp_set_rtt(&s->ssp, net_dgram_timeout(&s->conn.dg),
		    net_dgram_send_interval(&s->conn.dg));
	}
}

/* --- signals ------------------------------------------------------------ */

static void
begin_shutdown(struct session *s, const char *why)
{
	core_log(CORE_LOG_INFO, "%s", why);
	if (!s->have_peer) {
		s->quit = 1;
	} else if (!ssp_shutdown_in_progress(&s->ssp)) {
		ssp_start_shutdown(&s->ssp, core_now_ms());
	}
}

static void
on_signal(struct ev_loop *loop, int signo, void *user)
{
	struct session *s = user;
	uint64_t now = core_now_ms();

	if (signo == SIGCHLD) {
		int st;

		while (waitpid(-1, &st, WNOHANG) > 0) {
		}
		return;
	}
	if (signo == SIGUSR1 && s->signal_tmout != 0 &&
	    now - s->last_state < s->signal_tmout) {
		return;
	}
	begin_shutdown(s, signo == SIGUSR1 ? "SIGUSR1 received" :
	    "signal received, shutting down");
}

/* --- the loop ------------------------------------------------------------ */

/* Echo acks: the newest input that has had ECHO_TIMEOUT ms to show. */
static uint64_t
update_echo(struct session *s, uint64_t now)
{
	uint64_t newest = 0;
	int k = 0, found = 0;

	while (k < s->necho && s->echo[k].time + ECHO_TIMEOUT <= now) {
		newest = s->echo[k].num;
		found = 1;
		k++;
	}
	if (k > 0) {
		memmove(s->echo, s->echo + k, sizeof s->echo[0] *
		    (size_t)(s->necho - k));
		s->necho -= k;
	}
	if (found && newest != s->echo_ack) {
		s->echo_ack = newest;
		((struct net_host_state *)ssp_current(&s->ssp))->echo_ack = newest;
	}
	return s->necho > 0 ? s->echo[0].time + ECHO_TIMEOUT : SSP_NEVER;
}

static void
check_end(struct session *s, uint64_t now)
{
	if (s->shell_done && !ssp_shutdown_in_progress(&s->ssp)) {
		begin_shutdown(s, "shell exited");
	}
	if (ssp_shutdown_in_progress(&s->ssp) &&
	    (ssp_shutdown_acked(&s->ssp) || ssp_shutdown_expired(&s->ssp, now))) {
		s->quit = 1;
	}
	if (ssp_peer_shutdown(&s->ssp) && ssp_peer_shutdown_acked(&s->ssp)) {
		core_log(CORE_LOG_INFO, "client asked to quit");
		s->quit = 1;
	}
	if (s->last_state == 0 && now - s->start >= NO_CLIENT_TIMEOUT) {
		core_log(CORE_LOG_WARN, "No connection within %d seconds.",
		    NO_CLIENT_TIMEOUT / 1000);
		s->quit = 1;
		s->exit_status = 1;
	}
	if (s->network_tmout != 0 && s->last_state != 0 &&
	    now - s->last_state >= s->network_tmout) {
		core_log(CORE_LOG_WARN, "Network idle for %llu seconds.",
		    (unsigned long long)(s->network_tmout / 1000));
		s->quit = 1;
	}
	if (s->have_peer && now - s->last_heard >= ASSOCIATION_TIMEOUT) {
		core_log(CORE_LOG_INFO, "Server now detached from client.");
		s->have_peer = 0;
		ssp_set_remote_known(&s->ssp, 0);
	}
}

static uint64_t
step(struct session *s, uint64_t now)
{
	struct net_instruction ins;
	uint64_t next, echo_next;

	echo_next = update_echo(s, now);
	if (s->dirty && !ssp_shutdown_in_progress(&s->ssp)) {
		if (net_host_state_set(ssp_current(&s->ssp), &s->emu->fb) == 0) {
			s->dirty = 0;
		}
	}
	if (!s->conn.dg.rtt_hit) {
		/* No RTT yet: do not hold the first screens back 250 ms. */
		ssp_set_rtt(&s->ssp, net_dgram_timeout(&s->conn.dg),
		    SSP_SEND_INTERVAL_MIN);
	}
	if (s->have_peer && ssp_tick(&s->ssp, now, &ins) == 1) {
		int copies = 1, i;

		if (ins.diff_len > 0 && ins.diff_len <= DUP_MAX_DIFF) {
			copies = s->loss > LOSS_DUP3 ? 3 : s->loss > LOSS_DUP2 ? 2 : 1;
		}
		for (i = 0; i < copies; i++) {
			if (net_conn_send(&s->conn, &ins, now, emit_datagram, s) ==
			    CORE_E_EXHAUSTED) {
				core_log(CORE_LOG_ERROR, "session key used up; ending");
				s->quit = 1;
				break;
			}
		}
	}
	check_end(s, now);
	next = ssp_next_deadline(&s->ssp, now);
	if (echo_next < next) {
		next = echo_next;
	}
	return next;
}

static int
setup(struct session *s, struct net_udp *u, const uint8_t key[16])
{
	struct ssp_config cfg;
	struct net_us *us0;
	struct net_host_state *hs0;
	int err;

	s->u = u;
	s->start = core_now_ms();
	s->network_tmout = env_seconds("MOSH_SERVER_NETWORK_TMOUT");
	s->signal_tmout = env_seconds("MOSH_SERVER_SIGNAL_TMOUT");
	core_buf_init(&s->pty_out, PTY_OUT_MAX);
	core_buf_init(&s->scratch, NET_ZLIB_MAX_INFLATE);
	vt_input_init(&s->input);
	if ((err = ev_init(&s->loop)) < 0 ||
	    (err = net_conn_init(&s->conn, key, NET_DGRAM_TO_CLIENT,
	    net_udp_mtu(u->family))) < 0 ||
	    (err = net_host_ctx_init(&s->hctx, NULL)) < 0) {
		return err;
	}
	if ((s->emu = malloc(sizeof *s->emu)) == NULL ||
	    vt_emu_init(s->emu, (int)s->o->cols, (int)s->o->rows, 0) < 0) {
		free(s->emu);
		s->emu = NULL;
		return CORE_E_NOMEM;
	}
	us0 = net_us_new();
	hs0 = net_host_state_new((int)s->o->cols, (int)s->o->rows);
	memset(&cfg, 0, sizeof cfg);
	cfg.local_ops = &net_host_ops;
	cfg.local_user = &s->hctx;
	cfg.remote_ops = &net_us_ops;
	cfg.remote_user = NULL;
	cfg.local = hs0;
	cfg.remote = us0;
	cfg.send_mindelay = SSP_MINDELAY_SERVER;
	cfg.remote_known = 0;
	cfg.retry_backoff = 1;
	cfg.random = chaff_random;
	cfg.now = s->start;
	if (us0 == NULL || hs0 == NULL) {
		net_us_free(us0);
		net_host_ops.free(&s->hctx, hs0);
		return CORE_E_NOMEM;
	}
	if ((err = ssp_init(&s->ssp, &cfg)) < 0) {
		return err;
	}
	if ((err = server_shell_spawn(s->o, &s->pty)) < 0) {
		core_log(CORE_LOG_ERROR, "cannot start the shell on a pty: %s",
		    core_strerror(err));
		return err;
	}
	if ((err = ev_fd_add(&s->loop, u->fd, EV_READ, on_udp, s)) < 0 ||
	    (err = ev_fd_add(&s->loop, s->pty.master, EV_READ, on_pty, s)) < 0) {
		return err;
	}
	ev_signal(&s->loop, SIGTERM, on_signal, s);
	ev_signal(&s->loop, SIGINT, on_signal, s);
	ev_signal(&s->loop, SIGUSR1, on_signal, s);
	ev_signal(&s->loop, SIGCHLD, on_signal, s);
	return 0;
}

static void
teardown(struct session *s)
{
	const struct net_conn_stats *st = &s->conn.st;

	core_log(CORE_LOG_INFO, "datagrams sent %llu, received %llu; dropped: "
	    "%llu forged/corrupt, %llu replayed, %llu reflected, %llu short",
	    (unsigned long long)st->dg_sent, (unsigned long long)st->dg_recv,
	    (unsigned long long)st->bad_auth, (unsigned long long)st->bad_replay,
	    (unsigned long long)st->bad_direction,
	    (unsigned long long)st->bad_trunc);
	if (s->pty.pid > 0) {
		kill(-s->pty.pid, SIGHUP);
		kill(s->pty.pid, SIGHUP);
		core_close(s->pty.master);
	}
	ssp_fini(&s->ssp);
	net_conn_fini(&s->conn);
	net_host_ctx_fini(&s->hctx);
	if (s->emu != NULL) {
		vt_emu_fini(s->emu);
		free(s->emu);
	}
	core_buf_fini(&s->pty_out);
	core_buf_fini(&s->scratch);
	ev_fini(&s->loop);
	net_udp_close(s->u);
}

int
server_session(const struct server_opts *o, struct net_udp *u,
    const uint8_t key[CRYPTO_KEY_LEN])
{
	struct session *s = calloc(1, sizeof *s);
	uint64_t now, next;
	int err, wait;

	if (s == NULL) {
		return 1;
	}
	s->o = o;
	if ((err = setup(s, u, key)) < 0) {
		core_log(CORE_LOG_ERROR, "cannot start the session: %s",
		    core_strerror(err));
		teardown(s);
		free(s);
		return 1;
	}
	while (!s->quit) {
		now = core_now_ms();
		next = step(s, now);
		if (s->quit) {
			break;
		}
		wait = next == SSP_NEVER ? 1000 :
		    next <= now ? 0 : (int)(next - now > 1000 ? 1000 : next - now);
		if (ev_run_once(&s->loop, wait) < 0 && errno != EINTR) {
			core_log(CORE_LOG_ERROR, "poll: %s", strerror(errno));
			break;
		}
	}
	err = s->exit_status;
	teardown(s);
	free(s);
	return err;
}
