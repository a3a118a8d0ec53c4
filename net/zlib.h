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

/*
 * A reusable deflate context (added): keeps the work memory between calls
 * so a sender compressing every frame does not allocate (and, with musl,
 * map and unmap) it each time.  Memory: at most about 320 KiB, kept until
 * fini.  A zeroed struct is a valid, empty context.
 */
struct net_zlib_deflater {
	void *mem;	/* owned work memory; NULL until the first run */
	size_t size;
};

void net_zlib_deflater_init(struct net_zlib_deflater *z);
/* Frees the work memory; the context may be run again afterwards. */
void net_zlib_deflater_fini(struct net_zlib_deflater *z);
/*
 * Same contract and output as net_zlib_deflate, reusing z's memory
 * (grown when an input needs more).  0, CORE_E_LIMIT or CORE_E_NOMEM.
 */
int net_zlib_deflater_run(struct net_zlib_deflater *z, const uint8_t *in,
    size_t n, struct core_buf *out);

/*
 * Details of both (added with the implementation):
 * - deflate writes the header 78 9c like zlib's default level and
 *   compresses about as well as zlib level 6; net_zlib_deflate allocates
 *   its work memory per call (about 12 KiB for a 1 KiB input, at most
 *   about 320 KiB) and keeps nothing between calls.  Inputs of 4 GiB or
 *   more give CORE_E_LIMIT.
 * - inflate refuses (CORE_E_BADMSG) a method other than 8, a window over
 *   32 KiB, bad header check bits, a preset dictionary, block type 3, a
 *   stored length whose complement does not match, literal/length
 *   symbols 286-287 and distance symbols 30-31, over-subscribed code
 *   sets, incomplete ones other than a single code of length 1 (for the
 *   literal/length and distance codes; the distance code may also be
 *   empty), a literal/length code without end-of-block, code-length
 *   repeats with nothing to repeat or past the end, and distances reaching
 *   before the bytes this call wrote.  Input ending early is
 *   CORE_E_TRUNC; an Adler-32 mismatch is CORE_E_CHECKSUM.  Memory: out
 *   plus about 4 KiB of stack.
 */

#endif
