/*
 * net/dgram.c - datagram sealing/opening, replay window, timestamps and
 * RTT (dgram.h; PROTOCOL.md 3.1-3.5).
 *
 * Order of the receive checks follows stock mosh: authenticate first (so
 * a forged direction bit is an authentication failure), then the
 * direction, then the plaintext length, then the sequence number.  The
 * replay window is stricter than stock mosh, which hands replays to the
 * (idempotent) transport: a seq already accepted, or more than 128 behind
 * the newest, is refused here.
 */
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "net/dgram.h"

#define NONCE_LEN 8
#define TS_LEN 4
#define WIN_WORDS (NET_DGRAM_REPLAY_WINDOW / 64)

int
net_dgram_init(struct net_dgram *d, const uint8_t key[16],
    enum net_dgram_dir dir, enum crypto_aes_impl impl)
{
	memset(d, 0, sizeof(*d));
	d->dir = dir;
	d->srtt = 1000;		/* 3.5: before the first sample */
	d->rttvar = 500;
	return crypto_session_init(&d->sess, key, impl);
}

void
net_dgram_fini(struct net_dgram *d)
{
	crypto_session_fini(&d->sess);
	core_burn(d, sizeof(*d));
}

uint16_t
net_dgram_ts_diff(uint16_t a, uint16_t b)
{
	return (uint16_t)(a - b);
}

/* 3.3: our clock as sent: ms mod 65536, with 0xFFFF ("none") sent as 0. */
static uint16_t
ts16(uint64_t now)
{
	uint16_t t = (uint16_t)now;

	return t == NET_DGRAM_TS_NONE ? 0 : t;
}

static void
nonce12(uint8_t n[CRYPTO_OCB_NONCE_LEN], const uint8_t *wire)
{
	memset(n, 0, 4);
	memcpy(n + 4, wire, NONCE_LEN);
}

int
net_dgram_seal(struct net_dgram *d, const uint8_t *payload, size_t n,
    uint64_t now, uint8_t *out, size_t outmax, size_t *outlen)
{
	uint8_t nonce[CRYPTO_OCB_NONCE_LEN];
	uint16_t reply = NET_DGRAM_TS_NONE;
	uint64_t held;
	bool echo = false;
	int rc;

	if (n > outmax || outmax - n < NET_DGRAM_OVERHEAD) {
		return CORE_E_LIMIT;
	}
	if (d->next_seq > NET_DGRAM_SEQ_MAX) {
		return CORE_E_EXHAUSTED;	/* stock mosh: fatal, never wrap */
	}
	held = now >= d->saved_at ? now - d->saved_at : 0;
	if (d->saved_valid && held < NET_DGRAM_TS_HOLD_MAX) {
		reply = (uint16_t)(d->saved_ts + held);
		echo = true;
	}
	core_st_be64(out, (uint64_t)d->dir << 63 | d->next_seq);
	if (n > 0) {
		memmove(out + NONCE_LEN + TS_LEN, payload, n);	/* may overlap */
	}
	core_st_be16(out + NONCE_LEN, ts16(now));
	core_st_be16(out + NONCE_LEN + 2, reply);
	nonce12(nonce, out);
	rc = crypto_session_seal(&d->sess, nonce, out + NONCE_LEN, n + TS_LEN,
	    out + NONCE_LEN);
	if (rc < 0) {
		return rc;
	}
	d->next_seq++;
	if (echo) {
		d->saved_valid = false;		/* echoed at most once */
	}
	*outlen = n + NET_DGRAM_OVERHEAD;
	return 0;
}

/* 0 if seq may be accepted, else CORE_E_REPLAY; *in_order set. */
static int
replay_check(const struct net_dgram *d, uint64_t seq, bool *in_order)
{
	uint64_t k;

	if (!d->have_top || seq > d->top) {
		*in_order = true;
		return 0;
	}
	*in_order = false;
	k = d->top - seq;
	if (k >= NET_DGRAM_REPLAY_WINDOW) {
		return CORE_E_REPLAY;
	}
	if (d->win[k / 64] >> (k % 64) & 1) {
		return CORE_E_REPLAY;
	}
	return 0;
}

