/*
 * net/pb.c - protobuf (proto2) wire codec for TransportBuffers.Instruction
 * and the ClientBuffers/HostBuffers messages (PROTOCOL.md 6, 7.2, 7.3).
 *
 * Only the wire format is implemented, from the protobuf encoding spec:
 * base-128 varints (at most 10 bytes, value at most 64 bits), tags =
 * field << 3 | wire type, and the four wire types that still exist (0
 * varint, 1 fixed64, 2 length-delimited, 5 fixed32).  Groups (3, 4) and
 * the unused types 6, 7 are rejected.  A known field that arrives with an
 * unexpected wire type is treated like an unknown field and skipped, as
 * ordinary protobuf parsers do.  Every read goes through a core_rd, so
 * nothing is read past the input; decoders parse into local copies and
 * commit only on success.
 */
#include <string.h>

#include "core/err.h"
#include "net/pb.h"

enum {
	WT_VARINT = 0,
	WT_FIXED64 = 1,
	WT_LEN = 2,
	WT_FIXED32 = 5
};

/* A 64-bit value takes at most ten 7-bit groups. */
#define VARINT_MAX 10

size_t
net_pb_varint_len(uint64_t v)
{
	size_t n = 1;

	while (v >= 0x80) {
		v >>= 7;
		n++;
	}
	return n;
}

