/*
 * test/unit/net_dgram.c - the datagram layer: a captured stock datagram
 * both ways, every kind of rejection with its own error code, the replay
 * window, timestamp echo and RTT arithmetic (PROTOCOL.md section 3).
 */
#include <stdbool.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "net/dgram.h"
#include "test/harness.h"

/* PROTOCOL.md section 11: scenario session_exit, datagram 4. */
static const char ex_key[] = "3242d93da5db69c72de29950004eaa02";
static const char ex_raw[] =
    "0000000000000002"
    "a0aa229a67614a26417b5bf3146176ecd6505565e315a14d5fc3019cd2b52cd5"
    "c44c60836502706ad3cf27cd0df005b3"
    "f2f87d7be730edf116a72b15b26b0edb";
static const char ex_payload[] =
    "00000000000000038000"
    "789ce360126094605660d2603462e762156256624cb5623d7321cc5d07001f09040b";

static uint8_t key1[16] = { 0x10, 0x20, 0x30 };

static void
pair(struct net_dgram *client, struct net_dgram *server)
{
	CHECK_INT(0, net_dgram_init(client, key1, NET_DGRAM_TO_SERVER,
	    CRYPTO_AES_AUTO));
	CHECK_INT(0, net_dgram_init(server, key1, NET_DGRAM_TO_CLIENT,
	    CRYPTO_AES_AUTO));
}

static void
constants(void)
{
	CHECK_INT(NET_DGRAM_CHUNK_IPV4, net_dgram_chunk_size(NET_DGRAM_MTU_IPV4));
	CHECK_INT(NET_DGRAM_CHUNK_IPV6, net_dgram_chunk_size(NET_DGRAM_MTU_IPV6));
	CHECK_INT(NET_DGRAM_CHUNK_DEFAULT,
	    net_dgram_chunk_size(NET_DGRAM_MTU_DEFAULT));
	CHECK_INT(1214, NET_DGRAM_CHUNK_IPV4);
	CHECK_INT(1178, NET_DGRAM_CHUNK_IPV6);
	CHECK_INT(462, NET_DGRAM_CHUNK_DEFAULT);
	CHECK_INT(0, net_dgram_chunk_size(20));
	CHECK_INT(65535, net_dgram_ts_diff(0, 1));
	CHECK_INT(10, net_dgram_ts_diff(4, 65530));
}

/* The captured datagram opens, and sealing the same payload at the same
 * seq and clock reproduces it byte for byte. */
static void
stock_example(void)
{
	uint8_t key[16], raw[72], payload[64], out[128], re[128];
	struct net_dgram server, client;
	struct net_dgram_rx rx;
	long rawlen, plen;
	size_t relen = 0;

	test_unhex(ex_key, key, sizeof(key));
	rawlen = test_unhex(ex_raw, raw, sizeof(raw));
	plen = test_unhex(ex_payload, payload, sizeof(payload));
	CHECK_INT(72, rawlen);
	net_dgram_init(&server, key, NET_DGRAM_TO_CLIENT, CRYPTO_AES_AUTO);
	CHECK_INT(0, net_dgram_open(&server, raw, 72, 1000, false, out,
	    sizeof(out), &rx));
	CHECK_U64(2, rx.seq);
	CHECK_INT(0xb2c0, rx.ts);
	CHECK_INT(NET_DGRAM_TS_NONE, rx.ts_reply);
	CHECK(rx.in_order);
	CHECK(!rx.rtt_sample);
	CHECK_MEM(payload, (size_t)plen, rx.payload, rx.payload_len);

	net_dgram_init(&client, key, NET_DGRAM_TO_SERVER, CRYPTO_AES_CT64);
	client.next_seq = 2;
	CHECK_INT(0, net_dgram_seal(&client, payload, (size_t)plen,
	    3 * 65536 + 0xb2c0, re, sizeof(re), &relen));
	CHECK_MEM(raw, 72, re, relen);
	CHECK_U64(3, client.next_seq);
	net_dgram_fini(&server);
	net_dgram_fini(&client);
}

