/*
 * test/unit/term_vectors.c - every hoststring stock mosh 1.4's server sent
 * in the captured sessions (shared/vectors/vectors.json) goes through a
 * client-mode emulator: each sequence must be one we recognise
 * (PROTOCOL.md 8.1-8.3), and none may produce a reply.
 */
#include <stdio.h>

#include "test/unit/term_check.h"

static void
stock_server_dialect(void)
{
	char path[512];
	uint8_t *json, *bytes = malloc(1 << 20);
	size_t len, total = 0, n_strings = 0;
	const char *p, *key = "\"hoststring_hex\": \"";
	struct vt_emu *e = malloc(sizeof *e);

	snprintf(path, sizeof path, "%s/vectors/vectors.json", test_shared_dir());
	json = test_read_file(path, &len);
	CHECK(json != NULL && bytes != NULL && e != NULL);
	if (json == NULL || bytes == NULL || e == NULL) {
		return;
	}
	for (p = strstr((char *)json, key); p != NULL;
	    p = strstr(p, key)) {
		const char *end;
		char hex[1 << 16];
		long n;
		size_t r;

		p += strlen(key);
		end = strchr(p, '"');
		if (end == NULL || (size_t)(end - p) >= sizeof hex) {
			break;
		}
		memcpy(hex, p, (size_t)(end - p));
		hex[end - p] = '\0';
		n = test_unhex(hex, bytes, 1 << 20);
		CHECK(n >= 0);
		CHECK_INT(0, vt_emu_init(e, 80, 24, VT_EMU_CLIENT));
		vt_emu_feed(e, bytes, (size_t)(n > 0 ? n : 0));
		if (e->ignored != 0) {
			test_fail(__FILE__, __LINE__, "unrecognised sequence in "
			    "hoststring %s", hex);
		}
		vt_emu_reply(e, &r);
		CHECK_INT(0, r);
		total += (size_t)(n > 0 ? n : 0);
		n_strings++;
		vt_emu_fini(e);
	}
	CHECK(n_strings >= 100);
	printf("  %zu hoststrings, %zu bytes\n", n_strings, total);
	free(json);
	free(bytes);
	free(e);
}

static const struct test tests[] = { T(stock_server_dialect) };
TEST_MAIN(tests)
