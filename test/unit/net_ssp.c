/*
 * test/unit/net_ssp.c - the SSP engine driven by a fake clock: a client
 * (user stream) and a server (toy host state) joined by a simulated
 * network with seeded loss, delay, jitter (reordering) and duplication.
 * Every instruction crosses the network protobuf-encoded and is decoded
 * on arrival, as it will be on the wire.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "net/pb.h"
#include "net/ssp.h"
#include "net/userstream.h"
#include "test/harness.h"
#include "test/unit/ssp_toy.h"

#define T0 1000000u	/* fake clock start: far from 0, like a real one */
#define MAX_LOG 20000

static uint64_t
rng_next(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545F4914F6CDD1DULL;
}

/* Below p per mille? */
static int
chance(uint64_t *rng, unsigned permille)
{
	return rng_next(rng) % 1000 < permille;
}

static int
fake_random(void *user, void *buf, size_t n)
{
	uint8_t *p = buf;

	while (n--) {
		*p++ = (uint8_t)rng_next(user);
	}
	return 0;
}

struct link {
	unsigned loss, dup;	/* per mille */
	unsigned delay, jitter;	/* ms */
	int blackhole;
};

struct pkt {
	uint64_t at, order;
	int to;		/* 0 = client, 1 = server */
	size_t len;
	uint8_t *data;	/* owned; encoded instruction */
};

/* One record per instruction sent. */
struct sent_rec {
	uint64_t time, old_num, new_num, ack_num, thr;
	size_t diff_len;
};

struct side {
	struct ssp e;
	struct sent_rec log[MAX_LOG];
	size_t nlog;
};

struct sim {
	uint64_t now, rng, order;
	struct side c, s;
	struct link up, down;	/* up: client -> server */
	struct pkt *q;
	size_t nq, capq;
	struct net_us *typed;	/* everything the client app pushed */
	struct net_us *consumed;	/* everything the server app took */
	uint64_t echo_num, echo_at;	/* server app's pending echo ack */
	size_t screen_pos;
	unsigned timeout, interval;
	int server_app;		/* server echoes keystrokes to its screen */
};

static struct sim *
sim_new(uint64_t seed)
{
	struct sim *m = calloc(1, sizeof(*m));
	struct ssp_config cc = { 0 }, sc = { 0 };

	m->now = T0;
	m->rng = seed ? seed : 1;
	cc.local_ops = &net_us_ops;
	cc.remote_ops = &toy_ops;
	cc.local = net_us_new();
	cc.remote = toy_new();	/* the client's first idea of the screen */
	cc.send_mindelay = SSP_MINDELAY_CLIENT;
	cc.remote_known = 1;
	cc.random = fake_random;
	cc.random_user = &m->rng;
	cc.now = m->now;
	sc = cc;
	sc.local_ops = &toy_ops;
	sc.remote_ops = &net_us_ops;
	sc.local = toy_new();
	sc.remote = net_us_new();
	sc.send_mindelay = SSP_MINDELAY_SERVER;
	sc.remote_known = 0;
	CHECK_INT(0, ssp_init(&m->c.e, &cc));
	CHECK_INT(0, ssp_init(&m->s.e, &sc));
	m->typed = net_us_new();
	m->consumed = net_us_new();
	m->timeout = 1000;
	m->interval = 250;
	m->server_app = 1;
	return m;
}

static void
sim_free(struct sim *m)
{
	size_t i;

	for (i = 0; i < m->nq; i++) {
		free(m->q[i].data);
	}
	free(m->q);
	ssp_fini(&m->c.e);
	ssp_fini(&m->s.e);
	net_us_free(m->typed);
	net_us_free(m->consumed);
	free(m);
}

static void
sim_rtt(struct sim *m, unsigned timeout, unsigned interval)
{
	m->timeout = timeout;
	m->interval = interval;
	ssp_set_rtt(&m->c.e, timeout, interval);
	ssp_set_rtt(&m->s.e, timeout, interval);
}

static void
enqueue(struct sim *m, int to, const uint8_t *p, size_t n)
{
	struct link *l = to ? &m->up : &m->down;
	struct pkt *k;

	if (l->blackhole || chance(&m->rng, l->loss)) {
		return;
	}
	if (m->nq == m->capq) {
		m->capq = m->capq ? m->capq * 2 : 64;
		m->q = realloc(m->q, m->capq * sizeof(*m->q));
	}
	k = &m->q[m->nq++];
	k->at = m->now + l->delay +
	    (l->jitter ? rng_next(&m->rng) % (l->jitter + 1) : 0);
	k->order = m->order++;
	k->to = to;
	k->len = n;
	k->data = malloc(n ? n : 1);
	memcpy(k->data, p, n);
}

