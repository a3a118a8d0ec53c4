/*
 * net/ssp.c - the SSP engine: sender timers and state numbering, receiver
 * queue, ack/throwaway bookkeeping and the shutdown handshake, following
 * PROTOCOL.md 7.4 to 7.7 step by step.
 *
 * The sent list is a fixed array (32 + 1 while adding); the received list
 * is a sorted array grown up to SSP_RECV_HARD_MAX.  States are touched only
 * through the ops table.  Indexes, not pointers, refer into the lists, so
 * erasing entries cannot leave a dangling reference.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "net/ssp.h"

static uint64_t
umin(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static uint64_t
umax(uint64_t a, uint64_t b)
{
	return a > b ? a : b;
}

/* a + b without wrapping past SSP_NEVER. */
static uint64_t
uadd(uint64_t a, uint64_t b)
{
	return a > SSP_NEVER - b ? SSP_NEVER : a + b;
}

static void
free_state(struct ssp *s, void *state)
{
	if (state != NULL) {
		s->lops->free(s->luser, state);
	}
}

static size_t
remote_size(struct ssp *s, const void *state)
{
	return s->rops->size != NULL ? s->rops->size(s->ruser, state) : 0;
}

/* Frees a stored received state, keeping the byte total right. */
static void
drop_stored(struct ssp *s, void *state)
{
	size_t n = remote_size(s, state);

	s->recv_bytes -= n < s->recv_bytes ? n : s->recv_bytes;
	s->rops->free(s->ruser, state);
}

static void
free_remote(struct ssp *s, void *state)
{
	if (state != NULL) {
		s->rops->free(s->ruser, state);
	}
}

int
ssp_init(struct ssp *s, const struct ssp_config *cfg)
{
	void *first;

	memset(s, 0, sizeof(*s));
	s->lops = cfg->local_ops;
	s->luser = cfg->local_user;
	s->rops = cfg->remote_ops;
	s->ruser = cfg->remote_user;
	if (s->lops == NULL || s->rops == NULL || cfg->local == NULL ||
	    cfg->remote == NULL) {
		if (s->lops != NULL) {
			free_state(s, cfg->local);
		}
		if (s->rops != NULL) {
			free_remote(s, cfg->remote);
		}
		s->lops = NULL;
		s->rops = NULL;
		return CORE_E_INVAL;
	}
	s->current = cfg->local;
	s->recv = calloc(16, sizeof(*s->recv));
	first = s->lops->copy(s->luser, cfg->local);
	s->taken = s->rops->copy(s->ruser, cfg->remote);
	if (s->recv == NULL || first == NULL || s->taken == NULL) {
		free_state(s, first);
		free_remote(s, cfg->remote);
		ssp_fini(s);
		return CORE_E_NOMEM;
	}
	s->recv_cap = 16;
	s->recv[0] = (struct ssp_timed){ 0, cfg->now, cfg->remote };
	s->nrecv = 1;
	s->recv_bytes = remote_size(s, cfg->remote);
	s->sent[0] = (struct ssp_timed){ 0, cfg->now, first };
	s->nsent = 1;
	s->assumed = 0;
	s->next_ack_time = cfg->now;
	s->next_send_time = SSP_NEVER;
	s->mindelay_clock = SSP_NEVER;
	s->send_mindelay = cfg->send_mindelay;
	s->timeout = 1000;
	s->interval = SSP_SEND_INTERVAL_MAX;
	s->remote_known = cfg->remote_known;
	s->retry_backoff = cfg->retry_backoff;
	s->random = cfg->random;
	s->random_user = cfg->random_user;
	core_buf_init(&s->d1, SSP_DIFF_MAX);
	core_buf_init(&s->d2, SSP_DIFF_MAX);
	return 0;
}

void
ssp_fini(struct ssp *s)
{
	size_t i;

	if (s->lops != NULL && s->rops != NULL) {
		for (i = 0; i < s->nsent; i++) {
			free_state(s, s->sent[i].state);
		}
		for (i = 0; i < s->nrecv; i++) {
			free_remote(s, s->recv[i].state);
		}
		free_state(s, s->current);
		free_remote(s, s->taken);
	}
	free(s->recv);
	core_buf_fini(&s->d1);
	core_buf_fini(&s->d2);
	memset(s, 0, sizeof(*s));
}

void *
ssp_current(struct ssp *s)
{
	return s->current;
}

