/*
 * applets/client_session.c - the client session: keystrokes and resizes
 * into the user stream, server states onto the real terminal.
 *
 * One poll loop (core/ev.h) watches the terminal, the UDP sockets and the
 * signals.  After every wake-up the loop runs the housekeeping (connect
 * messages, shutdown, port hopping), lets the SSP engine send, and draws:
 * the frame is the newest server framebuffer plus the overlays (local
 * echo prediction, title prefix, notification bar), and what goes to
 * the terminal is the display diff from the frame it shows now.  Nothing
 * reaches the terminal that did not come out of an authentic datagram or
 * out of our own overlays.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "applets/client.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/ev.h"
#include "core/io.h"
#include "core/log.h"
#include "core/random.h"
#include "net/conn.h"
#include "net/host.h"
#include "net/ssp.h"
#include "net/udp.h"
#include "net/userstream.h"
#include "term/caps.h"
#include "term/display.h"
#include "term/escape.h"
#include "term/notify.h"
#include "term/predict.h"

/* 3.7: port hopping. */
#define PORT_HOP_INTERVAL 10000
#define MAX_OLD_SOCKET_AGE 60000
#define MAX_PORTS_OPEN 10
/* 9.1: connection messages. */
#define CONNECT_MSG_AFTER 250
#define CONNECT_TIMEOUT 15000
#define NET_ERR_LIFETIME (SSP_ACK_INTERVAL + 100)
/* A full repaint of the largest screen is a few MB; never more. */
#define OUT_MAX (64u * 1024 * 1024)
/* Keystrokes read at once. */
#define READ_CHUNK 4096
#define TITLE_PREFIX "[mosh] "

struct csock {
	struct net_udp u;
	uint64_t opened;
};

struct client {
	const struct client_cfg *cfg;
	struct ev_loop loop;
	struct net_addr server;
	struct csock socks[MAX_PORTS_OPEN];	/* oldest first */
	int nsocks;
	uint64_t last_port_choice;
	struct net_conn conn;
	struct net_host_ctx hctx;
	struct ssp ssp;
	int ssp_ok, ev_ok, conn_ok;	/* what teardown must release */
	struct disp disp;	/* writes to the real terminal */
	struct fb shown;	/* what the real terminal shows (owned) */
	struct core_buf out;	/* bytes for the terminal */
	struct notify note;
	struct pred pred;	/* local echo prediction (9.3) */
	struct esckey esc;
	char help[ESCKEY_HELP_MAX];
	char connect_msg[80];
	char drawn_text[NOTIFY_TEXT_MAX];	/* bar text last drawn */
	uint64_t drawn_num;	/* server state last drawn */
	int cols, rows;		/* the real terminal */
	uint64_t start;
	int connected;		/* a server state has arrived */
	int repaint;		/* next frame is a full repaint */
	int draw;		/* something may have changed */
	int stdin_open;
	int net_err_shown;	/* the bar shows a send error */
	int done;
	int clean;
	int pending_winch, pending_cont, pending_stop, pending_signal;
	uint8_t rbuf[NET_UDP_RECV_MAX];
};

static int
chaff_random(void *user, void *buf, size_t n)
{
	return core_random(buf, n);
}

/* --- terminal output ------------------------------------------------------ */

static void
flush_out(struct client *c)
{
	if (c->out.len > 0) {
		if (core_write_all(c->cfg->out_fd, c->out.p, c->out.len) < 0) {
			CORE_LOG(CORE_LOG_INFO, "terminal write: %s",
			    strerror(errno));
		}
		core_buf_reset(&c->out);
	}
}

/* Puts the "[mosh] " prefix on the frame's title (and icon, when they
 * are the same text), as stock does. */
