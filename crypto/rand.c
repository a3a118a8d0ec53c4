/*
 * crypto/rand.c - HMAC-DRBG (SHA-256) seeded from the OS (rand.h).
 *
 * A single generate call is capped by BearSSL at 65536 bytes (SP 800-90A
 * limit), so large requests are split.
 */
#include "core/buf.h"
#include "core/err.h"
#include "core/random.h"
#include "crypto/rand.h"

#define SEED_LEN 32		/* 256 bits: SHA-256's security strength */
#define GEN_MAX 65536u		/* per-generate limit of HMAC-DRBG */

int
crypto_rand_init(struct crypto_rand *r)
{
	uint8_t seed[SEED_LEN];

	if (core_random(seed, sizeof(seed)) < 0) {
		return CORE_E_SYS;
	}
	crypto_rand_init_seeded(r, seed, sizeof(seed));
	core_burn(seed, sizeof(seed));
	return 0;
}

void
crypto_rand_init_seeded(struct crypto_rand *r, const void *seed, size_t n)
{
	crypto_fortify_shim_link();
	br_hmac_drbg_init(&r->drbg, &br_sha256_vtable, seed, n);
}

void
crypto_rand_reseed(struct crypto_rand *r, const void *seed, size_t n)
{
	br_hmac_drbg_update(&r->drbg, seed, n);
}

void
crypto_rand_bytes(struct crypto_rand *r, void *out, size_t n)
{
	uint8_t *p = out;
	size_t k;

	while (n > 0) {
		k = n < GEN_MAX ? n : GEN_MAX;
		br_hmac_drbg_generate(&r->drbg, p, k);
		p += k;
		n -= k;
	}
}

uint32_t
crypto_rand_below(struct crypto_rand *r, uint32_t bound)
{
	uint8_t b[4];
	uint32_t v, lim;

	if (bound <= 1) {
		return 0;
	}
	/* Reject the top partial range: values >= lim would bias the modulo. */
	lim = (uint32_t)(0x100000000ull - (0x100000000ull % bound));
	do {
		crypto_rand_bytes(r, b, sizeof(b));
		v = core_ld_be32(b);
	} while (lim != 0 && v >= lim);
	return v % bound;
}

void
crypto_rand_fini(struct crypto_rand *r)
{
	core_burn(r, sizeof(*r));
}