/* Encodes, logs and puts one instruction on the wire. */
static void
transmit(struct sim *m, struct side *from, const struct net_instruction *ins)
{
	struct core_buf b;
	struct link *l = from == &m->c ? &m->up : &m->down;
	int to = from == &m->c;

	core_buf_init(&b, 1 << 24);
	CHECK_INT(0, net_pb_instruction_encode(ins, &b));
	if (from->nlog < MAX_LOG) {
		from->log[from->nlog++] = (struct sent_rec){ m->now,
		    ins->old_num, ins->new_num, ins->ack_num,
		    ins->throwaway_num, ins->diff_len };
	}
	enqueue(m, to, b.p, b.len);
	if (!l->blackhole && chance(&m->rng, l->dup)) {
		enqueue(m, to, b.p, b.len);
	}
	core_buf_fini(&b);
}

static void
deliver(struct sim *m)
{
	size_t i, best;
	struct net_instruction ins;
	struct pkt k;

	for (;;) {
		best = m->nq;
		for (i = 0; i < m->nq; i++) {
			if (m->q[i].at <= m->now && (best == m->nq ||
			    m->q[i].at < m->q[best].at ||
			    (m->q[i].at == m->q[best].at &&
			    m->q[i].order < m->q[best].order))) {
				best = i;
			}
		}
		if (best == m->nq) {
			return;
		}
		k = m->q[best];
		m->q[best] = m->q[--m->nq];
		CHECK_INT(0, net_pb_instruction_decode(&ins, k.data, k.len));
		if (k.to) {
			ssp_set_remote_known(&m->s.e, 1);
			CHECK_INT(0, ssp_recv(&m->s.e, &ins, m->now));
		} else {
			CHECK_INT(0, ssp_recv(&m->c.e, &ins, m->now));
		}
		free(k.data);
	}
}

/* The server application: consume user events, echo them, echo-ack. */
static void
server_app(struct sim *m)
{
	struct core_buf d;
	struct net_pb_msg_iter it;
	struct net_msg_item item;
	struct toy *scr = ssp_current(&m->s.e);
	size_t i;
	int r;

	if (ssp_shutdown_in_progress(&m->s.e)) {
		return;
	}
	core_buf_init(&d, 1 << 24);
	CHECK_INT(0, ssp_take_diff(&m->s.e, &d));
	net_pb_msg_iter_init(&it, d.p, d.len);
	while ((r = net_pb_msg_next(&it, &item)) == 1) {
		if (item.kind == NET_MSG_BYTES) {
			net_us_push_bytes(m->consumed, item.bytes, item.len);
			for (i = 0; i < item.len && m->server_app; i++) {
				scr->cell[m->screen_pos++ % TOY_CELLS] =
				    item.bytes[i];
			}
		} else if (item.kind == NET_MSG_RESIZE) {
			net_us_push_resize(m->consumed, item.width, item.height);
		}
	}
	CHECK_INT(0, r);
	if (d.len > 0 && m->server_app) {
		m->echo_num = ssp_remote_num(&m->s.e);
		m->echo_at = m->now + 50;
	}
	if (m->echo_at != 0 && m->now >= m->echo_at) {
		scr->echo = m->echo_num;
		m->echo_at = 0;
	}
	core_buf_fini(&d);
}

static void
side_tick(struct sim *m, struct side *sd)
{
	struct net_instruction ins;
	int r;

	if (ssp_next_deadline(&sd->e, m->now) <= m->now) {
		r = ssp_tick(&sd->e, m->now, &ins);
		CHECK(r >= 0);
		if (r == 1) {
			transmit(m, sd, &ins);
		}
	}
}

static uint64_t
next_event(struct sim *m)
{
	uint64_t t = ssp_next_deadline(&m->c.e, m->now);
	size_t i;

	if (ssp_next_deadline(&m->s.e, m->now) < t) {
		t = ssp_next_deadline(&m->s.e, m->now);
	}
	for (i = 0; i < m->nq; i++) {
		if (m->q[i].at < t) {
			t = m->q[i].at;
		}
	}
	if (m->echo_at != 0 && m->echo_at < t) {
		t = m->echo_at;
	}
	return t <= m->now ? m->now + 1 : t;
}