static void
prefix_title(struct fb *f)
{
	char buf[FB_TITLE_MAX + sizeof TITLE_PREFIX];
	size_t pl = sizeof TITLE_PREFIX - 1, n;
	int same = f->icon_len == f->title_len &&
	    memcmp(f->icon, f->title, f->title_len) == 0;

	if (!f->title_set) {
		return;
	}
	n = pl + f->title_len;
	memcpy(buf, TITLE_PREFIX, pl);
	memcpy(buf + pl, f->title, f->title_len);
	fb_set_title(f, buf, n);
	if (same) {
		fb_set_icon(f, buf, n);
	}
}

/*
 * Local-echo prediction (PROTOCOL.md 9.3, term/predict.h): predicted
 * cells and cursor go onto the frame between the server state and the
 * notification bar.  maybe_draw has judged them against the newest state
 * already.  Out of memory, the frame stays valid and is drawn with fewer
 * predictions.
 */
static int
overlay_prediction(struct client *c, uint64_t now, struct fb *frame)
{
	(void)pred_apply(&c->pred, frame);
	return 0;
}

/* The frame to show: the newest server state cut to the terminal, with
 * the overlays when `overlays`.  0 or CORE_E_NOMEM. */
static int
compose(struct client *c, uint64_t now, int overlays, struct fb *frame)
{
	const struct net_host_state *st = ssp_remote(&c->ssp);
	int cols, rows, err;

	if ((err = fb_copy(frame, &st->fb)) < 0) {
		return err;
	}
	/* Until the server follows a resize, never draw past the edges. */
	cols = frame->cols < c->cols ? frame->cols : c->cols;
	rows = frame->rows < c->rows ? frame->rows : c->rows;
	if ((cols != frame->cols || rows != frame->rows) &&
	    (err = fb_resize(frame, cols, rows)) < 0) {
		fb_free(frame);
		return err;
	}
	if (!overlays) {
		return 0;
	}
	if ((err = overlay_prediction(c, now, frame)) < 0) {
		fb_free(frame);
		return err;
	}
	if (!c->cfg->title_noprefix) {
		prefix_title(frame);
	}
	if ((err = notify_render(&c->note, now, frame)) < 0) {
		fb_free(frame);
		return err;
	}
	return 0;
}

static void
draw(struct client *c, uint64_t now, int overlays)
{
	struct fb frame;
	int err;

	if (compose(c, now, overlays, &frame) < 0) {
		return;
	}
	core_buf_reset(&c->out);
	err = c->repaint ? disp_repaint(&c->disp, &frame, &c->out) :
	    disp_diff(&c->disp, &c->shown, &frame, &c->out);
	if (err < 0) {
		/* Could not say it; repaint everything next time. */
		fb_free(&frame);
		c->repaint = 1;
		return;
	}
	flush_out(c);
	fb_free(&c->shown);
	c->shown = frame;
	c->repaint = 0;
	c->drawn_num = ssp_remote_num(&c->ssp);
	notify_text(&c->note, now, c->drawn_text);
	c->draw = 0;
}

/* Draws when the state, the bar or the terminal changed. */
static void
maybe_draw(struct client *c, uint64_t now)
{
	const struct net_host_state *st = ssp_remote(&c->ssp);
	char text[NOTIFY_TEXT_MAX];
	int was = pred_active(&c->pred);

	/* Judge predictions against the newest state and its echo ack; any
	 * that were or are pending may change the picture. */
	pred_server_update(&c->pred, &st->fb, st->echo_ack, now);
	if (was || pred_active(&c->pred)) {
		c->draw = 1;
	}
	notify_text(&c->note, now, text);
	if (c->draw || c->repaint || c->drawn_num != ssp_remote_num(&c->ssp) ||
	    strcmp(text, c->drawn_text) != 0) {
		draw(c, now, 1);
	}
}

/* --- network ---------------------------------------------------------------- */

static void on_sock(struct ev_loop *loop, int fd, unsigned ev, void *user);

