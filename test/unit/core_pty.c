/*
 * Unit tests: core/pty (a real child on a real pseudo-terminal).
 */
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/err.h"
#include "core/io.h"
#include "core/pty.h"
#include "test/harness.h"

static void
run_sh(void *arg)
{
	execl("/bin/sh", "sh", "-c", (const char *)arg, (char *)NULL);
}

/* Reads from the master until EOF/EIO or timeout; NUL-terminates. */
static size_t
slurp(int fd, char *buf, size_t n)
{
	struct pollfd p = { fd, POLLIN, 0 };
	size_t got = 0;
	ssize_t r;

	while (got + 1 < n && poll(&p, 1, 3000) == 1) {
		r = core_read(fd, buf + got, n - 1 - got);
		if (r <= 0) {
			break;
		}
		got += (size_t)r;
	}
	buf[got] = '\0';
	return got;
}

static void
child_sees_a_terminal(void)
{
	struct core_pty p;
	char out[4096];
	int status = -1;

	CHECK_INT(0, core_pty_spawn(&p, 100, 30, run_sh,
	    "stty size; stty -a | tr ' ' '\\n' | grep -x iutf8; "
	    "test -t 0 && echo tty0; ps -o sid= -p $$ | tr -d ' '; echo $$"));
	slurp(p.master, out, sizeof out);
	CHECK(strstr(out, "30 100") != NULL);
	CHECK(strstr(out, "\niutf8") != NULL);
	CHECK(strstr(out, "tty0") != NULL);
	CHECK_INT(p.pid, waitpid(p.pid, &status, 0));
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	if (test_failed_checks) {
		printf("    child output: %s\n", out);
	}
	close(p.master);
}

static void
resize_reaches_the_child(void)
{
	struct core_pty p;
	char out[1024];
	int status;

	CHECK_INT(0, core_pty_spawn(&p, 80, 24, run_sh,
	    "trap 'stty size; exit 0' WINCH; echo ready; "
	    "while :; do sleep 0.05; done"));
	{
		struct pollfd pf = { p.master, POLLIN, 0 };
		size_t got = 0;

		while (got < sizeof out - 1 && poll(&pf, 1, 3000) == 1) {
			ssize_t r = core_read(p.master, out + got, sizeof out - 1 - got);

			if (r <= 0) {
				break;
			}
			got += (size_t)r;
			out[got] = '\0';
			if (strstr(out, "ready")) {
				break;
			}
		}
	}
	CHECK(strstr(out, "ready") != NULL);
	CHECK_INT(0, core_pty_resize(p.master, 132, 43));
	slurp(p.master, out, sizeof out);
	CHECK(strstr(out, "43 132") != NULL);
	kill(p.pid, SIGKILL);
	waitpid(p.pid, &status, 0);
	close(p.master);
}

static void
exec_failure_exits_127(void)
{
	struct core_pty p;
	char out[256];
	int status = 0;

	CHECK_INT(0, core_pty_spawn(&p, 80, 24, run_sh, "exec /nonexistent/cmd"));
	slurp(p.master, out, sizeof out);
	CHECK_INT(p.pid, waitpid(p.pid, &status, 0));
	CHECK(WIFEXITED(status));
	CHECK_INT(127, WEXITSTATUS(status));
	close(p.master);
}

static const struct test tests[] = {
	T(child_sees_a_terminal), T(resize_reaches_the_child),
	T(exec_failure_exits_127),
};
TEST_MAIN(tests)