void
ssp_set_rtt(struct ssp *s, unsigned timeout_ms, unsigned interval_ms)
{
	s->timeout = timeout_ms < 50 ? 50 : timeout_ms > 1000 ? 1000 :
	    timeout_ms;
	s->interval = interval_ms < SSP_SEND_INTERVAL_MIN ?
	    SSP_SEND_INTERVAL_MIN : interval_ms > SSP_SEND_INTERVAL_MAX ?
	    SSP_SEND_INTERVAL_MAX : interval_ms;
}

/* ceil() for the small non-negative values here, without libm. */
static unsigned
ceil_ms(double x)
{
	unsigned u;

	if (!(x > 0)) {
		return 0;
	}
	if (x > 1e9) {
		return 1000000000u;
	}
	u = (unsigned)x;
	return (double)u < x ? u + 1 : u;
}

void
ssp_set_rtt_estimate(struct ssp *s, double srtt, double rttvar)
{
	ssp_set_rtt(s, ceil_ms(srtt + 4 * rttvar), ceil_ms(srtt / 2));
}

void
ssp_set_remote_known(struct ssp *s, int known)
{
	s->remote_known = known != 0;
}

/* --- sender ------------------------------------------------------------- */

/* Cuts the acknowledged front off every sender-side state (PROTOCOL 7.2). */
static void
rebase_sent(struct ssp *s)
{
	size_t i;
	void *front = s->sent[0].state;

	if (s->lops->subtract == NULL) {
		return;
	}
	for (i = 1; i < s->nsent; i++) {
		s->lops->subtract(s->luser, s->sent[i].state, front);
	}
	s->lops->subtract(s->luser, s->current, front);
	s->lops->subtract(s->luser, front, front);
}

/* 7.4 step 2: an ack of a state we still hold drops everything older. */
static void
process_ack(struct ssp *s, uint64_t ack)
{
	size_t i, k;

	for (k = 0; k < s->nsent && s->sent[k].num != ack; k++) {
	}
	if (k == s->nsent || k == 0) {
		return;
	}
	for (i = 0; i < k; i++) {
		free_state(s, s->sent[i].state);
	}
	memmove(s->sent, s->sent + k, (s->nsent - k) * sizeof(s->sent[0]));
	s->nsent -= k;
	s->assumed = s->assumed >= k ? s->assumed - k : 0;
	rebase_sent(s);
}

/*
 * Appends a sent state (taking ownership).  Past the cap the 16th entry
 * from the back goes: the front (acked) and the recent tail survive.
 */
static void
add_sent(struct ssp *s, uint64_t now, uint64_t num, void *state)
{
	size_t victim;

	s->sent[s->nsent++] = (struct ssp_timed){ num, now, state };
	if (s->nsent <= SSP_SENT_MAX) {
		return;
	}
	victim = s->nsent - 16;
	free_state(s, s->sent[victim].state);
	memmove(s->sent + victim, s->sent + victim + 1,
	    (s->nsent - victim - 1) * sizeof(s->sent[0]));
	s->nsent--;
	if (s->assumed > victim) {
		s->assumed--;
	} else if (s->assumed == victim) {
		s->assumed = victim - 1;
	}
}

/* The newest sent state the peer probably has (7.5, "assumed"). */
static void
update_assumed(struct ssp *s, uint64_t now)
{
	size_t i;
	uint64_t fresh = (uint64_t)s->timeout + SSP_ACK_DELAY;

	s->assumed = 0;
	for (i = 1; i < s->nsent; i++) {
		if (s->sent[i].time <= now && now - s->sent[i].time >= fresh) {
			return;
		}
		s->assumed = i;
	}
}

static int
equal(struct ssp *s, const void *a, const void *b)
{
	return a == b || s->lops->equal(s->luser, a, b);
}

/* The fast-retransmit spacing: the frame interval, or with retry_backoff
 * an eighth of the time the peer has been silent, up to 1 s. */
static uint64_t
retry_gap(const struct ssp *s, uint64_t now)
{
	uint64_t quiet;

	if (!s->retry_backoff || now <= s->last_heard) {
		return s->interval;
	}
	quiet = (now - s->last_heard) / 8;
	if (quiet > SSP_RETRY_GAP_MAX) {
		quiet = SSP_RETRY_GAP_MAX;
	}
	return quiet > s->interval ? quiet : s->interval;
}

