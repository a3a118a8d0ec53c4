/*
 * core/log.h - diagnostics for applets, and the assertion for bugs.
 *
 * Quiet by default: an applet raises the level with -v (or the
 * MOSH_STATIC_LOG environment variable, read by main.c).  Messages go to
 * stderr as "PROG: message".  Library layers do not log; they return
 * error codes and the applet decides what to say.
 */
#ifndef CORE_LOG_H
#define CORE_LOG_H

enum core_log_level {
	CORE_LOG_ERROR = 0,	/* always shown */
	CORE_LOG_WARN = 1,	/* always shown */
	CORE_LOG_INFO = 2,	/* -v */
	CORE_LOG_DEBUG = 3,	/* -vv */
	CORE_LOG_TRACE = 4	/* -vvv */
};

/* The program name used as prefix (borrowed; must outlive the program). */
void core_log_set_prog(const char *prog);
const char *core_log_prog(void);
/* Messages above this level are dropped.  Default CORE_LOG_WARN. */
void core_log_set_level(int level);
int core_log_level(void);
/* Redirects messages to fd (default 2); -1 silences them. */
void core_log_set_fd(int fd);

void core_log(int level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Logs at ERROR and exits with status `code`. */
_Noreturn void core_die(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
_Noreturn void core_assert_fail(const char *expr, const char *file, int line);

#define CORE_LOG(level, ...) do { if ((level) <= core_log_level()) { \
	core_log((level), __VA_ARGS__); } } while (0)

/* For internal invariants only: never reachable from peer bytes. */
#define CORE_ASSERT(e) ((e) ? (void)0 : core_assert_fail(#e, __FILE__, __LINE__))

#endif
