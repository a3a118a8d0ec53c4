/*
 * test/unit/net_pb.c - protobuf codec: stock byte examples (PROTOCOL.md 6,
 * 7.2, 7.3), round trips, hostile input, and every captured instruction
 * in vectors.json re-encoded byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "net/pb.h"
#include "test/harness.h"

static size_t
unhex(const char *hex, uint8_t *out, size_t max)
{
	long n = test_unhex(hex, out, max);

	CHECK(n >= 0);
	return n < 0 ? 0 : (size_t)n;
}

static void
varint_edges(void)
{
	static const uint64_t vals[] = { 0, 1, 127, 128, 300, 16383, 16384,
	    UINT32_MAX, (uint64_t)1 << 63, UINT64_MAX };
	struct core_buf b;
	struct core_rd r;
	uint64_t v;
	size_t i;

	core_buf_init(&b, 64);
	for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		core_buf_reset(&b);
		CHECK_INT(0, net_pb_put_varint(&b, vals[i]));
		CHECK_INT(net_pb_varint_len(vals[i]), b.len);
		core_rd_init(&r, b.p, b.len);
		CHECK_INT(0, net_pb_get_varint(&r, &v));
		CHECK_U64(vals[i], v);
		CHECK_INT(b.len, r.pos);
	}
	core_buf_reset(&b);
	CHECK_INT(0, net_pb_put_varint(&b, UINT64_MAX));
	CHECK_MEM("\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 10, b.p, b.len);
	core_buf_reset(&b);
	CHECK_INT(0, net_pb_put_varint(&b, 300));
	CHECK_MEM("\xac\x02", 2, b.p, b.len);
	core_buf_fini(&b);
}

static void
varint_hostile(void)
{
	struct core_rd r;
	uint64_t v = 7;

	/* 11 bytes: too long */
	core_rd_init(&r, "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01", 11);
	CHECK_INT(CORE_E_BADMSG, net_pb_get_varint(&r, &v));
	CHECK_INT(0, r.pos);
	/* 10 bytes but the last one carries bits past 64 */
	core_rd_init(&r, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", 10);
	CHECK_INT(CORE_E_BADMSG, net_pb_get_varint(&r, &v));
	/* 10 bytes, non-minimal but valid: zero with padding */
	core_rd_init(&r, "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x00", 10);
	CHECK_INT(0, net_pb_get_varint(&r, &v));
	CHECK_U64(0, v);
	/* truncated */
	core_rd_init(&r, "\xff\xff", 2);
	CHECK_INT(CORE_E_TRUNC, net_pb_get_varint(&r, &v));
	CHECK_INT(0, r.pos);
	core_rd_init(&r, "", 0);
	CHECK_INT(CORE_E_TRUNC, net_pb_get_varint(&r, &v));
}

static void
instruction_stock_bytes(void)
{
	/* PROTOCOL.md 6: 08 02 10 01 18 03 20 02 28 01 32 07 <7> 3a 05 <5> */
	static const uint8_t want[] = { 0x08, 0x02, 0x10, 0x01, 0x18, 0x03,
	    0x20, 0x02, 0x28, 0x01, 0x32, 0x07, 'a', 'b', 'c', 'd', 'e', 'f',
	    'g', 0x3a, 0x05, 1, 2, 3, 4, 5 };
	struct net_instruction ins = { 2, 1, 3, 2, 1,
	    (const uint8_t *)"abcdefg", 7, (const uint8_t *)"\1\2\3\4\5", 5 };
	struct net_instruction d;
	struct core_buf b;

	core_buf_init(&b, 4096);
	CHECK_INT(0, net_pb_instruction_encode(&ins, &b));
	CHECK_MEM(want, sizeof(want), b.p, b.len);
	CHECK_INT(0, net_pb_instruction_decode(&d, b.p, b.len));
	CHECK_U64(2, d.protocol_version);
	CHECK_U64(1, d.old_num);
	CHECK_U64(3, d.new_num);
	CHECK_U64(2, d.ack_num);
	CHECK_U64(1, d.throwaway_num);
	CHECK_MEM("abcdefg", 7, d.diff, d.diff_len);
	CHECK_MEM("\1\2\3\4\5", 5, d.chaff, d.chaff_len);
	CHECK(d.diff == b.p + 12);
	core_buf_fini(&b);
}