static int
open_socket(struct client *c, uint64_t now)
{
	struct csock *s;
	int i;

	if (c->nsocks == MAX_PORTS_OPEN) {
		ev_fd_del(&c->loop, c->socks[0].u.fd);
		net_udp_close(&c->socks[0].u);
		for (i = 1; i < c->nsocks; i++) {
			c->socks[i - 1] = c->socks[i];
		}
		c->nsocks--;
	}
	s = &c->socks[c->nsocks];
	if (net_udp_open_for(&s->u, &c->server) < 0) {
		return CORE_E_SYS;
	}
	if (ev_fd_add(&c->loop, s->u.fd, EV_READ, on_sock, c) < 0) {
		net_udp_close(&s->u);
		return CORE_E_LIMIT;
	}
	s->opened = now;
	c->nsocks++;
	c->last_port_choice = now;
	return 0;
}

/* 3.7: old sockets are read for a while, then closed. */
static void
prune_sockets(struct client *c, uint64_t now)
{
	int i;

	if (c->nsocks < 2 ||
	    now - c->socks[c->nsocks - 1].opened <= MAX_OLD_SOCKET_AGE) {
		return;
	}
	for (i = 0; i < c->nsocks - 1; i++) {
		ev_fd_del(&c->loop, c->socks[i].u.fd);
		net_udp_close(&c->socks[i].u);
	}
	c->socks[0] = c->socks[c->nsocks - 1];
	c->nsocks = 1;
}

static int
emit(void *user, const uint8_t *dg, size_t n)
{
	struct client *c = user;
	struct csock *s = &c->socks[c->nsocks - 1];
	uint64_t now = core_now_ms();
	char msg[NOTIFY_MSG_MAX];
	int err = net_udp_send(&s->u, &c->server, dg, n);

	if (err == 0) {
		if (c->net_err_shown) {
			notify_expire_by(&c->note, now + 1000);
			c->net_err_shown = 0;
		}
		return 0;
	}
	if (err == CORE_E_SYS) {
		if (errno == EMSGSIZE) {
			net_conn_set_mtu(&c->conn, NET_DGRAM_MTU_DEFAULT);
		}
		snprintf(msg, sizeof msg, "sendto: %s", strerror(errno));
		notify_set(&c->note, msg, now, NET_ERR_LIFETIME, 0);
		c->net_err_shown = 1;
	}
	/* A lost datagram is the transport's business: keep going. */
	return 0;
}

static void
send_due(struct client *c, uint64_t now)
{
	struct net_instruction ins;
	int r;

	if ((r = ssp_tick(&c->ssp, now, &ins)) == 1) {
		r = net_conn_send(&c->conn, &ins, now, emit, c);
		if (r == CORE_E_EXHAUSTED) {
			CORE_LOG(CORE_LOG_ERROR, "session key used up");
			c->done = 1;
		}
		/* 3.7: a new source port after 10 s without a round trip. */
		if (now - c->last_port_choice > PORT_HOP_INTERVAL &&
		    now - ssp_acked_time(&c->ssp) > PORT_HOP_INTERVAL &&
		    open_socket(c, now) < 0) {
			CORE_LOG(CORE_LOG_INFO, "cannot open a new port: %s",
			    strerror(errno));
			c->last_port_choice = now;
		}
	} else if (r < 0) {
		CORE_LOG(CORE_LOG_INFO, "transport: %s", core_strerror(r));
	}
}

static void
take_datagram(struct client *c, const uint8_t *dg, size_t n, int ce)
{
	struct net_instruction ins;
	struct net_dgram_rx rx;
	uint64_t now = core_now_ms();
	int r = net_conn_recv(&c->conn, dg, n, now, ce != 0, &ins, &rx);

	if (r < 0) {
		CORE_LOG(CORE_LOG_DEBUG, "datagram dropped: %s",
		    core_strerror(r));
		return;
	}
	ssp_set_rtt(&c->ssp, net_dgram_timeout(&c->conn.dg),
	    net_dgram_send_interval(&c->conn.dg));
	pred_set_send_interval(&c->pred, net_dgram_send_interval(&c->conn.dg));
	if (r == 1 && (r = ssp_recv(&c->ssp, &ins, now)) < 0) {
		CORE_LOG(CORE_LOG_DEBUG, "instruction dropped: %s",
		    core_strerror(r));
	}
}