/* Runs the event loop of both ends until `until` (exclusive). */
static void
sim_run(struct sim *m, uint64_t until)
{
	uint64_t t;

	while (m->now < until) {
		deliver(m);
		server_app(m);
		side_tick(m, &m->c);
		side_tick(m, &m->s);
		t = next_event(m);
		m->now = t < until ? t : until;
	}
}

static void
type_bytes(struct sim *m, const char *s)
{
	size_t n = strlen(s);

	CHECK_INT(0, net_us_push_bytes(ssp_current(&m->c.e),
	    (const uint8_t *)s, n));
	CHECK_INT(0, net_us_push_bytes(m->typed, (const uint8_t *)s, n));
}

static void
type_resize(struct sim *m, int w, int h)
{
	CHECK_INT(0, net_us_push_resize(ssp_current(&m->c.e), w, h));
	CHECK_INT(0, net_us_push_resize(m->typed, w, h));
}

static void
check_converged(struct sim *m)
{
	CHECK(net_us_ops.equal(NULL, m->typed, m->consumed));
	CHECK(toy_equal(NULL, ssp_remote(&m->c.e), ssp_current(&m->s.e)));
	CHECK_INT(net_us_event_count(m->typed),
	    net_us_event_count(m->consumed));
}

/* A session: resize, a minute of typing and resizing, then quiet. */
static void
converge(unsigned loss, unsigned seed)
{
	struct sim *m = sim_new(seed);
	char key[2] = { 0, 0 };
	int i;

	m->up = (struct link){ loss, 50, 30, 40, 0 };
	m->down = m->up;
	sim_rtt(m, 200, 45);
	type_resize(m, 80, 24);
	for (i = 0; i < 400; i++) {
		sim_run(m, m->now + 1 + rng_next(&m->rng) % 150);
		key[0] = (char)('a' + i % 26);
		type_bytes(m, key);
		if (i % 97 == 0) {
			type_resize(m, 80 + i % 7, 24 + i % 5);
		}
		if (i % 50 == 0) {
			type_bytes(m, "burst of several bytes\r");
		}
	}
	sim_run(m, m->now + 120000);
	check_converged(m);
	CHECK(ssp_sent_count(&m->c.e) <= SSP_SENT_MAX);
	CHECK(ssp_recv_count(&m->s.e) <= SSP_RECV_MAX);
	/* The acked user events were cut off the client's stored states. */
	CHECK(net_us_event_count(ssp_current(&m->c.e)) == 0);
	sim_free(m);
}

static void
converge_no_loss(void)
{
	converge(0, 7);
}

static void
converge_loss_30(void)
{
	converge(300, 11);
	converge(300, 12345);
}

static void
converge_loss_50(void)
{
	converge(500, 99);
	converge(500, 4242);
}

/* An idle pair sends one empty ack each way every 3000 ms. */
static void
heartbeat(void)
{
	struct sim *m = sim_new(3);
	size_t i, c0, s0, n;
	uint64_t start;

	m->up = (struct link){ 0, 0, 5, 0, 0 };
	m->down = m->up;
	type_resize(m, 80, 24);
	sim_run(m, m->now + 5000);
	start = m->now;
	c0 = m->c.nlog;
	s0 = m->s.nlog;
	sim_run(m, m->now + 60000);
	n = 0;
	for (i = c0 + 1; i < m->c.nlog; i++, n++) {
		CHECK_U64(3000, m->c.log[i].time - m->c.log[i - 1].time);
		CHECK_INT(0, m->c.log[i].diff_len);
		CHECK_U64(m->c.log[i - 1].new_num + 1, m->c.log[i].new_num);
	}
	CHECK_INT(19, n);
	n = 0;
	for (i = s0 + 1; i < m->s.nlog; i++, n++) {
		CHECK_U64(3000, m->s.log[i].time - m->s.log[i - 1].time);
		CHECK_INT(0, m->s.log[i].diff_len);
	}
	CHECK_INT(19, n);
	CHECK(m->c.log[c0].time >= start && m->s.log[s0].time >= start);
	sim_free(m);
}

/* Index of the first log entry at or after t. */
static size_t
log_from(const struct side *sd, uint64_t t)
{
	size_t i;

	for (i = 0; i < sd->nlog && sd->log[i].time < t; i++) {
	}
	return i;
}

