/*
 * applets/connect_boot.c - runs ssh (or, for --local, sh) and reads what
 * comes back, line by line, as the stock wrapper does (PROTOCOL.md 1.6
 * step 6), plus the MOSH-STATIC lines of the install script
 * (connect_install.c), to which it answers by streaming a binary into
 * ssh's stdin.  One poll loop reads ssh's merged stdout/stderr and writes
 * the upload, so neither side can block the other.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "applets/connect.h"
#include "core/clock.h"
#include "core/io.h"
#include "core/log.h"

#define LINE_MAX_ 4096
#define DRAIN_MS 5000

struct boot {
	const struct connect_opts *o;
	const struct connect_bin *bins;
	int nbins;
	struct connect_session *s;
	char line[LINE_MAX_ + 1];
	size_t len;
	int have_ip, have_sship, done;
	char sship[64];
	int bad_udp_port;	/* a "Bad UDP port" line with a port range */
	int status;		/* nonzero: fail with this exit status */
	int upfd;		/* file being uploaded, or -1 */
	int infd;		/* ssh's stdin, or -1 */
	char upbuf[65536];
	size_t uplen, upoff;
	long long upsize, upsent;
	const char *uppath;
	int installed;		/* --install-only: the USING line came */
};


static int
word_count(const char *s)
{
	int n = 0, in = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t') {
			in = 0;
		} else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/* "MOSH CONNECT <digits> <22 base64>" then only white space. */
static int
parse_connect(const char *l, struct connect_session *s)
{
	const char *p = l + strlen("MOSH CONNECT ");
	size_t n = 0, k = 0;

	while (p[n] >= '0' && p[n] <= '9') {
		n++;
	}
	if (n == 0 || n >= sizeof s->port || p[n] != ' ') {
		return -1;
	}
	memcpy(s->port, p, n);
	s->port[n] = '\0';
	p += n + 1;
	while (k < 23 && ((p[k] >= 'A' && p[k] <= 'Z') ||
	    (p[k] >= 'a' && p[k] <= 'z') || (p[k] >= '0' && p[k] <= '9') ||
	    p[k] == '+' || p[k] == '/')) {
		k++;
	}
	if (k != 22) {
		return -1;
	}
	memcpy(s->key, p, 22);
	s->key[22] = '\0';
	for (p += 22; *p != '\0'; p++) {
		if (*p != ' ' && *p != '\t' && *p != '\r') {
			return -1;
		}
	}
	return 0;
}

static void
start_upload(struct boot *b, const char *arch, const char *size)
{
	int i;

	for (i = 0; i < b->nbins; i++) {
		if (!strcmp(b->bins[i].arch, arch)) {
			break;
		}
	}
	if (i == b->nbins || b->infd < 0 || b->upfd >= 0 ||
	    atoll(size) != (long long)b->bins[i].size) {
		core_log(CORE_LOG_ERROR, "the remote asked for a binary we did "
		    "not offer (%s, %s bytes)", arch, size);
		b->status = 1;
		return;
	}
	if ((b->upfd = core_open(b->bins[i].path, O_RDONLY, 0)) < 0) {
		core_log(CORE_LOG_ERROR, "cannot read %s: %s", b->bins[i].path,
		    strerror(errno));
		b->status = 1;
		return;
	}
	b->uppath = b->bins[i].path;
	b->upsize = (long long)b->bins[i].size;
	core_log(CORE_LOG_WARN, "no usable server on the remote: uploading "
	    "%s (%s, %lld bytes)", b->uppath, arch, b->upsize);
}

