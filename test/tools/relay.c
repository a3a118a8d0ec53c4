/*
 * test/tools/relay.c - a lossy, reordering, roaming UDP relay for tests.
 *
 * Clients send to the relay's client-facing port on 127.0.0.1; it forwards
 * each datagram to the server from a server-facing socket bound to a
 * chosen source address (default 127.0.0.2), and sends replies back to the
 * newest client address.  Per direction ("up" = client -> server, "down" =
 * server -> client) it can drop, delay, jitter (so reorder), duplicate and
 * corrupt datagrams from a seeded generator, black-hole everything, and
 * "roam" (move its server-facing socket to a new source address and port)
 * mid-session.  It is driven by a line-oriented UDP control port, and by
 * signals for the common cases.  Run `relay --help` for everything.
 *
 * Every random decision draws the same number of values per datagram from
 * its direction's own generator, so a seeded run over the same traffic
 * makes the same decisions.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/ev.h"
#include "core/io.h"

#define DGRAM_MAX 65536
#define QUEUE_MAX 8192		/* datagrams held for delay; more are dropped */
#define HISTORY 16		/* recent datagrams kept per direction */

enum { UP = 0, DOWN = 1 };
static const char *const dir_name[2] = { "up", "down" };

struct dir {
	double loss, dup, corrupt;	/* probabilities 0..1 */
	unsigned delay, jitter;		/* ms */
	int blackhole;
	uint64_t rng;
	/* stats */
	uint64_t in, out, dropped, blackholed, duplicated, corrupted;
	uint64_t injected, overflow, noaddr;
	uint64_t in_bytes;		/* UDP payload bytes received */
	/* recent datagrams as received (for `last` and `replay`) */
	uint8_t *hist[HISTORY];
	size_t hist_len[HISTORY];
	unsigned hist_next;
};

struct pkt {
	uint64_t at;	/* release time, core_now_us() */
	int dir;
	size_t len;
	uint8_t *data;	/* owned */
};

struct relay {
	struct ev_loop loop;
	int timer;
	int csock;		/* client-facing, bound to listen addr */
	int ssock;		/* server-facing, bound to source addr */
	int ctl;		/* control port */
	struct sockaddr_in server, client, source;
	int have_client;
	unsigned roams;
	struct dir d[2];
	struct pkt *q;
	size_t nq;
	int verbose;
	uint8_t buf[DGRAM_MAX];
};

static uint64_t
rng_next(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545F4914F6CDD1DULL;
}

/* A uniform double in [0, 1). */
static double
rng_unit(uint64_t *s)
{
	return (double)(rng_next(s) >> 11) / 9007199254740992.0;
}

static void
usage(FILE *f)
{
	fputs(
"usage: relay --server ADDR:PORT [options]\n"
"       relay ctl CONTROL_PORT COMMAND...   (send one control command)\n"
"\n"
"A UDP relay for tests on 127.0.0.0/8.  Client datagrams arriving at the\n"
"client-facing port go to the server from the server-facing socket; the\n"
"server's replies go back to the newest client address.  \"up\" means\n"
"client -> server, \"down\" server -> client.\n"
"\n"
"options:\n"
"  --server ADDR:PORT     where to forward (required)\n"
"  --listen [ADDR:]PORT   client-facing address (default 127.0.0.1:0)\n"
"  --source ADDR[:PORT]   server-facing source (default 127.0.0.2:0)\n"
"  --control PORT         UDP control port on 127.0.0.1 (default 0 = any)\n"
"  --seed N               seed of the generators (default 1)\n"
"  --loss[-up|-down] P    drop probability 0..1\n"
"  --delay[-up|-down] MS  fixed delay\n"
"  --jitter[-up|-down] MS extra random delay 0..MS (reorders)\n"
"  --dup[-up|-down] P     duplication probability\n"
"  --corrupt[-up|-down] P probability of flipping one random bit\n"
"  --port-file FILE       write \"LISTEN_PORT CONTROL_PORT\" there when ready\n"
"  -v                     log every datagram to stderr\n"
"  --help                 this text\n"
"\n"
"On start it prints \"RELAY LISTEN_PORT CONTROL_PORT\" on stdout.\n"
"\n"
"control commands (one per datagram to the control port; the reply is one\n"
"datagram starting with \"ok\" or \"error\"); DIR is up, down or both:\n"
"  loss DIR P | delay DIR MS | jitter DIR MS | dup DIR P | corrupt DIR P\n"
"  blackhole DIR on|off|toggle\n"
"  roam [ADDR [PORT]]     new server-facing socket; default address: the\n"
"                         next one (127.0.0.2 -> 127.0.0.3 ...), any port;\n"
"                         the old socket is closed (like a NAT rebinding)\n"
"  inject up|down HEX     send raw bytes to the server / the client\n"
"  last up|down [N]       hex of the Nth most recent datagram received in\n"
"                         that direction (1 = newest, up to 16)\n"
"  replay up|down [N]     send that datagram again, unchanged\n"
"  stats                  counters per direction\n"
"  source                 the server-facing source ADDR:PORT\n"
"  quit                   print stats and exit\n"
"\n"
"signals: SIGUSR1 = roam to the next address; SIGUSR2 = toggle blackhole\n"
"both ways; SIGHUP = print stats to stderr; SIGINT/SIGTERM = print stats\n"
"and exit.\n", f);
}