/* PROTOCOL 7.6 / 7.5 consequences: one keystroke on a 2 ms LAN. */
static void
keystroke_trace(void)
{
	struct sim *m = sim_new(5);
	uint64_t t0;
	size_t c, s;
	const struct sent_rec *echo, *eack, *ack;

	m->up = (struct link){ 0, 0, 1, 0, 0 };
	m->down = m->up;
	sim_rtt(m, 50, 20);
	type_resize(m, 80, 24);
	sim_run(m, m->now + 10000);
	t0 = m->now + 7;
	sim_run(m, t0);
	c = m->c.nlog;
	s = m->s.nlog;
	type_bytes(m, "e");
	sim_run(m, t0 + 400);
	/* The client sends within 1 ms (SEND_MINDELAY 1). */
	CHECK(m->c.nlog > c);
	CHECK(m->c.log[c].time - t0 <= 1);
	CHECK(m->c.log[c].diff_len > 0);
	/* Arrives 1 ms later; the server echoes 8 ms after that. */
	CHECK(m->s.nlog >= s + 2);
	echo = &m->s.log[s];
	CHECK_U64(m->c.log[c].time + 1 + SSP_MINDELAY_SERVER, echo->time);
	CHECK_U64(m->c.log[c].new_num, echo->ack_num);
	CHECK(echo->diff_len > 0);
	/* The echo-ack frame 50 ms later, again from the acked state. */
	eack = &m->s.log[s + 1];
	CHECK_U64(echo->time - SSP_MINDELAY_SERVER + 50 + SSP_MINDELAY_SERVER,
	    eack->time);
	CHECK_U64(echo->old_num, eack->old_num);
	CHECK_U64(echo->new_num + 1, eack->new_num);
	CHECK(eack->diff_len > echo->diff_len);
	/* The client acks server data within ACK_DELAY with an empty ack. */
	c = log_from(&m->c, echo->time + 1);
	CHECK(c < m->c.nlog);
	ack = &m->c.log[c];
	CHECK(ack->ack_num >= echo->new_num);
	CHECK_INT(0, ack->diff_len);
	CHECK(ack->time <= echo->time + 1 + SSP_ACK_DELAY);
	c = log_from(&m->c, eack->time + 1);
	CHECK(c < m->c.nlog);
	CHECK_U64(eack->new_num, m->c.log[c].ack_num);
	CHECK(m->c.log[c].time <= eack->time + 1 + SSP_ACK_DELAY);
	check_converged(m);
	sim_free(m);
}

/*
 * Outage: both directions black-holed while a keystroke is pending.  The
 * client resends every frame interval until 10 s after it last heard the
 * server, then only on the 3 s ack timer; the link returns and it heals.
 */
static void
outage(void)
{
	struct sim *m = sim_new(8);
	uint64_t t0, heard, want;
	size_t c, i, fast = 0, slow = 0;

	m->up = (struct link){ 0, 0, 1, 0, 0 };
	m->down = m->up;
	sim_rtt(m, 50, 20);
	type_resize(m, 80, 24);
	sim_run(m, m->now + 10000);
	heard = ssp_last_heard(&m->c.e);
	m->up.blackhole = m->down.blackhole = 1;
	t0 = m->now;
	c = m->c.nlog;
	type_bytes(m, "x");
	sim_run(m, t0 + 30000);
	for (i = c + 1; i < m->c.nlog; i++) {
		uint64_t gap = m->c.log[i].time - m->c.log[i - 1].time;

		if (m->c.log[i].time < heard + SSP_ACTIVE_RETRY_TIMEOUT) {
			/* fast: at most one frame interval (a heartbeat or
			 * the stale-assumption wait can stretch the start) */
			if (m->c.log[i].time > t0 + 200) {
				CHECK_U64(20, gap);
				fast++;
			}
		} else if (m->c.log[i - 1].time >=
		    heard + SSP_ACTIVE_RETRY_TIMEOUT) {
			CHECK_U64(SSP_ACK_INTERVAL, gap);
			slow++;
		}
		CHECK(m->c.log[i].diff_len > 0);
	}
	/* Every 20 ms of the active window, then (30 - 10) / 3 s. */
	want = (heard + SSP_ACTIVE_RETRY_TIMEOUT - (t0 + 200)) / 20;
	CHECK(fast + 2 >= want && fast <= want + 2);
	CHECK(want > 300);
	CHECK(slow >= 5 && slow <= 7);
	m->up.blackhole = m->down.blackhole = 0;
	t0 = m->now;
	sim_run(m, t0 + 4000);
	check_converged(m);
	sim_free(m);
}

/*
 * The same outage with no state between the acked and the newest one:
 * each resend refreshes the newest state, which then counts as arrived
 * for timeout + ACK_DELAY, so stock's algorithm resends at that pace.
 */