static void
instruction_zero_and_max(void)
{
	struct net_instruction ins, d;
	struct core_buf b;
	uint8_t want[64];
	size_t wl;

	memset(&ins, 0, sizeof(ins));
	core_buf_init(&b, 4096);
	CHECK_INT(0, net_pb_instruction_encode(&ins, &b));
	CHECK_MEM("\x08\x00\x10\x00\x18\x00\x20\x00\x28\x00\x32\x00\x3a\x00",
	    14, b.p, b.len);
	ins.protocol_version = UINT32_MAX;
	ins.old_num = UINT64_MAX - 1;
	ins.new_num = UINT64_MAX;
	ins.ack_num = (uint64_t)1 << 63;
	ins.throwaway_num = 0x7f;
	core_buf_reset(&b);
	CHECK_INT(0, net_pb_instruction_encode(&ins, &b));
	wl = unhex("08ffffffff0f"
	    "10feffffffffffffffff01"
	    "18ffffffffffffffffff01"
	    "2080808080808080808001"
	    "287f32003a00", want, sizeof(want));
	CHECK_MEM(want, wl, b.p, b.len);
	CHECK_INT(0, net_pb_instruction_decode(&d, b.p, b.len));
	CHECK_U64(UINT32_MAX, d.protocol_version);
	CHECK_U64(UINT64_MAX - 1, d.old_num);
	CHECK_U64(UINT64_MAX, d.new_num);
	CHECK_U64((uint64_t)1 << 63, d.ack_num);
	CHECK_U64(0x7f, d.throwaway_num);
	CHECK_INT(0, d.diff_len);
	CHECK_INT(0, d.chaff_len);
	core_buf_fini(&b);
}

static void
instruction_limit_restores(void)
{
	struct net_instruction ins = { 2, 1, 3, 2, 1,
	    (const uint8_t *)"abcdefg", 7, (const uint8_t *)"", 0 };
	struct core_buf b;

	core_buf_init(&b, 20);
	CHECK_INT(0, core_buf_append(&b, "xy", 2));
	CHECK_INT(CORE_E_LIMIT, net_pb_instruction_encode(&ins, &b));
	CHECK_INT(2, b.len);
	CHECK_INT(CORE_E_LIMIT, net_pb_msg_put_bytes(&b, (const uint8_t *)
	    "0123456789abcdefghij", 20));
	CHECK_INT(2, b.len);
	CHECK_INT(CORE_E_LIMIT, net_pb_msg_put_resize(&b, -1, -1));
	CHECK_INT(2, b.len);
	CHECK_INT(0, net_pb_msg_put_resize(&b, 80, 24));
	CHECK_INT(10, b.len);
	core_buf_fini(&b);
}

static void
instruction_any_order(void)
{
	/* fields reversed, duplicated (last wins), unknowns of every type */
	static const char *hex =
	    "3a0278793206616263646566"	/* chaff "xy", diff "abcdef" */
	    "2805" "2004" "1803" "1002" "0801"
	    "4896019801ff01"		/* unknown varint fields 9, 19 */
	    "510102030405060708"	/* field 10, fixed64 */
	    "5d01020304"		/* field 11, fixed32 */
	    "620300ff00"		/* field 12, bytes */
	    "0802" "1807"		/* repeated: last wins */
	    "2a0100";			/* field 5 as bytes: skipped */
	uint8_t in[128];
	struct net_instruction d;
	size_t n;

	n = unhex(hex, in, sizeof(in));
	CHECK_INT(0, net_pb_instruction_decode(&d, in, n));
	CHECK_U64(2, d.protocol_version);
	CHECK_U64(2, d.old_num);
	CHECK_U64(7, d.new_num);
	CHECK_U64(4, d.ack_num);
	CHECK_U64(5, d.throwaway_num);
	CHECK_MEM("abcdef", 6, d.diff, d.diff_len);
	CHECK_MEM("xy", 2, d.chaff, d.chaff_len);
}