static int
parse_addr(const char *s, struct sockaddr_in *sa, const char *defaddr)
{
	char host[64];
	const char *colon = strrchr(s, ':');
	long port = 0;
	char *end;

	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	if (colon == NULL) {
		/* a bare port with a default address, or a bare address */
		port = strtol(s, &end, 10);
		if (*end == '\0' && defaddr != NULL) {
			snprintf(host, sizeof(host), "%s", defaddr);
		} else {
			snprintf(host, sizeof(host), "%s", s);
			port = 0;
		}
	} else {
		if ((size_t)(colon - s) >= sizeof(host)) {
			return -1;
		}
		memcpy(host, s, (size_t)(colon - s));
		host[colon - s] = '\0';
		port = strtol(colon + 1, &end, 10);
		if (*end != '\0') {
			return -1;
		}
	}
	if (port < 0 || port > 65535 || inet_pton(AF_INET, host,
	    &sa->sin_addr) != 1) {
		return -1;
	}
	sa->sin_port = htons((uint16_t)port);
	return 0;
}

static const char *
fmt_addr(const struct sockaddr_in *sa, char *buf, size_t n)
{
	char a[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &sa->sin_addr, a, sizeof(a));
	snprintf(buf, n, "%s:%u", a, ntohs(sa->sin_port));
	return buf;
}

static int
udp_bind(struct sockaddr_in *sa)
{
	socklen_t l = sizeof(*sa);
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);

	if (fd < 0) {
		return -1;
	}
	if (bind(fd, (struct sockaddr *)sa, sizeof(*sa)) < 0 ||
	    getsockname(fd, (struct sockaddr *)sa, &l) < 0) {
		core_close(fd);
		return -1;
	}
	return fd;
}

static void
send_now(struct relay *r, int dir, const uint8_t *p, size_t n)
{
	struct dir *d = &r->d[dir];
	ssize_t w;

	if (dir == UP) {
		w = sendto(r->ssock, p, n, 0, (struct sockaddr *)&r->server,
		    sizeof(r->server));
	} else {
		if (!r->have_client) {
			d->noaddr++;
			return;
		}
		w = sendto(r->csock, p, n, 0, (struct sockaddr *)&r->client,
		    sizeof(r->client));
	}
	if (w >= 0) {
		d->out++;
	}
	if (r->verbose) {
		fprintf(stderr, "relay: %s %zu bytes%s\n", dir_name[dir], n,
		    w < 0 ? " (send failed)" : "");
	}
}