static void
outage_no_middle(void)
{
	struct sim *m = sim_new(9);
	size_t c, i;

	m->up = (struct link){ 0, 0, 1, 0, 0 };
	m->down = m->up;
	sim_rtt(m, 50, 20);
	m->server_app = 0;	/* server only acks: the client never acks */
	type_resize(m, 80, 24);
	sim_run(m, m->now + 4000);
	type_bytes(m, "k");
	sim_run(m, m->now + 500);
	CHECK_INT(1, ssp_sent_count(&m->c.e));	/* only the acked "k" */
	m->up.blackhole = m->down.blackhole = 1;
	c = m->c.nlog;
	type_bytes(m, "x");
	sim_run(m, m->now + 2000);
	CHECK(m->c.nlog >= c + 10);
	for (i = c + 1; i < m->c.nlog; i++) {
		CHECK_U64(50 + SSP_ACK_DELAY,
		    m->c.log[i].time - m->c.log[i - 1].time);
		CHECK_U64(m->c.log[c].new_num, m->c.log[i].new_num);
	}
	sim_free(m);
}

/* Runs until both ends are done with the handshake; returns the time. */
static void
shutdown_run(struct sim *m, struct side *init, struct side *peer)
{
	uint64_t start = m->now, done_i = 0, done_p = 0;

	ssp_start_shutdown(&init->e, m->now);
	while (m->now < start + 20000 && (!done_i || !done_p)) {
		sim_run(m, m->now + 1);
		if (!done_i && (ssp_shutdown_acked(&init->e) ||
		    ssp_shutdown_expired(&init->e, m->now))) {
			done_i = m->now;
		}
		if (!done_p && ssp_peer_shutdown_acked(&peer->e)) {
			done_p = m->now;
		}
	}
	CHECK(ssp_shutdown_acked(&init->e));
	CHECK(ssp_peer_shutdown(&peer->e));
	CHECK(ssp_peer_shutdown_acked(&peer->e));
	CHECK(!ssp_peer_shutdown(&init->e));
	CHECK(done_i != 0 && done_p != 0);
}

static void
shutdown_client(void)
{
	struct sim *m = sim_new(21);
	size_t c, s;

	m->up = (struct link){ 0, 0, 2, 0, 0 };
	m->down = m->up;
	sim_rtt(m, 50, 20);
	type_resize(m, 80, 24);
	sim_run(m, m->now + 5000);
	c = m->c.nlog;
	s = m->s.nlog;
	shutdown_run(m, &m->c, &m->s);
	/* C->S new=U64_MAX, then S->C ack=U64_MAX with a normal new_num. */
	CHECK_U64(SSP_SHUTDOWN_NUM, m->c.log[c].new_num);
	CHECK_INT(0, m->c.log[c].diff_len);
	CHECK(s < m->s.nlog);
	CHECK_U64(SSP_SHUTDOWN_NUM, m->s.log[s].ack_num);
	CHECK(m->s.log[s].new_num != SSP_SHUTDOWN_NUM);
	CHECK(m->s.log[s].time - m->c.log[c].time <= 2 + 20);
	sim_free(m);
}

static void
shutdown_server_lossy(void)
{
	struct sim *m = sim_new(22);
	size_t s;

	m->up = (struct link){ 300, 50, 20, 20, 0 };
	m->down = m->up;
	sim_rtt(m, 150, 30);
	type_resize(m, 80, 24);
	sim_run(m, m->now + 5000);
	/* The final screen goes out with the shutdown (shell `exit`). */
	((struct toy *)ssp_current(&m->s.e))->cell[5] = 'X';
	s = m->s.nlog;
	shutdown_run(m, &m->s, &m->c);
	CHECK_U64(SSP_SHUTDOWN_NUM, m->s.log[s].new_num);
	CHECK(m->s.log[s].diff_len > 0);
	CHECK_INT('X', ((const struct toy *)ssp_remote(&m->c.e))->cell[5]);
	sim_free(m);
}

/* No peer: shutdown gives up after 16 sends (at the frame interval). */
static void
shutdown_expires(void)
{
	struct sim *m = sim_new(23);
	uint64_t start;

	m->up = (struct link){ 0, 0, 2, 0, 0 };
	m->down = m->up;
	sim_rtt(m, 50, 20);
	type_resize(m, 80, 24);
	sim_run(m, m->now + 5000);
	m->up.blackhole = 1;
	start = m->now;
	ssp_start_shutdown(&m->c.e, m->now);
	while (!ssp_shutdown_expired(&m->c.e, m->now) &&
	    m->now < start + 20000) {
		sim_run(m, m->now + 1);
	}
	CHECK(ssp_shutdown_expired(&m->c.e, m->now));
	CHECK(!ssp_shutdown_acked(&m->c.e));
	CHECK_INT(SSP_SHUTDOWN_RETRIES, m->c.e.shutdown_tries);
	CHECK(m->now - start < 1000);
	sim_free(m);
}

