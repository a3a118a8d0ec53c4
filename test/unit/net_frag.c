/*
 * test/unit/net_frag.c - fragment header, the instruction-id rule, and
 * fragmenter/reassembler round trips under reordering, duplication, loss,
 * interleaving and limits (PROTOCOL.md section 4).
 */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "net/frag.h"
#include "test/harness.h"

static uint32_t rng = 1;

static uint32_t
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static void
header(void)
{
	uint8_t p[16];
	struct net_frag f;

	test_unhex("00000000000000038000abcd", p, sizeof(p));
	CHECK_INT(0, net_frag_parse(&f, p, 12));
	CHECK_U64(3, f.id);
	CHECK(f.final);
	CHECK_INT(0, f.num);
	CHECK_INT(2, f.len);
	CHECK(f.chunk == p + 10);
	test_unhex("0102030405060708fffe", p, sizeof(p));
	CHECK_INT(0, net_frag_parse(&f, p, 10));
	CHECK_U64(0x0102030405060708ull, f.id);
	CHECK(f.final);
	CHECK_INT(0x7ffe, f.num);
	CHECK_INT(0, f.len);
	p[8] = 0x7f;
	CHECK_INT(0, net_frag_parse(&f, p, 10));
	CHECK(!f.final);
	CHECK_INT(0x7ffe, f.num);
	CHECK_INT(CORE_E_TRUNC, net_frag_parse(&f, p, 9));
	CHECK_INT(CORE_E_TRUNC, net_frag_parse(&f, p, 0));
}

static void
base_ins(struct net_instruction *ins)
{
	static const uint8_t chaff[3] = { 1, 2, 3 };

	memset(ins, 0, sizeof(*ins));
	ins->protocol_version = 2;
	ins->old_num = 1;
	ins->new_num = 3;
	ins->ack_num = 2;
	ins->throwaway_num = 1;
	ins->chaff = chaff;
	ins->chaff_len = 3;
}

static uint64_t
split_id(struct net_fragmenter *fr, const struct net_instruction *ins,
    size_t chunk)
{
	struct net_frag_seq seq;
	uint8_t z[4] = { 0 };

	CHECK_INT(0, net_fragmenter_split(fr, ins, z, sizeof(z), chunk, &seq));
	return seq.id;
}

/* Section 4: the id starts at 1 and moves when any compared field does. */
static void
instruction_ids(void)
{
	struct net_fragmenter fr;
	struct net_instruction ins;
	uint8_t other[3] = { 1, 2, 4 }, diff[2] = { 9, 9 };
	uint64_t id = 1;

	net_fragmenter_init(&fr);
	base_ins(&ins);
	CHECK_U64(1, split_id(&fr, &ins, 1214));
	CHECK_U64(1, split_id(&fr, &ins, 1214));	/* retransmission */
	ins.diff = diff;	/* the diff is not compared */
	ins.diff_len = 2;
	CHECK_U64(1, split_id(&fr, &ins, 1214));
#define BUMP(stmt) do { stmt; id++; CHECK_U64(id, split_id(&fr, &ins, 1214)); \
	CHECK_U64(id, split_id(&fr, &ins, 1214)); } while (0)
	BUMP(ins.old_num = 2);
	BUMP(ins.new_num = 4);
	BUMP(ins.ack_num = 3);
	BUMP(ins.throwaway_num = 2);
	BUMP(ins.protocol_version = 3);
	BUMP(ins.chaff = other);
	BUMP(ins.chaff_len = 2);
	BUMP(ins.chaff_len = 0);
	BUMP(ins.new_num = UINT64_MAX);
#undef BUMP
	/* the chunk size counts too */
	CHECK_U64(id + 1, split_id(&fr, &ins, 462));
	CHECK_U64(id + 1, split_id(&fr, &ins, 462));
	CHECK_U64(id + 2, split_id(&fr, &ins, 1214));
}

