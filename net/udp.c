/*
 * net/udp.c - UDP sockets with mosh's options.
 *
 * IPv4-mapped peers on a dual-stack socket are kept as they arrive
 * (::ffff:a.b.c.d); net_addr_format prints them as plain IPv4 so messages
 * read naturally.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/ip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/err.h"
#include "core/io.h"
#include "net/udp.h"

static int
parse_num(const char *s, const char *end, long *v)
{
	char *e;

	if (s == end || *s < '0' || *s > '9' || end - s > 9) {
		return -1;
	}
	*v = strtol(s, &e, 10);
	return e == end ? 0 : -1;
}

enum net_port_error
net_udp_parse_ports(const char *s, unsigned *low, unsigned *high,
    long *bad_value)
{
	const char *colon = strchr(s, ':');
	const char *end = s + strlen(s);
	long lo, hi;

	*bad_value = 0;
	if (parse_num(s, colon ? colon : end, &lo) < 0) {
		return NET_PORT_BAD_LOW;
	}
	if (lo > 65535) {
		*bad_value = lo;
		return NET_PORT_LOW_RANGE;
	}
	hi = lo;
	if (colon != NULL) {
		if (parse_num(colon + 1, end, &hi) < 0) {
			return NET_PORT_BAD_HIGH;
		}
		if (hi > 65535) {
			*bad_value = hi;
			return NET_PORT_HIGH_RANGE;
		}
		if (lo > hi) {
			return NET_PORT_LOW_GT_HIGH;
		}
		if (lo == 0) {
			return NET_PORT_ZERO_RANGE;
		}
	}
	*low = (unsigned)lo;
	*high = (unsigned)hi;
	return NET_PORT_OK;
}

int
net_addr_parse(struct net_addr *a, const char *ip, unsigned port)
{
	struct sockaddr_in *v4 = (struct sockaddr_in *)&a->ss;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&a->ss;

	memset(a, 0, sizeof *a);
	if (port > 65535) {
		return CORE_E_INVAL;
	}
	if (inet_pton(AF_INET, ip, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons((uint16_t)port);
		a->len = sizeof *v4;
		return 0;
	}
	if (inet_pton(AF_INET6, ip, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((uint16_t)port);
		a->len = sizeof *v6;
		return 0;
	}
	return CORE_E_INVAL;
}

void
net_addr_ip(const struct net_addr *a, char *out, size_t n)
{
	const struct sockaddr_in *v4 = (const struct sockaddr_in *)&a->ss;
	const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)&a->ss;

	if (a->ss.ss_family == AF_INET) {
		inet_ntop(AF_INET, &v4->sin_addr, out, (socklen_t)n);
	} else if (a->ss.ss_family == AF_INET6 &&
	    IN6_IS_ADDR_V4MAPPED(&v6->sin6_addr)) {
		inet_ntop(AF_INET, &v6->sin6_addr.s6_addr[12], out, (socklen_t)n);
	} else if (a->ss.ss_family == AF_INET6) {
		inet_ntop(AF_INET6, &v6->sin6_addr, out, (socklen_t)n);
	} else {
		snprintf(out, n, "?");
	}
}

unsigned
net_addr_port(const struct net_addr *a)
{
	if (a->ss.ss_family == AF_INET) {
		return ntohs(((const struct sockaddr_in *)&a->ss)->sin_port);
	}
	if (a->ss.ss_family == AF_INET6) {
		return ntohs(((const struct sockaddr_in6 *)&a->ss)->sin6_port);
	}
	return 0;
}

void
net_addr_format(const struct net_addr *a, char *out)
{
	char ip[INET6_ADDRSTRLEN];
	int v6 = a->ss.ss_family == AF_INET6 &&
	    !IN6_IS_ADDR_V4MAPPED(&((const struct sockaddr_in6 *)&a->ss)->sin6_addr);

	net_addr_ip(a, ip, sizeof ip);
	snprintf(out, NET_UDP_ADDRSTR, v6 ? "[%s]:%u" : "%s:%u", ip,
	    net_addr_port(a));
}

int
net_addr_equal(const struct net_addr *a, const struct net_addr *b)
{
	return a->len == b->len && memcmp(&a->ss, &b->ss, a->len) == 0;
}

/* The stock option set; failures of the optional ones are ignored. */
static void
set_options(int fd, int family)
{
	int one = 1, tos = 0x02, dont = IP_PMTUDISC_DONT;

	if (family == AF_INET6) {
		(void)setsockopt(fd, IPPROTO_IPV6, IPV6_TCLASS, &tos, sizeof tos);
		(void)setsockopt(fd, IPPROTO_IPV6, IPV6_RECVTCLASS, &one, sizeof one);
		(void)setsockopt(fd, IPPROTO_IPV6, IPV6_MTU_DISCOVER, &dont,
		    sizeof dont);
	}
	/* Dual-stack IPv6 sockets carry IPv4 traffic too: set both. */
	(void)setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &dont, sizeof dont);
	(void)setsockopt(fd, IPPROTO_IP, IP_TOS, &tos, sizeof tos);
	(void)setsockopt(fd, IPPROTO_IP, IP_RECVTOS, &one, sizeof one);
}

static int
new_socket(struct net_udp *u, int family)
{
	u->fd = socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (u->fd < 0) {
		return CORE_E_SYS;
	}
	u->family = family;
	u->port = 0;
	set_options(u->fd, family);
	return 0;
}