static void
calc_timers(struct ssp *s, uint64_t now)
{
	const struct ssp_timed *last = &s->sent[s->nsent - 1];
	int active = uadd(s->last_heard, SSP_ACTIVE_RETRY_TIMEOUT) > now;

	update_assumed(s, now);
	if (s->pending_data_ack && s->next_ack_time > now + SSP_ACK_DELAY) {
		s->next_ack_time = now + SSP_ACK_DELAY;
	}
	if (!equal(s, s->current, last->state)) {
		if (s->mindelay_clock == SSP_NEVER) {
			s->mindelay_clock = now;
		}
		s->next_send_time = umax(s->mindelay_clock + s->send_mindelay,
		    last->time + s->interval);
	} else if (active &&
	    !equal(s, s->current, s->sent[s->assumed].state)) {
		s->next_send_time = last->time + retry_gap(s, now);
		if (s->mindelay_clock != SSP_NEVER) {
			s->next_send_time = umax(s->next_send_time,
			    s->mindelay_clock + s->send_mindelay);
		}
	} else if (active && !equal(s, s->current, s->sent[0].state)) {
		s->next_send_time = last->time + s->timeout + SSP_ACK_DELAY;
	} else {
		s->next_send_time = SSP_NEVER;
	}
	if (s->shutdown || s->ack_num == SSP_SHUTDOWN_NUM) {
		uint64_t gap = s->interval;

		/* With retry_backoff the 16 shutdown sends spread over about
		 * a second and a half, so one stall cannot swallow them all. */
		if (s->retry_backoff && s->shutdown && now > s->shutdown_start) {
			uint64_t g = (now - s->shutdown_start) / 4;

			gap = g > SSP_RETRY_GAP_MAX ? SSP_RETRY_GAP_MAX :
			    g > gap ? g : gap;
		}
		s->next_ack_time = last->time + gap;
	}
}

uint64_t
ssp_next_deadline(struct ssp *s, uint64_t now)
{
	calc_timers(s, now);
	if (!s->remote_known) {
		return SSP_NEVER;
	}
	return umin(s->next_ack_time, s->next_send_time);
}

/* Fills *out for sending; the diff is whatever buffer the caller chose. */
static void
emit(struct ssp *s, struct net_instruction *out, uint64_t old_num,
    uint64_t new_num, const struct core_buf *diff)
{
	uint8_t n = 0;

	memset(out, 0, sizeof(*out));
	out->protocol_version = NET_PROTOCOL_VERSION;
	out->old_num = old_num;
	out->new_num = new_num;
	out->ack_num = s->ack_num;
	out->throwaway_num = s->sent[0].num;
	out->diff = diff->len ? diff->p : NULL;
	out->diff_len = diff->len;
	if (s->random != NULL && s->random(s->random_user, &n, 1) == 0) {
		n %= NET_CHAFF_MAX + 1;
		if (n > 0 && s->random(s->random_user, s->chaff, n) == 0) {
			out->chaff = s->chaff;
			out->chaff_len = n;
		}
	}
	s->pending_data_ack = 0;
	if (s->ack_num == SSP_SHUTDOWN_NUM) {
		s->sent_shutdown_ack = 1;
	}
	if (new_num == SSP_SHUTDOWN_NUM && s->shutdown) {
		s->shutdown_tries++;
	}
}

/*
 * Stores the current content as the state new_num, or refreshes the last
 * entry's send time when it already is that state.
 */
static int
record_sent(struct ssp *s, uint64_t now, uint64_t new_num)
{
	void *copy;

	if (s->sent[s->nsent - 1].num == new_num) {
		s->sent[s->nsent - 1].time = now;
		return 0;
	}
	copy = s->lops->copy(s->luser, s->current);
	if (copy == NULL) {
		return CORE_E_NOMEM;
	}
	add_sent(s, now, new_num, copy);
	return 0;
}

static uint64_t
next_num(const struct ssp *s)
{
	if (s->shutdown) {
		return SSP_SHUTDOWN_NUM;
	}
	return s->sent[s->nsent - 1].num + 1;
}

/* 7.5 tick steps 1-2: diff against the assumed state, or the acked one. */
static int
pick_diff(struct ssp *s, struct core_buf **diff)
{
	int r;
	size_t l1, l2;

	core_buf_reset(&s->d1);
	r = s->lops->diff(s->luser, s->sent[s->assumed].state, s->current,
	    &s->d1);
	if (r < 0) {
		return r;
	}
	*diff = &s->d1;
	if (s->assumed == 0) {
		return 0;
	}
	core_buf_reset(&s->d2);
	r = s->lops->diff(s->luser, s->sent[0].state, s->current, &s->d2);
	if (r < 0) {
		return r;
	}
	l1 = s->d1.len;
	l2 = s->d2.len;
	if (l2 <= l1 || (l2 < 1000 && l2 - l1 < 100)) {
		*diff = &s->d2;
		s->assumed = 0;
	}
	return 0;
}