static void
arm_timer(struct relay *r)
{
	size_t i;
	uint64_t t = UINT64_MAX;

	for (i = 0; i < r->nq; i++) {
		if (r->q[i].at < t) {
			t = r->q[i].at;
		}
	}
	if (t == UINT64_MAX) {
		ev_timer_cancel(&r->loop, r->timer);
	} else {
		/* ms timer, rounded up: a delay is never cut short */
		ev_timer_at(&r->loop, r->timer, (t + 999) / 1000);
	}
}

/* Queues a copy for release at `at` (in arrival order among equals). */
static void
enqueue(struct relay *r, int dir, const uint8_t *p, size_t n, uint64_t at)
{
	struct pkt *k;

	if (r->nq == QUEUE_MAX) {
		r->d[dir].overflow++;
		return;
	}
	k = &r->q[r->nq];
	k->data = malloc(n ? n : 1);
	if (k->data == NULL) {
		r->d[dir].overflow++;
		return;
	}
	memcpy(k->data, p, n);
	k->len = n;
	k->dir = dir;
	k->at = at;
	r->nq++;
}

static void
remember(struct dir *d, const uint8_t *p, size_t n)
{
	unsigned i = d->hist_next++ % HISTORY;
	uint8_t *c = malloc(n ? n : 1);

	if (c == NULL) {
		return;
	}
	memcpy(c, p, n);
	free(d->hist[i]);
	d->hist[i] = c;
	d->hist_len[i] = n;
}

/* The fate of one arriving datagram, drawn before the blackhole check. */
static void
handle(struct relay *r, int dir, uint8_t *p, size_t n)
{
	struct dir *d = &r->d[dir];
	double u_loss = rng_unit(&d->rng), u_dup = rng_unit(&d->rng);
	double u_cor = rng_unit(&d->rng);
	uint64_t j1 = rng_next(&d->rng), j2 = rng_next(&d->rng);
	uint64_t bit = rng_next(&d->rng), now = core_now_us();
	int copies = 1, i;

	d->in++;
	d->in_bytes += n;
	remember(d, p, n);
	if (d->blackhole) {
		d->blackholed++;
		return;
	}
	if (u_loss < d->loss) {
		d->dropped++;
		return;
	}
	if (n > 0 && u_cor < d->corrupt) {
		p[(bit >> 3) % n] ^= (uint8_t)(1u << (bit & 7));
		d->corrupted++;
	}
	if (u_dup < d->dup) {
		copies = 2;
		d->duplicated++;
	}
	for (i = 0; i < copies; i++) {
		uint64_t jit = d->jitter ? (i ? j2 : j1) % (d->jitter + 1) : 0;

		if (d->delay == 0 && jit == 0 && r->nq == 0) {
			send_now(r, dir, p, n);
		} else {
			enqueue(r, dir, p, n, now + (d->delay + jit) * 1000);
		}
	}
	arm_timer(r);
}

static void
on_timer(struct ev_loop *loop, int id, void *user)
{
	struct relay *r = user;
	uint64_t now = core_now_us();
	size_t i, best;

	for (;;) {
		best = r->nq;
		for (i = 0; i < r->nq; i++) {
			/* Earliest first; the queue keeps arrival order. */
			if (r->q[i].at <= now &&
			    (best == r->nq || r->q[i].at < r->q[best].at)) {
				best = i;
			}
		}
		if (best == r->nq) {
			break;
		}
		send_now(r, r->q[best].dir, r->q[best].data, r->q[best].len);
		free(r->q[best].data);
		memmove(r->q + best, r->q + best + 1,
		    (r->nq - best - 1) * sizeof(r->q[0]));
		r->nq--;
	}
	arm_timer(r);
}

static void
on_client(struct ev_loop *loop, int fd, unsigned ev, void *user)
{
	struct relay *r = user;
	struct sockaddr_in from;
	socklen_t fl;
	ssize_t n;

	for (;;) {
		fl = sizeof(from);
		n = recvfrom(fd, r->buf, sizeof(r->buf), 0,
		    (struct sockaddr *)&from, &fl);
		if (n < 0) {
			return;
		}
		r->client = from;
		r->have_client = 1;
		handle(r, UP, r->buf, (size_t)n);
	}
}

