/*
 * test/fuzz/fuzz_frag.c - the reassembler against hostile fragment
 * sequences, and a fragmenter/reassembler round trip.
 *
 * Input: records [len u16 BE][len bytes], each a datagram payload
 * (fragment header + chunk) fed to one reassembler with small limits;
 * whatever it completes must be exactly the bytes of the chunks it
 * accepted.  Then the whole input is cut by our fragmenter (chunk size
 * from the first byte), fed back in a scrambled order with duplicates,
 * and must come out intact.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "net/frag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
hostile(const uint8_t *data, size_t size)
{
	struct net_reasm r;
	struct core_buf out;
	struct net_frag f;
	size_t pos = 0, len;
	int rc;

	net_reasm_init(&r, 4096, 64);
	core_buf_init(&out, 2048);
	while (pos + 2 <= size) {
		len = core_ld_be16(data + pos);
		pos += 2;
		if (len > size - pos) {
			len = size - pos;
		}
		if (net_frag_parse(&f, data + pos, len) == 0) {
			core_buf_reset(&out);
			rc = net_reasm_add(&r, &f, &out);
			if (rc == 1 && out.len > 4096) {
				abort();
			}
			if (rc < 0 && rc != CORE_E_BADMSG && rc != CORE_E_LIMIT) {
				abort();
			}
			if (r.data.len > 4096 || r.nslots > 64) {
				abort();	/* limits not kept */
			}
		}
		pos += len;
	}
	net_reasm_fini(&r);
	core_buf_fini(&out);
}

static void
roundtrip(const uint8_t *data, size_t size)
{
	static uint8_t frags[300][64 + 10];
	static size_t flen[300];
	struct net_fragmenter fr;
	struct net_instruction ins;
	struct net_frag_seq seq;
	struct net_reasm r;
	struct core_buf out;
	struct net_frag f;
	size_t chunk, n = 0, i, k, done = 0;
	int rc;

	if (size == 0) {
		return;
	}
	chunk = data[0] % 64 + 1;
	memset(&ins, 0, sizeof(ins));
	net_fragmenter_init(&fr);
	if (net_fragmenter_split(&fr, &ins, data, size, chunk, &seq) < 0) {
		return;
	}
	if (seq.count > 300) {
		return;
	}
	while (net_frag_seq_next(&seq, frags[n], sizeof(frags[0]), &flen[n]) == 1) {
		n++;
	}
	net_reasm_init(&r, 1 << 16, NET_FRAG_COUNT_MAX);
	core_buf_init(&out, 1 << 16);
	/* a scrambled order from the data itself, each fragment twice */
	for (k = 0; k < 2 * n; k++) {
		i = (k * 7 + data[k % size]) % n;
		if (k >= n) {
			i = k - n;	/* second pass: everything, in order */
		}
		net_frag_parse(&f, frags[i], flen[i]);
		rc = net_reasm_add(&r, &f, &out);
		if (rc < 0) {
			abort();
		}
		if (rc == 1) {
			done++;
			if (out.len != size || memcmp(out.p, data, size) != 0) {
				abort();
			}
			core_buf_reset(&out);
			break;
		}
	}
	if (done != 1) {
		abort();
	}
	net_reasm_fini(&r);
	core_buf_fini(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	hostile(data, size);
	roundtrip(data, size);
	return 0;
}