static void
roundtrip(void)
{
	struct net_dgram c, s;
	struct net_dgram_rx rx;
	uint8_t dg[200], out[200], p[100];
	size_t n = 0, i;

	pair(&c, &s);
	for (i = 0; i < sizeof(p); i++) {
		p[i] = (uint8_t)i;
	}
	for (i = 0; i < 5; i++) {
		CHECK_INT(0, net_dgram_seal(&c, p, i * 20, 70000 + i, dg,
		    sizeof(dg), &n));
		CHECK_INT(i * 20 + 28, n);
		CHECK_U64(i, core_ld_be64(dg));	/* direction 0, seq i */
		CHECK_INT(0, net_dgram_open(&s, dg, n, 5, false, out, sizeof(out),
		    &rx));
		CHECK_U64(i, rx.seq);
		CHECK_INT((70000 + i) % 65536, rx.ts);
		CHECK_MEM(p, i * 20, rx.payload, rx.payload_len);
	}
	/* server -> client carries the direction bit */
	CHECK_INT(0, net_dgram_seal(&s, p, 3, 9, dg, sizeof(dg), &n));
	CHECK_U64((uint64_t)1 << 63, core_ld_be64(dg));
	CHECK_INT(0, net_dgram_open(&c, dg, n, 9, false, out, sizeof(out), &rx));
	CHECK_MEM(p, 3, rx.payload, rx.payload_len);
	/* 0xFFFF is never sent as a timestamp */
	CHECK_INT(0, net_dgram_seal(&s, p, 3, 65535, dg, sizeof(dg), &n));
	CHECK_INT(0, net_dgram_open(&c, dg, n, 9, false, out, sizeof(out), &rx));
	CHECK_INT(0, rx.ts);
	CHECK_INT(0, net_dgram_seal(&s, p, 3, 7 * 65536 + 65535, dg, sizeof(dg),
	    &n));
	CHECK_INT(0, net_dgram_open(&c, dg, n, 9, false, out, sizeof(out), &rx));
	CHECK_INT(0, rx.ts);
	net_dgram_fini(&c);
	net_dgram_fini(&s);
}

static bool
all_zero(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] != 0) {
			return false;
		}
	}
	return true;
}

/* Every bit flip, every truncation, the wrong key: each its own code,
 * and none of them disturbs the state. */
static void
rejections(void)
{
	struct net_dgram c, s, other;
	struct net_dgram_rx rx;
	uint8_t dg[100], bad[100], out[100], p[40];
	uint8_t okey[16] = { 0x10, 0x20, 0x31 };
	size_t n = 0, bit, len;

	pair(&c, &s);
	memset(p, 'x', sizeof(p));
	CHECK_INT(0, net_dgram_seal(&c, p, sizeof(p), 1, dg, sizeof(dg), &n));
	CHECK_INT(68, n);
	for (bit = 0; bit < n * 8; bit++) {
		memcpy(bad, dg, n);
		bad[bit / 8] ^= (uint8_t)(1u << (bit % 8));
		memset(out, 0x55, sizeof(out));
		CHECK_INT(CORE_E_AUTH, net_dgram_open(&s, bad, n, 2, false, out,
		    sizeof(out), &rx));
		CHECK(all_zero(out, n - 24));
	}
	for (len = 0; len <= 40; len++) {
		CHECK_INT(len < 24 ? CORE_E_TRUNC : CORE_E_AUTH,
		    net_dgram_open(&s, dg, len, 2, false, out, sizeof(out), &rx));
	}
	/* too small an output buffer */
	CHECK_INT(CORE_E_LIMIT, net_dgram_open(&s, dg, n, 2, false, out, 43, &rx));
	/* wrong key */
	net_dgram_init(&other, okey, NET_DGRAM_TO_CLIENT, CRYPTO_AES_AUTO);
	CHECK_INT(CORE_E_AUTH, net_dgram_open(&other, dg, n, 2, false, out,
	    sizeof(out), &rx));
	/* our own datagram reflected back: authentic, wrong direction */
	CHECK_INT(CORE_E_DIRECTION, net_dgram_open(&c, dg, n, 2, false, out,
	    sizeof(out), &rx));
	CHECK(all_zero(out, n - 24));
	/* none of that changed the receiver: the datagram is still fresh */
	CHECK_INT(0, net_dgram_open(&s, dg, n, 2, false, out, sizeof(out), &rx));
	CHECK_U64(0, rx.seq);
	CHECK_INT(CORE_E_REPLAY, net_dgram_open(&s, dg, n, 2, false, out,
	    sizeof(out), &rx));
	net_dgram_fini(&c);
	net_dgram_fini(&s);
	net_dgram_fini(&other);
}