static void
on_server(struct ev_loop *loop, int fd, unsigned ev, void *user)
{
	struct relay *r = user;
	struct sockaddr_in from;
	socklen_t fl;
	ssize_t n;

	for (;;) {
		fl = sizeof(from);
		n = recvfrom(fd, r->buf, sizeof(r->buf), 0,
		    (struct sockaddr *)&from, &fl);
		if (n < 0) {
			return;
		}
		handle(r, DOWN, r->buf, (size_t)n);
	}
}

/* Moves the server-facing socket; addr NULL = the next address. */
static int
roam(struct relay *r, const char *addr, unsigned port)
{
	struct sockaddr_in sa = r->source;
	int fd;

	if (addr != NULL) {
		if (inet_pton(AF_INET, addr, &sa.sin_addr) != 1) {
			return -1;
		}
	} else {
		sa.sin_addr.s_addr = htonl(ntohl(sa.sin_addr.s_addr) + 1);
	}
	sa.sin_port = htons((uint16_t)port);
	fd = udp_bind(&sa);
	if (fd < 0) {
		return -1;
	}
	ev_fd_del(&r->loop, r->ssock);
	core_close(r->ssock);
	r->ssock = fd;
	r->source = sa;
	r->roams++;
	ev_fd_add(&r->loop, fd, EV_READ, on_server, r);
	return 0;
}

static int
stats_text(struct relay *r, char *out, size_t n)
{
	char src[32];
	int i, len = 0;

	for (i = 0; i < 2; i++) {
		struct dir *d = &r->d[i];

		len += snprintf(out + len, n - (size_t)len,
		    "%s in=%llu out=%llu dropped=%llu blackholed=%llu "
		    "duplicated=%llu corrupted=%llu injected=%llu "
		    "overflow=%llu noaddr=%llu in_bytes=%llu\n", dir_name[i],
		    (unsigned long long)d->in, (unsigned long long)d->out,
		    (unsigned long long)d->dropped,
		    (unsigned long long)d->blackholed,
		    (unsigned long long)d->duplicated,
		    (unsigned long long)d->corrupted,
		    (unsigned long long)d->injected,
		    (unsigned long long)d->overflow,
		    (unsigned long long)d->noaddr,
		    (unsigned long long)d->in_bytes);
	}
	len += snprintf(out + len, n - (size_t)len, "source=%s roams=%u "
	    "queued=%zu\n", fmt_addr(&r->source, src, sizeof(src)), r->roams,
	    r->nq);
	return len;
}

static int
unhex(const char *s, uint8_t *out, size_t max)
{
	size_t n = 0;
	unsigned v;

	while (s[0] && s[1]) {
		if (n == max || sscanf(s, "%2x", &v) != 1) {
			return -1;
		}
		out[n++] = (uint8_t)v;
		s += 2;
	}
	return *s ? -1 : (int)n;
}

/* DIR word -> mask of directions (1 up, 2 down); 0 when invalid. */
static int
dir_mask(const char *w)
{
	if (w == NULL) {
		return 0;
	}
	return !strcmp(w, "up") ? 1 : !strcmp(w, "down") ? 2 :
	    !strcmp(w, "both") ? 3 : 0;
}

static const uint8_t *
history(struct dir *d, const char *nth, size_t *len)
{
	long k = nth ? strtol(nth, NULL, 10) : 1;
	unsigned i;

	if (k < 1 || k > HISTORY || (unsigned long)k > d->hist_next) {
		return NULL;
	}
	i = (d->hist_next - (unsigned)k) % HISTORY;
	*len = d->hist_len[i];
	return d->hist[i];
}