/* A peer that never acks: the sent list stays at 32, the right ones. */
static void
sent_list_capped(void)
{
	struct sim *m = sim_new(31);
	size_t i;
	const struct ssp *e;

	m->up = (struct link){ 0, 0, 2, 0, 1 };
	m->down = m->up;
	sim_rtt(m, 50, 20);
	for (i = 0; i < 500; i++) {
		type_bytes(m, "k");
		sim_run(m, m->now + 30);
		CHECK(ssp_sent_count(&m->c.e) <= SSP_SENT_MAX);
	}
	e = &m->c.e;
	CHECK_INT(SSP_SENT_MAX, ssp_sent_count(e));
	CHECK_U64(0, ssp_acked_num(e));
	/* The front 17 survive; the newest 15 are consecutive. */
	for (i = 0; i < 17; i++) {
		CHECK_U64(i, e->sent[i].num);
	}
	for (i = 18; i < SSP_SENT_MAX; i++) {
		CHECK_U64(e->sent[i - 1].num + 1, e->sent[i].num);
	}
	CHECK(ssp_sent_num(e) > 400);
	sim_free(m);
}

/* The received queue: 1024, then one per 15 s, never past 2048. */
static void
recv_queue_capped(void)
{
	struct ssp e;
	struct ssp_config cfg = { 0 };
	struct net_instruction ins = { 0 };
	uint64_t now = T0, i;
	uint8_t d[3] = { 1, 0, 0 };

	cfg.local_ops = &toy_ops;
	cfg.remote_ops = &toy_ops;
	cfg.local = toy_new();
	cfg.remote = toy_new();
	cfg.now = now;
	CHECK_INT(0, ssp_init(&e, &cfg));
	ins.protocol_version = 2;
	ins.diff = d;
	ins.diff_len = 3;
	for (i = 1; i <= 3000; i++) {
		ins.new_num = i;
		d[2] = (uint8_t)i;
		CHECK_INT(0, ssp_recv(&e, &ins, now));
	}
	/* #0, 1..1024, and one admitted past the limit: then quenched. */
	CHECK_INT(SSP_RECV_MAX + 2, ssp_recv_count(&e));
	CHECK_U64(SSP_RECV_MAX + 1, ssp_remote_num(&e));
	for (i = 3001; i <= 6000; i++) {
		ins.new_num = i;
		now += 15000;
		CHECK_INT(0, ssp_recv(&e, &ins, now));
		CHECK(ssp_recv_count(&e) <= SSP_RECV_HARD_MAX);
	}
	CHECK_INT(SSP_RECV_HARD_MAX, ssp_recv_count(&e));
	CHECK(ssp_stats(&e)->recv_quench > 0);
	/* throwaway still frees everything older. */
	ins.new_num = 7000;
	ins.old_num = ssp_remote_num(&e);
	ins.throwaway_num = ins.old_num;
	ins.diff_len = 0;
	CHECK_INT(0, ssp_recv(&e, &ins, now));
	CHECK_INT(2, ssp_recv_count(&e));
	ssp_fini(&e);
}

