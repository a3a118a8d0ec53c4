/*
 * net/frag.c - fragment header codec, fragmenter and reassembler
 * (frag.h; PROTOCOL.md section 4).
 *
 * The reassembler keeps chunks in one byte buffer in arrival order, with
 * a slot per fragment number giving offset and length, so fragments may
 * come in any order and with any chunk sizes (a hostile peer need not cut
 * evenly).  Every check is done before any state changes, so a refused
 * fragment never damages an assembly in progress.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "net/frag.h"

#define FINAL_BIT 0x8000u

int
net_frag_parse(struct net_frag *f, const uint8_t *p, size_t n)
{
	uint16_t w;

	if (n < NET_FRAG_HEADER_LEN) {
		return CORE_E_TRUNC;
	}
	f->id = core_ld_be64(p);
	w = core_ld_be16(p + 8);
	f->final = (w & FINAL_BIT) != 0;
	f->num = (uint16_t)(w & ~FINAL_BIT);
	f->chunk = p + NET_FRAG_HEADER_LEN;
	f->len = n - NET_FRAG_HEADER_LEN;
	return 0;
}

/* --- sender ---------------------------------------------------------- */

void
net_fragmenter_init(struct net_fragmenter *fr)
{
	memset(fr, 0, sizeof(*fr));
}

static bool
same_as_last(const struct net_fragmenter *fr, const struct net_instruction *ins,
    size_t chunk_size)
{
	return fr->have_last && fr->version == ins->protocol_version &&
	    fr->old_num == ins->old_num && fr->new_num == ins->new_num &&
	    fr->ack_num == ins->ack_num &&
	    fr->throwaway_num == ins->throwaway_num &&
	    fr->chaff_len == ins->chaff_len &&
	    (ins->chaff_len == 0 ||
	    memcmp(fr->chaff, ins->chaff, ins->chaff_len) == 0) &&
	    fr->chunk_size == chunk_size;
}

int
net_fragmenter_split(struct net_fragmenter *fr,
    const struct net_instruction *ins, const uint8_t *z, size_t zlen,
    size_t chunk_size, struct net_frag_seq *seq)
{
	size_t count;

	if (chunk_size == 0 || ins->chaff_len > NET_CHAFF_MAX) {
		return CORE_E_INVAL;
	}
	count = zlen / chunk_size + (zlen % chunk_size != 0);
	if (count == 0) {
		count = 1;	/* an empty instruction is still one fragment */
	}
	if (count > NET_FRAG_COUNT_MAX) {
		return CORE_E_LIMIT;	/* stock mosh aborts here */
	}
	if (!same_as_last(fr, ins, chunk_size)) {
		fr->id++;
		fr->have_last = true;
		fr->version = ins->protocol_version;
		fr->old_num = ins->old_num;
		fr->new_num = ins->new_num;
		fr->ack_num = ins->ack_num;
		fr->throwaway_num = ins->throwaway_num;
		fr->chaff_len = ins->chaff_len;
		if (ins->chaff_len > 0) {
			memcpy(fr->chaff, ins->chaff, ins->chaff_len);
		}
		fr->chunk_size = chunk_size;
	}
	seq->id = fr->id;
	seq->data = z;
	seq->len = zlen;
	seq->chunk_size = chunk_size;
	seq->count = count;
	seq->next = 0;
	return 0;
}

int
net_frag_seq_next(struct net_frag_seq *seq, uint8_t *out, size_t outmax,
    size_t *outlen)
{
	size_t off, len;
	uint16_t w;

	if (seq->next >= seq->count) {
		return 0;
	}
	off = seq->next * seq->chunk_size;
	len = seq->len - off < seq->chunk_size ? seq->len - off : seq->chunk_size;
	if (outmax < NET_FRAG_HEADER_LEN || outmax - NET_FRAG_HEADER_LEN < len) {
		return CORE_E_LIMIT;
	}
	w = (uint16_t)seq->next;
	if (seq->next == seq->count - 1) {
		w |= FINAL_BIT;
	}
	core_st_be64(out, seq->id);
	core_st_be16(out + 8, w);
	if (len > 0) {
		memcpy(out + NET_FRAG_HEADER_LEN, seq->data + off, len);
	}
	*outlen = NET_FRAG_HEADER_LEN + len;
	seq->next++;
	return 1;
}

/* --- receiver -------------------------------------------------------- */

void
net_reasm_init(struct net_reasm *r, size_t max_bytes, size_t max_frags)
{
	memset(r, 0, sizeof(*r));
	if (max_bytes > UINT32_MAX) {
		max_bytes = UINT32_MAX;	/* slot offsets are 32-bit */
	}
	if (max_frags > NET_FRAG_COUNT_MAX) {
		max_frags = NET_FRAG_COUNT_MAX;
	}
	core_buf_init(&r->data, max_bytes);
	r->max_frags = max_frags;
	r->final_num = -1;
}

