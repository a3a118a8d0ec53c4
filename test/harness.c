/*
 * test/harness.c - implementation of the unit-test harness.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test/harness.h"

int test_failed_checks;

void
test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stdout, "    %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
	test_failed_checks++;
}

static void
hexdump(const char *label, const uint8_t *p, size_t n, size_t mark)
{
	size_t i;

	printf("      %s (%zu bytes):", label, n);
	for (i = 0; i < n && i < 256; i++) {
		if (i % 32 == 0) {
			printf("\n        %04zx ", i);
		}
		printf(i == mark ? "[%02x]" : "%02x", p[i]);
	}
	if (n > 256) {
		printf(" ...");
	}
	printf("\n");
}

void
test_fail_mem(const char *file, int line, const char *what,
    const void *want, size_t wlen, const void *got, size_t glen)
{
	const uint8_t *w = want, *g = got;
	size_t i = 0;

	while (i < wlen && i < glen && w[i] == g[i]) {
		i++;
	}
	test_fail(file, line, "%s: bytes differ at offset %zu", what, i);
	hexdump("expected", w, wlen, i);
	hexdump("got", g, glen, i);
}

static const char *
basename_noext(const char *path, char *out, size_t n)
{
	const char *s = strrchr(path, '/');
	char *dot;

	snprintf(out, n, "%s", s ? s + 1 : path);
	if ((dot = strrchr(out, '.')) != NULL) {
		*dot = '\0';
	}
	return out;
}

int
test_main(const char *suite, const struct test *t, size_t n,
    int argc, char **argv)
{
	char name[128];
	int passed = 0, failed = 0, i;
	size_t k;

	setvbuf(stdout, NULL, _IOLBF, 0);
	basename_noext(suite, name, sizeof name);
	for (k = 0; k < n; k++) {
		int want = argc < 2;

		for (i = 1; i < argc && !want; i++) {
			want = strcmp(argv[i], t[k].name) == 0;
		}
		if (!want) {
			continue;
		}
		test_failed_checks = 0;
		t[k].fn();
		if (test_failed_checks == 0) {
			passed++;
			printf("  ok   %s\n", t[k].name);
		} else {
			failed++;
			printf("  FAIL %s\n", t[k].name);
		}
	}
	printf("# suite %s: %d passed, %d failed\n", name, passed, failed);
	return failed ? 1 : 0;
}

uint8_t *
test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *p = NULL, *np;
	size_t cap = 0, n = 0, r;

	if (f == NULL) {
		return NULL;
	}
	for (;;) {
		if (n + 1 >= cap) {
			cap = cap ? cap * 2 : 65536;
			if ((np = realloc(p, cap)) == NULL) {
				free(p);
				fclose(f);
				return NULL;
			}
			p = np;
		}
		r = fread(p + n, 1, cap - n - 1, f);
		if (r == 0) {
			break;
		}
		n += r;
	}
	fclose(f);
	p[n] = '\0';
	*len = n;
	return p;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

long
test_unhex(const char *hex, uint8_t *out, size_t outmax)
{
	size_t n = 0;

	while (hex[0] != '\0' && hex[1] != '\0' && hexval(hex[0]) >= 0) {
		int hi = hexval(hex[0]), lo = hexval(hex[1]);

		if (lo < 0 || n >= outmax) {
			return -1;
		}
		out[n++] = (uint8_t)(hi << 4 | lo);
		hex += 2;
	}
	return (long)n;
}

const char *
test_shared_dir(void)
{
	const char *s = getenv("TEST_SHARED");

	return s && *s ? s : "../shared";
}