/* 7.4: duplicates are idempotent, unknown references ignored, version. */
static void
receiver_rules(void)
{
	struct ssp e;
	struct ssp_config cfg = { 0 };
	struct net_instruction ins = { 0 };
	uint8_t d1[3] = { 1, 3, 'a' }, d2[3] = { 1, 3, 'b' }, bad[2] = { 9, 9 };

	cfg.local_ops = &toy_ops;
	cfg.remote_ops = &toy_ops;
	cfg.local = toy_new();
	cfg.remote = toy_new();
	cfg.now = T0;
	CHECK_INT(0, ssp_init(&e, &cfg));
	ins.protocol_version = 3;
	CHECK_INT(CORE_E_VERSION, ssp_recv(&e, &ins, T0));
	ins.protocol_version = 2;
	ins.new_num = 2;
	ins.diff = d1;
	ins.diff_len = 3;
	CHECK_INT(0, ssp_recv(&e, &ins, T0 + 1));
	CHECK_U64(2, ssp_remote_num(&e));
	CHECK_U64(T0 + 1, ssp_last_heard(&e));
	/* The same num again with other content changes nothing. */
	ins.diff = d2;
	CHECK_INT(0, ssp_recv(&e, &ins, T0 + 2));
	CHECK_INT('a', ((const struct toy *)ssp_remote(&e))->cell[3]);
	CHECK_U64(1, ssp_stats(&e)->recv_dup);
	/* An older state arriving late is stored but is not the newest. */
	ins.new_num = 1;
	CHECK_INT(0, ssp_recv(&e, &ins, T0 + 3));
	CHECK_U64(2, ssp_remote_num(&e));
	CHECK_U64(T0 + 1, ssp_last_heard(&e));
	/* Unknown reference: ignored. */
	ins.old_num = 77;
	ins.new_num = 80;
	CHECK_INT(0, ssp_recv(&e, &ins, T0 + 4));
	CHECK_U64(1, ssp_stats(&e)->recv_noref);
	/* A diff that does not apply is dropped whole. */
	ins.old_num = 2;
	ins.diff = bad;
	ins.diff_len = 2;
	CHECK_INT(CORE_E_BADMSG, ssp_recv(&e, &ins, T0 + 5));
	CHECK_U64(2, ssp_remote_num(&e));
	CHECK_INT(3, ssp_recv_count(&e));
	/* Throwaway beyond everything keeps the newest. */
	ins.diff_len = 0;
	ins.new_num = 3;
	ins.throwaway_num = 1000;
	CHECK_INT(0, ssp_recv(&e, &ins, T0 + 6));
	CHECK_INT(2, ssp_recv_count(&e));
	CHECK_U64(3, ssp_remote_num(&e));
	ssp_fini(&e);
}

/* A server learns its peer from the first datagram: silent until then. */
static void
server_waits_for_peer(void)
{
	struct sim *m = sim_new(41);
	struct net_instruction ins;

	CHECK_U64(SSP_NEVER, ssp_next_deadline(&m->s.e, m->now));
	CHECK_INT(0, ssp_tick(&m->s.e, m->now + 5000, &ins));
	sim_free(m);
}

/* Random instructions into recv, interleaved with ticks: no crash. */
static void
random_input(void)
{
	struct sim *m = sim_new(77);
	struct net_instruction ins;
	uint8_t buf[64];
	size_t i, j;
	int r;

	for (i = 0; i < 20000; i++) {
		memset(&ins, 0, sizeof(ins));
		ins.protocol_version = rng_next(&m->rng) % 8 ? 2 : 1;
		ins.old_num = rng_next(&m->rng) % 40;
		ins.new_num = rng_next(&m->rng) % 64 == 0 ? UINT64_MAX :
		    rng_next(&m->rng) % 60;
		ins.ack_num = rng_next(&m->rng) % 40;
		ins.throwaway_num = rng_next(&m->rng) % 30;
		ins.diff_len = rng_next(&m->rng) % sizeof(buf);
		for (j = 0; j < ins.diff_len; j++) {
			buf[j] = (uint8_t)(rng_next(&m->rng) % 4 ?
			    rng_next(&m->rng) % 3 : rng_next(&m->rng));
		}
		ins.diff = buf;
		m->now += rng_next(&m->rng) % 50;
		r = ssp_recv(&m->s.e, &ins, m->now);
		CHECK(r == 0 || r == CORE_E_VERSION || r == CORE_E_TRUNC ||
		    r == CORE_E_BADMSG);
		r = ssp_recv(&m->c.e, &ins, m->now);
		CHECK(r == 0 || r == CORE_E_VERSION || r == CORE_E_TRUNC ||
		    r == CORE_E_BADMSG || r == CORE_E_LIMIT);
		if (i % 7 == 0) {
			type_bytes(m, "z");
		}
		ssp_set_remote_known(&m->s.e, 1);
		if (ssp_next_deadline(&m->c.e, m->now) <= m->now) {
			CHECK(ssp_tick(&m->c.e, m->now, &ins) >= 0);
		}
		if (ssp_next_deadline(&m->s.e, m->now) <= m->now) {
			CHECK(ssp_tick(&m->s.e, m->now, &ins) >= 0);
		}
		server_app(m);
		CHECK(ssp_sent_count(&m->c.e) <= SSP_SENT_MAX);
		CHECK(ssp_recv_count(&m->s.e) <= 64);
	}
	sim_free(m);
}

/*
 * The resend optimisation (7.5 tick step 2): while the newest state is
 * still assumed to be in flight, a small diff is sent from the acked state
 * instead (so a lost frame costs nothing); a big one is not.
 */