/* A line from the install script ("MOSH-STATIC " already stripped). */
static void
script_line(struct boot *b, char *l)
{
	char *sp = strchr(l, ' ');
	char *arg = sp ? sp + 1 : l + strlen(l);

	if (!strncmp(l, "SEND ", 5)) {
		char *size = strchr(arg, ' ');

		if (size == NULL) {
			b->status = 1;
			core_log(CORE_LOG_ERROR, "bad request from the remote: %s",
			    l);
			return;
		}
		*size++ = '\0';
		start_upload(b, arg, size);
	} else if (!strncmp(l, "USING ", 6)) {
		CORE_LOG(CORE_LOG_INFO, "remote server: %s", arg);
		if (b->o->install_only) {
			char *path = strchr(arg, ' ');

			printf("%s\n", path ? path + 1 : arg);
			fflush(stdout);
			b->installed = 1;
		}
	} else if (!strncmp(l, "NOARCH ", 7)) {
		const char *m = strchr(arg, ' ');
		const char *ours = connect_map_arch(m ? m + 1 : arg);

		if (strncmp(arg, "Linux ", 6) != 0) {
			core_log(CORE_LOG_ERROR, "the remote runs %s and has no "
			    "usable mosh server; mosh-static runs only on "
			    "Linux: install mosh there", arg);
			b->status = 1;
			return;
		}

		core_log(CORE_LOG_ERROR, "the remote runs %s and has no usable "
		    "mosh server, and there is no mosh-static binary for it%s%s%s",
		    arg, ours ? ": put mosh-static-" : "", ours ? ours : "",
		    ours ? " next to this executable or in --server-binaries=DIR"
		    : " (supported: x86_64, aarch64, armv7)");
		b->status = 1;
	} else if (!strncmp(l, "NOTE ", 5)) {
		core_log(CORE_LOG_WARN, "remote: %s", arg);
	} else if (!strncmp(l, "ERROR ", 6)) {
		core_log(CORE_LOG_ERROR, "remote: %s", arg);
		b->status = 1;
	} else {
		CORE_LOG(CORE_LOG_DEBUG, "unknown MOSH-STATIC line: %s", l);
	}
}

static void
handle_line(struct boot *b, char *l)
{
	size_t n = strlen(l);

	while (n > 0 && (l[n - 1] == '\r' || l[n - 1] == '\n')) {
		l[--n] = '\0';
	}
	if (!strncmp(l, "MOSH IP ", 8)) {
		char *ip = l + 8, *e;

		if (b->have_ip) {
			core_log(CORE_LOG_ERROR, "error: detected attempt to "
			    "redefine MOSH IP.");
			b->status = 1;
			return;
		}
		e = ip + strcspn(ip, " \t\r");
		if (e == ip || e - ip >= (long)sizeof b->s->ip ||
		    e[strspn(e, " \t\r")] != '\0') {
			core_log(CORE_LOG_ERROR, "Bad MOSH IP string: %s", l);
			b->status = 1;
			return;
		}
		memcpy(b->s->ip, ip, (size_t)(e - ip));
		b->s->ip[e - ip] = '\0';
		b->have_ip = 1;
	} else if (!strncmp(l, "MOSH SSH_CONNECTION ", 20)) {
		char tmp[LINE_MAX_ + 1], *w, *save = NULL;
		int i = 0;

		if (word_count(l) != 6) {
			core_log(CORE_LOG_ERROR, "Bad MOSH SSH_CONNECTION "
			    "string: %s", l);
			b->status = 1;
			return;
		}
		n = strnlen(l, LINE_MAX_);
		memcpy(tmp, l, n);
		tmp[n] = '\0';
		for (w = strtok_r(tmp, " \t", &save); w != NULL;
		    w = strtok_r(NULL, " \t", &save), i++) {
			if (i == 4) {
				snprintf(b->sship, sizeof b->sship, "%s", w);
				b->have_sship = 1;
			}
		}
	} else if (!strncmp(l, "MOSH CONNECT ", 13)) {
		if (parse_connect(l, b->s) != 0) {
			core_log(CORE_LOG_ERROR, "Bad MOSH CONNECT string: %s", l);
			b->status = 1;
			return;
		}
		b->done = 1;
	} else if (!strncmp(l, "MOSH-STATIC ", 12) && b->bins != NULL) {
		script_line(b, l + 12);
	} else {
		if (b->o->port != NULL && strchr(b->o->port, ':') != NULL &&
		    strstr(l, "Bad UDP port") != NULL) {
			b->bad_udp_port = 1;
		}
		printf("%s\n", l);
		fflush(stdout);
	}
}

/* Splits newly read bytes into lines; an over-long line goes out in pieces. */
static void
feed(struct boot *b, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n && !b->done && b->status == 0; i++) {
		if (p[i] == '\n' || b->len == LINE_MAX_) {
			b->line[b->len] = '\0';
			b->len = 0;
			handle_line(b, b->line);
			if (p[i] == '\n') {
				continue;
			}
		}
		b->line[b->len++] = p[i];
	}
}