/* Writes v as a varint to dst (room for VARINT_MAX bytes); returns its size. */
static size_t
enc_varint(uint8_t *dst, uint64_t v)
{
	size_t n = 0;

	while (v >= 0x80) {
		dst[n++] = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	dst[n++] = (uint8_t)v;
	return n;
}

int
net_pb_put_varint(struct core_buf *out, uint64_t v)
{
	uint8_t tmp[VARINT_MAX];

	return core_buf_append(out, tmp, enc_varint(tmp, v));
}

int
net_pb_get_varint(struct core_rd *r, uint64_t *v)
{
	uint64_t acc = 0;
	size_t i, pos = r->pos;
	uint8_t b;

	for (i = 0; i < VARINT_MAX; i++) {
		if (pos >= r->len) {
			return CORE_E_TRUNC;
		}
		b = r->p[pos++];
		if (i == VARINT_MAX - 1 && b > 1) {
			/* bits past 64, or an 11th byte follows */
			return CORE_E_BADMSG;
		}
		acc |= (uint64_t)(b & 0x7f) << (7 * i);
		if ((b & 0x80) == 0) {
			r->pos = pos;
			*v = acc;
			return 0;
		}
	}
	return CORE_E_BADMSG;	/* not reached: byte 10 is <= 1 */
}

/* Reads a tag.  Field numbers are 1..2^29-1 (tags are 32-bit). */
static int
get_tag(struct core_rd *r, uint32_t *field, unsigned *wt)
{
	uint64_t t;
	int rc;

	rc = net_pb_get_varint(r, &t);
	if (rc != 0) {
		return rc;
	}
	if (t > UINT32_MAX || (t >> 3) == 0) {
		return CORE_E_BADMSG;
	}
	*field = (uint32_t)(t >> 3);
	*wt = (unsigned)(t & 7);
	return 0;
}

/* Reads a length-delimited payload; the length must fit in the input. */
static int
get_len(struct core_rd *r, const uint8_t **p, size_t *n)
{
	struct core_rd c = *r;
	uint64_t len;
	int rc;

	rc = net_pb_get_varint(&c, &len);
	if (rc != 0) {
		return rc;
	}
	if (len > core_rd_left(&c)) {
		return CORE_E_TRUNC;
	}
	*p = c.p + c.pos;
	*n = (size_t)len;
	c.pos += (size_t)len;
	*r = c;
	return 0;
}

/* Skips the value of a field of wire type wt. */
static int
skip(struct core_rd *r, unsigned wt)
{
	const uint8_t *p;
	uint64_t v;
	size_t n;

	switch (wt) {
	case WT_VARINT:
		return net_pb_get_varint(r, &v);
	case WT_FIXED64:
		return core_rd_bytes(r, 8, &p);
	case WT_LEN:
		return get_len(r, &p, &n);
	case WT_FIXED32:
		return core_rd_bytes(r, 4, &p);
	default:
		/* 3/4 are deprecated groups, 6/7 do not exist */
		return CORE_E_BADMSG;
	}
}

static int
put_tag(struct core_buf *out, uint32_t field, unsigned wt)
{
	return net_pb_put_varint(out, (uint64_t)field << 3 | wt);
}

static int
put_bytes_field(struct core_buf *out, uint32_t field, const uint8_t *p,
    size_t n)
{
	int rc;

	rc = put_tag(out, field, WT_LEN);
	if (rc == 0) {
		rc = net_pb_put_varint(out, n);
	}
	if (rc == 0 && n > 0) {
		rc = core_buf_append(out, p, n);
	}
	return rc;
}

int
net_pb_instruction_encode(const struct net_instruction *ins,
    struct core_buf *out)
{
	size_t len0 = out->len;
	int rc;

	rc = put_tag(out, 1, WT_VARINT);
	rc = rc ? rc : net_pb_put_varint(out, ins->protocol_version);
	rc = rc ? rc : put_tag(out, 2, WT_VARINT);
	rc = rc ? rc : net_pb_put_varint(out, ins->old_num);
	rc = rc ? rc : put_tag(out, 3, WT_VARINT);
	rc = rc ? rc : net_pb_put_varint(out, ins->new_num);
	rc = rc ? rc : put_tag(out, 4, WT_VARINT);
	rc = rc ? rc : net_pb_put_varint(out, ins->ack_num);
	rc = rc ? rc : put_tag(out, 5, WT_VARINT);
	rc = rc ? rc : net_pb_put_varint(out, ins->throwaway_num);
	rc = rc ? rc : put_bytes_field(out, 6, ins->diff, ins->diff_len);
	rc = rc ? rc : put_bytes_field(out, 7, ins->chaff, ins->chaff_len);
	if (rc != 0) {
		out->len = len0;
	}
	return rc;
}

int
net_pb_instruction_decode(struct net_instruction *ins, const uint8_t *p,
    size_t n)
{
	struct net_instruction d;
	struct core_rd r;
	uint32_t field;
	unsigned wt;
	uint64_t v;
	int rc;

	memset(&d, 0, sizeof(d));
	d.diff = p;
	d.chaff = p;
	core_rd_init(&r, p, n);
	while (core_rd_left(&r) > 0) {
		rc = get_tag(&r, &field, &wt);
		if (rc != 0) {
			return rc;
		}
		if (field >= 1 && field <= 5 && wt == WT_VARINT) {
			rc = net_pb_get_varint(&r, &v);
			if (rc != 0) {
				return rc;
			}
			switch (field) {
			case 1:	/* uint32: protobuf keeps the low 32 bits */
				d.protocol_version = (uint32_t)v;
				break;
			case 2:
				d.old_num = v;
				break;
			case 3:
				d.new_num = v;
				break;
			case 4:
				d.ack_num = v;
				break;
			default:
				d.throwaway_num = v;
				break;
			}
		} else if (field == 6 && wt == WT_LEN) {
			rc = get_len(&r, &d.diff, &d.diff_len);
		} else if (field == 7 && wt == WT_LEN) {
			rc = get_len(&r, &d.chaff, &d.chaff_len);
		} else {
			rc = skip(&r, wt);
		}
		if (rc != 0) {
			return rc;
		}
	}
	*ins = d;
	return 0;
}

/*
 * Appends `0a L1 <ext> L2 <body>`: one message Instruction (field 1)
 * holding extension `ext` whose body is body[0..blen).
 */
static int
put_msg_ins(struct core_buf *out, uint32_t ext, const uint8_t *body,
    size_t blen)
{
	size_t len0 = out->len, extlen;
	int rc;

	extlen = net_pb_varint_len((uint64_t)ext << 3 | WT_LEN) +
	    net_pb_varint_len(blen) + blen;
	rc = put_tag(out, 1, WT_LEN);
	rc = rc ? rc : net_pb_put_varint(out, extlen);
	rc = rc ? rc : put_tag(out, ext, WT_LEN);
	rc = rc ? rc : net_pb_put_varint(out, blen);
	if (rc == 0 && blen > 0) {
		rc = core_buf_append(out, body, blen);
	}
	if (rc != 0) {
		out->len = len0;
	}
	return rc;
}

int
net_pb_msg_put_bytes(struct core_buf *out, const uint8_t *p, size_t n)
{
	size_t len0 = out->len, bodylen, extlen;
	int rc;

	/* Keystroke / HostBytes { bytes = 4 } */
	bodylen = 1 + net_pb_varint_len(n) + n;
	extlen = 1 + net_pb_varint_len(bodylen) + bodylen;
	rc = put_tag(out, 1, WT_LEN);
	rc = rc ? rc : net_pb_put_varint(out, extlen);
	rc = rc ? rc : put_tag(out, NET_MSG_BYTES, WT_LEN);
	rc = rc ? rc : net_pb_put_varint(out, bodylen);
	rc = rc ? rc : put_bytes_field(out, 4, p, n);
	if (rc != 0) {
		out->len = len0;
	}
	return rc;
}

int
net_pb_msg_put_resize(struct core_buf *out, int32_t width, int32_t height)
{
	uint8_t body[2 * (1 + VARINT_MAX)];
	size_t n = 0;

	/* ResizeMessage { int32 width = 5; int32 height = 6; }: int32 is
	 * sign-extended to 64 bits on the wire */
	body[n++] = 5 << 3 | WT_VARINT;
	n += enc_varint(body + n, (uint64_t)(int64_t)width);
	body[n++] = 6 << 3 | WT_VARINT;
	n += enc_varint(body + n, (uint64_t)(int64_t)height);
	return put_msg_ins(out, NET_MSG_RESIZE, body, n);
}

int
net_pb_msg_put_echoack(struct core_buf *out, uint64_t num)
{
	uint8_t body[1 + VARINT_MAX];
	size_t n = 0;

	/* EchoAck { uint64 echo_ack_num = 8; } */
	body[n++] = 8 << 3 | WT_VARINT;
	n += enc_varint(body + n, num);
	return put_msg_ins(out, NET_MSG_ECHOACK, body, n);
}

void
net_pb_msg_iter_init(struct net_pb_msg_iter *it, const uint8_t *p, size_t n)
{
	core_rd_init(&it->rd, p, n);
	core_rd_init(&it->ins, p, 0);
}

/* Parses the body of extension `kind` into *item. */
static int
parse_ext(enum net_msg_kind kind, const uint8_t *p, size_t n,
    struct net_msg_item *item)
{
	struct net_msg_item d;
	struct core_rd r;
	uint32_t field;
	unsigned wt;
	uint64_t v;
	int rc;

	memset(&d, 0, sizeof(d));
	d.kind = kind;
	d.bytes = p;
	core_rd_init(&r, p, n);
	while (core_rd_left(&r) > 0) {
		rc = get_tag(&r, &field, &wt);
		if (rc != 0) {
			return rc;
		}
		if (kind == NET_MSG_BYTES && field == 4 && wt == WT_LEN) {
			rc = get_len(&r, &d.bytes, &d.len);
		} else if (wt == WT_VARINT && ((kind == NET_MSG_RESIZE &&
		    (field == 5 || field == 6)) ||
		    (kind == NET_MSG_ECHOACK && field == 8))) {
			rc = net_pb_get_varint(&r, &v);
			if (rc != 0) {
				return rc;
			}
			/* int32 fields keep the low 32 bits */
			if (field == 5) {
				d.width = (int32_t)(uint32_t)v;
			} else if (field == 6) {
				d.height = (int32_t)(uint32_t)v;
			} else {
				d.echo_ack = v;
			}
		} else {
			rc = skip(&r, wt);
		}
		if (rc != 0) {
			return rc;
		}
	}
	*item = d;
	return 0;
}

int
net_pb_msg_next(struct net_pb_msg_iter *it, struct net_msg_item *item)
{
	struct core_rd rd = it->rd, ins = it->ins;
	const uint8_t *p;
	uint32_t field;
	unsigned wt;
	size_t n;
	int rc;

	for (;;) {
		if (core_rd_left(&ins) == 0) {
			/* next Instruction of the message */
			if (core_rd_left(&rd) == 0) {
				it->rd = rd;
				it->ins = ins;
				return 0;
			}
			rc = get_tag(&rd, &field, &wt);
			if (rc == 0 && field == 1 && wt == WT_LEN) {
				rc = get_len(&rd, &p, &n);
				if (rc == 0) {
					core_rd_init(&ins, p, n);
				}
			} else if (rc == 0) {
				rc = skip(&rd, wt);
			}
			if (rc != 0) {
				return rc;
			}
			continue;
		}
		rc = get_tag(&ins, &field, &wt);
		if (rc != 0) {
			return rc;
		}
		if (wt == WT_LEN && (field == NET_MSG_BYTES ||
		    field == NET_MSG_RESIZE || field == NET_MSG_ECHOACK)) {
			rc = get_len(&ins, &p, &n);
			if (rc == 0) {
				rc = parse_ext((enum net_msg_kind)field, p, n,
				    item);
			}
			if (rc != 0) {
				return rc;
			}
			it->rd = rd;
			it->ins = ins;
			return 1;
		}
		rc = skip(&ins, wt);
		if (rc != 0) {
			return rc;
		}
	}
}
