/*
 * net/udp.h - the one place that calls socket/bind/sendto/recvmsg for
 * mosh's UDP (PROTOCOL.md 1.3, 3.6, 3.7).
 *
 * Every socket gets the stock options: DF off (IP_PMTUDISC_DONT), TOS 0x02
 * (ECT(0)), IP_RECVTOS so a receiver sees congestion marks; IPv6 sockets
 * bound to the wildcard are dual-stack.  Sockets are non-blocking and
 * close-on-exec.
 */
#ifndef NET_UDP_H
#define NET_UDP_H

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#define NET_UDP_PORT_LOW 60001	/* stock default search range */
#define NET_UDP_PORT_HIGH 60999
#define NET_UDP_RECV_MAX 2048	/* stock receive buffer; larger = oversize */
#define NET_UDP_ADDRSTR 64	/* "[v6addr]:port" fits */

struct net_addr {
	struct sockaddr_storage ss;
	socklen_t len;
};

struct net_udp {
	int fd;		/* owned; -1 when closed */
	int family;	/* AF_INET or AF_INET6 of the socket */
	uint16_t port;	/* bound local port */
};

/* Why a port range was refused (the applet words the message). */
enum net_port_error {
	NET_PORT_OK = 0,
	NET_PORT_BAD_LOW,	/* low (or only) port is not a number */
	NET_PORT_LOW_RANGE,	/* low port outside 0..65535 */
	NET_PORT_BAD_HIGH,	/* high port is not a number */
	NET_PORT_HIGH_RANGE,	/* high port outside 0..65535 */
	NET_PORT_LOW_GT_HIGH,	/* low > high */
	NET_PORT_ZERO_RANGE	/* low 0 in a range */
};

/*
 * Parses "PORT" or "LOW:HIGH".  A single port gives low == high.  Returns
 * NET_PORT_OK or the reason; *bad_value receives the offending number
 * when one was parsed (for the message).
 */
enum net_port_error net_udp_parse_ports(const char *s, unsigned *low,
    unsigned *high, long *bad_value);

/*
 * Parses a numeric IPv4/IPv6 address (no name lookup) and port into a.
 * 0 or CORE_E_INVAL.
 */
int net_addr_parse(struct net_addr *a, const char *ip, unsigned port);
/* "1.2.3.4:5" or "[::1]:5" into out[NET_UDP_ADDRSTR]. */
void net_addr_format(const struct net_addr *a, char *out);
/* The numeric address alone. */
void net_addr_ip(const struct net_addr *a, char *out, size_t n);
int net_addr_equal(const struct net_addr *a, const struct net_addr *b);
unsigned net_addr_port(const struct net_addr *a);

/*
 * Binds the first free port in low..high on ip (NULL: the IPv6 wildcard,
 * dual-stack, falling back to the IPv4 wildcard where IPv6 is missing).
 * Returns 0, or CORE_E_SYS with errno from the last bind attempt
 * (EADDRINUSE when the whole range was busy).
 */
int net_udp_bind(struct net_udp *u, const char *ip, unsigned low,
    unsigned high);
/* An unbound socket for talking to `peer` (the client side; ephemeral port). */
int net_udp_open_for(struct net_udp *u, const struct net_addr *peer);
void net_udp_close(struct net_udp *u);

/*
 * Receives one datagram.  Returns its length, CORE_E_AGAIN when none is
 * waiting, CORE_E_LIMIT for an oversize (truncated) datagram, or
 * CORE_E_SYS.  *ce is set to 1 when the IP header carried the ECN CE mark.
 */
long net_udp_recv(struct net_udp *u, uint8_t *buf, size_t n,
    struct net_addr *from, int *ce);
/* Sends one datagram: 0, CORE_E_AGAIN (buffer full) or CORE_E_SYS. */
int net_udp_send(struct net_udp *u, const struct net_addr *to,
    const uint8_t *p, size_t n);
/* The application MTU for a family: 1252 (IPv4) or 1216 (IPv6). */
size_t net_udp_mtu(int family);

#endif