/* Runs one command; writes the reply.  Returns 1 for quit. */
static int
command(struct relay *r, char *line, char *rep, size_t n)
{
	char *argv[8], *save = NULL, *w;
	int argc = 0, m, i, quit = 0;
	static uint8_t raw[DGRAM_MAX];
	const uint8_t *h;
	size_t hl;

	for (w = strtok_r(line, " \t\r\n", &save); w && argc < 8;
	    w = strtok_r(NULL, " \t\r\n", &save)) {
		argv[argc++] = w;
	}
	if (argc == 0) {
		snprintf(rep, n, "error empty command\n");
		return 0;
	}
	m = dir_mask(argc > 1 ? argv[1] : NULL);
	if (!strcmp(argv[0], "stats")) {
		memcpy(rep, "ok\n", 4);
		stats_text(r, rep + 3, n - 3);
	} else if (!strcmp(argv[0], "source")) {
		char src[32];

		snprintf(rep, n, "ok %s\n", fmt_addr(&r->source, src,
		    sizeof(src)));
	} else if (!strcmp(argv[0], "quit")) {
		snprintf(rep, n, "ok\n");
		quit = 1;
	} else if (!strcmp(argv[0], "roam")) {
		if (roam(r, argc > 1 ? argv[1] : NULL,
		    argc > 2 ? (unsigned)atoi(argv[2]) : 0) < 0) {
			snprintf(rep, n, "error roam: %s\n", strerror(errno));
		} else {
			char src[32];

			snprintf(rep, n, "ok %s\n", fmt_addr(&r->source, src,
			    sizeof(src)));
		}
	} else if (m == 0 || argc < 2) {
		snprintf(rep, n, "error bad command or direction\n");
	} else if (!strcmp(argv[0], "blackhole") && argc == 3) {
		for (i = 0; i < 2; i++) {
			if (m & (1 << i)) {
				r->d[i].blackhole = !strcmp(argv[2], "on") ? 1 :
				    !strcmp(argv[2], "off") ? 0 :
				    !r->d[i].blackhole;
			}
		}
		snprintf(rep, n, "ok up=%d down=%d\n", r->d[UP].blackhole,
		    r->d[DOWN].blackhole);
	} else if ((!strcmp(argv[0], "inject") && argc == 3) ||
	    !strcmp(argv[0], "last") || !strcmp(argv[0], "replay")) {
		int dir = m == 2 ? DOWN : UP;

		if (m == 3) {
			snprintf(rep, n, "error pick up or down\n");
			return 0;
		}
		if (argv[0][0] == 'i') {
			int l = unhex(argv[2], raw, sizeof(raw));

			if (l < 0) {
				snprintf(rep, n, "error bad hex\n");
				return 0;
			}
			send_now(r, dir, raw, (size_t)l);
			r->d[dir].injected++;
			snprintf(rep, n, "ok %d bytes\n", l);
			return 0;
		}
		h = history(&r->d[dir], argc > 2 ? argv[2] : NULL, &hl);
		if (h == NULL) {
			snprintf(rep, n, "error no such datagram\n");
		} else if (argv[0][0] == 'r') {
			send_now(r, dir, h, hl);
			r->d[dir].injected++;
			snprintf(rep, n, "ok %zu bytes\n", hl);
		} else if (hl * 2 + 5 > 65000) {	/* one UDP reply */
			snprintf(rep, n, "error too long\n");
		} else {
			size_t k, o = (size_t)snprintf(rep, n, "ok ");

			for (k = 0; k < hl; k++) {
				o += (size_t)snprintf(rep + o, n - o, "%02x",
				    h[k]);
			}
			snprintf(rep + o, n - o, "\n");
		}
	} else if (argc == 3) {
		double v = strtod(argv[2], NULL);

		for (i = 0; i < 2; i++) {
			struct dir *d = &r->d[i];

			if (!(m & (1 << i))) {
				continue;
			}
			if (!strcmp(argv[0], "loss")) {
				d->loss = v;
			} else if (!strcmp(argv[0], "dup")) {
				d->dup = v;
			} else if (!strcmp(argv[0], "corrupt")) {
				d->corrupt = v;
			} else if (!strcmp(argv[0], "delay")) {
				d->delay = (unsigned)v;
			} else if (!strcmp(argv[0], "jitter")) {
				d->jitter = (unsigned)v;
			} else {
				snprintf(rep, n, "error unknown command\n");
				return 0;
			}
		}
		snprintf(rep, n, "ok\n");
	} else {
		snprintf(rep, n, "error unknown command\n");
	}
	return quit;
}

