/*
 * crypto/sha256.c - thin wrapper over BearSSL's SHA-256.
 */
#include <string.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wundef"	/* bearssl_hash.h: #if of an undefined macro */
#include <bearssl.h>
#pragma GCC diagnostic pop

#include "crypto/sha256.h"

_Static_assert(sizeof(struct crypto_sha256) >= sizeof(br_sha256_context),
    "crypto_sha256 too small for br_sha256_context");
_Static_assert(_Alignof(struct crypto_sha256) >= _Alignof(br_sha256_context),
    "crypto_sha256 alignment");

#if !defined(__GLIBC__)
/*
 * Debian's libbearssl.a calls __memcpy_chk, which crypto/fortify_shim.c
 * provides under musl; referring to it here makes a static link take that
 * object from libmosh.a before libbearssl.a is scanned.
 */
void *__memcpy_chk(void *d, const void *s, size_t n, size_t dlen);
void *(*const crypto_sha256_shim_ref_)(void *, const void *, size_t,
    size_t) = __memcpy_chk;
#endif

#define CTX(c) ((br_sha256_context *)(void *)(c)->opaque)

void
crypto_sha256_init(struct crypto_sha256 *c)
{
	br_sha256_init(CTX(c));
}

void
crypto_sha256_update(struct crypto_sha256 *c, const void *data, size_t n)
{
	br_sha256_update(CTX(c), data, n);
}

void
crypto_sha256_final(struct crypto_sha256 *c, uint8_t out[CRYPTO_SHA256_LEN])
{
	br_sha256_out(CTX(c), out);
}

void
crypto_sha256(const void *data, size_t n, uint8_t out[CRYPTO_SHA256_LEN])
{
	struct crypto_sha256 c;

	crypto_sha256_init(&c);
	crypto_sha256_update(&c, data, n);
	crypto_sha256_final(&c, out);
}

void
crypto_sha256_hex(const uint8_t d[CRYPTO_SHA256_LEN],
    char hex[CRYPTO_SHA256_HEX_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";
	int i;

	for (i = 0; i < CRYPTO_SHA256_LEN; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[CRYPTO_SHA256_HEX_LEN] = '\0';
}
