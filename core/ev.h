/*
 * core/ev.h - a poll(2) event loop with monotonic timers and signals
 * delivered through a self-pipe.
 *
 * One loop per process (signal handlers need one place to write to).
 * Storage is fixed: EV_MAX_FDS descriptors and EV_MAX_TIMERS timers, which
 * is plenty for a client or server and keeps the loop allocation-free.
 * Callbacks may add, change or remove descriptors and timers, including
 * their own, and may call ev_stop().
 */
#ifndef CORE_EV_H
#define CORE_EV_H

#include <signal.h>
#include <stdint.h>

#define EV_MAX_FDS 32		/* client: tty + up to 10 hopped sockets + spare */
#define EV_MAX_TIMERS 16
#define EV_NSIG 65		/* Linux signals 1..64 */

#define EV_READ 1u
#define EV_WRITE 2u
#define EV_ERROR 4u		/* POLLERR, POLLHUP or POLLNVAL */

struct ev_loop;
typedef void (*ev_fd_cb)(struct ev_loop *loop, int fd, unsigned revents,
    void *user);
typedef void (*ev_timer_cb)(struct ev_loop *loop, int id, void *user);
typedef void (*ev_sig_cb)(struct ev_loop *loop, int signo, void *user);

struct ev_fd {
	int fd;		/* -1 when the slot is free */
	unsigned events;
	ev_fd_cb cb;
	void *user;	/* borrowed */
};

struct ev_timer {
	uint64_t deadline;	/* core_now_ms() time; 0 = not armed */
	ev_timer_cb cb;		/* NULL when the slot is free */
	void *user;		/* borrowed */
};

struct ev_loop {
	struct ev_fd fds[EV_MAX_FDS];
	struct ev_timer timers[EV_MAX_TIMERS];
	ev_sig_cb sig_cb[EV_NSIG];
	void *sig_user[EV_NSIG];
	struct sigaction sig_old[EV_NSIG];
	int sigpipe[2];		/* owned; self-pipe, both ends non-blocking */
	int stopped;
};

/* 0 or CORE_E_SYS. Creates the self-pipe; sets no handlers yet. */
int ev_init(struct ev_loop *loop);
/* Restores signal dispositions changed by ev_signal and closes the pipe. */
void ev_fini(struct ev_loop *loop);

/* Watches fd (replacing any earlier watch on it). 0 or CORE_E_LIMIT. */
int ev_fd_add(struct ev_loop *loop, int fd, unsigned events, ev_fd_cb cb,
    void *user);
/* Changes the events of a watched fd. 0 or CORE_E_NOTFOUND. */
int ev_fd_events(struct ev_loop *loop, int fd, unsigned events);
void ev_fd_del(struct ev_loop *loop, int fd);

/* Allocates a timer slot (not armed). Its id (>= 0) or CORE_E_LIMIT. */
int ev_timer_new(struct ev_loop *loop, ev_timer_cb cb, void *user);
/* Arms timer id to fire once at the absolute time deadline_ms (>= 1). */
void ev_timer_at(struct ev_loop *loop, int id, uint64_t deadline_ms);
void ev_timer_cancel(struct ev_loop *loop, int id);
void ev_timer_free(struct ev_loop *loop, int id);

/*
 * Delivers signo through the loop: the handler only writes to the
 * self-pipe; cb runs from ev_run_once.  cb == NULL restores the old
 * disposition.  0 or CORE_E_SYS / CORE_E_INVAL.
 */
int ev_signal(struct ev_loop *loop, int signo, ev_sig_cb cb, void *user);

/*
 * Waits up to max_wait_ms (-1: until something happens) for descriptors,
 * due timers and signals, and runs their callbacks.  Returns the number of
 * callbacks run or CORE_E_SYS.
 */
int ev_run_once(struct ev_loop *loop, int max_wait_ms);
/* Runs until ev_stop(). 0 or CORE_E_SYS. */
int ev_run(struct ev_loop *loop);
void ev_stop(struct ev_loop *loop);

#endif
