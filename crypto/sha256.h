/*
 * crypto/sha256.h - SHA-256 (FIPS 180-4) over BearSSL's br_sha256, with a
 * lower-case hex form.  Used to name and verify the binaries the connect
 * applet copies to a remote host.
 */
#ifndef CRYPTO_SHA256_H
#define CRYPTO_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define CRYPTO_SHA256_LEN 32
#define CRYPTO_SHA256_HEX_LEN 64

/*
 * Incremental hashing: caller-owned context, no allocation.  Opaque room
 * for BearSSL's br_sha256_context (checked at compile time), so users of
 * this header need not include BearSSL.
 */
struct crypto_sha256 {
	uint64_t opaque[16];
};

void crypto_sha256_init(struct crypto_sha256 *c);
void crypto_sha256_update(struct crypto_sha256 *c, const void *data, size_t n);
/* Writes the digest; the context may be re-initialised afterwards. */
void crypto_sha256_final(struct crypto_sha256 *c,
    uint8_t out[CRYPTO_SHA256_LEN]);

/* One-shot digest of n bytes. */
void crypto_sha256(const void *data, size_t n, uint8_t out[CRYPTO_SHA256_LEN]);
/* Writes 64 lower-case hex digits and a NUL into hex[65]. */
void crypto_sha256_hex(const uint8_t d[CRYPTO_SHA256_LEN],
    char hex[CRYPTO_SHA256_HEX_LEN + 1]);

#endif