static void
on_sock(struct ev_loop *loop, int fd, unsigned ev, void *user)
{
	struct client *c = user;
	struct csock *s = NULL;
	struct net_addr from;
	long n;
	int i, ce, budget;

	for (i = 0; i < c->nsocks; i++) {
		if (c->socks[i].u.fd == fd) {
			s = &c->socks[i];
		}
	}
	if (s == NULL) {
		return;
	}
	/* Bounded, so the terminal is served during a flood. */
	for (budget = 0; budget < 256; budget++) {
		ce = 0;
		n = net_udp_recv(&s->u, c->rbuf, sizeof c->rbuf, &from, &ce);
		if (n == CORE_E_AGAIN) {
			break;
		}
		if (n < 0) {
			if (n == CORE_E_SYS) {
				CORE_LOG(CORE_LOG_DEBUG, "recv: %s",
				    strerror(errno));
				break;
			}
			continue;	/* oversize: dropped */
		}
		take_datagram(c, c->rbuf, (size_t)n, ce);
	}
}

/* --- keyboard ---------------------------------------------------------------- */

static void
start_shutdown(struct client *c, const char *why, uint64_t now)
{
	if (ssp_shutdown_in_progress(&c->ssp)) {
		return;
	}
	notify_set(&c->note, why, now, NOTIFY_NEVER, 0);
	ssp_start_shutdown(&c->ssp, now);
}

static void suspend(struct client *c);

static void
on_tty(struct ev_loop *loop, int fd, unsigned ev, void *user)
{
	struct client *c = user;
	uint8_t in[READ_CHUNK], send[2 * READ_CHUNK], two[2];
	uint64_t now = core_now_ms();
	size_t ns = 0, k, i;
	ssize_t n = core_read(fd, in, sizeof in);

	if (n <= 0) {
		if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
			return;
		}
		ev_fd_del(loop, fd);
		c->stdin_open = 0;
		start_shutdown(c, "Exiting...", now);
		return;
	}
	for (i = 0; i < (size_t)n; i++) {
		switch (esckey_feed(&c->esc, in[i], two, &k)) {
		case ESCKEY_PENDING:
			notify_set(&c->note, c->help, now, NOTIFY_NEVER, 1);
			break;
		case ESCKEY_CANCEL:
			if (notify_is(&c->note, c->help, now)) {
				notify_clear(&c->note);
			}
			break;
		case ESCKEY_QUIT:
			notify_clear(&c->note);
			start_shutdown(c, "Exiting on user request...", now);
			break;
		case ESCKEY_SUSPEND:
			notify_clear(&c->note);
			c->pending_stop = 1;
			break;
		case ESCKEY_REPAINT:
			c->repaint = 1;
			break;
		case ESCKEY_NONE:
			break;
		}
		memcpy(send + ns, two, k);
		ns += k;
	}
	if (ns == 0 || ssp_shutdown_in_progress(&c->ssp)) {
		return;
	}
	/* 9.3: predict before queueing; these bytes go out after the last
	 * state sent.  A read of over 100 bytes is a paste (no prediction). */
	pred_new_user_bytes(&c->pred,
	    &((const struct net_host_state *)ssp_remote(&c->ssp))->fb, send, ns,
	    ssp_sent_num(&c->ssp), now);
	c->draw = 1;
	if (net_us_push_bytes(ssp_current(&c->ssp), send, ns) < 0) {
		CORE_LOG(CORE_LOG_INFO, "keystrokes dropped (queue full)");
	}
}

static void
on_signal(struct ev_loop *loop, int signo, void *user)
{
	struct client *c = user;

	switch (signo) {
	case SIGWINCH:
		c->pending_winch = 1;
		break;
	case SIGCONT:
		c->pending_cont = 1;
		break;
	case SIGTSTP:
		c->pending_stop = 1;
		break;
	default:
		c->pending_signal = 1;
		break;
	}
}

