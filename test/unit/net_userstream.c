/*
 * test/unit/net_userstream.c - the user event stream: diffs byte for byte
 * against captured stock datagrams (PROTOCOL.md 7.2), apply/diff round
 * trips, prefix subtraction, hostile diffs, and the receiving engine's
 * take-diff with rebasing.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "net/pb.h"
#include "net/ssp.h"
#include "net/userstream.h"
#include "test/harness.h"

static int
diff_hex(const struct net_us *ref, const struct net_us *cur, const char *hex)
{
	struct core_buf b;
	uint8_t want[256];
	long n = test_unhex(hex, want, sizeof(want));
	int r;

	core_buf_init(&b, 1 << 20);
	r = net_us_ops.diff(NULL, ref, cur, &b);
	if (r == 0 && n == 0) {
		CHECK_INT(0, b.len);
	} else if (r == 0) {
		CHECK_MEM(want, (size_t)n, b.p, b.len);
	}
	core_buf_fini(&b);
	return r;
}

static void
captured_diffs(void)
{
	struct net_us *e = net_us_new(), *a = net_us_new();
	const char *s = "echo \xc3\xa9\xe6\xbc\xa2\r";

	CHECK_INT(0, net_us_push_resize(a, 80, 24));
	CHECK_INT(0, diff_hex(e, a, "0a061a0428503018"));
	net_us_free(a);
	a = net_us_new();
	CHECK_INT(0, net_us_push_bytes(a, (const uint8_t *)"e", 1));
	CHECK_INT(0, diff_hex(e, a, "0a0512032201" "65"));
	net_us_free(a);
	a = net_us_new();
	/* Typed one byte at a time, still one Keystroke. */
	while (*s) {
		CHECK_INT(0, net_us_push_bytes(a, (const uint8_t *)s++, 1));
	}
	CHECK_INT(0, diff_hex(e, a, "0a0f120d220b6563686f20c3a9e6bca20d"));
	CHECK_INT(11, net_us_event_count(a));
	net_us_free(a);
	net_us_free(e);
}

/* Runs of bytes merge; every resize stands alone and breaks a run. */
static void
merging(void)
{
	struct net_us *e = net_us_new(), *a = net_us_new();

	net_us_push_bytes(a, (const uint8_t *)"a", 1);
	net_us_push_bytes(a, (const uint8_t *)"b", 1);
	net_us_push_resize(a, 100, 30);
	net_us_push_bytes(a, (const uint8_t *)"cd", 2);
	net_us_push_resize(a, 1, 2);
	net_us_push_resize(a, -1, 70000);
	CHECK_INT(0, diff_hex(e, a,
	    "0a06120422026162"
	    "0a061a042864301e"
	    "0a06120422026364"
	    "0a061a0428013002"
	    "0a111a0f28ffffffffffffffffff0130f0a204"));
	CHECK_INT(7, net_us_event_count(a));
	net_us_free(a);
	net_us_free(e);
}

static void
prefix_rules(void)
{
	struct net_us *ref = net_us_new(), *cur = net_us_new();
	struct core_buf b;

	core_buf_init(&b, 1024);
	net_us_push_bytes(ref, (const uint8_t *)"a", 1);
	net_us_push_bytes(cur, (const uint8_t *)"a", 1);
	net_us_push_resize(cur, 9, 9);
	net_us_push_bytes(cur, (const uint8_t *)"b", 1);
	CHECK_INT(0, diff_hex(ref, cur, "0a061a0428093009" "0a0512032201" "62"));
	/* [a b] is not a prefix of [a R b] although the bytes are. */
	net_us_push_bytes(ref, (const uint8_t *)"b", 1);
	CHECK_INT(CORE_E_STATE, net_us_ops.diff(NULL, ref, cur, &b));
	CHECK_INT(CORE_E_STATE, net_us_ops.diff(NULL, cur, ref, &b));
	/* Equal streams: empty diff. */
	CHECK_INT(0, diff_hex(cur, cur, ""));
	CHECK(net_us_ops.equal(NULL, cur, cur));
	CHECK(!net_us_ops.equal(NULL, cur, ref));
	core_buf_fini(&b);
	net_us_free(ref);
	net_us_free(cur);
}