void
net_reasm_fini(struct net_reasm *r)
{
	core_buf_fini(&r->data);
	free(r->slots);
	memset(r, 0, sizeof(*r));
}

void
net_reasm_reset(struct net_reasm *r)
{
	size_t n = r->nslots;

	if (r->slots != NULL && r->distinct > 0) {
		n = (size_t)r->max_num + 1 < n ? (size_t)r->max_num + 1 : n;
		memset(r->slots, 0, n * sizeof(*r->slots));
	}
	core_buf_reset(&r->data);
	r->final_num = -1;
	r->max_num = 0;
	r->distinct = 0;
}

/* Makes slots[0..num] addressable.  0 or CORE_E_NOMEM. */
static int
grow_slots(struct net_reasm *r, size_t num)
{
	struct net_reasm_slot *s;
	size_t want;

	if (num < r->nslots) {
		return 0;
	}
	want = r->nslots < 16 ? 16 : r->nslots * 2;
	if (want < num + 1) {
		want = num + 1;
	}
	if (want > r->max_frags) {
		want = r->max_frags;
	}
	s = realloc(r->slots, want * sizeof(*s));
	if (s == NULL) {
		return CORE_E_NOMEM;
	}
	memset(s + r->nslots, 0, (want - r->nslots) * sizeof(*s));
	r->slots = s;
	r->nslots = want;
	return 0;
}

/* The checks against an assembly in progress for the same id. */
static int
check_same_id(const struct net_reasm *r, const struct net_frag *f)
{
	const struct net_reasm_slot *s;

	if (f->num < r->nslots && r->slots[f->num].present) {
		s = &r->slots[f->num];
		if (s->len == f->len &&
		    (f->len == 0 || memcmp(r->data.p + s->off, f->chunk, f->len) == 0)) {
			return 1;	/* harmless duplicate */
		}
		return CORE_E_BADMSG;
	}
	if (r->final_num >= 0 && (f->num > (uint32_t)r->final_num || f->final)) {
		return CORE_E_BADMSG;	/* beyond the end, or a second end */
	}
	if (f->final && r->distinct > 0 && f->num < r->max_num) {
		return CORE_E_BADMSG;	/* an end before a fragment we hold */
	}
	if (f->len > r->data.max - r->data.len) {
		return CORE_E_LIMIT;
	}
	return 0;
}

int
net_reasm_add(struct net_reasm *r, const struct net_frag *f,
    struct core_buf *out)
{
	bool fresh = !r->active || f->id != r->id;
	size_t have = fresh ? 0 : r->data.len, distinct, i;
	int32_t final;
	int rc;

	if (f->num >= r->max_frags) {
		return CORE_E_LIMIT;
	}
	if (fresh) {
		if (f->len > r->data.max) {
			return CORE_E_LIMIT;
		}
	} else {
		rc = check_same_id(r, f);
		if (rc != 0) {
			return rc > 0 ? 0 : rc;
		}
	}
	distinct = (fresh ? 0 : r->distinct) + 1;
	final = f->final ? (int32_t)f->num : fresh ? -1 : r->final_num;
	if (final >= 0 && distinct == (size_t)final + 1) {
		/* completes: make sure the result fits before touching state */
		rc = core_buf_reserve(out, have + f->len);
		if (rc < 0) {
			return rc;
		}
	}
	rc = grow_slots(r, f->num);
	if (rc < 0) {
		return rc;
	}
	if (fresh) {
		net_reasm_reset(r);
		r->active = true;
		r->id = f->id;
	}
	r->slots[f->num].off = (uint32_t)r->data.len;
	r->slots[f->num].len = (uint32_t)f->len;
	r->slots[f->num].present = true;
	if (f->len > 0) {
		rc = core_buf_append(&r->data, f->chunk, f->len);
		if (rc < 0) {
			r->slots[f->num].present = false;
			return rc;
		}
	}
	if (distinct == 1 || f->num > r->max_num) {
		r->max_num = f->num;
	}
	r->distinct = (uint32_t)distinct;
	r->final_num = final;
	if (final < 0 || distinct != (size_t)final + 1) {
		return 0;
	}
	for (i = 0; i <= (size_t)final; i++) {
		const struct net_reasm_slot *s = &r->slots[i];

		if (s->len > 0) {
			core_buf_append(out, r->data.p + s->off, s->len);
		}
	}
	net_reasm_reset(r);
	return 1;
}
