/*
 * Unit tests: core/err and core/log.
 */
#include <errno.h>
#include <unistd.h>

#include "core/err.h"
#include "core/log.h"
#include "test/harness.h"

static void
every_code_has_a_message(void)
{
	int e;

	for (e = 0; e > CORE_E_LAST_; e--) {
		const char *m = core_strerror(e);

		CHECK(m != NULL && m[0] != '\0');
		CHECK(strcmp(m, "unknown error") != 0);
	}
	CHECK_STR("authentication failed", core_strerror(CORE_E_AUTH));
	CHECK_STR("unknown error", core_strerror(CORE_E_LAST_));
	CHECK_STR("unknown error", core_strerror(5));
	errno = ENOENT;
	CHECK_STR(strerror(ENOENT), core_strerror(CORE_E_SYS));
}

static void
log_levels_and_prefix(void)
{
	char buf[256];
	int p[2];
	ssize_t n;

	CHECK_INT(0, pipe(p));
	core_log_set_fd(p[1]);
	core_log_set_prog("tprog");
	core_log_set_level(CORE_LOG_WARN);
	core_log(CORE_LOG_INFO, "hidden %d", 1);
	core_log(CORE_LOG_WARN, "shown %d", 2);
	core_log_set_level(CORE_LOG_DEBUG);
	CORE_LOG(CORE_LOG_DEBUG, "debug %s", "on");
	CORE_LOG(CORE_LOG_TRACE, "trace %s", "off");
	close(p[1]);
	n = read(p[0], buf, sizeof buf - 1);
	close(p[0]);
	buf[n < 0 ? 0 : n] = '\0';
	CHECK_STR("tprog: shown 2\ntprog: debug on\n", buf);
	core_log_set_fd(2);
	core_log_set_level(CORE_LOG_WARN);
}

static void
long_log_lines_are_cut_not_overflowed(void)
{
	char big[3000], buf[4096];
	int p[2];
	ssize_t n;

	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK_INT(0, pipe(p));
	core_log_set_fd(p[1]);
	core_log(CORE_LOG_ERROR, "%s", big);
	close(p[1]);
	n = read(p[0], buf, sizeof buf);
	close(p[0]);
	CHECK(n > 100 && n <= 1024);
	CHECK_INT('\n', buf[n - 1]);
	core_log_set_fd(2);
}

static const struct test tests[] = {
	T(every_code_has_a_message), T(log_levels_and_prefix),
	T(long_log_lines_are_cut_not_overflowed),
};
TEST_MAIN(tests)
