/*
 * net/ssp.h - the State Synchronization Protocol engine (PROTOCOL.md
 * section 7), sans-I/O.
 *
 * One engine is one end of a mosh connection: a sender that keeps the
 * peer's copy of our own object up to date, and a receiver that rebuilds
 * the peer's object from the instructions it sends.  The engine is generic
 * over the state type: it sees states only as `void *` through a const ops
 * table.  It never reads the clock, never touches a socket and never
 * allocates on its own behalf except through the ops and its two state
 * lists.  The caller feeds it decoded instructions with ssp_recv(), asks
 * it what to send with ssp_tick(), and sleeps until ssp_next_deadline().
 * Datagrams, encryption, fragments and zlib are the caller's business.
 *
 * Time is "now" in milliseconds from one monotonic clock, handed in on
 * every call.  RTT figures come from the datagram layer via ssp_set_rtt().
 *
 * A loop iteration of an applet, in order:
 *	for each complete instruction decoded:  ssp_recv(&e, &ins, now);
 *	server: ssp_take_diff() and feed the user events to the pty;
 *	client: show ssp_remote();
 *	change ssp_current() (new keystrokes / new screen);
 *	while (ssp_tick(&e, now, &ins) == 1): encode, compress, fragment, send;
 *	sleep until ssp_next_deadline(&e, now) or input.
 */
#ifndef NET_SSP_H
#define NET_SSP_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "net/pb.h"

/* Constants of PROTOCOL.md 7.5 and the limits table in section 10 (ms). */
#define SSP_SEND_INTERVAL_MIN 20	/* frame interval floor */
#define SSP_SEND_INTERVAL_MAX 250	/* frame interval ceiling */
#define SSP_ACK_INTERVAL 3000		/* heartbeat: empty ack when idle */
#define SSP_ACK_DELAY 100		/* delayed ack of received data */
#define SSP_SHUTDOWN_RETRIES 16		/* shutdown gives up after 16 sends */
#define SSP_SHUTDOWN_TIMEOUT 10000	/* ... or 10 s */
#define SSP_ACTIVE_RETRY_TIMEOUT 10000	/* fast retransmit window */
#define SSP_MINDELAY_SERVER 8		/* SEND_MINDELAY, stock default */
#define SSP_MINDELAY_CLIENT 1		/* the client wants keystrokes out */
#define SSP_SENT_MAX 32			/* sent-state list cap */
#define SSP_RECV_MAX 1024		/* received queue before quenching */
#define SSP_RECV_QUENCH 15000		/* one extra state per 15 s beyond it */
/*
 * Stock mosh lets the received queue grow by one state per quench period
 * forever; we stop at twice the limit so a peer that never throws states
 * away cannot grow our memory without bound.
 */
#define SSP_RECV_HARD_MAX (2 * SSP_RECV_MAX)
/*
 * Memory the received states may hold together: a peer sending 1024 big
 * states must not make us hold gigabytes.  New states are dropped (as if
 * quenched) while the total is over it.
 */
#define SSP_RECV_BYTES_MAX (64u * 1024 * 1024)
/* A diff must fit an instruction that inflates to at most 4 MiB. */
#define SSP_DIFF_MAX (4u * 1024 * 1024 - 256)
#define SSP_NEVER UINT64_MAX		/* a deadline that never comes */
#define SSP_SHUTDOWN_NUM UINT64_MAX	/* new_num of a shutdown instruction */

/*
 * Operations on one state type.  `user` is the matching *_user of the
 * config.  An engine has two: one for its own object, one for the peer's.
 * States are heap objects owned by whoever holds the pointer; the engine
 * owns every state it stores and frees each exactly once with free().
 */
struct ssp_ops {
	/*
	 * Appends to out the diff that turns `ref` into `cur` (empty when
	 * they are equal).  0, CORE_E_LIMIT/NOMEM, or CORE_E_STATE when no
	 * diff exists (e.g. ref is not a prefix of a stream).  On error out
	 * may hold a partial diff; the engine discards it.
	 */
	int (*diff)(void *user, const void *ref, const void *cur,
	    struct core_buf *out);
	/*
	 * Applies diff bytes p[0..n) (n > 0, hostile) to state.  0 or a
	 * negative code; on error the state may be half-changed (the engine
	 * frees it).
	 */
	int (*apply)(void *user, void *state, const uint8_t *p, size_t n);
	/* Nonzero when a and b are the same state. */
	int (*equal)(void *user, const void *a, const void *b);
	/* A new independent copy (copy-on-write is fine), or NULL on OOM. */
	void *(*copy)(void *user, const void *state);
	void (*free)(void *user, void *state);
	/*
	 * Optional (NULL: never called).  Removes from state the prefix
	 * `acked` if state starts with it, else leaves state alone.  The
	 * engine calls it on every stored state, so a stream object (the
	 * user stream) can drop acknowledged events (PROTOCOL 7.2).  `acked`
	 * may be `state` itself (then state becomes empty).
	 */
	void (*subtract)(void *user, void *state, const void *acked);
	/*
	 * Optional (NULL: states count as 0 bytes).  Roughly the memory this
	 * state holds on its own; the receiver refuses new states while the
	 * stored ones total more than SSP_RECV_BYTES_MAX.
	 */
	size_t (*size)(void *user, const void *state);
};