static void
on_control(struct ev_loop *loop, int fd, unsigned ev, void *user)
{
	struct relay *r = user;
	struct sockaddr_in from;
	socklen_t fl = sizeof(from);
	static char line[2 * DGRAM_MAX + 64], rep[2 * DGRAM_MAX + 64];
	ssize_t n;
	int quit;

	n = recvfrom(fd, line, sizeof(line) - 1, 0, (struct sockaddr *)&from,
	    &fl);
	if (n < 0) {
		return;
	}
	line[n] = '\0';
	quit = command(r, line, rep, sizeof(rep));
	(void)sendto(fd, rep, strlen(rep), 0, (struct sockaddr *)&from, fl);
	if (quit) {
		ev_stop(loop);
	}
}

static void
print_stats(struct relay *r)
{
	char s[1024];

	stats_text(r, s, sizeof(s));
	fprintf(stderr, "relay stats:\n%s", s);
}

static void
on_signal(struct ev_loop *loop, int signo, void *user)
{
	struct relay *r = user;

	if (signo == SIGUSR1) {
		if (roam(r, NULL, 0) < 0) {
			fprintf(stderr, "relay: roam: %s\n", strerror(errno));
		}
	} else if (signo == SIGUSR2) {
		r->d[UP].blackhole = !r->d[UP].blackhole;
		r->d[DOWN].blackhole = r->d[UP].blackhole;
	} else if (signo == SIGHUP) {
		print_stats(r);
	} else {
		ev_stop(loop);
	}
}

/* `relay ctl PORT COMMAND...`: one command, print the reply. */
static int
ctl_main(int argc, char **argv)
{
	struct sockaddr_in sa;
	static char msg[2 * DGRAM_MAX + 64], rep[2 * DGRAM_MAX + 64];
	struct timeval tv = { 5, 0 };
	size_t len = 0;
	ssize_t n;
	int fd, i;

	if (argc < 2 || parse_addr(argv[0], &sa, "127.0.0.1") < 0) {
		usage(stderr);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		len += (size_t)snprintf(msg + len, sizeof(msg) - len, "%s%s",
		    i > 1 ? " " : "", argv[i]);
	}
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (fd < 0 || sendto(fd, msg, len, 0, (struct sockaddr *)&sa,
	    sizeof(sa)) < 0) {
		perror("relay ctl");
		return 1;
	}
	n = recv(fd, rep, sizeof(rep) - 1, 0);
	if (n < 0) {
		perror("relay ctl: no reply");
		return 1;
	}
	rep[n] = '\0';
	fputs(rep, stdout);
	return strncmp(rep, "ok", 2) == 0 ? 0 : 1;
}

/* --NAME[-up|-down] VALUE into the matching direction fields. */
static int
dir_option(struct relay *r, const char *opt, const char *val)
{
	static const char *const names[] = { "loss", "delay", "jitter", "dup",
	    "corrupt" };
	size_t i, l;
	int m, k;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		l = strlen(names[i]);
		if (strncmp(opt, names[i], l) != 0) {
			continue;
		}
		m = opt[l] == '\0' ? 3 : !strcmp(opt + l, "-up") ? 1 :
		    !strcmp(opt + l, "-down") ? 2 : 0;
		if (m == 0) {
			return -1;
		}
		for (k = 0; k < 2; k++) {
			if (!(m & (1 << k))) {
				continue;
			}
			switch (i) {
			case 0: r->d[k].loss = strtod(val, NULL); break;
			case 1: r->d[k].delay = (unsigned)atoi(val); break;
			case 2: r->d[k].jitter = (unsigned)atoi(val); break;
			case 3: r->d[k].dup = strtod(val, NULL); break;
			default: r->d[k].corrupt = strtod(val, NULL); break;
			}
		}
		return 0;
	}
	return -1;
}

