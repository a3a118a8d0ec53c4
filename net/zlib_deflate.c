/*
 * net/zlib_deflate.c - DEFLATE encoder (RFC 1951) in the zlib wrapper
 * (RFC 1950).  Interim version: stored blocks only.
 */
#include <string.h>

#include "core/err.h"
#include "net/zlib.h"
#include "net/zlib_int.h"

int
net_zlib_deflate(const uint8_t *in, size_t n, struct core_buf *out)
{
	size_t len0 = out->len, k;
	uint32_t adler = n ? net_zlib_adler32(1, in, n) : 1;
	uint8_t h[5];
	int rc;

	rc = core_buf_append(out, "\x78\x01", 2);
	do {
		k = n > 65535 ? 65535 : n;
		h[0] = k == n;
		h[1] = (uint8_t)k;
		h[2] = (uint8_t)(k >> 8);
		h[3] = (uint8_t)~k;
		h[4] = (uint8_t)(~k >> 8);
		rc = rc ? rc : core_buf_append(out, h, 5);
		if (rc == 0 && k > 0) {
			rc = core_buf_append(out, in, k);
			in += k;
		}
		n -= k;
	} while (rc == 0 && n > 0);
	core_st_be32(h, adler);
	rc = rc ? rc : core_buf_append(out, h, 4);
	if (rc != 0) {
		out->len = len0;
	}
	return rc;
}