/* An authentic datagram whose plaintext cannot hold the timestamps. */
static void
short_plaintext(void)
{
	struct net_dgram c, s;
	struct net_dgram_rx rx;
	uint8_t dg[40], out[40], nonce[12] = { 0 };
	size_t k;

	pair(&c, &s);
	for (k = 0; k < 4; k++) {
		memset(dg, 0, 8);
		dg[7] = (uint8_t)k;
		memcpy(nonce + 4, dg, 8);
		memset(dg + 8, 0xab, k);
		CHECK_INT(0, crypto_session_seal(&c.sess, nonce, dg + 8, k, dg + 8));
		CHECK_INT(CORE_E_TRUNC, net_dgram_open(&s, dg, 24 + k, 0, false,
		    out, sizeof(out), &rx));
	}
	/* and 4 bytes is enough: an empty payload */
	dg[7] = 9;
	memcpy(nonce + 4, dg, 8);
	memset(dg + 8, 0xff, 4);
	crypto_session_seal(&c.sess, nonce, dg + 8, 4, dg + 8);
	CHECK_INT(0, net_dgram_open(&s, dg, 28, 0, false, out, sizeof(out), &rx));
	CHECK_INT(0, rx.payload_len);
	CHECK_U64(9, rx.seq);
	net_dgram_fini(&c);
	net_dgram_fini(&s);
}

/* Seal n datagrams (seq 0..n-1) into dgs[i], each 28 + 1 bytes. */
static void
seal_many(struct net_dgram *c, uint8_t dgs[][29], size_t n)
{
	size_t i, len = 0;
	uint8_t b;

	for (i = 0; i < n; i++) {
		b = (uint8_t)i;
		CHECK_INT(0, net_dgram_seal(c, &b, 1, 100, dgs[i], 29, &len));
	}
}

static int
open_one(struct net_dgram *s, const uint8_t *dg, struct net_dgram_rx *rx)
{
	uint8_t out[8];

	return net_dgram_open(s, dg, 29, 100, false, out, sizeof(out), rx);
}

static void
replay_window(void)
{
	static uint8_t dgs[400][29];
	struct net_dgram c, s;
	struct net_dgram_rx rx;
	size_t i;

	pair(&c, &s);
	seal_many(&c, dgs, 400);
	CHECK_INT(0, open_one(&s, dgs[200], &rx));
	CHECK(rx.in_order);
	CHECK_INT(CORE_E_REPLAY, open_one(&s, dgs[200], &rx));
	/* reordered, inside the window: accepted once, flagged */
	for (i = 200 - 127; i < 200; i += 7) {
		CHECK_INT(0, open_one(&s, dgs[i], &rx));
		CHECK(!rx.in_order);
		CHECK_U64(i, rx.seq);
		CHECK_INT(CORE_E_REPLAY, open_one(&s, dgs[i], &rx));
	}
	/* older than the window */
	CHECK_INT(CORE_E_REPLAY, open_one(&s, dgs[200 - 128], &rx));
	CHECK_INT(CORE_E_REPLAY, open_one(&s, dgs[0], &rx));
	/* slide by 70 (across a word): old marks move with it */
	CHECK_INT(0, open_one(&s, dgs[270], &rx));
	CHECK(rx.in_order);
	CHECK_INT(CORE_E_REPLAY, open_one(&s, dgs[200], &rx));
	CHECK_INT(CORE_E_REPLAY, open_one(&s, dgs[200 - 127 + 70], &rx));
	CHECK_INT(0, open_one(&s, dgs[201], &rx));
	CHECK_INT(0, open_one(&s, dgs[144], &rx));	/* 270 - 126 */
	CHECK_INT(CORE_E_REPLAY, open_one(&s, dgs[142], &rx));
	/* gaps ahead are fine; a jump past the window forgets everything */
	CHECK_INT(0, open_one(&s, dgs[399], &rx));
	CHECK_INT(0, open_one(&s, dgs[300], &rx));
	CHECK(!rx.in_order);
	CHECK_INT(CORE_E_REPLAY, open_one(&s, dgs[271], &rx));
	net_dgram_fini(&c);
	net_dgram_fini(&s);
}