static void
instruction_missing_defaults(void)
{
	struct net_instruction d;
	uint8_t in[16];
	size_t n;

	memset(&d, 0xaa, sizeof(d));
	CHECK_INT(0, net_pb_instruction_decode(&d, (const uint8_t *)"", 0));
	CHECK_U64(0, d.protocol_version);
	CHECK_U64(0, d.new_num);
	CHECK_INT(0, d.diff_len);
	CHECK_INT(0, d.chaff_len);
	n = unhex("1805", in, sizeof(in));
	CHECK_INT(0, net_pb_instruction_decode(&d, in, n));
	CHECK_U64(0, d.protocol_version);
	CHECK_U64(5, d.new_num);
	CHECK_U64(0, d.old_num);
}

static void
instruction_permutations(void)
{
	static const char *const parts[] = { "0802", "1001", "1803", "2002",
	    "2801", "3203616263", "3a0178" };
	struct net_instruction d;
	char hex[128];
	uint8_t in[64];
	int perm[7], i, j, k, count = 0;
	size_t n;

	/* every rotation and every swap of two fields */
	for (k = 0; k < 7 * 21; k++) {
		for (i = 0; i < 7; i++) {
			perm[i] = (i + k / 21) % 7;
		}
		i = (k % 21) / 6;
		j = (k % 21) % 6 + 1;
		if (i < j) {
			int t = perm[i];

			perm[i] = perm[j];
			perm[j] = t;
		}
		hex[0] = '\0';
		for (i = 0; i < 7; i++) {
			strcat(hex, parts[perm[i]]);
		}
		n = unhex(hex, in, sizeof(in));
		memset(&d, 0, sizeof(d));
		CHECK_INT(0, net_pb_instruction_decode(&d, in, n));
		if (d.protocol_version == 2 && d.old_num == 1 &&
		    d.new_num == 3 && d.ack_num == 2 && d.throwaway_num == 1 &&
		    d.diff_len == 3 && memcmp(d.diff, "abc", 3) == 0 &&
		    d.chaff_len == 1 && d.chaff[0] == 'x') {
			count++;
		}
	}
	CHECK_INT(7 * 21, count);
}

static void
instruction_hostile(void)
{
	static const struct {
		const char *hex;
		int want;
	} cases[] = {
		{ "08", CORE_E_TRUNC },			/* value missing */
		{ "0880", CORE_E_TRUNC },		/* varint cut */
		{ "3205616263", CORE_E_TRUNC },		/* length past end */
		{ "32ffffffffffffffffff01", CORE_E_TRUNC }, /* huge length */
		{ "32", CORE_E_TRUNC },
		{ "0002", CORE_E_BADMSG },		/* field 0 */
		{ "0702", CORE_E_BADMSG },		/* field 0, type 7 */
		{ "0e00", CORE_E_BADMSG },		/* wire type 6 */
		{ "0f00", CORE_E_BADMSG },		/* wire type 7 */
		{ "4b00", CORE_E_BADMSG },		/* group start */
		{ "4c", CORE_E_BADMSG },		/* group end */
		{ "08ffffffffffffffffffff01", CORE_E_BADMSG }, /* 11 bytes */
		{ "088080808080808080808000", CORE_E_BADMSG },
		{ "08ffffffffffffffffff02", CORE_E_BADMSG }, /* > 64 bits */
		{ "f8ffffffff1f00", CORE_E_BADMSG },	/* tag > 32 bits */
		{ "51010203", CORE_E_TRUNC },		/* fixed64 cut */
		{ "5d0102", CORE_E_TRUNC },		/* fixed32 cut */
		{ "0802ff", CORE_E_TRUNC },		/* tag cut */
	};
	struct net_instruction d, keep;
	uint8_t in[64];
	size_t i, n;

	memset(&keep, 0x5a, sizeof(keep));
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		n = unhex(cases[i].hex, in, sizeof(in));
		d = keep;
		if (net_pb_instruction_decode(&d, in, n) != cases[i].want) {
			test_fail(__FILE__, __LINE__, "case %s: want %d",
			    cases[i].hex, cases[i].want);
		}
		CHECK(memcmp(&d, &keep, sizeof(d)) == 0);
	}
	/* the valid 10-byte maximum */
	n = unhex("18ffffffffffffffffff01", in, sizeof(in));
	CHECK_INT(0, net_pb_instruction_decode(&d, in, n));
	CHECK_U64(UINT64_MAX, d.new_num);
}

