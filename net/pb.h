/*
 * net/pb.h - hand-written protobuf (proto2) codec for mosh's messages
 * (PROTOCOL.md section 6 and 7.2/7.3).
 *
 * Encoders append to a core_buf and write fields in the order stock mosh
 * does.  Decoders accept any field order, use defaults for missing fields,
 * skip unknown fields and extensions, and never read past the input; a
 * decoded byte field points into the input (no copy).
 */
#ifndef NET_PB_H
#define NET_PB_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

#define NET_PROTOCOL_VERSION 2	/* "bumped for echo-ack" */
#define NET_CHAFF_MAX 16	/* chaff is 0..16 bytes */

/* TransportBuffers.Instruction */
struct net_instruction {
	uint32_t protocol_version;	/* field 1 */
	uint64_t old_num;		/* field 2 */
	uint64_t new_num;		/* field 3; UINT64_MAX = shutdown */
	uint64_t ack_num;		/* field 4 */
	uint64_t throwaway_num;		/* field 5 */
	const uint8_t *diff;		/* field 6; borrowed */
	size_t diff_len;
	const uint8_t *chaff;		/* field 7; borrowed */
	size_t chaff_len;
};

/* Appends all seven fields, 1..7, even when zero or empty. */
int net_pb_instruction_encode(const struct net_instruction *ins,
    struct core_buf *out);
/*
 * Decodes p[0..n).  diff and chaff point into p.  Returns 0, CORE_E_TRUNC
 * or CORE_E_BADMSG.  Does not check protocol_version (the caller does).
 */
int net_pb_instruction_decode(struct net_instruction *ins, const uint8_t *p,
    size_t n);

/*
 * ClientBuffers.UserMessage and HostBuffers.HostMessage share one shape:
 * `repeated Instruction instruction = 1`, each Instruction holding
 * extensions.  The extension numbers line up across the two: 2 carries a
 * byte string in its field 4 (Keystroke.keys or HostBytes.hoststring),
 * 3 is ResizeMessage {5: width, 6: height}, 7 is EchoAck {8: num}.
 */
enum net_msg_kind {
	NET_MSG_BYTES = 2,	/* keystrokes (client) or hoststring (host) */
	NET_MSG_RESIZE = 3,
	NET_MSG_ECHOACK = 7
};

struct net_msg_item {
	enum net_msg_kind kind;
	const uint8_t *bytes;	/* BYTES: borrowed from the input */
	size_t len;
	int32_t width;		/* RESIZE */
	int32_t height;
	uint64_t echo_ack;	/* ECHOACK */
};

/* Each appends one Instruction (field 1 of the message) to out. */
int net_pb_msg_put_bytes(struct core_buf *out, const uint8_t *p, size_t n);
int net_pb_msg_put_resize(struct core_buf *out, int32_t width, int32_t height);
int net_pb_msg_put_echoack(struct core_buf *out, uint64_t num);

struct net_pb_msg_iter {
	struct core_rd rd;	/* over the whole message */
	struct core_rd ins;	/* over the current Instruction's body */
};

void net_pb_msg_iter_init(struct net_pb_msg_iter *it, const uint8_t *p,
    size_t n);
/*
 * Yields the next known extension: 1 with *item filled, 0 at the end, or
 * CORE_E_TRUNC / CORE_E_BADMSG.  Unknown fields and extensions are skipped;
 * an Instruction carrying several known extensions yields each in wire
 * order.  Errors are sticky: the iterator does not advance past the bad
 * bytes, so calling again returns the same error.  A length that runs past
 * its enclosing input is CORE_E_TRUNC.
 */
int net_pb_msg_next(struct net_pb_msg_iter *it, struct net_msg_item *item);

/*
 * Wire-level helpers (added for tests and other codecs).
 * net_pb_varint_len: bytes the varint encoding of v takes (1..10).
 * net_pb_put_varint: appends v as a base-128 varint; 0, CORE_E_LIMIT or
 * CORE_E_NOMEM (out unchanged on error).
 * net_pb_get_varint: reads one varint; 0, CORE_E_TRUNC (input ended) or
 * CORE_E_BADMSG (more than 10 bytes, or a value past 64 bits); the reader
 * is left unchanged on error.
 */
size_t net_pb_varint_len(uint64_t v);
int net_pb_put_varint(struct core_buf *out, uint64_t v);
int net_pb_get_varint(struct core_rd *r, uint64_t *v);

#endif