/* Exhaustive small check of the window against a plain list. */
static void
replay_model(void)
{
	static uint8_t dgs[300][29];
	static bool seen[300];
	struct net_dgram c, s;
	struct net_dgram_rx rx;
	uint32_t x = 12345;
	size_t step, top = 0;
	bool any = false;

	pair(&c, &s);
	seal_many(&c, dgs, 300);
	memset(seen, 0, sizeof(seen));
	for (step = 0; step < 3000; step++) {
		size_t q;
		int want;

		x = x * 1103515245 + 12345;
		q = (x >> 8) % 300;
		if (!any || q > top) {
			want = 0;
		} else if (seen[q] || top - q >= NET_DGRAM_REPLAY_WINDOW) {
			want = CORE_E_REPLAY;
		} else {
			want = 0;
		}
		CHECK_INT(want, open_one(&s, dgs[q], &rx));
		if (want == 0) {
			CHECK(rx.in_order == (!any || q > top));
			seen[q] = true;
			if (!any || q > top) {
				top = q;
			}
			any = true;
		}
	}
	net_dgram_fini(&c);
	net_dgram_fini(&s);
}

/* 3.3: the reply is the saved timestamp advanced by the hold time,
 * within 1000 ms, once; CE makes it 500 ms older. */
static void
timestamp_reply(void)
{
	struct net_dgram c, s;
	struct net_dgram_rx rx;
	uint8_t dg[64], out[64], dg2[64];
	size_t n = 0, n2 = 0;

	pair(&c, &s);
	/* client sends at 65530; the server holds it 20 ms: wraps to 14 */
	net_dgram_seal(&c, NULL, 0, 65530, dg, sizeof(dg), &n);
	net_dgram_seal(&c, NULL, 0, 65531, dg2, sizeof(dg2), &n2);
	CHECK_INT(0, net_dgram_open(&s, dg, n, 5000, false, out, sizeof(out),
	    &rx));
	CHECK_INT(65530, rx.ts);
	net_dgram_seal(&s, NULL, 0, 5020, dg, sizeof(dg), &n);
	CHECK_INT(0, net_dgram_open(&c, dg, n, 65580, false, out, sizeof(out),
	    &rx));
	CHECK_INT(14, rx.ts_reply);
	/* RTT: now16 = 65580 mod 65536 = 44; 44 - 14 = 30 */
	CHECK(rx.rtt_sample);
	CHECK(c.srtt == 30.0);
	CHECK(c.rttvar == 15.0);
	/* echoed once only */
	net_dgram_seal(&s, NULL, 0, 5030, dg, sizeof(dg), &n);
	CHECK_INT(0, net_dgram_open(&c, dg, n, 65590, false, out, sizeof(out),
	    &rx));
	CHECK_INT(NET_DGRAM_TS_NONE, rx.ts_reply);
	CHECK(!rx.rtt_sample);
	/* held 999 ms: echoed; held 1000 ms: not */
	CHECK_INT(0, net_dgram_open(&s, dg2, n2, 6000, false, out, sizeof(out),
	    &rx));
	net_dgram_seal(&s, NULL, 0, 6999, dg, sizeof(dg), &n);
	CHECK_INT(0, net_dgram_open(&c, dg, n, 70000, false, out, sizeof(out),
	    &rx));
	CHECK_INT((65531 + 999) % 65536, rx.ts_reply);
	net_dgram_seal(&c, NULL, 0, 100, dg, sizeof(dg), &n);
	CHECK_INT(0, net_dgram_open(&s, dg, n, 8000, false, out, sizeof(out),
	    &rx));
	net_dgram_seal(&s, NULL, 0, 9000, dg, sizeof(dg), &n);
	CHECK_INT(0, net_dgram_open(&c, dg, n, 70000, false, out, sizeof(out),
	    &rx));
	CHECK_INT(NET_DGRAM_TS_NONE, rx.ts_reply);
	/* congestion experienced: 500 ms older (mod 65536) */
	net_dgram_seal(&c, NULL, 0, 200, dg, sizeof(dg), &n);
	CHECK_INT(0, net_dgram_open(&s, dg, n, 10000, true, out, sizeof(out),
	    &rx));
	net_dgram_seal(&s, NULL, 0, 10010, dg, sizeof(dg), &n);
	CHECK_INT(0, net_dgram_open(&c, dg, n, 70000, false, out, sizeof(out),
	    &rx));
	CHECK_INT((200 + 10 + 65536 - 500) % 65536, rx.ts_reply);
	net_dgram_fini(&c);
	net_dgram_fini(&s);
}