int
ssp_tick(struct ssp *s, uint64_t now, struct net_instruction *out)
{
	struct core_buf *diff;
	uint64_t old_num, new_num;
	int r, sent = 0;

	calc_timers(s, now);
	if (!s->remote_known ||
	    (now < s->next_ack_time && now < s->next_send_time)) {
		return 0;
	}
	r = pick_diff(s, &diff);
	if (r < 0) {
		return r;
	}
	old_num = s->sent[s->assumed].num;
	if (diff->len == 0) {
		if (now >= s->next_ack_time) {
			/* Empty ack: a fresh number even without news. */
			new_num = next_num(s);
			r = record_sent(s, now, new_num);
			if (r < 0) {
				return r;
			}
			emit(s, out, old_num, new_num, diff);
			s->stats.sent_empty++;
			s->next_ack_time = now + SSP_ACK_INTERVAL;
			s->next_send_time = SSP_NEVER;
			sent = 1;
		}
		if (now >= s->next_send_time) {
			s->next_send_time = SSP_NEVER;
		}
		s->mindelay_clock = SSP_NEVER;
		return sent;
	}
	if (!s->shutdown && equal(s, s->current, s->sent[s->nsent - 1].state)) {
		new_num = s->sent[s->nsent - 1].num;	/* retransmission */
	} else {
		new_num = next_num(s);
	}
	r = record_sent(s, now, new_num);
	if (r < 0) {
		return r;
	}
	emit(s, out, old_num, new_num, diff);
	s->stats.sent_data++;
	s->assumed = s->nsent - 1;
	s->next_ack_time = now + SSP_ACK_INTERVAL;
	s->next_send_time = SSP_NEVER;
	s->mindelay_clock = SSP_NEVER;
	return 1;
}

/* --- receiver ----------------------------------------------------------- */

/* Index of the first received state with num >= n. */
static size_t
recv_lower(const struct ssp *s, uint64_t n)
{
	size_t lo = 0, hi = s->nrecv, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->recv[mid].num < n) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}

static int
recv_has(const struct ssp *s, uint64_t n, size_t *at)
{
	*at = recv_lower(s, n);
	return *at < s->nrecv && s->recv[*at].num == n;
}

/* 7.4 step 5: forget states older than throwaway_num, keeping one. */
static void
throwaway(struct ssp *s, uint64_t t)
{
	size_t i, k = recv_lower(s, t);

	if (k >= s->nrecv) {
		k = s->nrecv - 1;
	}
	for (i = 0; i < k; i++) {
		drop_stored(s, s->recv[i].state);
	}
	memmove(s->recv, s->recv + k, (s->nrecv - k) * sizeof(s->recv[0]));
	s->nrecv -= k;
}

static int
recv_insert(struct ssp *s, const struct ssp_timed *t)
{
	size_t at = recv_lower(s, t->num), cap;
	struct ssp_timed *n;

	if (s->nrecv == s->recv_cap) {
		cap = s->recv_cap * 2;
		if (cap > SSP_RECV_HARD_MAX + 1) {
			cap = SSP_RECV_HARD_MAX + 1;
		}
		if (cap <= s->nrecv) {
			return CORE_E_LIMIT;
		}
		n = realloc(s->recv, cap * sizeof(*n));
		if (n == NULL) {
			return CORE_E_NOMEM;
		}
		s->recv = n;
		s->recv_cap = cap;
	}
	memmove(s->recv + at + 1, s->recv + at,
	    (s->nrecv - at) * sizeof(s->recv[0]));
	s->recv[at] = *t;
	s->nrecv++;
	return 0;
}

/* 7.4 step 6: more than 1024 states admits one per 15 s, never past 2048. */
static int
quenched(struct ssp *s, uint64_t now)
{
	if (s->nrecv >= SSP_RECV_HARD_MAX) {
		return 1;
	}
	if (s->nrecv > SSP_RECV_MAX) {
		if (now < s->quench) {
			return 1;
		}
		s->quench = now + SSP_RECV_QUENCH;
	}
	return 0;
}