static void
split_shapes(void)
{
	struct net_fragmenter fr;
	struct net_instruction ins;
	struct net_frag_seq seq;
	struct net_frag f;
	static uint8_t z[40000];
	uint8_t out[1300];
	size_t i, n = 0, total = 0;
	uint8_t chaff[17] = { 0 };

	for (i = 0; i < sizeof(z); i++) {
		z[i] = (uint8_t)(i * 31 + 7);
	}
	net_fragmenter_init(&fr);
	base_ins(&ins);
	CHECK_INT(0, net_fragmenter_split(&fr, &ins, z, 2500, 1214, &seq));
	CHECK_INT(3, seq.count);
	for (i = 0; i < 3; i++) {
		CHECK_INT(1, net_frag_seq_next(&seq, out, sizeof(out), &n));
		CHECK_INT(10 + (i < 2 ? 1214 : 72), n);
		CHECK_INT(0, net_frag_parse(&f, out, n));
		CHECK_U64(1, f.id);
		CHECK_INT(i, f.num);
		CHECK(f.final == (i == 2));
		CHECK_MEM(z + total, f.len, f.chunk, f.len);
		total += f.len;
	}
	CHECK_INT(0, net_frag_seq_next(&seq, out, sizeof(out), &n));
	/* an exact multiple: no empty tail fragment */
	CHECK_INT(0, net_fragmenter_split(&fr, &ins, z, 2428, 1214, &seq));
	CHECK_INT(2, seq.count);
	/* output too small: refused without consuming */
	CHECK_INT(CORE_E_LIMIT, net_frag_seq_next(&seq, out, 1223, &n));
	CHECK_INT(1, net_frag_seq_next(&seq, out, 1224, &n));
	CHECK_INT(0, core_ld_be16(out + 8));
	/* empty: one fragment, "80 00" */
	CHECK_INT(0, net_fragmenter_split(&fr, &ins, NULL, 0, 1214, &seq));
	CHECK_INT(1, net_frag_seq_next(&seq, out, sizeof(out), &n));
	CHECK_INT(10, n);
	CHECK_INT(0x8000, core_ld_be16(out + 8));
	/* 32768 fragments at most */
	CHECK_INT(0, net_fragmenter_split(&fr, &ins, z, 32768, 1, &seq));
	CHECK_INT(32768, seq.count);
	while (net_frag_seq_next(&seq, out, sizeof(out), &n) == 1) {
		total = n;
	}
	CHECK_INT(0xffff, core_ld_be16(out + 8));	/* final, num 32767 */
	CHECK_INT(CORE_E_LIMIT, net_fragmenter_split(&fr, &ins, z, 32769, 1,
	    &seq));
	CHECK_INT(CORE_E_INVAL, net_fragmenter_split(&fr, &ins, z, 10, 0, &seq));
	ins.chaff = chaff;
	ins.chaff_len = 17;
	CHECK_INT(CORE_E_INVAL, net_fragmenter_split(&fr, &ins, z, 10, 100,
	    &seq));
	/* errors did not move the id: same fields as before, id stays */
	base_ins(&ins);
	CHECK_U64(2, split_id(&fr, &ins, 1));
}

/* Fragments of z[0..n) with random chunk size, stored in fr[]/len[]. */
struct frags {
	uint8_t buf[64][300];
	size_t len[64];
	size_t count;
};

static void
make_frags(struct frags *fs, struct net_fragmenter *fr, uint64_t new_num,
    const uint8_t *z, size_t n, size_t chunk)
{
	struct net_instruction ins;
	struct net_frag_seq seq;

	base_ins(&ins);
	ins.new_num = new_num;
	CHECK_INT(0, net_fragmenter_split(fr, &ins, z, n, chunk, &seq));
	CHECK(seq.count <= 64);
	fs->count = 0;
	while (fs->count < 64 && net_frag_seq_next(&seq, fs->buf[fs->count],
	    sizeof(fs->buf[0]), &fs->len[fs->count]) == 1) {
		fs->count++;
	}
}

static int
feed(struct net_reasm *r, const struct frags *fs, size_t i,
    struct core_buf *out)
{
	struct net_frag f;

	CHECK_INT(0, net_frag_parse(&f, fs->buf[i], fs->len[i]));
	return net_reasm_add(r, &f, out);
}

static void
shuffle(size_t *o, size_t n)
{
	size_t i, j, t;

	for (i = 0; i < n; i++) {
		o[i] = i;
	}
	for (i = n; i > 1; i--) {
		j = rnd() % i;
		t = o[i - 1];
		o[i - 1] = o[j];
		o[j] = t;
	}
}

