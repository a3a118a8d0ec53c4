/*
 * net/dgram.h - the datagram layer (PROTOCOL.md section 3), sans I/O.
 *
 * Seals payloads (one fragment each) into datagrams
 *   nonce8 = direction << 63 | seq  ||  OCB(K, 0^32 || nonce8, ts || ts_reply || payload)
 * and opens received ones, keeping the per-connection state that goes
 * with them: the send sequence number, the replay window, the timestamp
 * to echo, and the RTT estimate.  No sockets and no clock: the caller
 * passes "now" (monotonic milliseconds) into every call that needs it, so
 * tests drive time by hand.
 *
 * Caller-owned; allocates nothing; net_dgram_fini() burns the key.
 */
#ifndef NET_DGRAM_H
#define NET_DGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto/session.h"

/* Direction bit (bit 63 of the wire nonce). */
enum net_dgram_dir {
	NET_DGRAM_TO_SERVER = 0,	/* client -> server */
	NET_DGRAM_TO_CLIENT = 1		/* server -> client */
};

/* 3.6: datagram sizes: 1280 minus IP/UDP headers, and the fallback. */
#define NET_DGRAM_MTU_IPV4 1252
#define NET_DGRAM_MTU_IPV6 1216
#define NET_DGRAM_MTU_DEFAULT 500
/* 3.6: fragment chunk sizes: MTU - 12 (nonce, timestamps) - 16 - 10. */
#define NET_DGRAM_CHUNK_IPV4 1214
#define NET_DGRAM_CHUNK_IPV6 1178
#define NET_DGRAM_CHUNK_DEFAULT 462
/* nonce 8 + timestamps 4 + tag 16 */
#define NET_DGRAM_OVERHEAD 28
#define NET_DGRAM_MIN 24		/* nonce + tag: anything shorter is refused */
#define NET_DGRAM_RECV_MAX 2048		/* stock receive buffer */
#define NET_DGRAM_TS_NONE 0xFFFF	/* "no timestamp" on the wire */
#define NET_DGRAM_SEQ_MAX (((uint64_t)1 << 63) - 1)
/* Seqs remembered behind the newest one for replay detection. */
#define NET_DGRAM_REPLAY_WINDOW 128

/* 3.5: RTO and frame-interval bounds (ms). */
#define NET_DGRAM_MIN_RTO 50
#define NET_DGRAM_MAX_RTO 1000
#define NET_DGRAM_SEND_INTERVAL_MIN 20
#define NET_DGRAM_SEND_INTERVAL_MAX 250
/* 3.3: an ECN CE mark makes the echoed timestamp 500 ms older. */
#define NET_DGRAM_CE_PENALTY 500
/* 3.3: a saved timestamp is echoed only within 1000 ms of arrival. */
#define NET_DGRAM_TS_HOLD_MAX 1000
/* 3.4: RTT samples of 5000 ms or more are ignored (e.g. after Ctrl-Z). */
#define NET_DGRAM_RTT_SAMPLE_MAX 5000

struct net_dgram {
	struct crypto_session sess;	/* owned: the key, both directions */
	enum net_dgram_dir dir;		/* the bit we send; we accept !dir */
	uint64_t next_seq;		/* seq of the next datagram sealed */
	/* replay window: bit k of win = seq (top - k) was accepted */
	bool have_top;
	uint64_t top;			/* newest accepted seq */
	uint64_t win[NET_DGRAM_REPLAY_WINDOW / 64];
	/* timestamp to echo (3.3) */
	bool saved_valid;
	uint16_t saved_ts;
	uint64_t saved_at;		/* local ms when it arrived */
	/* RTT estimate (3.5) */
	bool rtt_hit;			/* a sample has been taken */
	double srtt;			/* ms */
	double rttvar;			/* ms */
};

/* What net_dgram_open() found in an authentic datagram. */
struct net_dgram_rx {
	uint64_t seq;
	uint16_t ts;			/* sender's timestamp, or 0xFFFF */
	uint16_t ts_reply;		/* echoed timestamp, or 0xFFFF */
	bool in_order;			/* seq newer than every seq before it */
	bool rtt_sample;		/* this datagram updated the RTT */
	const uint8_t *payload;		/* points into the caller's out */
	size_t payload_len;
};

/*
 * Sets up a connection end that sends with direction bit `dir` under the
 * 16-byte key.  impl selects the AES back end (CRYPTO_AES_AUTO normally).
 * 0, CORE_E_UNSUPPORTED or CORE_E_INVAL.
 */
int net_dgram_init(struct net_dgram *d, const uint8_t key[16],
    enum net_dgram_dir dir, enum crypto_aes_impl impl);
/* Burns the key and all connection state. */
void net_dgram_fini(struct net_dgram *d);

/*
 * Seals payload[0..n) into out[0..n+28) and sets *outlen.  payload may
 * already sit at out + 12 (or overlap out otherwise; it is moved first).  The timestamp
 * is now mod 65536 (0xFFFF is sent as 0); timestamp_reply echoes the
 * newest saved peer timestamp advanced by how long it was held, if it
 * arrived less than 1000 ms ago, and only once.  Uses the next sequence
 * number.  Returns 0; CORE_E_LIMIT if outmax < n + 28 (nothing consumed);
 * CORE_E_EXHAUSTED if the 63-bit seq space or the key's block budget is
 * used up (permanent: the session must end).
 */
int net_dgram_seal(struct net_dgram *d, const uint8_t *payload, size_t n,
    uint64_t now, uint8_t *out, size_t outmax, size_t *outlen);

/*
 * Opens datagram dg[0..n) received at `now`; ce is true if its IP ECN
 * field said Congestion Experienced.  Decrypts into out (needs n - 24
 * bytes; on success rx->payload points into it).  Checks, in order:
 *   n < 24                          CORE_E_TRUNC
 *   outmax < n - 24                 CORE_E_LIMIT
 *   tag fails (tampering, wrong key) CORE_E_AUTH (out wiped)
 *   direction bit is our own        CORE_E_DIRECTION
 *   plaintext < 4 bytes             CORE_E_TRUNC
 *   seq seen before, or older than the replay window  CORE_E_REPLAY
 * A rejected datagram changes no state.  An accepted seq older than the
 * newest one (reordered) comes back with in_order false and is not used
 * for timestamps or RTT (3.4); the caller must not roam on it either.
 */
int net_dgram_open(struct net_dgram *d, const uint8_t *dg, size_t n,
    uint64_t now, bool ce, uint8_t *out, size_t outmax,
    struct net_dgram_rx *rx);

/* 3.5: clamp(ceil(SRTT + 4 RTTVAR), 50, 1000) ms. */
uint32_t net_dgram_timeout(const struct net_dgram *d);
/* 3.5: clamp(ceil(SRTT / 2), 20, 250) ms. */
uint32_t net_dgram_send_interval(const struct net_dgram *d);
/* Feeds one RTT sample R (ms) into SRTT/RTTVAR (exposed for tests). */
void net_dgram_rtt_sample(struct net_dgram *d, double r);

/* 3.6: fragment chunk size for a datagram size: mtu - 28 - 10. */
size_t net_dgram_chunk_size(size_t mtu);
/* 3.3: (a - b) mod 65536. */
uint16_t net_dgram_ts_diff(uint16_t a, uint16_t b);

#endif