static int
try_bind(struct net_udp *u, struct net_addr *a, unsigned low, unsigned high)
{
	unsigned p;
	int zero = 0;

	if (a->ss.ss_family == AF_INET6) {
		struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&a->ss;

		if (IN6_IS_ADDR_UNSPECIFIED(&v6->sin6_addr)) {
			(void)setsockopt(u->fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero,
			    sizeof zero);
		}
	}
	for (p = low; p <= high; p++) {
		struct sockaddr_storage got;
		socklen_t gl = sizeof got;

		if (a->ss.ss_family == AF_INET) {
			((struct sockaddr_in *)&a->ss)->sin_port = htons((uint16_t)p);
		} else {
			((struct sockaddr_in6 *)&a->ss)->sin6_port = htons((uint16_t)p);
		}
		if (bind(u->fd, (struct sockaddr *)&a->ss, a->len) == 0) {
			if (getsockname(u->fd, (struct sockaddr *)&got, &gl) == 0) {
				struct net_addr g = { got, gl };

				u->port = (uint16_t)net_addr_port(&g);
			}
			return 0;
		}
		if (errno != EADDRINUSE && errno != EACCES) {
			break;
		}
	}
	return CORE_E_SYS;
}

int
net_udp_bind(struct net_udp *u, const char *ip, unsigned low, unsigned high)
{
	struct net_addr a;
	int err, saved;

	if (net_addr_parse(&a, ip ? ip : "::", 0) < 0) {
		errno = EINVAL;
		return CORE_E_INVAL;
	}
	if ((err = new_socket(u, a.ss.ss_family)) < 0) {
		if (ip != NULL || errno != EAFNOSUPPORT) {
			return err;
		}
		/* No IPv6 in this kernel: the IPv4 wildcard it is. */
		net_addr_parse(&a, "0.0.0.0", 0);
		if ((err = new_socket(u, AF_INET)) < 0) {
			return err;
		}
	}
	if ((err = try_bind(u, &a, low, high)) < 0) {
		saved = errno;
		net_udp_close(u);
		errno = saved;
	}
	return err;
}

int
net_udp_open_for(struct net_udp *u, const struct net_addr *peer)
{
	return new_socket(u, peer->ss.ss_family);
}

void
net_udp_close(struct net_udp *u)
{
	core_close(u->fd);
	u->fd = -1;
}

long
net_udp_recv(struct net_udp *u, uint8_t *buf, size_t n, struct net_addr *from,
    int *ce)
{
	union {
		struct cmsghdr align;
		uint8_t b[CMSG_SPACE(sizeof(int)) * 2];
	} ctl;
	struct iovec iov = { buf, n };
	struct msghdr m;
	struct cmsghdr *c;
	ssize_t r;

	memset(&m, 0, sizeof m);
	m.msg_name = &from->ss;
	m.msg_namelen = sizeof from->ss;
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = ctl.b;
	m.msg_controllen = sizeof ctl.b;
	do {
		r = recvmsg(u->fd, &m, 0);
	} while (r < 0 && errno == EINTR);
	if (r < 0) {
		return errno == EAGAIN || errno == EWOULDBLOCK ? CORE_E_AGAIN :
		    CORE_E_SYS;
	}
	from->len = m.msg_namelen;
	*ce = 0;
	for (c = CMSG_FIRSTHDR(&m); c != NULL; c = CMSG_NXTHDR(&m, c)) {
		int tos = -1;

		if ((c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TOS &&
		    c->cmsg_len >= CMSG_LEN(1))) {
			tos = *(uint8_t *)CMSG_DATA(c);
		} else if (c->cmsg_level == IPPROTO_IPV6 &&
		    c->cmsg_type == IPV6_TCLASS && c->cmsg_len >= CMSG_LEN(sizeof(int))) {
			memcpy(&tos, CMSG_DATA(c), sizeof tos);
		}
		if (tos >= 0 && (tos & 3) == 3) {
			*ce = 1;
		}
	}
	if (m.msg_flags & MSG_TRUNC) {
		return CORE_E_LIMIT;
	}
	return (long)r;
}

int
net_udp_send(struct net_udp *u, const struct net_addr *to, const uint8_t *p,
    size_t n)
{
	struct net_addr mapped;
	const struct net_addr *dst = to;
	ssize_t r;

	/* An IPv4 peer through a dual-stack IPv6 socket needs a mapped address. */
	if (u->family == AF_INET6 && to->ss.ss_family == AF_INET) {
		struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&mapped.ss;
		const struct sockaddr_in *v4 = (const struct sockaddr_in *)&to->ss;

		memset(&mapped, 0, sizeof mapped);
		v6->sin6_family = AF_INET6;
		v6->sin6_port = v4->sin_port;
		v6->sin6_addr.s6_addr[10] = 0xff;
		v6->sin6_addr.s6_addr[11] = 0xff;
		memcpy(&v6->sin6_addr.s6_addr[12], &v4->sin_addr, 4);
		mapped.len = sizeof *v6;
		dst = &mapped;
	}
	do {
		r = sendto(u->fd, p, n, 0, (const struct sockaddr *)&dst->ss,
		    dst->len);
	} while (r < 0 && errno == EINTR);
	if (r < 0) {
		return errno == EAGAIN || errno == EWOULDBLOCK ? CORE_E_AGAIN :
		    CORE_E_SYS;
	}
	return 0;
}

size_t
net_udp_mtu(int family)
{
	return family == AF_INET6 ? 1216 : 1252;
}
