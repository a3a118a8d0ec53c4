/*
 * net/conn.c - instruction <-> datagrams.
 *
 * Buffers are owned per connection and reused, so a steady session does
 * not allocate.  Their limits: the inflated instruction is bounded by
 * stock's 4 MiB (NET_ZLIB_MAX_INFLATE); a reassembly by the same (a
 * compressed stream is never larger than what it inflates to by much,
 * and stock's sender could not produce more).
 */
#include <string.h>

#include "core/err.h"
#include "net/conn.h"

/* Room for the protobuf framing around a 4 MiB diff. */
#define CONN_ENC_MAX (NET_ZLIB_MAX_INFLATE + 1024)
/* Deflate of incompressible data grows by ~5 bytes per 64 KiB block. */
#define CONN_Z_MAX (CONN_ENC_MAX + CONN_ENC_MAX / 1000 + 1024)

int
net_conn_init(struct net_conn *c, const uint8_t key[16],
    enum net_dgram_dir dir, size_t mtu)
{
	int err;

	memset(c, 0, sizeof *c);
	if ((err = net_dgram_init(&c->dg, key, dir, CRYPTO_AES_AUTO)) < 0) {
		return err;
	}
	net_fragmenter_init(&c->fr);
	net_reasm_init(&c->ra, CONN_Z_MAX, NET_FRAG_COUNT_MAX);
	core_buf_init(&c->enc, CONN_ENC_MAX);
	core_buf_init(&c->z, CONN_Z_MAX);
	net_zlib_deflater_init(&c->defl);
	core_buf_init(&c->asmb, CONN_Z_MAX);
	core_buf_init(&c->inst, NET_ZLIB_MAX_INFLATE);
	c->mtu = mtu;
	return 0;
}

void
net_conn_fini(struct net_conn *c)
{
	net_dgram_fini(&c->dg);
	net_reasm_fini(&c->ra);
	core_buf_fini(&c->enc);
	core_buf_fini(&c->z);
	net_zlib_deflater_fini(&c->defl);
	core_buf_fini(&c->asmb);
	core_buf_fini(&c->inst);
}

void
net_conn_set_mtu(struct net_conn *c, size_t mtu)
{
	c->mtu = mtu;
}

int
net_conn_send(struct net_conn *c, const struct net_instruction *ins,
    uint64_t now, net_conn_emit emit, void *user)
{
	uint8_t frag[NET_DGRAM_RECV_MAX], dg[NET_DGRAM_RECV_MAX];
	struct net_frag_seq seq;
	size_t flen, dlen;
	int err, r;

	core_buf_reset(&c->enc);
	core_buf_reset(&c->z);
	if ((err = net_pb_instruction_encode(ins, &c->enc)) < 0 ||
	    (err = net_zlib_deflater_run(&c->defl, c->enc.p, c->enc.len,
	    &c->z)) < 0) {
		return err;
	}
	err = net_fragmenter_split(&c->fr, ins, c->z.p, c->z.len,
	    net_dgram_chunk_size(c->mtu), &seq);
	if (err < 0) {
		return err;
	}
	while ((r = net_frag_seq_next(&seq, frag, sizeof frag, &flen)) == 1) {
		err = net_dgram_seal(&c->dg, frag, flen, now, dg, sizeof dg, &dlen);
		if (err < 0) {
			return err;
		}
		c->st.dg_sent++;
		if ((err = emit(user, dg, dlen)) < 0) {
			return err;
		}
	}
	return r;
}

static int
count_drop(struct net_conn *c, int err)
{
	switch (err) {
	case CORE_E_TRUNC:
	case CORE_E_LIMIT:
		c->st.bad_trunc++;
		break;
	case CORE_E_AUTH:
		c->st.bad_auth++;
		break;
	case CORE_E_DIRECTION:
		c->st.bad_direction++;
		break;
	case CORE_E_REPLAY:
		c->st.bad_replay++;
		break;
	default:
		break;
	}
	return err;
}

int
net_conn_recv(struct net_conn *c, const uint8_t *dg, size_t n,
    uint64_t now, bool ce, struct net_instruction *ins,
    struct net_dgram_rx *rx)
{
	uint8_t plain[NET_DGRAM_RECV_MAX];
	struct net_frag f;
	int err;

	memset(rx, 0, sizeof *rx);
	err = net_dgram_open(&c->dg, dg, n, now, ce, plain, sizeof plain, rx);
	if (err < 0) {
		return count_drop(c, err);
	}
	c->st.dg_recv++;
	core_buf_reset(&c->asmb);
	if ((err = net_frag_parse(&f, rx->payload, rx->payload_len)) < 0 ||
	    (err = net_reasm_add(&c->ra, &f, &c->asmb)) < 0) {
		c->st.bad_frag++;
		return err;
	}
	rx->payload = NULL;	/* pointed into our stack */
	if (err == 0) {
		return 0;
	}
	core_buf_reset(&c->inst);
	if ((err = net_zlib_inflate(c->asmb.p, c->asmb.len, &c->inst)) < 0) {
		c->st.bad_zlib++;
		return err;
	}
	if ((err = net_pb_instruction_decode(ins, c->inst.p, c->inst.len)) < 0) {
		c->st.bad_pb++;
		return err;
	}
	c->st.instructions++;
	return 1;
}