/* Any order, with duplicates, completes exactly once with the data. */
static void
roundtrip_reorder_dup(void)
{
	static struct frags fs;
	struct net_fragmenter fr;
	struct net_reasm r;
	struct core_buf out;
	uint8_t z[5000];
	size_t order[64], i, iter, n, chunk, done;
	int rc;

	net_fragmenter_init(&fr);
	net_reasm_init(&r, 1 << 22, NET_FRAG_COUNT_MAX);
	core_buf_init(&out, 1 << 22);
	for (iter = 0; iter < 300; iter++) {
		n = rnd() % 5000;
		chunk = 100 + rnd() % 190;
		for (i = 0; i < n; i++) {
			z[i] = (uint8_t)rnd();
		}
		make_frags(&fs, &fr, iter + 10, z, n, chunk);
		shuffle(order, fs.count);
		core_buf_reset(&out);
		done = 0;
		for (i = 0; i < fs.count; i++) {
			rc = feed(&r, &fs, order[i], &out);
			if (i + 1 < fs.count) {
				CHECK_INT(0, rc);
				if (rnd() % 3 == 0) {	/* a duplicate of one seen */
					CHECK_INT(0, feed(&r, &fs, order[rnd() % (i + 1)],
					    &out));
				}
			} else {
				CHECK_INT(1, rc);
				done++;
			}
		}
		CHECK_INT(1, done);
		CHECK_MEM(z, n, out.p, out.len);
		CHECK_INT(0, r.distinct);
	}
	net_reasm_fini(&r);
	core_buf_fini(&out);
}

static void
loss_and_interleave(void)
{
	static struct frags a, b;
	struct net_fragmenter fr;
	struct net_reasm r;
	struct core_buf out;
	uint8_t za[1000], zb[700];
	size_t i;

	memset(za, 'a', sizeof(za));
	memset(zb, 'b', sizeof(zb));
	net_fragmenter_init(&fr);
	net_reasm_init(&r, 1 << 20, 1000);
	core_buf_init(&out, 1 << 20);
	make_frags(&a, &fr, 1, za, sizeof(za), 200);	/* id 1: 5 fragments */
	make_frags(&b, &fr, 2, zb, sizeof(zb), 200);	/* id 2: 4 fragments */
	CHECK_INT(5, a.count);
	CHECK_INT(4, b.count);
	/* a loses fragment 2: never completes */
	for (i = 0; i < a.count; i++) {
		if (i != 2) {
			CHECK_INT(0, feed(&r, &a, i, &out));
		}
	}
	/* b starts: a's partial assembly is dropped */
	CHECK_INT(0, feed(&r, &b, 3, &out));
	CHECK_INT(1, r.distinct);
	/* a's missing fragment now starts a fresh, hopeless, assembly of a */
	CHECK_INT(0, feed(&r, &a, 2, &out));
	CHECK_U64(1, r.id);
	/* interleaved: b completes only when fed without a in between */
	for (i = 0; i < b.count; i++) {
		CHECK_INT(i + 1 == b.count ? 1 : 0, feed(&r, &b, i, &out));
	}
	CHECK_MEM(zb, sizeof(zb), out.p, out.len);
	/* a retransmitted whole (same id) still completes */
	core_buf_reset(&out);
	for (i = a.count; i-- > 0;) {
		CHECK_INT(i == 0 ? 1 : 0, feed(&r, &a, i, &out));
	}
	CHECK_MEM(za, sizeof(za), out.p, out.len);
	/* a late duplicate after completion starts over (stock behaviour) */
	core_buf_reset(&out);
	CHECK_INT(0, feed(&r, &a, 4, &out));
	CHECK_INT(0, out.len);
	net_reasm_fini(&r);
	core_buf_fini(&out);
}

static void
add(struct net_reasm *r, uint64_t id, int final, unsigned num,
    const char *s, struct core_buf *out, int want)
{
	struct net_frag f;

	f.id = id;
	f.final = final != 0;
	f.num = (uint16_t)num;
	f.chunk = (const uint8_t *)s;
	f.len = strlen(s);
	CHECK_INT(want, net_reasm_add(r, &f, out));
}