int
ssp_recv(struct ssp *s, const struct net_instruction *ins, uint64_t now)
{
	struct ssp_timed t;
	size_t at;
	int r;

	if (ins->protocol_version != NET_PROTOCOL_VERSION) {
		s->stats.recv_bad++;
		return CORE_E_VERSION;
	}
	process_ack(s, ins->ack_num);
	if (recv_has(s, ins->new_num, &at)) {
		s->stats.recv_dup++;
		return 0;
	}
	if (!recv_has(s, ins->old_num, &at)) {
		s->stats.recv_noref++;
		return 0;
	}
	/* Copied before throwaway, which may drop the reference itself. */
	t.state = s->rops->copy(s->ruser, s->recv[at].state);
	if (t.state == NULL) {
		return CORE_E_NOMEM;
	}
	throwaway(s, ins->throwaway_num);
	if (quenched(s, now)) {
		free_remote(s, t.state);
		s->stats.recv_quench++;
		return 0;
	}
	t.num = ins->new_num;
	t.time = now;
	if (ins->diff_len > 0) {
		r = s->rops->apply(s->ruser, t.state, ins->diff, ins->diff_len);
		if (r < 0) {
			free_remote(s, t.state);
			s->stats.recv_bad++;
			return r;
		}
	}
	if (s->recv_bytes > SSP_RECV_BYTES_MAX) {
		free_remote(s, t.state);
		s->stats.recv_quench++;
		return 0;
	}
	r = recv_insert(s, &t);
	if (r < 0) {
		free_remote(s, t.state);
		return r;
	}
	s->recv_bytes += remote_size(s, t.state);
	s->stats.recv_ok++;
	if (s->recv[s->nrecv - 1].num == t.num) {
		s->ack_num = t.num;
		s->last_heard = now;
		if (ins->diff_len > 0) {
			s->pending_data_ack = 1;
		}
	}
	return 0;
}

const void *
ssp_remote(const struct ssp *s)
{
	return s->recv[s->nrecv - 1].state;
}

uint64_t
ssp_remote_num(const struct ssp *s)
{
	return s->recv[s->nrecv - 1].num;
}

int
ssp_take_diff(struct ssp *s, struct core_buf *out)
{
	struct ssp_timed *newest = &s->recv[s->nrecv - 1];
	void *copy;
	size_t i;
	int r;

	size_t had = out->len;

	r = s->rops->diff(s->ruser, s->taken, newest->state, out);
	if (r < 0) {
		out->len = had;	/* no partial diff */
	}
	copy = s->rops->copy(s->ruser, newest->state);
	if (copy == NULL) {
		return CORE_E_NOMEM;
	}
	free_remote(s, s->taken);
	s->taken = copy;
	if (s->rops->subtract != NULL) {
		for (i = 1; i < s->nrecv; i++) {
			s->rops->subtract(s->ruser, s->recv[i].state,
			    s->recv[0].state);
		}
		s->rops->subtract(s->ruser, s->taken, s->recv[0].state);
		s->rops->subtract(s->ruser, s->recv[0].state, s->recv[0].state);
		s->recv_bytes = 0;
		for (i = 0; i < s->nrecv; i++) {
			s->recv_bytes += remote_size(s, s->recv[i].state);
		}
	}
	return r;
}

/* --- accessors and shutdown ------------------------------------------- */

uint64_t
ssp_acked_num(const struct ssp *s)
{
	return s->sent[0].num;
}

uint64_t
ssp_acked_time(const struct ssp *s)
{
	return s->sent[0].time;
}

uint64_t
ssp_sent_num(const struct ssp *s)
{
	return s->sent[s->nsent - 1].num;
}

uint64_t
ssp_last_heard(const struct ssp *s)
{
	return s->last_heard;
}

size_t
ssp_sent_count(const struct ssp *s)
{
	return s->nsent;
}

size_t
ssp_recv_count(const struct ssp *s)
{
	return s->nrecv;
}

const struct ssp_stats *
ssp_stats(const struct ssp *s)
{
	return &s->stats;
}

void
ssp_start_shutdown(struct ssp *s, uint64_t now)
{
	if (!s->shutdown) {
		s->shutdown = 1;
		s->shutdown_start = now;
		s->shutdown_tries = 0;
	}
}

int
ssp_shutdown_in_progress(const struct ssp *s)
{
	return s->shutdown;
}

int
ssp_shutdown_acked(const struct ssp *s)
{
	return s->sent[0].num == SSP_SHUTDOWN_NUM;
}

int
ssp_shutdown_expired(const struct ssp *s, uint64_t now)
{
	return s->shutdown && (s->shutdown_tries >= SSP_SHUTDOWN_RETRIES ||
	    now - s->shutdown_start >= SSP_SHUTDOWN_TIMEOUT);
}

int
ssp_peer_shutdown(const struct ssp *s)
{
	return ssp_remote_num(s) == SSP_SHUTDOWN_NUM;
}

int
ssp_peer_shutdown_acked(const struct ssp *s)
{
	return s->sent_shutdown_ack;
}