/* Collects every item of a message as a compact text log. */
static int
iterate(const uint8_t *p, size_t n, char *log, size_t max)
{
	struct net_pb_msg_iter it;
	struct net_msg_item item;
	size_t l = 0;
	int rc;

	log[0] = '\0';
	net_pb_msg_iter_init(&it, p, n);
	while ((rc = net_pb_msg_next(&it, &item)) == 1) {
		switch (item.kind) {
		case NET_MSG_BYTES:
			l += (size_t)snprintf(log + l, max - l, "B[%.*s]",
			    (int)item.len, (const char *)item.bytes);
			break;
		case NET_MSG_RESIZE:
			l += (size_t)snprintf(log + l, max - l, "R%dx%d",
			    (int)item.width, (int)item.height);
			break;
		case NET_MSG_ECHOACK:
			l += (size_t)snprintf(log + l, max - l, "E%llu",
			    (unsigned long long)item.echo_ack);
			break;
		}
		if (l >= max) {
			return CORE_E_LIMIT;
		}
	}
	return rc;
}

static void
msg_stock_bytes(void)
{
	struct core_buf b;
	uint8_t want[32];
	size_t wl;

	core_buf_init(&b, 4096);
	CHECK_INT(0, net_pb_msg_put_resize(&b, 80, 24));
	CHECK_MEM("\x0a\x06\x1a\x04\x28\x50\x30\x18", 8, b.p, b.len);
	core_buf_reset(&b);
	CHECK_INT(0, net_pb_msg_put_bytes(&b, (const uint8_t *)"e", 1));
	CHECK_MEM("\x0a\x05\x12\x03\x22\x01\x65", 7, b.p, b.len);
	core_buf_reset(&b);
	CHECK_INT(0, net_pb_msg_put_echoack(&b, 3));
	CHECK_MEM("\x0a\x04\x3a\x02\x40\x03", 6, b.p, b.len);
	core_buf_reset(&b);
	CHECK_INT(0, net_pb_msg_put_echoack(&b, 300));
	CHECK_MEM("\x0a\x05\x3a\x03\x40\xac\x02", 7, b.p, b.len);
	core_buf_reset(&b);
	/* captured: one Keystroke for `echo é漢\r` */
	CHECK_INT(0, net_pb_msg_put_bytes(&b, (const uint8_t *)
	    "echo \xc3\xa9\xe6\xbc\xa2\r", 11));
	wl = unhex("0a0f120d220b6563686f20c3a9e6bca20d", want, sizeof(want));
	CHECK_MEM(want, wl, b.p, b.len);
	core_buf_reset(&b);
	CHECK_INT(0, net_pb_msg_put_bytes(&b, NULL, 0));
	CHECK_MEM("\x0a\x04\x12\x02\x22\x00", 6, b.p, b.len);
	core_buf_fini(&b);
}

static void
msg_resize_negative(void)
{
	struct net_pb_msg_iter it;
	struct net_msg_item item;
	struct core_buf b;
	uint8_t want[64];
	size_t wl;

	core_buf_init(&b, 4096);
	CHECK_INT(0, net_pb_msg_put_resize(&b, -1, INT32_MIN));
	wl = unhex("0a181a16" "28ffffffffffffffffff01"
	    "3080808080f8ffffffff01", want, sizeof(want));
	CHECK_MEM(want, wl, b.p, b.len);
	net_pb_msg_iter_init(&it, b.p, b.len);
	CHECK_INT(1, net_pb_msg_next(&it, &item));
	CHECK_INT(NET_MSG_RESIZE, item.kind);
	CHECK_INT(-1, item.width);
	CHECK_INT(INT32_MIN, item.height);
	CHECK_INT(0, net_pb_msg_next(&it, &item));
	/* a 64-bit value truncates to int32; a 5-byte int32 form too */
	wl = unhex("0a101a0e" "2880808080f0ffffffff01" "30ff0f", want,
	    sizeof(want));
	net_pb_msg_iter_init(&it, want, wl);
	CHECK_INT(1, net_pb_msg_next(&it, &item));
	CHECK_INT(0, item.width);
	CHECK_INT(2047, item.height);
	core_buf_fini(&b);
}

