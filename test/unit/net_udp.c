/*
 * Unit tests: net/udp (port ranges, addresses, sockets on loopback).
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <poll.h>

#include "core/err.h"
#include "net/udp.h"
#include "test/harness.h"

static void
port_ranges(void)
{
	unsigned lo = 0, hi = 0;
	long bad;

	CHECK_INT(NET_PORT_OK, net_udp_parse_ports("60001", &lo, &hi, &bad));
	CHECK_INT(60001, lo);
	CHECK_INT(60001, hi);
	CHECK_INT(NET_PORT_OK, net_udp_parse_ports("0", &lo, &hi, &bad));
	CHECK_INT(0, hi);
	CHECK_INT(NET_PORT_OK, net_udp_parse_ports("5000:5010", &lo, &hi, &bad));
	CHECK_INT(5000, lo);
	CHECK_INT(5010, hi);
	CHECK_INT(NET_PORT_BAD_LOW, net_udp_parse_ports("", &lo, &hi, &bad));
	CHECK_INT(NET_PORT_BAD_LOW, net_udp_parse_ports("x", &lo, &hi, &bad));
	CHECK_INT(NET_PORT_BAD_LOW, net_udp_parse_ports("-1", &lo, &hi, &bad));
	CHECK_INT(NET_PORT_BAD_LOW, net_udp_parse_ports(":5", &lo, &hi, &bad));
	CHECK_INT(NET_PORT_LOW_RANGE, net_udp_parse_ports("65536", &lo, &hi, &bad));
	CHECK_INT(65536, bad);
	CHECK_INT(NET_PORT_BAD_HIGH, net_udp_parse_ports("5:", &lo, &hi, &bad));
	CHECK_INT(NET_PORT_BAD_HIGH, net_udp_parse_ports("5:6:7", &lo, &hi, &bad));
	CHECK_INT(NET_PORT_HIGH_RANGE, net_udp_parse_ports("5:70000", &lo, &hi, &bad));
	CHECK_INT(70000, bad);
	CHECK_INT(NET_PORT_LOW_GT_HIGH, net_udp_parse_ports("7:5", &lo, &hi, &bad));
	CHECK_INT(NET_PORT_ZERO_RANGE, net_udp_parse_ports("0:5", &lo, &hi, &bad));
	CHECK_INT(NET_PORT_BAD_LOW, net_udp_parse_ports("99999999999", &lo, &hi, &bad));
}

static void
addresses(void)
{
	struct net_addr a, b;
	char s[NET_UDP_ADDRSTR];

	CHECK_INT(0, net_addr_parse(&a, "127.0.0.1", 60001));
	net_addr_format(&a, s);
	CHECK_STR("127.0.0.1:60001", s);
	CHECK_INT(0, net_addr_parse(&b, "::1", 22));
	net_addr_format(&b, s);
	CHECK_STR("[::1]:22", s);
	CHECK(!net_addr_equal(&a, &b));
	CHECK_INT(0, net_addr_parse(&b, "127.0.0.1", 60001));
	CHECK(net_addr_equal(&a, &b));
	CHECK_INT(0, net_addr_parse(&b, "::ffff:10.1.2.3", 7));
	net_addr_format(&b, s);
	CHECK_STR("10.1.2.3:7", s);
	CHECK_INT(CORE_E_INVAL, net_addr_parse(&a, "localhost", 1));
	CHECK_INT(CORE_E_INVAL, net_addr_parse(&a, "1.2.3.4.5", 1));
	CHECK_INT(CORE_E_INVAL, net_addr_parse(&a, "1.2.3.4", 65536));
	CHECK_INT(1216, net_udp_mtu(AF_INET6));
	CHECK_INT(1252, net_udp_mtu(AF_INET));
}

static int
wait_readable(int fd)
{
	struct pollfd p = { fd, POLLIN, 0 };

	return poll(&p, 1, 2000) == 1;
}

static void
loopback_round_trip(void)
{
	struct net_udp srv, cli;
	struct net_addr to, from;
	uint8_t buf[NET_UDP_RECV_MAX + 100];
	int ce = -1, tos = 0;
	socklen_t tl = sizeof tos;
	long n;

	CHECK_INT(0, net_udp_bind(&srv, "127.0.0.1", 0, 0));
	CHECK(srv.port != 0);
	CHECK_INT(0, getsockopt(srv.fd, IPPROTO_IP, IP_TOS, &tos, &tl));
	CHECK_INT(0x02, tos);
	CHECK_INT(0, net_addr_parse(&to, "127.0.0.1", srv.port));
	CHECK_INT(0, net_udp_open_for(&cli, &to));
	CHECK_INT(CORE_E_AGAIN, net_udp_recv(&srv, buf, sizeof buf, &from, &ce));
	CHECK_INT(0, net_udp_send(&cli, &to, (const uint8_t *)"hello", 5));
	CHECK(wait_readable(srv.fd));
	n = net_udp_recv(&srv, buf, NET_UDP_RECV_MAX, &from, &ce);
	CHECK_INT(5, n);
	CHECK_MEM("hello", 5, buf, n > 0 ? (size_t)n : 0);
	CHECK_INT(0, ce);	/* ECT(0), not CE */
	/* Reply to where it came from. */
	CHECK_INT(0, net_udp_send(&srv, &from, (const uint8_t *)"back", 4));
	CHECK(wait_readable(cli.fd));
	CHECK_INT(4, net_udp_recv(&cli, buf, sizeof buf, &from, &ce));
	CHECK_INT(srv.port, net_addr_port(&from));
	/* Oversize datagrams are reported, not silently cut. */
	memset(buf, 'x', sizeof buf);
	CHECK_INT(0, net_udp_send(&cli, &to, buf, NET_UDP_RECV_MAX + 1));
	CHECK(wait_readable(srv.fd));
	CHECK_INT(CORE_E_LIMIT, net_udp_recv(&srv, buf, NET_UDP_RECV_MAX, &from, &ce));
	net_udp_close(&cli);
	net_udp_close(&srv);
}