static void
prospective_resend(void)
{
	struct sim *m = sim_new(51);
	const struct sent_rec *a, *b;
	static char big[2001];
	size_t c;

	m->up = (struct link){ 0, 0, 100, 0, 0 };
	m->down = m->up;
	sim_rtt(m, 1000, 100);
	type_resize(m, 80, 24);
	sim_run(m, m->now + 9000);
	m->server_app = 0;	/* no echo: the client only hears acks */
	type_bytes(m, "x");
	sim_run(m, m->now + 400);
	c = m->c.nlog;
	type_bytes(m, "a");
	sim_run(m, m->now + 30);
	type_bytes(m, "b");
	sim_run(m, m->now + 150);
	CHECK(m->c.nlog >= c + 2);
	a = &m->c.log[c];
	b = &m->c.log[c + 1];
	CHECK_U64(a->new_num + 1, b->new_num);
	CHECK_U64(a->old_num, b->old_num);
	CHECK_INT(a->diff_len + 1, b->diff_len);	/* "ab" vs "a" */
	type_bytes(m, "y");
	sim_run(m, m->now + 400);
	memset(big, 'q', sizeof(big) - 1);
	c = m->c.nlog;
	type_bytes(m, big);
	sim_run(m, m->now + 30);
	type_bytes(m, "b");
	sim_run(m, m->now + 150);
	CHECK(m->c.nlog >= c + 2);
	a = &m->c.log[c];
	b = &m->c.log[c + 1];
	CHECK_U64(a->new_num, b->old_num);
	CHECK(b->diff_len < 20);
	sim_run(m, m->now + 5000);
	check_converged(m);
	sim_free(m);
}

/* 7.2: the first datagram is old=0 new=1 ack=0 thr=0 with the resize. */
static void
startup(void)
{
	struct sim *m = sim_new(62);

	m->up = (struct link){ 0, 0, 3, 0, 0 };
	m->down = m->up;
	type_resize(m, 80, 24);
	sim_run(m, m->now + 1000);
	CHECK(m->c.nlog > 0 && m->s.nlog > 0);
	CHECK_U64(T0, m->c.log[0].time);
	CHECK_U64(0, m->c.log[0].old_num);
	CHECK_U64(1, m->c.log[0].new_num);
	CHECK_U64(0, m->c.log[0].ack_num);
	CHECK_U64(0, m->c.log[0].thr);
	CHECK_INT(8, m->c.log[0].diff_len);	/* 0a 06 1a 04 28 50 30 18 */
	/* The server answers as soon as it knows its peer: it acks #1. */
	CHECK_U64(T0 + 3, m->s.log[0].time);
	CHECK_U64(1, m->s.log[0].ack_num);
	CHECK_U64(1, m->s.log[0].new_num);
	CHECK_INT(0, m->s.log[0].diff_len);
	check_converged(m);
	sim_free(m);
}

/* PROTOCOL 3.5: timeout and frame interval from SRTT/RTTVAR, clamped. */
static void
rtt_figures(void)
{
	struct sim *m = sim_new(61);

	CHECK_INT(1000, m->c.e.timeout);	/* no sample: SRTT 1000 */
	CHECK_INT(250, m->c.e.interval);
	ssp_set_rtt_estimate(&m->c.e, 1000, 500);
	CHECK_INT(1000, m->c.e.timeout);
	CHECK_INT(250, m->c.e.interval);
	ssp_set_rtt_estimate(&m->c.e, 100.2, 10);
	CHECK_INT(141, m->c.e.timeout);
	CHECK_INT(51, m->c.e.interval);
	ssp_set_rtt_estimate(&m->c.e, 2, 0.5);
	CHECK_INT(50, m->c.e.timeout);
	CHECK_INT(20, m->c.e.interval);
	ssp_set_rtt_estimate(&m->c.e, 80, 0);
	CHECK_INT(80, m->c.e.timeout);
	CHECK_INT(40, m->c.e.interval);
	sim_free(m);
}

static const struct test tests[] = {
	T(converge_no_loss),
	T(converge_loss_30),
	T(converge_loss_50),
	T(heartbeat),
	T(keystroke_trace),
	T(outage),
	T(outage_no_middle),
	T(shutdown_client),
	T(shutdown_server_lossy),
	T(shutdown_expires),
	T(sent_list_capped),
	T(recv_queue_capped),
	T(receiver_rules),
	T(server_waits_for_peer),
	T(random_input),
	T(prospective_resend),
	T(rtt_figures),
	T(startup),
};

TEST_MAIN(tests)