static void
msg_round_trip(void)
{
	struct core_buf b;
	char log[256];

	core_buf_init(&b, 4096);
	CHECK_INT(0, net_pb_msg_put_echoack(&b, 42));
	CHECK_INT(0, net_pb_msg_put_resize(&b, 100, 30));
	CHECK_INT(0, net_pb_msg_put_bytes(&b, (const uint8_t *)"hello", 5));
	CHECK_INT(0, net_pb_msg_put_bytes(&b, (const uint8_t *)"", 0));
	CHECK_INT(0, net_pb_msg_put_echoack(&b, UINT64_MAX));
	CHECK_INT(0, iterate(b.p, b.len, log, sizeof(log)));
	CHECK_STR("E42R100x30B[hello]B[]E18446744073709551615", log);
	CHECK_INT(0, iterate((const uint8_t *)"", 0, log, sizeof(log)));
	CHECK_STR("", log);
	core_buf_fini(&b);
}

static void
msg_unknown_skipped(void)
{
	/*
	 * Instruction 1: unknown ext 9 (varint), ext 2 with unknown fields
	 * around keys, ext 5 (bytes), ext 3 with width repeated.
	 * Then an unknown message-level field 2, an empty Instruction, and
	 * an Instruction with two known extensions (echoack 7, then 2).
	 */
	static const char *hex =
	    "0a" "1f"
	    "4805"
	    "120a" "0801" "22036162" "63" "2a0178"
	    "2a021234"
	    "1a0b" "2801" "2802" "3003" "3d00000000"
	    "1001"
	    "0a00"
	    "0a0c" "3a02" "4009" "1206" "2204" "7a7a7a7a";
	uint8_t in[128];
	char log[256];
	size_t n;

	n = unhex(hex, in, sizeof(in));
	CHECK_INT(0, iterate(in, n, log, sizeof(log)));
	CHECK_STR("B[abc]R2x3E9B[zzzz]", log);
}

static void
msg_hostile(void)
{
	static const struct {
		const char *hex;
		const char *log;	/* items before the error */
		int want;
	} cases[] = {
		{ "0a", "", CORE_E_TRUNC },
		{ "0a0512032201", "", CORE_E_TRUNC },	/* outer past end */
		{ "0a0512042201650000", "", CORE_E_TRUNC }, /* ext past Ins */
		{ "0a05120322026500", "", CORE_E_TRUNC }, /* keys past ext */
		{ "0a031a0128", "", CORE_E_TRUNC },	/* resize value cut */
		{ "0a0512032201650e", "B[e]", CORE_E_BADMSG }, /* wt 6 */
		{ "0a07120322016502ff", "B[e]", CORE_E_BADMSG }, /* field 0 */
		{ "0a020b00", "", CORE_E_BADMSG },	/* group in Ins */
		{ "0a04120222000f", "B[]", CORE_E_BADMSG },
		{ "0a0d1a0b28ffffffffffffffffff02", "", CORE_E_BADMSG },
		{ "0a0e1a0c28ffffffffffffffffffff01", "", CORE_E_BADMSG },
	};
	uint8_t in[64];
	char log[64];
	long n;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		n = test_unhex(cases[i].hex, in, sizeof(in));
		CHECK(n >= 0);
		if (n < 0) {
			continue;
		}
		if (iterate(in, (size_t)n, log, sizeof(log)) !=
		    cases[i].want || strcmp(log, cases[i].log) != 0) {
			test_fail(__FILE__, __LINE__, "case %s: want %d %s, "
			    "got log %s", cases[i].hex, cases[i].want,
			    cases[i].log, log);
		}
	}
}