static void
resize(struct client *c)
{
	int cols, rows;

	if (client_tty_size(&cols, &rows) < 0 ||
	    (cols == c->cols && rows == c->rows)) {
		return;
	}
	if (cols > FB_MAX_DIM || rows > FB_MAX_DIM ||
	    (long)cols * rows > FB_MAX_CELLS) {
		return;
	}
	c->cols = cols;
	c->rows = rows;
	/* The terminal may have reflowed what it showed. */
	c->repaint = 1;
	pred_reset(&c->pred);
	if (!ssp_shutdown_in_progress(&c->ssp)) {
		(void)net_us_push_resize(ssp_current(&c->ssp), cols, rows);
	}
}

/* Ctrl-^ Ctrl-Z (or SIGTSTP): give the terminal back and stop. */
static void
suspend(struct client *c)
{
	static const char msg[] = "\n\033[37;44m[mosh is suspended.]\033[m\n";

	client_tty_leave();
	(void)core_write_all(c->cfg->out_fd, msg, sizeof msg - 1);
	(void)kill(0, SIGSTOP);
	/* Resumed. */
	if (client_tty_enter() < 0) {
		CORE_LOG(CORE_LOG_ERROR, "cannot set the terminal to raw mode");
	}
	c->repaint = 1;
	resize(c);
}

/* --- the loop ------------------------------------------------------------------ */

static void
housekeeping(struct client *c, uint64_t now)
{
	uint64_t heard = ssp_last_heard(&c->ssp);

	if (heard != 0 && !c->connected) {
		c->connected = 1;
	}
	notify_server_heard(&c->note, c->connected ? heard : c->start);
	notify_reply_acked(&c->note, ssp_acked_time(&c->ssp));
	if (!c->connected && !ssp_shutdown_in_progress(&c->ssp) &&
	    now - c->start > CONNECT_MSG_AFTER) {
		if (now - c->start > CONNECT_TIMEOUT) {
			start_shutdown(c, "Timed out waiting for server...", now);
		} else if (!notify_is(&c->note, c->connect_msg, now) &&
		    !notify_is(&c->note, c->help, now)) {
			notify_set(&c->note, c->connect_msg, now, NOTIFY_NEVER,
			    0);
		}
	} else if (c->connected && notify_is(&c->note, c->connect_msg, now)) {
		notify_clear(&c->note);
	}
	if (c->pending_signal) {
		c->pending_signal = 0;
		start_shutdown(c, "Signal received, shutting down...", now);
	}
	if (ssp_shutdown_in_progress(&c->ssp)) {
		if (ssp_shutdown_acked(&c->ssp)) {
			c->clean = 1;
			c->done = 1;
		} else if (ssp_shutdown_expired(&c->ssp, now)) {
			c->done = 1;
		}
	}
	if (ssp_peer_shutdown(&c->ssp) && ssp_peer_shutdown_acked(&c->ssp)) {
		c->clean = 1;
		c->done = 1;
	}
	prune_sockets(c, now);
}

static uint64_t
min64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static int
wait_ms(struct client *c, uint64_t now)
{
	uint64_t d = ssp_next_deadline(&c->ssp, now);

	d = min64(d, notify_next_change(&c->note, now));
	d = min64(d, pred_next_wakeup(&c->pred, now));
	/* Connection messages, shutdown expiry and socket ageing: a coarse
	 * second is precise enough. */
	d = min64(d, now + (c->connected ? 1000 : 50));
	return d <= now ? 0 : (int)(d - now);
}

static void
handle_pending(struct client *c, uint64_t now)
{
	if (c->pending_winch) {
		c->pending_winch = 0;
		resize(c);
	}
	if (c->pending_cont) {
		c->pending_cont = 0;
		c->repaint = 1;
		resize(c);
	}
	if (c->pending_stop) {
		c->pending_stop = 0;
		if (!c->done) {
			draw(c, now, 1);
			suspend(c);
		}
	}
}