/* 3.4: a reordered datagram is not used for timestamps or RTT. */
static void
reordered_no_timing(void)
{
	struct net_dgram c, s;
	struct net_dgram_rx rx;
	uint8_t a[64], b[64], out[64];
	size_t na = 0, nb = 0;
	double srtt;

	pair(&c, &s);
	net_dgram_seal(&c, NULL, 0, 1000, a, sizeof(a), &na);
	net_dgram_seal(&c, NULL, 0, 2000, b, sizeof(b), &nb);
	CHECK_INT(0, net_dgram_open(&s, b, nb, 50, false, out, sizeof(out), &rx));
	CHECK_INT(0, net_dgram_open(&s, a, na, 60, false, out, sizeof(out), &rx));
	CHECK(!rx.in_order);
	CHECK_INT(1000, rx.ts);
	net_dgram_seal(&s, NULL, 0, 70, a, sizeof(a), &na);	/* echo: 2000+20 */
	net_dgram_seal(&s, NULL, 0, 80, b, sizeof(b), &nb);	/* no echo */
	CHECK_INT(0, net_dgram_open(&c, a, na, 2100, false, out, sizeof(out),
	    &rx));
	CHECK_INT(2020, rx.ts_reply);
	CHECK(c.srtt == 80.0);
	srtt = c.srtt;
	/* now b, then an older reply arriving late changes nothing */
	net_dgram_seal(&c, NULL, 0, 3000, a, sizeof(a), &na);
	CHECK_INT(0, net_dgram_open(&s, a, na, 90, false, out, sizeof(out), &rx));
	net_dgram_seal(&s, NULL, 0, 95, a, sizeof(a), &na);	/* echo 3005 */
	net_dgram_seal(&s, NULL, 0, 96, out, sizeof(out), &nb);
	CHECK_INT(0, net_dgram_open(&c, out, nb, 3300, false, b, sizeof(b), &rx));
	CHECK(rx.in_order);
	CHECK(c.srtt == srtt);	/* no reply in it */
	CHECK_INT(0, net_dgram_open(&c, a, na, 3300, false, b, sizeof(b), &rx));
	CHECK(!rx.in_order);
	CHECK(!rx.rtt_sample);
	CHECK(c.srtt == srtt);
	net_dgram_fini(&c);
	net_dgram_fini(&s);
}

static void
rtt_math(void)
{
	struct net_dgram d;

	net_dgram_init(&d, key1, NET_DGRAM_TO_SERVER, CRYPTO_AES_AUTO);
	/* before any sample: SRTT 1000, RTTVAR 500 */
	CHECK_INT(1000, net_dgram_timeout(&d));
	CHECK_INT(250, net_dgram_send_interval(&d));
	net_dgram_rtt_sample(&d, 100);
	CHECK(d.srtt == 100.0 && d.rttvar == 50.0);
	CHECK_INT(300, net_dgram_timeout(&d));
	CHECK_INT(50, net_dgram_send_interval(&d));
	net_dgram_rtt_sample(&d, 60);
	/* RTTVAR = 3/4 50 + 1/4 |100-60| = 47.5; SRTT = 7/8 100 + 1/8 60 = 95 */
	CHECK(d.rttvar == 47.5 && d.srtt == 95.0);
	CHECK_INT(285, net_dgram_timeout(&d));
	CHECK_INT(48, net_dgram_send_interval(&d));	/* ceil(47.5) */
	/* ceilings of fractions */
	net_dgram_init(&d, key1, NET_DGRAM_TO_SERVER, CRYPTO_AES_AUTO);
	net_dgram_rtt_sample(&d, 101);
	CHECK_INT(303, net_dgram_timeout(&d));
	CHECK_INT(51, net_dgram_send_interval(&d));
	net_dgram_rtt_sample(&d, 102);
	/* RTTVAR 38.125, SRTT 101.125: 253.625 -> 254; 50.5625 -> 51 */
	CHECK(d.rttvar == 38.125 && d.srtt == 101.125);
	CHECK_INT(254, net_dgram_timeout(&d));
	CHECK_INT(51, net_dgram_send_interval(&d));
	/* lower bounds */
	net_dgram_init(&d, key1, NET_DGRAM_TO_SERVER, CRYPTO_AES_AUTO);
	net_dgram_rtt_sample(&d, 0);
	CHECK_INT(50, net_dgram_timeout(&d));
	CHECK_INT(20, net_dgram_send_interval(&d));
	net_dgram_rtt_sample(&d, 10);
	CHECK_INT(50, net_dgram_timeout(&d));
	/* upper bounds */
	net_dgram_rtt_sample(&d, 4999);
	net_dgram_rtt_sample(&d, 4999);
	CHECK_INT(1000, net_dgram_timeout(&d));
	net_dgram_init(&d, key1, NET_DGRAM_TO_SERVER, CRYPTO_AES_AUTO);
	net_dgram_rtt_sample(&d, 4000);
	CHECK_INT(250, net_dgram_send_interval(&d));
	net_dgram_fini(&d);
}