static void
range_skips_busy_ports(void)
{
	struct net_udp a, b, c;

	CHECK_INT(0, net_udp_bind(&a, "127.0.0.1", 0, 0));
	CHECK_INT(0, net_udp_bind(&b, "127.0.0.1", a.port, a.port + 5u));
	CHECK(b.port > a.port && b.port <= a.port + 5u);
	CHECK_INT(CORE_E_SYS, net_udp_bind(&c, "127.0.0.1", a.port, a.port));
	CHECK_INT(EADDRINUSE, errno);
	CHECK_INT(CORE_E_INVAL, net_udp_bind(&c, "not-an-ip", 0, 0));
	net_udp_close(&a);
	net_udp_close(&b);
}

static void
dual_stack_wildcard(void)
{
	struct net_udp srv, cli;
	struct net_addr to, from;
	uint8_t buf[64];
	int ce;

	/* NULL = the IPv6 wildcard, dual-stack: IPv4 clients reach it. */
	CHECK_INT(0, net_udp_bind(&srv, NULL, 0, 0));
	CHECK_INT(0, net_addr_parse(&to, "127.0.0.1", srv.port));
	CHECK_INT(0, net_udp_open_for(&cli, &to));
	CHECK_INT(0, net_udp_send(&cli, &to, (const uint8_t *)"v4", 2));
	CHECK(wait_readable(srv.fd));
	CHECK_INT(2, net_udp_recv(&srv, buf, sizeof buf, &from, &ce));
	/* And it can answer an IPv4 address given in plain form. */
	CHECK_INT(0, net_addr_parse(&to, "127.0.0.1", net_addr_port(&from)));
	CHECK_INT(0, net_udp_send(&srv, &to, (const uint8_t *)"ok", 2));
	CHECK(wait_readable(cli.fd));
	CHECK_INT(2, net_udp_recv(&cli, buf, sizeof buf, &from, &ce));
	net_udp_close(&cli);
	net_udp_close(&srv);
}

static const struct test tests[] = {
	T(port_ranges), T(addresses), T(loopback_round_trip),
	T(range_skips_busy_ports), T(dual_stack_wildcard),
};
TEST_MAIN(tests)