static int
session_loop(struct client *c)
{
	uint64_t now;

	while (!c->done) {
		now = core_now_ms();
		handle_pending(c, now);
		housekeeping(c, now);
		if (c->done) {
			break;
		}
		send_due(c, now);
		maybe_draw(c, now);
		now = core_now_ms();
		if (ev_run_once(&c->loop, wait_ms(c, now)) < 0 &&
		    errno != EINTR) {
			CORE_LOG(CORE_LOG_ERROR, "poll: %s", strerror(errno));
			return -1;
		}
	}
	/* A last frame: no bar, no title prefix (8.3). */
	notify_clear(&c->note);
	c->draw = 1;
	draw(c, core_now_ms(), 0);
	return 0;
}

/* --- set-up --------------------------------------------------------------------- */

static int
setup_transport(struct client *c, uint64_t now)
{
	struct ssp_config sc;
	struct net_us *local;
	int err;

	if ((err = net_host_ctx_init(&c->hctx, NULL)) < 0) {
		return err;
	}
	memset(&sc, 0, sizeof sc);
	sc.local_ops = &net_us_ops;
	sc.remote_ops = &net_host_ops;
	sc.remote_user = &c->hctx;
	sc.local = local = net_us_new();
	sc.remote = net_host_state_new(c->cols, c->rows);
	sc.send_mindelay = SSP_MINDELAY_CLIENT;
	sc.remote_known = 1;
	sc.random = chaff_random;
	sc.now = now;
	if (sc.local == NULL || sc.remote == NULL) {
		net_us_free(local);
		if (sc.remote != NULL) {
			net_host_ops.free(&c->hctx, sc.remote);
		}
		return CORE_E_NOMEM;
	}
	if ((err = ssp_init(&c->ssp, &sc)) < 0) {
		return err;
	}
	c->ssp_ok = 1;
	/* 7.2: the stream starts with the window size. */
	return net_us_push_resize(ssp_current(&c->ssp), c->cols, c->rows);
}

static enum pred_mode
predict_mode(enum client_predict m)
{
	switch (m) {
	case CLIENT_PREDICT_ALWAYS:
		return PRED_MODE_ALWAYS;
	case CLIENT_PREDICT_NEVER:
		return PRED_MODE_NEVER;
	case CLIENT_PREDICT_EXPERIMENTAL:
		return PRED_MODE_EXPERIMENTAL;
	default:
		return PRED_MODE_ADAPTIVE;
	}
}