struct ssp_config {
	/* Our own object's type (client: user stream; server: terminal). */
	const struct ssp_ops *local_ops;	/* borrowed; outlives engine */
	void *local_user;			/* borrowed */
	/* The peer's object's type (client: terminal; server: user stream). */
	const struct ssp_ops *remote_ops;	/* borrowed; outlives engine */
	void *remote_user;			/* borrowed */
	void *local;	/* owned by the engine from init: our state #0 */
	void *remote;	/* owned by the engine from init: peer's state #0 */
	unsigned send_mindelay;		/* SSP_MINDELAY_SERVER or _CLIENT */
	int remote_known;	/* client: 1; server: 0 until a peer writes */
	/*
	 * Optional source of chaff bytes: fills buf[0..n) with random bytes,
	 * returns 0 or negative (then the instruction goes without chaff).
	 * NULL: chaff is always empty.
	 */
	int (*random)(void *user, void *buf, size_t n);
	void *random_user;		/* borrowed */
	uint64_t now;
};

struct ssp_timed {
	uint64_t num;
	uint64_t time;	/* sent (sender list) or arrived (receiver list) */
	void *state;	/* owned */
};

struct ssp_stats {
	uint64_t recv_ok;	/* new states stored */
	uint64_t recv_dup;	/* new_num already known (idempotent) */
	uint64_t recv_noref;	/* old_num unknown: ignored */
	uint64_t recv_quench;	/* dropped by the queue or memory limit */
	uint64_t recv_bad;	/* version mismatch or diff failed to apply */
	uint64_t sent_data;	/* instructions with a diff */
	uint64_t sent_empty;	/* empty acks (heartbeats, delayed acks) */
};

struct ssp {
	const struct ssp_ops *lops;	/* borrowed: our object's ops */
	void *luser;			/* borrowed */
	const struct ssp_ops *rops;	/* borrowed: the peer's object's ops */
	void *ruser;			/* borrowed */
	void *current;			/* owned: our live state */

	/* sender */
	struct ssp_timed sent[SSP_SENT_MAX + 1];	/* [0]: acked front */
	size_t nsent;
	size_t assumed;		/* index into sent: what the peer has */
	uint64_t next_ack_time;
	uint64_t next_send_time;
	uint64_t mindelay_clock;	/* SSP_NEVER = unset */
	unsigned send_mindelay;
	unsigned timeout;	/* RTO from the datagram layer, ms */
	unsigned interval;	/* frame interval, ms */
	int remote_known;
	int pending_data_ack;
	int shutdown;		/* we started shutting down */
	uint64_t shutdown_start;
	unsigned shutdown_tries;
	int sent_shutdown_ack;	/* we sent ack_num == U64_MAX */
	struct core_buf d1, d2;	/* diff scratch (owned) */
	uint8_t chaff[NET_CHAFF_MAX];
	int (*random)(void *, void *, size_t);
	void *random_user;	/* borrowed */

	/* receiver */
	struct ssp_timed *recv;	/* owned; sorted by num, [0] oldest */
	size_t nrecv, recv_cap;
	size_t recv_bytes;	/* sum of rops->size over the stored states */
	uint64_t ack_num;	/* newest peer state received */
	uint64_t last_heard;
	uint64_t quench;
	void *taken;		/* owned: last state given to ssp_take_diff */

	struct ssp_stats stats;
};

/*
 * Sets up an engine.  Takes ownership of cfg->local and cfg->remote even
 * on failure.  0, CORE_E_INVAL (missing ops or states) or CORE_E_NOMEM.
 */
int ssp_init(struct ssp *s, const struct ssp_config *cfg);
/* Frees every state the engine holds.  Safe on a zeroed struct. */
void ssp_fini(struct ssp *s);

/*
 * Our own live state, to be changed by the caller between calls (for the
 * user stream: push events).  Must not be changed after
 * ssp_start_shutdown (the state is frozen).  Never NULL after init.
 */
