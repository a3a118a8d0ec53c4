/*
 * net/zlib.h - zlib-format (RFC 1950) compression of our own, with the
 * DEFLATE (RFC 1951) coder inside.  Every mosh instruction travels
 * compressed (PROTOCOL.md section 5).
 */
#ifndef NET_ZLIB_H
#define NET_ZLIB_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/* Stock mosh inflates into a 4 MiB buffer; more is hostile. */
#define NET_ZLIB_MAX_INFLATE (2048u * 2048u)

/*
 * Appends a complete zlib stream of in[0..n) to out.  0, CORE_E_LIMIT (out
 * would exceed its max) or CORE_E_NOMEM.
 */
int net_zlib_deflate(const uint8_t *in, size_t n, struct core_buf *out);
/*
 * Appends the decompressed bytes of the zlib stream in[0..n) to out; out's
 * max bounds the output (CORE_E_LIMIT past it, nothing grows without
 * bound).  Trailing bytes after the stream are an error.  Returns 0,
 * CORE_E_TRUNC, CORE_E_BADMSG, CORE_E_CHECKSUM, CORE_E_LIMIT or
 * CORE_E_NOMEM; on error out's length is restored.
 */
int net_zlib_inflate(const uint8_t *in, size_t n, struct core_buf *out);

#endif