static void
msg_error_sticky(void)
{
	struct net_pb_msg_iter it;
	struct net_msg_item item;
	uint8_t in[32];
	size_t n;

	n = unhex("0a0512032201650a0512032201", in, sizeof(in));
	net_pb_msg_iter_init(&it, in, n);
	CHECK_INT(1, net_pb_msg_next(&it, &item));
	CHECK_MEM("e", 1, item.bytes, item.len);
	CHECK_INT(CORE_E_TRUNC, net_pb_msg_next(&it, &item));
	CHECK_INT(CORE_E_TRUNC, net_pb_msg_next(&it, &item));
}

/*
 * Every instruction captured from stock mosh: decode, re-encode to the
 * same bytes; iterate its diff and rebuild the diff from the items with
 * the put functions (stock writes one extension per Instruction).
 */
static void
vectors_round_trip(void)
{
	static const char key[] = "\"instruction_hex\": \"";
	char path[512];
	uint8_t *json, *ins_bytes;
	struct net_instruction d;
	struct net_pb_msg_iter it;
	struct net_msg_item item;
	struct core_buf enc, diff;
	size_t len, count = 0, items = 0, ok = 0;
	const char *s, *e;
	long n;
	int rc;

	snprintf(path, sizeof(path), "%s/vectors/vectors.json",
	    test_shared_dir());
	json = test_read_file(path, &len);
	CHECK(json != NULL);
	if (json == NULL) {
		return;
	}
	ins_bytes = malloc(1 << 20);
	CHECK(ins_bytes != NULL);
	core_buf_init(&enc, 1 << 20);
	core_buf_init(&diff, 1 << 20);
	for (s = (const char *)json; ins_bytes != NULL &&
	    (s = strstr(s, key)) != NULL; s = e) {
		char *hex;

		s += sizeof(key) - 1;
		e = strchr(s, '"');
		if (e == NULL) {
			break;
		}
		hex = strndup(s, (size_t)(e - s));
		n = test_unhex(hex, ins_bytes, 1 << 20);
		free(hex);
		count++;
		if (n < 0 || net_pb_instruction_decode(&d, ins_bytes,
		    (size_t)n) != 0 || d.protocol_version != 2) {
			continue;
		}
		core_buf_reset(&enc);
		core_buf_reset(&diff);
		if (net_pb_instruction_encode(&d, &enc) != 0 ||
		    enc.len != (size_t)n ||
		    memcmp(enc.p, ins_bytes, (size_t)n) != 0) {
			continue;
		}
		net_pb_msg_iter_init(&it, d.diff, d.diff_len);
		while ((rc = net_pb_msg_next(&it, &item)) == 1) {
			items++;
			if (item.kind == NET_MSG_BYTES) {
				rc = net_pb_msg_put_bytes(&diff, item.bytes,
				    item.len);
			} else if (item.kind == NET_MSG_RESIZE) {
				rc = net_pb_msg_put_resize(&diff, item.width,
				    item.height);
			} else {
				rc = net_pb_msg_put_echoack(&diff,
				    item.echo_ack);
			}
			if (rc != 0) {
				break;
			}
		}
		if (rc == 0 && diff.len == d.diff_len &&
		    (diff.len == 0 || memcmp(diff.p, d.diff, diff.len) == 0)) {
			ok++;
		}
	}
	CHECK_INT(1057, count);
	CHECK_INT(count, ok);
	CHECK(items > 500);
	core_buf_fini(&enc);
	core_buf_fini(&diff);
	free(ins_bytes);
	free(json);
}

static const struct test tests[] = {
	T(varint_edges),
	T(varint_hostile),
	T(instruction_stock_bytes),
	T(instruction_zero_and_max),
	T(instruction_limit_restores),
	T(instruction_any_order),
	T(instruction_missing_defaults),
	T(instruction_permutations),
	T(instruction_hostile),
	T(msg_stock_bytes),
	T(msg_resize_negative),
	T(msg_round_trip),
	T(msg_unknown_skipped),
	T(msg_hostile),
	T(msg_error_sticky),
	T(vectors_round_trip),
};

TEST_MAIN(tests)