/* apply(copy(ref), diff(ref, cur)) == cur, for many random streams. */
static void
roundtrip(void)
{
	uint64_t x = 88172645463325252ULL;
	int round, i;
	struct core_buf b;

	core_buf_init(&b, 1 << 20);
	for (round = 0; round < 300; round++) {
		struct net_us *ref = net_us_new(), *cur, *got;
		int nref = (int)(x % 20), nadd = (int)((x >> 8) % 30);

		for (i = 0; i < nref + nadd; i++) {
			uint8_t c;

			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			c = (uint8_t)x;
			if (i == nref) {
				cur = net_us_ops.copy(NULL, ref);
			}
			if (c < 40) {
				net_us_push_resize(i < nref ? ref : cur, c, c * 3);
			} else {
				net_us_push_bytes(i < nref ? ref : cur, &c, 1);
			}
		}
		if (nadd == 0) {
			cur = net_us_ops.copy(NULL, ref);
		}
		core_buf_reset(&b);
		CHECK_INT(0, net_us_ops.diff(NULL, ref, cur, &b));
		got = net_us_ops.copy(NULL, ref);
		if (b.len > 0) {
			CHECK_INT(0, net_us_ops.apply(NULL, got, b.p, b.len));
		}
		CHECK(net_us_ops.equal(NULL, got, cur));
		/* Cut the reference off: the rest is exactly the diff. */
		net_us_ops.subtract(NULL, got, ref);
		CHECK_INT(net_us_event_count(cur) - net_us_event_count(ref),
		    net_us_event_count(got));
		{
			struct net_us *e = net_us_new();
			struct core_buf b2;

			core_buf_init(&b2, 1 << 20);
			CHECK_INT(0, net_us_ops.diff(NULL, e, got, &b2));
			CHECK_INT(b.len, b2.len);
			if (b.len > 0) {
				CHECK_MEM(b.p, b.len, b2.p, b2.len);
			}
			core_buf_fini(&b2);
			net_us_free(e);
		}
		net_us_free(ref);
		net_us_free(cur);
		net_us_free(got);
	}
	core_buf_fini(&b);
}

static void
subtract_rules(void)
{
	struct net_us *a = net_us_new(), *p = net_us_new(), *q = net_us_new();
	struct net_us_cursor c = { 0, 0 };
	struct net_msg_item it;

	net_us_push_bytes(p, (const uint8_t *)"ab", 2);
	net_us_push_resize(p, 5, 6);
	net_us_push_bytes(a, (const uint8_t *)"ab", 2);
	net_us_push_resize(a, 5, 6);
	net_us_push_bytes(a, (const uint8_t *)"cd", 2);
	net_us_push_resize(a, 7, 8);
	net_us_push_bytes(a, (const uint8_t *)"e", 1);
	/* Not a prefix: untouched. */
	net_us_push_bytes(q, (const uint8_t *)"zz", 2);
	net_us_ops.subtract(NULL, a, q);
	CHECK_INT(7, net_us_event_count(a));
	net_us_ops.subtract(NULL, a, p);
	CHECK_INT(4, net_us_event_count(a));
	CHECK_INT(1, net_us_next(a, &c, &it));
	CHECK_INT(NET_MSG_BYTES, it.kind);
	CHECK_MEM("cd", 2, it.bytes, it.len);
	CHECK_INT(1, net_us_next(a, &c, &it));
	CHECK_INT(NET_MSG_RESIZE, it.kind);
	CHECK_INT(7, it.width);
	CHECK_INT(8, it.height);
	CHECK_INT(1, net_us_next(a, &c, &it));
	CHECK_MEM("e", 1, it.bytes, it.len);
	CHECK_INT(0, net_us_next(a, &c, &it));
	/* A state minus itself is empty. */
	net_us_ops.subtract(NULL, a, a);
	CHECK(net_us_is_empty(a));
	net_us_free(a);
	net_us_free(p);
	net_us_free(q);
}

static void
hostile_apply(void)
{
	struct net_us *a = net_us_new();
	uint8_t buf[64];
	long n;

	/* echo ack and an unknown extension (9) are skipped */
	n = test_unhex("0a043a024005" "0a034a0101" "0a0512032201" "71", buf,
	    sizeof(buf));
	CHECK_INT(0, net_us_ops.apply(NULL, a, buf, (size_t)n));
	CHECK_INT(1, net_us_event_count(a));
	n = test_unhex("0a0512032201", buf, sizeof(buf));
	CHECK(net_us_ops.apply(NULL, a, buf, (size_t)n) < 0);
	n = test_unhex("ff", buf, sizeof(buf));
	CHECK(net_us_ops.apply(NULL, a, buf, (size_t)n) < 0);
	net_us_free(a);
}

static void
limits(void)
{
	struct net_us *a = net_us_new();
	uint8_t *big = calloc(1, NET_US_BYTES_MAX);
	unsigned i;
	int r = 0;

	CHECK_INT(0, net_us_push_bytes(a, big, NET_US_BYTES_MAX));
	CHECK_INT(CORE_E_LIMIT, net_us_push_bytes(a, big, 1));
	for (i = 0; i <= NET_US_RESIZES_MAX && r == 0; i++) {
		r = net_us_push_resize(a, 1, 1);
	}
	CHECK_INT(CORE_E_LIMIT, r);
	CHECK_INT(NET_US_RESIZES_MAX + 1, i);
	free(big);
	net_us_free(a);
}

