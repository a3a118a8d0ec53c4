/*
 * Unit tests: core/ev (poll loop, timers, signals as events), core/io,
 * core/clock and core/random.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/err.h"
#include "core/ev.h"
#include "core/io.h"
#include "core/random.h"
#include "test/harness.h"

struct rec {
	int reads;
	int timer_fired;
	int signals;
	int order[8];
	int norder;
	char data[32];
};

static void
on_read(struct ev_loop *loop, int fd, unsigned rev, void *user)
{
	struct rec *r = user;
	ssize_t n;

	n = core_read(fd, r->data, sizeof r->data - 1);
	r->data[n > 0 ? n : 0] = '\0';
	r->reads++;
	ev_fd_del(loop, fd);
}

static void
on_timer(struct ev_loop *loop, int id, void *user)
{
	struct rec *r = user;

	r->timer_fired++;
	if (r->norder < 8) {
		r->order[r->norder++] = id;
	}
}

static void
on_sig(struct ev_loop *loop, int signo, void *user)
{
	struct rec *r = user;

	r->signals++;
	ev_stop(loop);
}

static void
fd_events(void)
{
	struct ev_loop loop;
	struct rec r = { 0 };
	int p[2];

	CHECK_INT(0, ev_init(&loop));
	CHECK_INT(0, pipe(p));
	CHECK_INT(0, ev_fd_add(&loop, p[0], EV_READ, on_read, &r));
	CHECK_INT(0, ev_run_once(&loop, 0));
	CHECK_INT(2, core_write(p[1], "hi", 2));
	CHECK_INT(1, ev_run_once(&loop, 1000));
	CHECK_INT(1, r.reads);
	CHECK_STR("hi", r.data);
	/* The callback removed its own watch. */
	CHECK_INT(2, core_write(p[1], "again", 5) > 0 ? 2 : 0);
	CHECK_INT(0, ev_run_once(&loop, 10));
	CHECK_INT(CORE_E_NOTFOUND, ev_fd_events(&loop, p[0], EV_READ));
	close(p[0]);
	close(p[1]);
	ev_fini(&loop);
}

static void
timers_fire_in_order_and_once(void)
{
	struct ev_loop loop;
	struct rec r = { 0 };
	uint64_t t0 = core_now_ms(), el;
	int a, b, c;

	CHECK_INT(0, ev_init(&loop));
	a = ev_timer_new(&loop, on_timer, &r);
	b = ev_timer_new(&loop, on_timer, &r);
	c = ev_timer_new(&loop, on_timer, &r);
	CHECK(a >= 0 && b >= 0 && c >= 0);
	ev_timer_at(&loop, a, t0 + 60);
	ev_timer_at(&loop, b, t0 + 20);
	ev_timer_at(&loop, c, t0 + 40);
	ev_timer_cancel(&loop, c);
	while (r.timer_fired < 2 && core_now_ms() - t0 < 2000) {
		CHECK(ev_run_once(&loop, -1) >= 0);
	}
	el = core_now_ms() - t0;
	CHECK_INT(2, r.timer_fired);
	CHECK_INT(b, r.order[0]);
	CHECK_INT(a, r.order[1]);
	CHECK(el >= 60);
	CHECK(el < 1000);
	/* Nothing armed: a bounded wait returns with no callbacks. */
	CHECK_INT(0, ev_run_once(&loop, 5));
	ev_fini(&loop);
}

static void
timer_slots_are_limited(void)
{
	struct ev_loop loop;
	struct rec r = { 0 };
	int i, id = 0;

	CHECK_INT(0, ev_init(&loop));
	for (i = 0; i < EV_MAX_TIMERS; i++) {
		id = ev_timer_new(&loop, on_timer, &r);
		CHECK(id >= 0);
	}
	CHECK_INT(CORE_E_LIMIT, ev_timer_new(&loop, on_timer, &r));
	ev_timer_free(&loop, id);
	CHECK_INT(id, ev_timer_new(&loop, on_timer, &r));
	ev_fini(&loop);
}

static void
signals_arrive_as_events(void)
{
	struct ev_loop loop;
	struct rec r = { 0 };
	struct sigaction old;

	CHECK_INT(0, ev_init(&loop));
	CHECK_INT(0, ev_signal(&loop, SIGUSR1, on_sig, &r));
	CHECK_INT(CORE_E_INVAL, ev_signal(&loop, 0, on_sig, &r));
	CHECK_INT(0, kill(getpid(), SIGUSR1));
	CHECK_INT(0, kill(getpid(), SIGUSR1));
	CHECK_INT(0, ev_run(&loop));
	CHECK(r.signals >= 1);
	ev_fini(&loop);
	/* ev_fini restored the default disposition. */
	CHECK_INT(0, sigaction(SIGUSR1, NULL, &old));
	CHECK(old.sa_handler == SIG_DFL);
}

static void
io_wrappers(void)
{
	char buf[8];
	int p[2], fd;

	CHECK_INT(0, pipe(p));
	CHECK_INT(0, core_set_nonblock(p[0], 1));
	CHECK(fcntl(p[0], F_GETFL) & O_NONBLOCK);
	CHECK_INT(CORE_E_SYS, core_read(p[0], buf, sizeof buf));
	CHECK_INT(EAGAIN, errno);
	CHECK_INT(0, core_write_all(p[1], "abc", 3));
	close(p[1]);
	CHECK_INT(CORE_E_TRUNC, core_read_full(p[0], buf, 4));
	close(p[0]);
	CHECK_INT(CORE_E_SYS, core_open("/nonexistent/x", O_RDONLY, 0));
	fd = core_open("/dev/null", O_RDONLY, 0);
	CHECK(fd >= 0);
	CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	core_close(fd);
}

static void
random_bytes_differ(void)
{
	uint8_t a[64], b[64];
	int i, zeros = 0;

	CHECK_INT(0, core_random(a, sizeof a));
	CHECK_INT(0, core_random(b, sizeof b));
	CHECK(memcmp(a, b, sizeof a) != 0);
	for (i = 0; i < 64; i++) {
		zeros += a[i] == 0;
	}
	CHECK(zeros < 16);
	CHECK_INT(0, core_random(a, 0));
}

static void
clock_is_monotonic(void)
{
	uint64_t a = core_now_us(), b;

	usleep(2000);
	b = core_now_us();
	CHECK(b >= a + 2000);
	CHECK(core_now_ms() >= b / 1000);
}

static const struct test tests[] = {
	T(fd_events), T(timers_fire_in_order_and_once), T(timer_slots_are_limited),
	T(signals_arrive_as_events), T(io_wrappers), T(random_bytes_differ),
	T(clock_is_monotonic),
};
TEST_MAIN(tests)