static void
close_in(struct boot *b)
{
	if (b->infd >= 0) {
		core_close(b->infd);
		b->infd = -1;
	}
}

/* Moves the next piece of the upload into ssh's stdin. */
static void
pump_upload(struct boot *b)
{
	ssize_t r;

	if (b->uplen == 0) {
		r = core_read(b->upfd, b->upbuf, sizeof b->upbuf);
		if (r <= 0) {
			if (r < 0 || b->upsent != b->upsize) {
				core_log(CORE_LOG_ERROR, "reading %s failed or it "
				    "changed size", b->uppath);
				b->status = 1;
			} else {
				CORE_LOG(CORE_LOG_INFO, "uploaded %lld bytes",
				    b->upsent);
			}
			core_close(b->upfd);
			b->upfd = -1;
			/* EOF is the end-of-file mark for the script's cat. */
			close_in(b);
			return;
		}
		b->uplen = (size_t)r;
		b->upoff = 0;
	}
	r = core_write(b->infd, b->upbuf + b->upoff, b->uplen);
	if (r < 0) {
		if (errno == EAGAIN) {
			return;
		}
		core_log(CORE_LOG_ERROR, "upload failed: %s", strerror(errno));
		b->status = 1;
		core_close(b->upfd);
		b->upfd = -1;
		close_in(b);
		return;
	}
	b->upoff += (size_t)r;
	b->uplen -= (size_t)r;
	b->upsent += r;
}

static void
child_setup(const struct connect_opts *o, const char *local_ip, int out,
    int in)
{
	int devnull;

	if (in >= 0) {
		dup2(in, 0);
	} else if (o->local && (devnull = open("/dev/null", O_RDONLY)) >= 0) {
		dup2(devnull, 0);
	}
	dup2(out, 1);
	dup2(out, 2);
	signal(SIGPIPE, SIG_DFL);
	if (local_ip != NULL) {
		const char *home = getenv("HOME");

		unsetenv("SSH_CONNECTION");
		if (home != NULL && chdir(home) != 0) {
			/* stock ignores this too: the server starts anyway */
		}
		printf("MOSH IP %s\n", local_ip);
		fflush(stdout);
	} else if (o->remote_ip == RIP_PROXY) {
		/* Broken login files should not break the ProxyCommand. */
		setenv("SHELL", "/bin/sh", 1);
	}
}

static int bootstrap(struct boot *bs, const struct connect_opts *o,
    char *const *argv, const char *local_ip, const struct connect_bin *bins,
    int nbins, struct connect_session *s);

/* The big buffers live on the heap for the bootstrap's lifetime only. */
int
connect_bootstrap(const struct connect_opts *o, char *const *argv,
    const char *local_ip, const struct connect_bin *bins, int nbins,
    struct connect_session *s)
{
	struct boot *bs = malloc(sizeof *bs);
	int r;

	if (bs == NULL) {
		core_die(1, "out of memory");
	}
	r = bootstrap(bs, o, argv, local_ip, bins, nbins, s);
	free(bs);
	return r;
}

static int
bootstrap(struct boot *bs, const struct connect_opts *o, char *const *argv,
    const char *local_ip, const struct connect_bin *bins, int nbins,
    struct connect_session *s)
{
	int outp[2], inp[2] = { -1, -1 }, wst = 0, drained = 0;
	uint64_t drain_end = 0;
	char buf[4096];
	int wait_ms;
	pid_t pid;