void *ssp_current(struct ssp *s);

/*
 * RTT figures from the datagram layer (PROTOCOL 3.5): timeout_ms =
 * clamp(ceil(SRTT + 4 RTTVAR), 50, 1000), interval_ms = clamp(ceil(SRTT/2),
 * 20, 250).  Values are clamped to those ranges.  Defaults 1000 / 250
 * (no sample yet).
 */
void ssp_set_rtt(struct ssp *s, unsigned timeout_ms, unsigned interval_ms);
/*
 * The same from the estimator's figures (PROTOCOL 3.5): SRTT and RTTVAR in
 * ms, as doubles.  Computes and sets timeout and frame interval.
 */
void ssp_set_rtt_estimate(struct ssp *s, double srtt, double rttvar);
/* The server learns its peer's address only from the first datagram. */
void ssp_set_remote_known(struct ssp *s, int known);

/*
 * Processes one decoded instruction (PROTOCOL 7.4).  Returns 0 when it was
 * handled (stored, or ignored as a duplicate / unknown reference / over
 * the queue limit: see stats), CORE_E_VERSION when protocol_version != 2,
 * the apply error when the diff does not apply (the instruction is
 * dropped), or CORE_E_NOMEM.  The engine is consistent after any return.
 */
int ssp_recv(struct ssp *s, const struct net_instruction *ins, uint64_t now);

/*
 * Runs the sender (PROTOCOL 7.5).  Returns 1 with *out filled when an
 * instruction must be sent now (out->diff and out->chaff point into the
 * engine and stay valid until the next call on it), 0 when nothing is due,
 * or a negative code (diff failure, CORE_E_NOMEM).  At most one
 * instruction per call; calling again at the same `now` returns 0 unless
 * the current state changed in between.
 */
int ssp_tick(struct ssp *s, uint64_t now, struct net_instruction *out);

/*
 * When the caller must call ssp_tick next (absolute ms; SSP_NEVER if
 * nothing is scheduled).  Recomputes the timers, so call it before every
 * wait (and after ssp_recv or changing the current state).
 */
uint64_t ssp_next_deadline(struct ssp *s, uint64_t now);

/* Newest state received from the peer (the one the application shows). */
const void *ssp_remote(const struct ssp *s);
/* Its number (= our ack_num; SSP_SHUTDOWN_NUM when the peer shut down). */
uint64_t ssp_remote_num(const struct ssp *s);
/*
 * Appends to out the diff from the state given by the previous call (or
 * the peer's state #0) to the newest received state, then remembers the
 * newest as given.  With a subtract op it also cuts the oldest stored
 * received state off every stored one (the user stream stays short).
 * 0 or the diff's error (then out is left as it was, and the newest is
 * still remembered, so one bad state is skipped, not repeated).
 */
int ssp_take_diff(struct ssp *s, struct core_buf *out);

/* Number of the newest of our states the peer acknowledged. */
uint64_t ssp_acked_num(const struct ssp *s);
/* When that state was sent (the client's port-hop "roundtrip success"). */
uint64_t ssp_acked_time(const struct ssp *s);
/* Number of the last state we sent. */
uint64_t ssp_sent_num(const struct ssp *s);
/* When we last stored a new newest peer state (0: never). */
uint64_t ssp_last_heard(const struct ssp *s);
/* Sizes of the two state lists (for tests and stats). */
size_t ssp_sent_count(const struct ssp *s);
size_t ssp_recv_count(const struct ssp *s);
const struct ssp_stats *ssp_stats(const struct ssp *s);

/*
 * Shutdown (PROTOCOL 7.7).  After ssp_start_shutdown every instruction
 * sent carries new_num = U64_MAX and the ack timer runs at the frame
 * interval.  The initiator is done when ssp_shutdown_acked (the peer
 * acknowledged U64_MAX: clean exit) or ssp_shutdown_expired (16 sends or
 * 10 s: give up).  The peer side sees ssp_peer_shutdown (it received
 * U64_MAX) and may exit once ssp_peer_shutdown_acked (it has emitted an
 * instruction with ack_num = U64_MAX).
 */
void ssp_start_shutdown(struct ssp *s, uint64_t now);
int ssp_shutdown_in_progress(const struct ssp *s);
int ssp_shutdown_acked(const struct ssp *s);
int ssp_shutdown_expired(const struct ssp *s, uint64_t now);
int ssp_peer_shutdown(const struct ssp *s);
int ssp_peer_shutdown_acked(const struct ssp *s);

#endif
