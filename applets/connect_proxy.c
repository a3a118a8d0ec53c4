/*
 * applets/connect_proxy.c - address lookup with the stock wrapper's
 * family rules, and --fake-proxy: the ProxyCommand that ssh runs so that
 * we learn which address ssh really reached (PROTOCOL.md 1.6 step 5).
 * It prints "MOSH IP <addr>" on stderr (ssh passes it through into the
 * output we read) and then relays bytes like netcat.
 */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "applets/connect.h"
#include "core/err.h"
#include "core/io.h"
#include "core/log.h"

/*
 * The addresses to try, in order: inet/inet6 keep one family, prefer-X
 * puts X first, auto refuses a host with both, all keeps the resolver's
 * order.  The list is rebuilt by relinking ai_next.  NULL after printing.
 */
static struct addrinfo *
lookup(const char *host, const char *port, const char *family,
    struct addrinfo **freeme)
{
	struct addrinfo hints, *res, *a, *first = NULL, **tail = &first;
	struct addrinfo *rest = NULL, **rtail = &rest;
	int want = AF_UNSPEC, prefer = AF_UNSPEC, r;

	if (!strcmp(family, "inet")) {
		want = AF_INET;
	} else if (!strcmp(family, "inet6")) {
		want = AF_INET6;
	} else if (!strcmp(family, "prefer-inet")) {
		prefer = AF_INET;
	} else if (!strcmp(family, "prefer-inet6")) {
		prefer = AF_INET6;
	}
	memset(&hints, 0, sizeof hints);
	hints.ai_family = want;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_protocol = IPPROTO_TCP;
	r = getaddrinfo(host, port, &hints, &res);
	if (r != 0) {
		core_log(CORE_LOG_ERROR, "could not resolve %s: %s", host,
		    gai_strerror(r));
		return NULL;
	}
	*freeme = res;
	/* Split into the preferred family and the rest, keeping order. */
	for (a = res; a != NULL; a = a->ai_next) {
		if (prefer == AF_UNSPEC || a->ai_family == prefer) {
			*tail = a;
			tail = &a->ai_next;
		} else {
			*rtail = a;
			rtail = &a->ai_next;
		}
	}
	*rtail = NULL;
	*tail = rest;
	if (!strcmp(family, "auto")) {
		for (a = first; a != NULL; a = a->ai_next) {
			if (a->ai_family != first->ai_family) {
				core_log(CORE_LOG_ERROR, "host has both IPv4 and "
				    "IPv6 addresses, use --family to specify "
				    "behavior");
				freeaddrinfo(res);
				*freeme = NULL;
				return NULL;
			}
		}
	}
	if (first == NULL) {
		core_log(CORE_LOG_ERROR, "could not find address for %s", host);
		freeaddrinfo(res);
		*freeme = NULL;
	}
	return first;
}

int
connect_resolve_first(const char *host, const char *port, const char *family,
    char *ip, size_t iplen, int do_connect)
{
	struct addrinfo *list, *a, *freeme = NULL;
	char addr[NI_MAXHOST] = "";
	int fd = -1, err = 0;

	if ((list = lookup(host, port, family, &freeme)) == NULL) {
		return -1;
	}
	for (a = list; a != NULL; a = a->ai_next) {
		if (getnameinfo(a->ai_addr, a->ai_addrlen, addr, sizeof addr,
		    NULL, 0, NI_NUMERICHOST) != 0) {
			continue;
		}
		if (!do_connect) {
			fd = 0;
			break;
		}
		fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC,
		    a->ai_protocol);
		if (fd >= 0 && connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
			break;
		}
		err = errno;
		if (fd >= 0) {
			core_close(fd);
		}
		fd = -1;
	}
	freeaddrinfo(freeme);
	if (fd < 0) {
		core_log(CORE_LOG_ERROR, "Could not connect to %s, last tried "
		    "%s: %s", host, addr[0] ? addr : "(none)",
		    strerror(err ? err : EADDRNOTAVAIL));
		return -1;
	}
	if (ip != NULL) {
		snprintf(ip, iplen, "%s", addr);
	}
	return fd;
}

/* One direction of the relay. */
struct pipe_half {
	int from, to;
	char buf[16384];
	size_t len, off;
	int eof;	/* from reached EOF (or failed) */
	int done;	/* eof and everything written; to shut down */
};

static void
half_finish(struct pipe_half *h, int to_is_sock)
{
	h->done = 1;
	if (to_is_sock) {
		(void)shutdown(h->to, SHUT_WR);
	} else {
		core_close(h->to);
	}
}

int
connect_fake_proxy(const char *host, const char *port, const char *family)
{
	struct pipe_half up, down;
	struct pollfd p[4];
	char ip[NI_MAXHOST];
	int sock, i;

	sock = connect_resolve_first(host, port, family, ip, sizeof ip, 1);
	if (sock < 0) {
		return 1;
	}
	fprintf(stderr, "MOSH IP %s\n", ip);
	fflush(stderr);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	memset(&up, 0, sizeof up);
	memset(&down, 0, sizeof down);
	up.from = 0;
	up.to = sock;
	down.from = sock;
	down.to = 1;
	while (!up.done || !down.done) {
		struct pipe_half *h[2] = { &up, &down };
		int n = 0, idx[2][2];

		for (i = 0; i < 2; i++) {
			idx[i][0] = idx[i][1] = -1;
			if (h[i]->done) {
				continue;
			}
			if (h[i]->len == 0 && !h[i]->eof) {
				p[n].fd = h[i]->from;
				p[n].events = POLLIN;
				idx[i][0] = n++;
			} else if (h[i]->len > 0) {
				p[n].fd = h[i]->to;
				p[n].events = POLLOUT;
				idx[i][1] = n++;
			}
		}
		if (n > 0 && poll(p, (nfds_t)n, -1) < 0) {
			if (errno == EINTR) {
				continue;
			}
			return 1;
		}
		for (i = 0; i < 2; i++) {
			ssize_t r;

			if (idx[i][0] >= 0 && p[idx[i][0]].revents) {
				r = core_read(h[i]->from, h[i]->buf,
				    sizeof h[i]->buf);
				if (r <= 0) {
					h[i]->eof = 1;
				} else {
					h[i]->len = (size_t)r;
					h[i]->off = 0;
				}
			}
			if (idx[i][1] >= 0 && p[idx[i][1]].revents) {
				r = core_write(h[i]->to, h[i]->buf + h[i]->off,
				    h[i]->len);
				if (r <= 0) {
					/* The reader is gone: drop this way. */
					h[i]->len = 0;
					h[i]->eof = 1;
				} else {
					h[i]->off += (size_t)r;
					h[i]->len -= (size_t)r;
				}
			}
			if (!h[i]->done && h[i]->eof && h[i]->len == 0) {
				half_finish(h[i], h[i] == &up);
			}
		}
	}
	core_close(sock);
	return 0;
}
