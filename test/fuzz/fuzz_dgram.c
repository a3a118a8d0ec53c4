/*
 * test/fuzz/fuzz_dgram.c - the datagram layer against hostile bytes.
 *
 * 1. The input as a received datagram, opened by both ends under a fixed
 *    key (the session_exit key, so captured datagrams in the seed corpus
 *    authenticate and reach the checks after the tag).
 * 2. The input as a script of authentic datagrams: records
 *    [seq_lo u8][flags u8][now u8][len u8][len bytes], each sealed under
 *    the key (seq and direction chosen by the record, so replays, reorders
 *    and reflections happen) and fed to one receiver, which must keep its
 *    promises: an accepted seq is never accepted twice; payloads come
 *    back intact.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "net/dgram.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t key[16] = {
	0x32, 0x42, 0xd9, 0x3d, 0xa5, 0xdb, 0x69, 0xc7,
	0x2d, 0xe2, 0x99, 0x50, 0x00, 0x4e, 0xaa, 0x02
};

static void
open_raw(const uint8_t *data, size_t size)
{
	static uint8_t out[NET_DGRAM_RECV_MAX];
	struct net_dgram end;
	struct net_dgram_rx rx;
	int dir, rc;

	if (size > NET_DGRAM_RECV_MAX) {
		return;
	}
	for (dir = 0; dir < 2; dir++) {
		net_dgram_init(&end, key, (enum net_dgram_dir)dir, CRYPTO_AES_AUTO);
		rc = net_dgram_open(&end, data, size, 1000, dir == 1, out,
		    sizeof(out), &rx);
		if (rc == 0 && (rx.payload_len + 28 != size ||
		    rx.payload != out + 4)) {
			abort();
		}
		net_dgram_fini(&end);
	}
}

static void
script(const uint8_t *data, size_t size)
{
	static uint8_t dg[300], out[300];
	static uint8_t accepted[256];
	struct net_dgram rxend, txend;
	struct net_dgram_rx rx;
	uint8_t nonce[12] = { 0 };
	uint64_t now = 0, seq;
	size_t len, pos = 0, dlen = 0;
	int rc;

	memset(accepted, 0, sizeof(accepted));
	net_dgram_init(&rxend, key, NET_DGRAM_TO_CLIENT, CRYPTO_AES_AUTO);
	net_dgram_init(&txend, key, NET_DGRAM_TO_SERVER, CRYPTO_AES_AUTO);
	while (pos + 4 <= size) {
		uint8_t flags = data[pos + 1];

		seq = data[pos];
		now += data[pos + 2] * 16u;
		len = data[pos + 3];
		pos += 4;
		if (len > size - pos) {
			len = size - pos;
		}
		if (flags & 1) {
			/* through the real sender: its own seq and clock */
			rc = net_dgram_seal(&txend, data + pos, len, now, dg,
			    sizeof(dg), &dlen);
			if (rc < 0) {
				abort();
			}
			seq = txend.next_seq - 1;
		} else {
			/* hand-made: any seq, maybe the wrong direction */
			core_st_be64(dg, (uint64_t)(flags >> 7) << 63 | seq);
			memcpy(nonce + 4, dg, 8);
			crypto_session_seal(&txend.sess, nonce, data + pos, len,
			    dg + 8);
			dlen = len + 24;
		}
		if (flags & 2 && dlen > 0) {
			dg[(flags >> 2) % dlen] ^= 0x10;	/* tamper */
		}
		rc = net_dgram_open(&rxend, dg, dlen, now, flags & 4, out,
		    sizeof(out), &rx);
		if (rc == 0) {
			if (rx.seq < 256) {
				if (accepted[rx.seq]) {
					abort();	/* a replay got through */
				}
				accepted[rx.seq] = 1;
			}
			if (!(flags & 2) && (flags & 1) &&
			    (rx.payload_len != len ||
			    memcmp(rx.payload, data + pos, len) != 0)) {
				abort();
			}
			(void)net_dgram_timeout(&rxend);
			(void)net_dgram_send_interval(&rxend);
		} else if (!(flags & 2) && rc == CORE_E_AUTH) {
			abort();	/* untampered yet refused by the tag */
		}
		pos += len;
	}
	net_dgram_fini(&rxend);
	net_dgram_fini(&txend);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	open_raw(data, size);
	script(data, size);
	return 0;
}
