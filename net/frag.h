/*
 * net/frag.h - the fragment layer (PROTOCOL.md section 4).
 *
 * A fragment is the payload of one datagram:
 *   u64 instruction id | u16 (final << 15 | fragment_num) | chunk
 * The fragmenter cuts a compressed instruction into chunks and decides the
 * instruction id; the reassembler collects the chunks of one id in any
 * order and hands back the concatenation once all have arrived.
 *
 * Both are caller-owned.  The fragmenter allocates nothing; the
 * reassembler owns heap buffers bounded by the limits given at init and
 * must be freed with net_reasm_fini().
 */
#ifndef NET_FRAG_H
#define NET_FRAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "net/pb.h"

#define NET_FRAG_HEADER_LEN 10
#define NET_FRAG_COUNT_MAX 32768	/* fragment_num is 15 bits */

struct net_frag {
	uint64_t id;		/* instruction id */
	bool final;		/* last fragment of the instruction */
	uint16_t num;		/* 0-based fragment number, < 32768 */
	const uint8_t *chunk;	/* borrowed: points into the parsed payload */
	size_t len;
};

/* Parses a datagram payload. 0, or CORE_E_TRUNC if n < 10. */
int net_frag_parse(struct net_frag *f, const uint8_t *p, size_t n);

/* --- sender ---------------------------------------------------------- */

struct net_fragmenter {
	uint64_t id;		/* id of the last instruction split (0: none) */
	bool have_last;
	/* the fields of the last instruction that decide the id (section 4) */
	uint32_t version;
	uint64_t old_num, new_num, ack_num, throwaway_num;
	uint8_t chaff[NET_CHAFF_MAX];
	size_t chaff_len;
	size_t chunk_size;
};

/* The fragments of one instruction, produced one at a time. */
struct net_frag_seq {
	uint64_t id;
	const uint8_t *data;	/* borrowed: the compressed instruction */
	size_t len;
	size_t chunk_size;
	size_t count;		/* number of fragments, >= 1 */
	size_t next;		/* index of the next fragment to produce */
};

/* A fragmenter that has split nothing yet (the first id will be 1). */
void net_fragmenter_init(struct net_fragmenter *fr);

/*
 * Prepares the fragments of instruction `ins` whose compressed form is
 * z[0..zlen) (z must stay valid while *seq is used), chunk_size bytes of
 * it per fragment.  The instruction id starts at 1 and is bumped whenever
 * protocol_version, old/new/ack/throwaway_num, chaff or chunk_size
 * differ from the previous call's (the diff is not compared); otherwise
 * the id is reused, as stock mosh does for identical retransmissions.
 * Returns 0; CORE_E_INVAL if chunk_size is 0 or the chaff is longer than
 * NET_CHAFF_MAX; CORE_E_LIMIT if it would take more than 32768 fragments.
 * On error the fragmenter is unchanged.
 */
int net_fragmenter_split(struct net_fragmenter *fr,
    const struct net_instruction *ins, const uint8_t *z, size_t zlen,
    size_t chunk_size, struct net_frag_seq *seq);

/*
 * Writes the next fragment (header + chunk) to out[0..outmax) and sets
 * *outlen.  Returns 1 when a fragment was written, 0 when all were,
 * CORE_E_LIMIT if outmax is too small (nothing consumed).
 */
int net_frag_seq_next(struct net_frag_seq *seq, uint8_t *out, size_t outmax,
    size_t *outlen);

/* --- receiver -------------------------------------------------------- */

struct net_reasm_slot {
	uint32_t off;		/* offset of the chunk in data */
	uint32_t len;		/* chunk length; the slot is used iff present */
	bool present;
};

struct net_reasm {
	bool active;		/* fragments of `id` are being collected */
	uint64_t id;
	int32_t final_num;	/* -1 until the final fragment is seen */
	uint32_t max_num;	/* highest fragment number seen */
	uint32_t distinct;	/* distinct fragments held */
	struct core_buf data;	/* owned: the chunks, in arrival order */
	struct net_reasm_slot *slots;	/* owned, indexed by fragment number */
	size_t nslots;		/* allocated slots */
	size_t max_frags;	/* limit on fragment_num + 1 */
};

/*
 * An empty reassembler holding at most max_bytes of chunk data and
 * max_frags fragments (clamped to 32768) per instruction.  Allocates
 * nothing until the first fragment.
 */
void net_reasm_init(struct net_reasm *r, size_t max_bytes, size_t max_frags);
/* Frees the buffers; the reassembler must be re-initialised to be reused. */
void net_reasm_fini(struct net_reasm *r);

/*
 * Adds one fragment.  A new id discards any partial assembly; a duplicate
 * with identical content is ignored.  When the fragment completes the
 * instruction, the chunks are appended in order to `out` and 1 is
 * returned (the reassembler is then empty again, same id).  Returns 0 if
 * more fragments are needed.  Errors, which leave the assembly as it was:
 *   CORE_E_BADMSG  duplicate number with different content, a second
 *                  final fragment with another number, a number beyond
 *                  the final one, or a final flag below a number seen
 *   CORE_E_LIMIT   the byte or fragment limit would be exceeded, or out
 *                  cannot take the assembly (its max)
 *   CORE_E_NOMEM
 */
int net_reasm_add(struct net_reasm *r, const struct net_frag *f,
    struct core_buf *out);

/* Drops any partial assembly (keeps buffers for reuse). */
void net_reasm_reset(struct net_reasm *r);

#endif
