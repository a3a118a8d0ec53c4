/*
 * test/fuzz/fuzz_inflate.c - arbitrary bytes into net_zlib_inflate with a
 * bounded output.  Checks: a failure leaves the buffer as it was; a tight
 * limit gives the same bytes or CORE_E_LIMIT; successful output survives
 * deflate -> inflate; and the raw input does too.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "net/zlib.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
round_trip(const uint8_t *p, size_t n)
{
	struct core_buf z, back;

	core_buf_init(&z, n + n / 8 + 1024);
	core_buf_init(&back, n);
	if (net_zlib_deflate(p, n, &z) != 0) {
		abort();	/* room for stored blocks was given */
	}
	if (net_zlib_inflate(z.p, z.len, &back) != 0 || back.len != n ||
	    (n > 0 && memcmp(back.p, p, n) != 0)) {
		abort();
	}
	core_buf_fini(&z);
	core_buf_fini(&back);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct core_buf out, small;
	int rc, rc2;

	core_buf_init(&out, 1 << 20);
	rc = net_zlib_inflate(data, size, &out);
	if (rc != 0 && (out.len != 0 || rc < CORE_E_LAST_)) {
		abort();
	}
	core_buf_init(&small, 64);
	core_buf_append(&small, "pre", 3);
	rc2 = net_zlib_inflate(data, size, &small);
	if (rc == 0 && out.len <= 61) {
		if (rc2 != 0 || small.len != out.len + 3 || (out.len > 0 &&
		    memcmp(small.p + 3, out.p, out.len) != 0)) {
			abort();
		}
	} else if (rc == 0 && rc2 != CORE_E_LIMIT) {
		abort();
	} else if (rc2 != 0 && small.len != 3) {
		abort();
	}
	if (rc == 0) {
		round_trip(out.p, out.len);
	}
	if (size <= 1024) {	/* keeps executions fast */
		round_trip(data, size);
	}
	core_buf_fini(&out);
	core_buf_fini(&small);
	return 0;
}