/* A server engine: take-diff hands out each event once, then rebases. */
static void
take_diff(void)
{
	struct ssp e;
	struct ssp_config cfg = { 0 };
	struct net_instruction ins = { 0 };
	struct core_buf d, out;
	struct net_us *snd[4];
	int i;

	for (i = 0; i < 4; i++) {
		snd[i] = net_us_new();
	}
	net_us_push_resize(snd[1], 80, 24);
	net_us_push_resize(snd[2], 80, 24);
	net_us_push_bytes(snd[2], (const uint8_t *)"ls", 2);
	net_us_push_resize(snd[3], 80, 24);
	net_us_push_bytes(snd[3], (const uint8_t *)"ls\r", 3);
	cfg.local_ops = &net_us_ops;	/* any type will do for our side */
	cfg.remote_ops = &net_us_ops;
	cfg.local = net_us_new();
	cfg.remote = net_us_new();
	cfg.now = 1000;
	CHECK_INT(0, ssp_init(&e, &cfg));
	core_buf_init(&d, 4096);
	core_buf_init(&out, 4096);
	ins.protocol_version = 2;
	for (i = 1; i <= 2; i++) {
		core_buf_reset(&d);
		CHECK_INT(0, net_us_ops.diff(NULL, snd[0], snd[i], &d));
		ins.old_num = 0;
		ins.new_num = (uint64_t)i;
		ins.diff = d.p;
		ins.diff_len = d.len;
		CHECK_INT(0, ssp_recv(&e, &ins, 1000 + (uint64_t)i));
	}
	CHECK_INT(0, ssp_take_diff(&e, &out));
	{
		uint8_t want[64];
		long n = test_unhex("0a061a0428503018" "0a06120422026c73",
		    want, sizeof(want));

		CHECK_MEM(want, (size_t)n, out.p, out.len);
	}
	/* Nothing new: nothing out. */
	core_buf_reset(&out);
	CHECK_INT(0, ssp_take_diff(&e, &out));
	CHECK_INT(0, out.len);
	/* Next state from #2 with throwaway 2: "\r" only; stores rebased. */
	core_buf_reset(&d);
	CHECK_INT(0, net_us_ops.diff(NULL, snd[2], snd[3], &d));
	ins.old_num = 2;
	ins.new_num = 3;
	ins.throwaway_num = 2;
	ins.diff = d.p;
	ins.diff_len = d.len;
	CHECK_INT(0, ssp_recv(&e, &ins, 1010));
	CHECK_INT(0, ssp_take_diff(&e, &out));
	{
		uint8_t want[64];
		long n = test_unhex("0a05120322010d", want, sizeof(want));

		CHECK_MEM(want, (size_t)n, out.p, out.len);
	}
	CHECK_INT(2, ssp_recv_count(&e));
	CHECK(net_us_is_empty((const struct net_us *)e.recv[0].state));
	CHECK_INT(1, net_us_event_count(ssp_remote(&e)));
	core_buf_fini(&d);
	core_buf_fini(&out);
	for (i = 0; i < 4; i++) {
		net_us_free(snd[i]);
	}
	ssp_fini(&e);
}

/* Big states from a peer: stored only up to the memory budget. */
static void
memory_budget(void)
{
	struct ssp e;
	struct ssp_config cfg = { 0 };
	struct net_instruction ins = { 0 };
	struct net_us *empty = net_us_new(), *chunk = net_us_new();
	struct core_buf d;
	uint8_t *mb = calloc(1, 3 << 20);
	uint64_t i;

	/* Each state: #0 plus 3 MiB (a 4 MiB buffer), so ~16 fit. */
	net_us_push_bytes(chunk, mb, 3 << 20);
	core_buf_init(&d, 4 << 20);
	CHECK_INT(0, net_us_ops.diff(NULL, empty, chunk, &d));
	cfg.local_ops = &net_us_ops;
	cfg.remote_ops = &net_us_ops;
	cfg.local = net_us_new();
	cfg.remote = net_us_new();
	CHECK_INT(0, ssp_init(&e, &cfg));
	ins.protocol_version = 2;
	ins.diff = d.p;
	ins.diff_len = d.len;
	for (i = 1; i <= 40; i++) {
		ins.old_num = 0;
		ins.new_num = i;
		CHECK_INT(0, ssp_recv(&e, &ins, 0));
		CHECK(e.recv_bytes <= SSP_RECV_BYTES_MAX + 2 * NET_US_BYTES_MAX);
	}
	CHECK(ssp_stats(&e)->recv_quench > 0);
	CHECK(ssp_recv_count(&e) <= 18 && ssp_recv_count(&e) >= 10);
	/* Throwaway frees room again. */
	ins.old_num = ssp_remote_num(&e);
	ins.throwaway_num = ins.old_num;
	ins.new_num = 100;
	ins.diff_len = 0;
	CHECK_INT(0, ssp_recv(&e, &ins, 0));
	CHECK_INT(2, ssp_recv_count(&e));
	CHECK_U64(100, ssp_remote_num(&e));
	ssp_fini(&e);
	core_buf_fini(&d);
	net_us_free(empty);
	net_us_free(chunk);
	free(mb);
}

static const struct test tests[] = {
	T(captured_diffs),
	T(merging),
	T(prefix_rules),
	T(roundtrip),
	T(subtract_rules),
	T(hostile_apply),
	T(limits),
	T(take_diff),
	T(memory_budget),
};

TEST_MAIN(tests)
