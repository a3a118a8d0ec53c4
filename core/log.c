/*
 * core/log.c - the one place that formats diagnostics.
 *
 * Formatting goes through a stack buffer and a single write(2), so lines
 * from a forked child and its parent do not interleave mid-line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/io.h"
#include "core/log.h"

static const char *log_prog = "mosh-static";
static int log_level = CORE_LOG_WARN;
static int log_fd = 2;

void
core_log_set_prog(const char *prog)
{
	log_prog = prog;
}

const char *
core_log_prog(void)
{
	return log_prog;
}

void
core_log_set_level(int level)
{
	log_level = level;
}

int
core_log_level(void)
{
	return log_level;
}

void
core_log_set_fd(int fd)
{
	log_fd = fd;
}

static void
vlog(const char *fmt, va_list ap)
{
	char line[1024];
	int n, m;

	if (log_fd < 0) {
		return;
	}
	n = snprintf(line, sizeof line, "%s: ", log_prog);
	if (n < 0 || (size_t)n >= sizeof line) {
		n = 0;
	}
	m = vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
	if (m < 0) {
		m = 0;
	}
	n += m;
	if ((size_t)n > sizeof line - 2) {
		n = sizeof line - 2;
	}
	line[n++] = '\n';
	(void)core_write_all(log_fd, line, (size_t)n);
}

void
core_log(int level, const char *fmt, ...)
{
	va_list ap;

	if (level > log_level) {
		return;
	}
	va_start(ap, fmt);
	vlog(fmt, ap);
	va_end(ap);
}

void
core_die(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(fmt, ap);
	va_end(ap);
	exit(code);
}

void
core_assert_fail(const char *expr, const char *file, int line)
{
	char msg[512];
	int n;

	n = snprintf(msg, sizeof msg, "%s: internal error: %s:%d: %s\n",
	    log_prog, file, line, expr);
	if (n > 0) {
		(void)core_write_all(2, msg, (size_t)n < sizeof msg ?
		    (size_t)n : sizeof msg - 1);
	}
	abort();
}