static int
setup(struct client *c, const struct client_cfg *cfg)
{
	static const int sigs[] = {
		SIGWINCH, SIGCONT, SIGTSTP, SIGTERM, SIGINT, SIGHUP, SIGPIPE
	};
	/* The user's terminal is xterm-class (term/caps.h): ECH, BCE, RI,
	 * the extended SGRs; lean output; titles if $TERM says so. */
	struct disp_opts o = {
		.ech = 1, .bce = 1, .hide_cursor = 1, .lean = 1,
		.ext_attrs = 1, .ri = 1
	};
	char hint[ESCKEY_HINT_MAX];
	uint64_t now = core_now_ms();
	size_t i;
	int err;

	c->cfg = cfg;
	c->start = now;
	c->stdin_open = 1;
	core_buf_init(&c->out, OUT_MAX);
	if (net_addr_parse(&c->server, cfg->ip, cfg->port) < 0) {
		return CORE_E_INVAL;
	}
	if (client_tty_size(&c->cols, &c->rows) < 0) {
		c->cols = 80;
		c->rows = 24;
	}
	if (c->cols > FB_MAX_DIM || c->rows > FB_MAX_DIM ||
	    (long)c->cols * c->rows > FB_MAX_CELLS) {
		return CORE_E_RANGE;
	}
	o.titles = caps_titles(cfg->term) != 0;
	pred_init(&c->pred, predict_mode(cfg->predict),
	    cfg->predict_overwrite);
	disp_init(&c->disp, &o);
	esckey_init(&c->esc, &cfg->esc);
	esckey_help(&cfg->esc, c->help);
	esckey_hint(&cfg->esc, hint);
	notify_init(&c->note, hint, now);
	snprintf(c->connect_msg, sizeof c->connect_msg,
	    "Nothing received from server on UDP port %u.", cfg->port);
	if ((err = fb_init(&c->shown, c->cols, c->rows)) < 0) {
		return err;
	}
	if ((err = ev_init(&c->loop)) < 0) {
		return err;
	}
	c->ev_ok = 1;
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		if ((err = ev_signal(&c->loop, sigs[i], on_signal, c)) < 0) {
			return err;
		}
	}
	if ((err = net_conn_init(&c->conn, cfg->key, NET_DGRAM_TO_SERVER,
	    net_udp_mtu(c->server.ss.ss_family))) < 0) {
		return err;
	}
	c->conn_ok = 1;
	if ((err = setup_transport(c, now)) < 0) {
		return err;
	}
	if ((err = open_socket(c, now)) < 0) {
		return err;
	}
	return ev_fd_add(&c->loop, cfg->in_fd, EV_READ, on_tty, c);
}

static void
teardown(struct client *c)
{
	int i;

	for (i = 0; i < c->nsocks; i++) {
		net_udp_close(&c->socks[i].u);
	}
	if (c->ssp_ok) {
		ssp_fini(&c->ssp);
	}
	net_host_ctx_fini(&c->hctx);
	if (c->conn_ok) {
		net_conn_fini(&c->conn);
	}
	if (c->ev_ok) {
		ev_fini(&c->loop);
	}
	disp_free(&c->disp);
	pred_fini(&c->pred);
	fb_free(&c->shown);
	core_buf_fini(&c->out);
}

static void
farewell(const struct client *c)
{
	if (!c->connected) {
		fprintf(stderr, "\nmosh did not make a successful connection "
		    "to %s:%u.\nCheck that UDP port %u on the server is not "
		    "blocked by a firewall, and that the server is running.\n",
		    c->cfg->ip, c->cfg->port, c->cfg->port);
	} else if (!c->clean) {
		fprintf(stderr, "\nmosh did not shut down cleanly. Please note "
		    "that the mosh-server process may still be running on the "
		    "server.\n");
	}
}

int
client_run(const struct client_cfg *cfg)
{
	struct client *c = calloc(1, sizeof *c);
	int err, status;

	if (c == NULL) {
		fprintf(stderr, "%s: out of memory\n", core_log_prog());
		return 1;
	}
	for (err = 0; err < MAX_PORTS_OPEN; err++) {
		c->socks[err].u.fd = -1;
	}
	if (client_tty_setup(cfg->in_fd, cfg->out_fd, !cfg->no_term_init) < 0) {
		fprintf(stderr, "%s: the terminal: %s\n", core_log_prog(),
		    strerror(errno));
		free(c);
		return 1;
	}
	if ((err = setup(c, cfg)) < 0) {
		fprintf(stderr, "%s: cannot start: %s\n", core_log_prog(),
		    core_strerror(err));
		teardown(c);
		free(c);
		return 1;
	}
	if (client_tty_enter() < 0) {
		fprintf(stderr, "%s: cannot set the terminal to raw mode: %s\n",
		    core_log_prog(), strerror(errno));
		teardown(c);
		free(c);
		return 1;
	}
	/* 8.3: a full repaint of the blank screen. */
	c->repaint = 1;
	c->draw = 1;
	err = session_loop(c);
	client_tty_leave();
	printf("[mosh is exiting.]\n");
	fflush(stdout);
	farewell(c);
	status = err == 0 && c->clean ? 0 : 1;
	teardown(c);
	free(c);
	return status;
}
