/*
 * test/harness.h - the tiny unit-test harness every test/unit file uses.
 *
 * A suite is a file of `static void name(void)` test functions and one
 * table at the bottom:
 *
 *	static const struct test tests[] = { T(first), T(second) };
 *	TEST_MAIN(tests)
 *
 * Run `./suite` for all tests or `./suite name...` for some.  Each failing
 * check prints file:line, what was expected and what was got; the suite
 * ends with `# suite NAME: N passed, M failed` (counting test functions),
 * which test/run.sh adds up.  Exit status is 1 if anything failed.
 */
#ifndef TEST_HARNESS_H
#define TEST_HARNESS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct test {
	const char *name;
	void (*fn)(void);
};

#define T(fn) { #fn, fn }

extern int test_failed_checks;	/* failures in the running test */

void test_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void test_fail_mem(const char *file, int line, const char *what,
    const void *want, size_t wlen, const void *got, size_t glen);
int test_main(const char *suite, const struct test *t, size_t n,
    int argc, char **argv);
/* Reads a whole file into a malloc'd buffer (NUL-terminated); NULL on error. */
uint8_t *test_read_file(const char *path, size_t *len);
/* Decodes hex (no separators) into out; returns byte count or -1. */
long test_unhex(const char *hex, uint8_t *out, size_t outmax);
/* Path of the shared/ folder beside the repository (env TEST_SHARED wins). */
const char *test_shared_dir(void);

#define CHECK(c) do { if (!(c)) { \
	test_fail(__FILE__, __LINE__, "check failed: %s", #c); } } while (0)

#define CHECK_INT(want, got) do { \
	long long w_ = (long long)(want), g_ = (long long)(got); \
	if (w_ != g_) { test_fail(__FILE__, __LINE__, \
	    "%s: expected %lld, got %lld", #got, w_, g_); } } while (0)

#define CHECK_U64(want, got) do { \
	unsigned long long w_ = (want), g_ = (got); \
	if (w_ != g_) { test_fail(__FILE__, __LINE__, \
	    "%s: expected %llu, got %llu", #got, w_, g_); } } while (0)

#define CHECK_STR(want, got) do { \
	const char *w_ = (want), *g_ = (got); \
	if (g_ == NULL || strcmp(w_, g_) != 0) { test_fail(__FILE__, __LINE__, \
	    "%s: expected \"%s\", got \"%s\"", #got, w_, g_ ? g_ : "(null)"); \
	} } while (0)

#define CHECK_MEM(want, wlen, got, glen) do { \
	size_t wl_ = (wlen), gl_ = (glen); \
	if (wl_ != gl_ || memcmp((want), (got), wl_) != 0) { \
		test_fail_mem(__FILE__, __LINE__, #got, (want), wl_, (got), gl_); \
	} } while (0)

#define TEST_MAIN(tab) \
	int main(int argc, char **argv) { \
		return test_main(__FILE__, tab, sizeof(tab) / sizeof((tab)[0]), \
		    argc, argv); \
	}

#endif