static void
inconsistent(void)
{
	struct net_reasm r;
	struct core_buf out;

	net_reasm_init(&r, 1000, 100);
	core_buf_init(&out, 1000);
	add(&r, 7, 0, 0, "abc", &out, 0);
	add(&r, 7, 0, 0, "abc", &out, 0);		/* same: ignored */
	add(&r, 7, 0, 0, "abd", &out, CORE_E_BADMSG);	/* different content */
	add(&r, 7, 0, 0, "ab", &out, CORE_E_BADMSG);	/* different length */
	add(&r, 7, 0, 3, "jkl", &out, 0);
	add(&r, 7, 1, 2, "ghi", &out, CORE_E_BADMSG);	/* ends below 3 */
	add(&r, 7, 1, 4, "mn", &out, 0);
	add(&r, 7, 1, 5, "x", &out, CORE_E_BADMSG);	/* a second end */
	add(&r, 7, 0, 5, "x", &out, CORE_E_BADMSG);	/* beyond the end */
	add(&r, 7, 1, 4, "mn", &out, 0);		/* the same end again */
	add(&r, 7, 0, 1, "def", &out, 0);
	CHECK_INT(0, out.len);
	add(&r, 7, 0, 2, "ghi", &out, 1);
	CHECK_MEM("abcdefghijklmn", 14, out.p, out.len);
	/* a single fragment with an empty chunk */
	core_buf_reset(&out);
	add(&r, 8, 1, 0, "", &out, 1);
	CHECK_INT(0, out.len);
	net_reasm_fini(&r);
	core_buf_fini(&out);
}

static void
limits(void)
{
	struct net_reasm r;
	struct core_buf out, small;
	static char big[300];
	struct net_frag f;
	size_t i;

	memset(big, 'z', 100);
	net_reasm_init(&r, 250, 4);
	core_buf_init(&out, 1000);
	core_buf_init(&small, 150);
	add(&r, 1, 0, 4, "x", &out, CORE_E_LIMIT);	/* num >= 4 fragments */
	add(&r, 1, 0, 0, big, &out, 0);
	add(&r, 1, 0, 1, big, &out, 0);
	add(&r, 1, 0, 2, big, &out, CORE_E_LIMIT);	/* 300 > 250 bytes */
	add(&r, 1, 0, 3, "x", &out, 0);
	add(&r, 1, 1, 2, "tail", &out, CORE_E_BADMSG);	/* 3 is held */
	CHECK_INT(3, r.distinct);
	CHECK_INT(0, out.len);
	add(&r, 2, 1, 0, big, &small, 1);	/* new id: fits 150 */
	CHECK_INT(100, small.len);
	core_buf_reset(&small);
	add(&r, 3, 0, 0, big, &small, 0);
	/* the completion does not fit the output: refused, assembly kept */
	add(&r, 3, 1, 1, big, &small, CORE_E_LIMIT);	/* 200 > 150 */
	CHECK_INT(1, r.distinct);
	CHECK_INT(0, small.len);
	add(&r, 3, 1, 1, big, &out, 1);	/* then a roomier output works */
	CHECK_INT(200, out.len);
	/* a single chunk bigger than the whole budget */
	f.id = 4;
	f.final = true;
	f.num = 0;
	f.chunk = (const uint8_t *)big;
	f.len = 251;
	CHECK_INT(CORE_E_LIMIT, net_reasm_add(&r, &f, &out));
	net_reasm_fini(&r);
	/* the full 32768 fragments of one byte each */
	net_reasm_init(&r, 1 << 22, 1 << 20);
	core_buf_reset(&out);
	out.max = 1 << 16;
	f.id = 99;
	f.len = 1;
	for (i = 0; i < NET_FRAG_COUNT_MAX; i++) {
		uint8_t c = (uint8_t)i;

		f.num = (uint16_t)(NET_FRAG_COUNT_MAX - 1 - i);
		f.final = f.num == NET_FRAG_COUNT_MAX - 1;
		c = (uint8_t)f.num;
		f.chunk = &c;
		CHECK_INT(i + 1 == NET_FRAG_COUNT_MAX ? 1 : 0,
		    net_reasm_add(&r, &f, &out));
	}
	CHECK_INT(NET_FRAG_COUNT_MAX, out.len);
	CHECK_INT(0, out.len > 300 ? out.p[256] : 1);
	CHECK_INT(255, out.len > 300 ? out.p[255] : 0);
	net_reasm_fini(&r);
	core_buf_fini(&out);
	core_buf_fini(&small);
}

static const struct test tests[] = {
	T(header), T(instruction_ids), T(split_shapes), T(roundtrip_reorder_dup),
	T(loss_and_interleave), T(inconsistent), T(limits),
};
TEST_MAIN(tests)
