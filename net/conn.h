/*
 * net/conn.h - one end of a mosh connection below the transport: an
 * instruction goes in, datagrams come out, and the other way round
 * (PROTOCOL.md sections 3-6 stacked: protobuf, zlib, fragments, OCB
 * datagrams).  Sans I/O: the caller moves the datagrams and passes "now".
 *
 * Everything a hostile datagram can do is to be dropped and counted: the
 * stats say why, so a server can log and tests can assert.
 */
#ifndef NET_CONN_H
#define NET_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "net/dgram.h"
#include "net/frag.h"
#include "net/pb.h"
#include "net/zlib.h"

struct net_conn_stats {
	uint64_t dg_sent;
	uint64_t dg_recv;		/* authentic datagrams accepted */
	uint64_t bad_trunc;		/* too short */
	uint64_t bad_auth;		/* forged, corrupted or wrong key */
	uint64_t bad_direction;		/* reflected back at us */
	uint64_t bad_replay;		/* replayed or too old */
	uint64_t bad_frag;		/* inconsistent fragments */
	uint64_t bad_zlib;		/* corrupt or oversize compression */
	uint64_t bad_pb;		/* not an Instruction */
	uint64_t instructions;		/* complete instructions received */
};

struct net_conn {
	struct net_dgram dg;		/* keys, seqs, timestamps, RTT */
	struct net_fragmenter fr;
	struct net_reasm ra;		/* owned buffers */
	struct core_buf enc;		/* owned: serialised instruction */
	struct core_buf z;		/* owned: compressed instruction */
	struct net_zlib_deflater defl;	/* owned: deflate work memory */
	struct core_buf asmb;		/* owned: reassembled compressed bytes */
	struct core_buf inst;		/* owned: inflated instruction */
	size_t mtu;			/* datagram size limit */
	struct net_conn_stats st;
};

/*
 * Sets up an end that sends with direction `dir` under `key`, cutting
 * datagrams to `mtu` bytes (NET_DGRAM_MTU_*).  0 or a negative code.
 */
int net_conn_init(struct net_conn *c, const uint8_t key[16],
    enum net_dgram_dir dir, size_t mtu);
void net_conn_fini(struct net_conn *c);
/* Changes the datagram size (e.g. to 500 after EMSGSIZE). */
void net_conn_set_mtu(struct net_conn *c, size_t mtu);

/* Called once per datagram to send; a negative return stops the send. */
typedef int (*net_conn_emit)(void *user, const uint8_t *dg, size_t n);

/*
 * Serialises, compresses, fragments and seals `ins`, handing each
 * datagram to emit.  0, the emit error, or a negative code
 * (CORE_E_EXHAUSTED: the key or sequence space is used up; the session
 * must end).
 */
int net_conn_send(struct net_conn *c, const struct net_instruction *ins,
    uint64_t now, net_conn_emit emit, void *user);

/*
 * Takes one received datagram.  Returns 1 when it completed an
 * instruction (*ins then points into c's buffers until the next call),
 * 0 when it was accepted but more fragments are needed, or a negative
 * code when it was dropped (counted in st).  *rx describes the datagram
 * whenever it was authentic (return >= 0, and also for a bad fragment or
 * instruction inside an authentic datagram: rx->seq is then set).
 */
int net_conn_recv(struct net_conn *c, const uint8_t *dg, size_t n,
    uint64_t now, bool ce, struct net_instruction *ins,
    struct net_dgram_rx *rx);

#endif