	memset(bs, 0, sizeof *bs);
	bs->o = o;
	bs->bins = bins;
	bs->nbins = nbins;
	bs->s = s;
	bs->upfd = -1;
	bs->infd = -1;
	bs->have_ip = s->ip[0] != '\0';	/* --experimental-remote-ip=local */
	if (pipe2(outp, O_CLOEXEC) != 0 ||
	    (bins != NULL && pipe2(inp, O_CLOEXEC) != 0)) {
		core_log(CORE_LOG_ERROR, "pipe: %s", strerror(errno));
		return 1;
	}
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) < 0) {
		core_log(CORE_LOG_ERROR, "fork: %s", strerror(errno));
		return 1;
	}
	if (pid == 0) {
		child_setup(o, local_ip, outp[1], inp[0]);
		execvp(argv[0], argv);
		fprintf(stderr, "Cannot exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	core_close(outp[1]);
	if (inp[0] >= 0) {
		core_close(inp[0]);
		bs->infd = inp[1];
		core_set_nonblock(bs->infd, 1);
	}
	signal(SIGPIPE, SIG_IGN);
	while (bs->status == 0) {
		struct pollfd p[2];
		nfds_t n = 1;
		ssize_t r;

		p[0].fd = outp[0];
		p[0].events = POLLIN;
		if (bs->upfd >= 0 && bs->infd >= 0) {
			p[1].fd = bs->infd;
			p[1].events = POLLOUT;
			n = 2;
		}
		/*
		 * After MOSH CONNECT the server has detached and ssh should end
		 * by itself; one that lingers (a server that kept our output
		 * open) is not waited for beyond DRAIN_MS.
		 */
		if (bs->done && drain_end == 0) {
			drain_end = core_now_ms() + DRAIN_MS;
		}
		wait_ms = -1;
		if (drain_end != 0) {
			uint64_t now = core_now_ms();

			wait_ms = now >= drain_end ? 0 : (int)(drain_end - now);
		}
		r = poll(p, n, wait_ms);
		if (r < 0) {
			if (errno == EINTR) {
				continue;
			}
			break;
		}
		if (r == 0) {
			CORE_LOG(CORE_LOG_INFO, "ssh still running %d ms after "
			    "MOSH CONNECT: stopping it", DRAIN_MS);
			break;
		}
		if (n == 2 && p[1].revents) {
			pump_upload(bs);
		}
		if (p[0].revents) {
			r = core_read(outp[0], buf, sizeof buf);
			if (r <= 0) {
				drained = 1;
				break;
			}
			if (!bs->done) {
				feed(bs, buf, (size_t)r);
			}
			if ((bs->done || bs->installed) && bs->upfd < 0) {
				close_in(bs);
			}
		}
	}
	if (bs->len > 0 && !bs->done && bs->status == 0) {
		bs->line[bs->len] = '\0';
		handle_line(bs, bs->line);
	}
	close_in(bs);
	if (bs->upfd >= 0) {
		core_close(bs->upfd);
	}
	if (bs->status != 0) {
		/* Stop ssh: what it does next is of no use. */
		kill(pid, SIGTERM);
	} else if (!drained) {
		kill(pid, SIGTERM);
	}
	core_close(outp[0]);
	while (waitpid(pid, &wst, 0) < 0 && errno == EINTR) {
	}
	if (bs->status != 0) {
		return bs->status;
	}
	if (o->install_only) {
		if (bs->installed) {
			return 0;
		}
		core_log(CORE_LOG_ERROR, "the install script did not finish");
		return 1;
	}
	if (!bs->done) {
		if (WIFEXITED(wst) && WEXITSTATUS(wst) == 255 && local_ip == NULL) {
			core_log(CORE_LOG_ERROR, "ssh failed (exit status 255); "
			    "its message is above");
			return 255;
		}
		if (bs->bad_udp_port) {
			core_log(CORE_LOG_ERROR, "Server does not support UDP port "
			    "range option.");
			return 1;
		}
		if (WIFSIGNALED(wst)) {
			core_log(CORE_LOG_ERROR, "%s was killed by signal %d",
			    argv[0], WTERMSIG(wst));
		} else if (WEXITSTATUS(wst) != 0) {
			core_log(CORE_LOG_ERROR, "%s exited with status %d",
			    argv[0], WEXITSTATUS(wst));
		}
		core_log(CORE_LOG_ERROR, "Did not find mosh server startup "
		    "message. (Have you installed mosh on your server?)");
		return WIFEXITED(wst) && WEXITSTATUS(wst) != 0 ?
		    WEXITSTATUS(wst) : 1;
	}
	if (!bs->have_ip) {
		if (!bs->have_sship) {
			core_log(CORE_LOG_ERROR, "Did not find remote IP address "
			    "(is SSH ProxyCommand disabled?).");
			return 1;
		}
		core_log(CORE_LOG_WARN, "Using remote IP address %s from "
		    "$SSH_CONNECTION for hostname %s", bs->sship, o->userhost);
		_Static_assert(sizeof s->ip == sizeof bs->sship, "ip sizes");
		memcpy(s->ip, bs->sship, sizeof s->ip);
	}
	return 0;
}
