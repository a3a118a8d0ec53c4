/*
 * core/ev.c - poll loop, timers and self-pipe signals.
 *
 * The signal handler writes the signal number as one byte to a
 * non-blocking pipe; if the pipe is full the signal is already pending
 * there many times, so dropping the byte loses nothing that matters.
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/err.h"
#include "core/ev.h"
#include "core/io.h"

/* The write end of the one loop's self-pipe, for the signal handler. */
static volatile sig_atomic_t sig_wfd = -1;

static void
on_signal(int signo)
{
	int saved = errno;
	unsigned char b = (unsigned char)signo;

	if (sig_wfd >= 0) {
		(void)!write(sig_wfd, &b, 1);
	}
	errno = saved;
}

int
ev_init(struct ev_loop *loop)
{
	int i;

	memset(loop, 0, sizeof *loop);
	for (i = 0; i < EV_MAX_FDS; i++) {
		loop->fds[i].fd = -1;
	}
	if (pipe(loop->sigpipe) < 0) {
		return CORE_E_SYS;
	}
	for (i = 0; i < 2; i++) {
		(void)core_set_nonblock(loop->sigpipe[i], 1);
		(void)core_set_cloexec(loop->sigpipe[i], 1);
	}
	sig_wfd = loop->sigpipe[1];
	return 0;
}

void
ev_fini(struct ev_loop *loop)
{
	int s;

	for (s = 1; s < EV_NSIG; s++) {
		if (loop->sig_cb[s] != NULL) {
			(void)sigaction(s, &loop->sig_old[s], NULL);
			loop->sig_cb[s] = NULL;
		}
	}
	sig_wfd = -1;
	core_close(loop->sigpipe[0]);
	core_close(loop->sigpipe[1]);
	loop->sigpipe[0] = loop->sigpipe[1] = -1;
}

static struct ev_fd *
find_fd(struct ev_loop *loop, int fd)
{
	int i;

	for (i = 0; i < EV_MAX_FDS; i++) {
		if (loop->fds[i].fd == fd) {
			return &loop->fds[i];
		}
	}
	return NULL;
}

int
ev_fd_add(struct ev_loop *loop, int fd, unsigned events, ev_fd_cb cb,
    void *user)
{
	struct ev_fd *e = find_fd(loop, fd);

	if (e == NULL && (e = find_fd(loop, -1)) == NULL) {
		return CORE_E_LIMIT;
	}
	e->fd = fd;
	e->events = events;
	e->cb = cb;
	e->user = user;
	return 0;
}

int
ev_fd_events(struct ev_loop *loop, int fd, unsigned events)
{
	struct ev_fd *e = find_fd(loop, fd);

	if (e == NULL) {
		return CORE_E_NOTFOUND;
	}
	e->events = events;
	return 0;
}

void
ev_fd_del(struct ev_loop *loop, int fd)
{
	struct ev_fd *e;

	if (fd >= 0 && (e = find_fd(loop, fd)) != NULL) {
		e->fd = -1;
		e->cb = NULL;
	}
}

int
ev_timer_new(struct ev_loop *loop, ev_timer_cb cb, void *user)
{
	int i;

	for (i = 0; i < EV_MAX_TIMERS; i++) {
		if (loop->timers[i].cb == NULL) {
			loop->timers[i].cb = cb;
			loop->timers[i].user = user;
			loop->timers[i].deadline = 0;
			return i;
		}
	}
	return CORE_E_LIMIT;
}

void
ev_timer_at(struct ev_loop *loop, int id, uint64_t deadline_ms)
{
	loop->timers[id].deadline = deadline_ms ? deadline_ms : 1;
}

void
ev_timer_cancel(struct ev_loop *loop, int id)
{
	loop->timers[id].deadline = 0;
}

void
ev_timer_free(struct ev_loop *loop, int id)
{
	loop->timers[id].deadline = 0;
	loop->timers[id].cb = NULL;
}