/* Samples of 5000 ms or more are ignored (e.g. a stopped peer). */
static void
rtt_sample_limit(void)
{
	struct net_dgram c, s;
	struct net_dgram_rx rx;
	uint8_t dg[64], out[64];
	size_t n = 0;

	pair(&c, &s);
	net_dgram_seal(&c, NULL, 0, 0, dg, sizeof(dg), &n);
	net_dgram_open(&s, dg, n, 0, false, out, sizeof(out), &rx);
	net_dgram_seal(&s, NULL, 0, 0, dg, sizeof(dg), &n);
	CHECK_INT(0, net_dgram_open(&c, dg, n, 5000, false, out, sizeof(out),
	    &rx));
	CHECK_INT(0, rx.ts_reply);
	CHECK(!rx.rtt_sample);
	CHECK(!c.rtt_hit);
	net_dgram_seal(&c, NULL, 0, 10000, dg, sizeof(dg), &n);
	net_dgram_open(&s, dg, n, 0, false, out, sizeof(out), &rx);
	net_dgram_seal(&s, NULL, 0, 0, dg, sizeof(dg), &n);
	CHECK_INT(0, net_dgram_open(&c, dg, n, 14999, false, out, sizeof(out),
	    &rx));
	CHECK(rx.rtt_sample);
	CHECK(c.srtt == 4999.0);
	net_dgram_fini(&c);
	net_dgram_fini(&s);
}

static void
seal_limits(void)
{
	struct net_dgram c, s;
	struct net_dgram_rx rx;
	uint8_t dg[64], out[64], p[8] = { 1 };
	size_t n = 0;

	pair(&c, &s);
	CHECK_INT(CORE_E_LIMIT, net_dgram_seal(&c, p, 8, 0, dg, 35, &n));
	CHECK_U64(0, c.next_seq);
	CHECK_INT(0, net_dgram_seal(&c, p, 8, 0, dg, 36, &n));
	/* the last seq is usable; after it, the sender stops for good */
	c.next_seq = NET_DGRAM_SEQ_MAX;
	CHECK_INT(0, net_dgram_seal(&c, p, 8, 0, dg, sizeof(dg), &n));
	CHECK_U64(NET_DGRAM_SEQ_MAX, core_ld_be64(dg));
	CHECK_INT(0, net_dgram_open(&s, dg, n, 0, false, out, sizeof(out), &rx));
	CHECK_U64(NET_DGRAM_SEQ_MAX, rx.seq);
	CHECK_INT(CORE_E_EXHAUSTED, net_dgram_seal(&c, p, 8, 0, dg, sizeof(dg),
	    &n));
	CHECK_INT(CORE_E_EXHAUSTED, net_dgram_seal(&c, p, 8, 0, dg, sizeof(dg),
	    &n));
	/* the key's block budget: 2^47 blocks */
	s.sess.blocks = CRYPTO_SESSION_BLOCK_LIMIT - 1;
	CHECK_INT(CORE_E_EXHAUSTED, net_dgram_seal(&s, p, 8, 0, dg, sizeof(dg),
	    &n));
	CHECK_U64(0, s.next_seq);
	net_dgram_fini(&c);
	net_dgram_fini(&s);
}

static const struct test tests[] = {
	T(constants), T(stock_example), T(roundtrip), T(rejections),
	T(short_plaintext), T(replay_window), T(replay_model),
	T(timestamp_reply), T(reordered_no_timing), T(rtt_math),
	T(rtt_sample_limit), T(seal_limits),
};
TEST_MAIN(tests)
