/*
 * Unit tests: net/conn (instruction -> datagrams -> instruction), with the
 * hostile cases counted by cause.
 */
#include <stdlib.h>

#include "core/err.h"
#include "net/conn.h"
#include "test/harness.h"

#define MAXDG 64

struct wire {
	uint8_t dg[MAXDG][NET_DGRAM_RECV_MAX];
	size_t len[MAXDG];
	int n;
};

static int
capture(void *user, const uint8_t *dg, size_t n)
{
	struct wire *w = user;

	if (w->n == MAXDG) {
		return CORE_E_LIMIT;
	}
	memcpy(w->dg[w->n], dg, n);
	w->len[w->n++] = n;
	return 0;
}

static const uint8_t key[16] = "0123456789abcdef";

static void
fill(struct net_instruction *ins, const uint8_t *diff, size_t n)
{
	memset(ins, 0, sizeof *ins);
	ins->protocol_version = 2;
	ins->old_num = 1;
	ins->new_num = 2;
	ins->ack_num = 7;
	ins->throwaway_num = 1;
	ins->diff = diff;
	ins->diff_len = n;
	ins->chaff = (const uint8_t *)"xyz";
	ins->chaff_len = 3;
}

static void
single_datagram_round_trip(void)
{
	struct net_conn cli, srv;
	struct net_instruction ins, got;
	struct net_dgram_rx rx;
	static struct wire w;

	CHECK_INT(0, net_conn_init(&cli, key, NET_DGRAM_TO_SERVER, NET_DGRAM_MTU_IPV4));
	CHECK_INT(0, net_conn_init(&srv, key, NET_DGRAM_TO_CLIENT, NET_DGRAM_MTU_IPV4));
	fill(&ins, (const uint8_t *)"\x0a\x05\x12\x03\x22\x01\x65", 7);
	w.n = 0;
	CHECK_INT(0, net_conn_send(&cli, &ins, 1000, capture, &w));
	CHECK_INT(1, w.n);
	CHECK_INT(1, net_conn_recv(&srv, w.dg[0], w.len[0], 1001, false, &got, &rx));
	CHECK_U64(7, got.ack_num);
	CHECK_U64(2, got.new_num);
	CHECK_MEM(ins.diff, ins.diff_len, got.diff, got.diff_len);
	CHECK_MEM("xyz", 3, got.chaff, got.chaff_len);
	CHECK(rx.in_order);
	CHECK_U64(0, rx.seq);
	/* The same datagram again is a replay, and reflecting our own back
	 * at us is refused. */
	CHECK_INT(CORE_E_REPLAY, net_conn_recv(&srv, w.dg[0], w.len[0], 1002, false, &got, &rx));
	CHECK_INT(CORE_E_DIRECTION, net_conn_recv(&cli, w.dg[0], w.len[0], 1002, false, &got, &rx));
	CHECK_U64(1, srv.st.bad_replay);
	CHECK_U64(1, cli.st.bad_direction);
	net_conn_fini(&cli);
	net_conn_fini(&srv);
}

static void
fragments_in_any_order(void)
{
	struct net_conn cli, srv;
	struct net_instruction ins, got;
	struct net_dgram_rx rx;
	static struct wire w;
	static uint8_t diff[6000];
	int i, r = 0;
	unsigned x = 12345;

	for (i = 0; i < (int)sizeof diff; i++) {
		x = x * 1103515245u + 12345u;
		diff[i] = (uint8_t)(x >> 16);	/* incompressible */
	}
	CHECK_INT(0, net_conn_init(&cli, key, NET_DGRAM_TO_SERVER, NET_DGRAM_MTU_DEFAULT));
	CHECK_INT(0, net_conn_init(&srv, key, NET_DGRAM_TO_CLIENT, NET_DGRAM_MTU_DEFAULT));
	fill(&ins, diff, sizeof diff);
	w.n = 0;
	CHECK_INT(0, net_conn_send(&cli, &ins, 5, capture, &w));
	CHECK(w.n >= 13);
	for (i = 0; i < w.n; i++) {
		CHECK(w.len[i] <= NET_DGRAM_MTU_DEFAULT);
	}
	/* Last first, then the rest backwards, with one duplicate. */
	for (i = w.n - 1; i >= 0; i--) {
		r = net_conn_recv(&srv, w.dg[i], w.len[i], 6, false, &got, &rx);
		if (i > 0) {
			CHECK_INT(0, r);
		}
		if (i == w.n / 2) {
			CHECK_INT(CORE_E_REPLAY, net_conn_recv(&srv, w.dg[i],
			    w.len[i], 6, false, &got, &rx));
		}
	}
	CHECK_INT(1, r);
	CHECK_MEM(diff, sizeof diff, got.diff, got.diff_len);
	CHECK_U64(1, srv.st.instructions);
	net_conn_fini(&cli);
	net_conn_fini(&srv);
}

static void
forged_and_truncated_are_counted(void)
{
	struct net_conn cli, srv, other;
	struct net_instruction ins, got;
	struct net_dgram_rx rx;
	static struct wire w;
	uint8_t bad[NET_DGRAM_RECV_MAX];
	size_t i;

	CHECK_INT(0, net_conn_init(&cli, key, NET_DGRAM_TO_SERVER, NET_DGRAM_MTU_IPV4));
	CHECK_INT(0, net_conn_init(&srv, key, NET_DGRAM_TO_CLIENT, NET_DGRAM_MTU_IPV4));
	CHECK_INT(0, net_conn_init(&other, (const uint8_t *)"fedcba9876543210",
	    NET_DGRAM_TO_SERVER, NET_DGRAM_MTU_IPV4));
	fill(&ins, (const uint8_t *)"hello", 5);
	w.n = 0;
	CHECK_INT(0, net_conn_send(&cli, &ins, 1, capture, &w));
	CHECK_INT(0, net_conn_send(&other, &ins, 1, capture, &w));
	for (i = 0; i < w.len[0] * 8; i += 7) {
		memcpy(bad, w.dg[0], w.len[0]);
		bad[i / 8] ^= (uint8_t)(1u << (i % 8));
		CHECK(net_conn_recv(&srv, bad, w.len[0], 2, false, &got, &rx) < 0);
	}
	for (i = 0; i < 30; i++) {
		CHECK(net_conn_recv(&srv, w.dg[0], i, 2, false, &got, &rx) < 0);
	}
	CHECK_INT(CORE_E_AUTH, net_conn_recv(&srv, w.dg[1], w.len[1], 2, false, &got, &rx));
	CHECK(srv.st.bad_auth > 0);
	CHECK(srv.st.bad_trunc > 0);
	CHECK_U64(0, srv.st.instructions);
	/* And the genuine one still goes through after all that. */
	CHECK_INT(1, net_conn_recv(&srv, w.dg[0], w.len[0], 3, false, &got, &rx));
	net_conn_fini(&cli);
	net_conn_fini(&srv);
	net_conn_fini(&other);
}

static const struct test tests[] = {
	T(single_datagram_round_trip), T(fragments_in_any_order),
	T(forged_and_truncated_are_counted),
};
TEST_MAIN(tests)