static void
replay_accept(struct net_dgram *d, uint64_t seq)
{
	uint64_t s, k;
	int i;

	if (!d->have_top) {
		d->have_top = true;
		d->top = seq;
		memset(d->win, 0, sizeof(d->win));
	} else if (seq > d->top) {
		/* slide the window: bit k moves to bit k + s */
		s = seq - d->top;
		if (s >= NET_DGRAM_REPLAY_WINDOW) {
			memset(d->win, 0, sizeof(d->win));
		} else {
			for (i = WIN_WORDS - 1; i >= 0; i--) {
				uint64_t w = 0;
				int src = i - (int)(s / 64);
				unsigned sh = (unsigned)(s % 64);

				if (src >= 0) {
					w = d->win[src] << sh;
					if (sh != 0 && src >= 1) {
						w |= d->win[src - 1] >> (64 - sh);
					}
				}
				d->win[i] = w;
			}
		}
		d->top = seq;
	}
	k = d->top - seq;
	d->win[k / 64] |= (uint64_t)1 << (k % 64);
}

int
net_dgram_open(struct net_dgram *d, const uint8_t *dg, size_t n,
    uint64_t now, bool ce, uint8_t *out, size_t outmax,
    struct net_dgram_rx *rx)
{
	uint8_t nonce[CRYPTO_OCB_NONCE_LEN];
	uint64_t wire;
	size_t ptlen;
	uint16_t r;
	int rc;

	if (n < NET_DGRAM_MIN) {
		return CORE_E_TRUNC;
	}
	ptlen = n - NET_DGRAM_MIN;
	if (outmax < ptlen) {
		return CORE_E_LIMIT;
	}
	nonce12(nonce, dg);
	rc = crypto_session_open(&d->sess, nonce, dg + NONCE_LEN, n - NONCE_LEN,
	    out);
	if (rc < 0) {
		return rc;
	}
	wire = core_ld_be64(dg);
	if ((wire >> 63) == (uint64_t)d->dir) {
		core_burn(out, ptlen);
		return CORE_E_DIRECTION;
	}
	if (ptlen < TS_LEN) {
		core_burn(out, ptlen);
		return CORE_E_TRUNC;
	}
	memset(rx, 0, sizeof(*rx));
	rx->seq = wire & NET_DGRAM_SEQ_MAX;
	rc = replay_check(d, rx->seq, &rx->in_order);
	if (rc < 0) {
		core_burn(out, ptlen);
		return rc;
	}
	replay_accept(d, rx->seq);
	rx->ts = core_ld_be16(out);
	rx->ts_reply = core_ld_be16(out + 2);
	rx->payload = out + TS_LEN;
	rx->payload_len = ptlen - TS_LEN;
	if (!rx->in_order) {
		return 0;	/* 3.4: payload only; no timing, no roaming */
	}
	if (rx->ts != NET_DGRAM_TS_NONE) {
		d->saved_valid = true;
		d->saved_ts = rx->ts;
		d->saved_at = now;
		if (ce) {
			d->saved_ts = (uint16_t)(d->saved_ts - NET_DGRAM_CE_PENALTY);
		}
	}
	if (rx->ts_reply != NET_DGRAM_TS_NONE) {
		r = net_dgram_ts_diff(ts16(now), rx->ts_reply);
		if (r < NET_DGRAM_RTT_SAMPLE_MAX) {
			net_dgram_rtt_sample(d, r);
			rx->rtt_sample = true;
		}
	}
	return 0;
}

void
net_dgram_rtt_sample(struct net_dgram *d, double r)
{
	double dev;

	if (!d->rtt_hit) {
		d->srtt = r;
		d->rttvar = r / 2;
		d->rtt_hit = true;
		return;
	}
	dev = d->srtt > r ? d->srtt - r : r - d->srtt;
	d->rttvar = (1 - 0.25) * d->rttvar + 0.25 * dev;
	d->srtt = (1 - 0.125) * d->srtt + 0.125 * r;
}

/* ceil(x) clamped to [lo, hi], without libm. */
static uint32_t
ceil_clamp(double x, uint32_t lo, uint32_t hi)
{
	uint64_t i;

	if (!(x > lo)) {
		return lo;	/* also NaN */
	}
	if (x >= hi) {
		return hi;
	}
	i = (uint64_t)x;
	if ((double)i < x) {
		i++;
	}
	return i < lo ? lo : i > hi ? hi : (uint32_t)i;
}

uint32_t
net_dgram_timeout(const struct net_dgram *d)
{
	return ceil_clamp(d->srtt + 4 * d->rttvar, NET_DGRAM_MIN_RTO,
	    NET_DGRAM_MAX_RTO);
}

uint32_t
net_dgram_send_interval(const struct net_dgram *d)
{
	return ceil_clamp(d->srtt / 2, NET_DGRAM_SEND_INTERVAL_MIN,
	    NET_DGRAM_SEND_INTERVAL_MAX);
}

size_t
net_dgram_chunk_size(size_t mtu)
{
	return mtu > NET_DGRAM_OVERHEAD + 10 ? mtu - NET_DGRAM_OVERHEAD - 10 : 0;
}