int
ev_signal(struct ev_loop *loop, int signo, ev_sig_cb cb, void *user)
{
	struct sigaction sa;

	if (signo <= 0 || signo >= EV_NSIG) {
		return CORE_E_INVAL;
	}
	if (cb == NULL) {
		if (loop->sig_cb[signo] != NULL) {
			(void)sigaction(signo, &loop->sig_old[signo], NULL);
			loop->sig_cb[signo] = NULL;
		}
		return 0;
	}
	if (loop->sig_cb[signo] == NULL) {
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigfillset(&sa.sa_mask);
		/* No SA_RESTART: poll must wake up to see the signal. */
		if (sigaction(signo, &sa, &loop->sig_old[signo]) < 0) {
			return CORE_E_SYS;
		}
	}
	loop->sig_cb[signo] = cb;
	loop->sig_user[signo] = user;
	return 0;
}

static int
run_signals(struct ev_loop *loop)
{
	unsigned char b[64];
	ssize_t n, i;
	int ran = 0;

	while ((n = core_read(loop->sigpipe[0], b, sizeof b)) > 0) {
		for (i = 0; i < n; i++) {
			if (b[i] < EV_NSIG && loop->sig_cb[b[i]] != NULL) {
				loop->sig_cb[b[i]](loop, b[i], loop->sig_user[b[i]]);
				ran++;
			}
		}
	}
	return ran;
}

static int
run_timers(struct ev_loop *loop, uint64_t now)
{
	int i, ran = 0;

	for (i = 0; i < EV_MAX_TIMERS; i++) {
		struct ev_timer *t = &loop->timers[i];

		if (t->cb != NULL && t->deadline != 0 && t->deadline <= now) {
			t->deadline = 0;
			t->cb(loop, i, t->user);
			ran++;
		}
	}
	return ran;
}

/* Milliseconds until the earliest timer, capped by max_wait (-1 = none). */
static int
poll_timeout(struct ev_loop *loop, uint64_t now, int max_wait)
{
	int i;
	uint64_t d;

	for (i = 0; i < EV_MAX_TIMERS; i++) {
		const struct ev_timer *t = &loop->timers[i];

		if (t->cb == NULL || t->deadline == 0) {
			continue;
		}
		d = t->deadline > now ? t->deadline - now : 0;
		if (max_wait < 0 || d < (uint64_t)max_wait) {
			max_wait = (int)d;
		}
	}
	return max_wait;
}

int
ev_run_once(struct ev_loop *loop, int max_wait_ms)
{
	struct pollfd pfd[EV_MAX_FDS + 1];
	int map[EV_MAX_FDS + 1];
	int n = 0, i, r, ran = 0;
	unsigned rev;

	pfd[n].fd = loop->sigpipe[0];
	pfd[n].events = POLLIN;
	map[n++] = -1;
	for (i = 0; i < EV_MAX_FDS; i++) {
		const struct ev_fd *e = &loop->fds[i];

		if (e->fd < 0 || e->events == 0) {
			continue;
		}
		pfd[n].fd = e->fd;
		pfd[n].events = (short)((e->events & EV_READ ? POLLIN : 0) |
		    (e->events & EV_WRITE ? POLLOUT : 0));
		map[n++] = i;
	}
	r = poll(pfd, (nfds_t)n, poll_timeout(loop, core_now_ms(), max_wait_ms));
	if (r < 0 && errno != EINTR) {
		return CORE_E_SYS;
	}
	ran += run_signals(loop);
	for (i = 1; r > 0 && i < n; i++) {
		struct ev_fd *e = &loop->fds[map[i]];

		if (pfd[i].revents == 0 || e->fd != pfd[i].fd || e->cb == NULL) {
			continue;	/* changed by an earlier callback */
		}
		rev = (pfd[i].revents & POLLIN ? EV_READ : 0) |
		    (pfd[i].revents & POLLOUT ? EV_WRITE : 0) |
		    (pfd[i].revents & (POLLERR | POLLHUP | POLLNVAL) ? EV_ERROR : 0);
		e->cb(loop, e->fd, rev, e->user);
		ran++;
	}
	ran += run_timers(loop, core_now_ms());
	return ran;
}

int
ev_run(struct ev_loop *loop)
{
	int r;

	loop->stopped = 0;
	while (!loop->stopped) {
		if ((r = ev_run_once(loop, -1)) < 0) {
			return r;
		}
	}
	return 0;
}

void
ev_stop(struct ev_loop *loop)
{
	loop->stopped = 1;
}