int
main(int argc, char **argv)
{
	static struct relay relay;
	struct relay *r = &relay;
	struct sockaddr_in ctl_sa;
	const char *port_file = NULL;
	unsigned long long seed = 1;
	int i, have_server = 0, sigs[] = { SIGUSR1, SIGUSR2, SIGHUP, SIGINT,
	    SIGTERM };
	FILE *pf;

	if (argc > 1 && !strcmp(argv[1], "ctl")) {
		return ctl_main(argc - 2, argv + 2);
	}
	parse_addr("127.0.0.1:0", &ctl_sa, NULL);
	parse_addr("127.0.0.2:0", &r->source, NULL);
	{
		struct sockaddr_in listen_sa;

		parse_addr("127.0.0.1:0", &listen_sa, NULL);
		for (i = 1; i < argc; i++) {
			const char *o = argv[i], *v = i + 1 < argc ?
			    argv[i + 1] : NULL;

			if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
				usage(stdout);
				return 0;
			}
			if (!strcmp(o, "-v")) {
				r->verbose = 1;
				continue;
			}
			if (v == NULL || strncmp(o, "--", 2) != 0) {
				usage(stderr);
				return 2;
			}
			i++;
			if (!strcmp(o, "--server")) {
				if (parse_addr(v, &r->server, NULL) < 0) {
					goto bad;
				}
				have_server = 1;
			} else if (!strcmp(o, "--listen")) {
				if (parse_addr(v, &listen_sa, "127.0.0.1") < 0) {
					goto bad;
				}
			} else if (!strcmp(o, "--source")) {
				if (parse_addr(v, &r->source, NULL) < 0) {
					goto bad;
				}
			} else if (!strcmp(o, "--control")) {
				if (parse_addr(v, &ctl_sa, "127.0.0.1") < 0) {
					goto bad;
				}
			} else if (!strcmp(o, "--seed")) {
				seed = strtoull(v, NULL, 0);
			} else if (!strcmp(o, "--port-file")) {
				port_file = v;
			} else if (dir_option(r, o + 2, v) < 0) {
				goto bad;
			}
			continue;
bad:
			fprintf(stderr, "relay: bad option %s %s\n", o, v);
			return 2;
		}
		if (!have_server) {
			usage(stderr);
			return 2;
		}
		r->d[UP].rng = (seed ? seed : 1) * 0x9E3779B97F4A7C15ULL;
		r->d[DOWN].rng = r->d[UP].rng ^ 0xD1B54A32D192ED03ULL;
		r->q = calloc(QUEUE_MAX, sizeof(*r->q));
		r->csock = udp_bind(&listen_sa);
		r->ssock = udp_bind(&r->source);
		r->ctl = udp_bind(&ctl_sa);
		if (r->q == NULL || r->csock < 0 || r->ssock < 0 || r->ctl < 0) {
			perror("relay: socket/bind");
			return 1;
		}
		if (ev_init(&r->loop) < 0 ||
		    (r->timer = ev_timer_new(&r->loop, on_timer, r)) < 0) {
			perror("relay: event loop");
			return 1;
		}
		ev_fd_add(&r->loop, r->csock, EV_READ, on_client, r);
		ev_fd_add(&r->loop, r->ssock, EV_READ, on_server, r);
		ev_fd_add(&r->loop, r->ctl, EV_READ, on_control, r);
		for (i = 0; i < (int)(sizeof(sigs) / sizeof(sigs[0])); i++) {
			ev_signal(&r->loop, sigs[i], on_signal, r);
		}
		printf("RELAY %u %u\n", ntohs(listen_sa.sin_port),
		    ntohs(ctl_sa.sin_port));
		fflush(stdout);
		if (port_file != NULL) {
			pf = fopen(port_file, "w");
			if (pf == NULL) {
				perror("relay: port file");
				return 1;
			}
			fprintf(pf, "%u %u\n", ntohs(listen_sa.sin_port),
			    ntohs(ctl_sa.sin_port));
			fclose(pf);
		}
	}
	ev_run(&r->loop);
	print_stats(r);
	ev_fini(&r->loop);
	return 0;
}
