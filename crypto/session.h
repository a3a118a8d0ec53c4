/*
 * crypto/session.h - one session key in use: OCB with the per-key usage
 * limit of PROTOCOL.md 3.2.  Every seal counts the 16-byte blocks it
 * encrypts (a partial block counts as one); once the count reaches 2^47
 * the session refuses to seal ever again (sticky CORE_E_EXHAUSTED), as
 * stock mosh ends the session there.  Opening is not counted.
 *
 * Caller-owned; allocates nothing; crypto_session_fini() burns the key.
 */
#ifndef CRYPTO_SESSION_H
#define CRYPTO_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "crypto/ocb.h"

/* 2^47 blocks: the stock limit, far below OCB's birthday bound. */
#define CRYPTO_SESSION_BLOCK_LIMIT ((uint64_t)1 << 47)

struct crypto_session {
	struct crypto_ocb ocb;	/* owned */
	uint64_t blocks;	/* blocks sealed so far; tests may preset it */
	int err;		/* sticky: 0 or CORE_E_EXHAUSTED */
};

/* 0, CORE_E_UNSUPPORTED or CORE_E_INVAL (as crypto_ocb_init). */
int crypto_session_init(struct crypto_session *s,
    const uint8_t key[CRYPTO_AES_KEY_LEN], enum crypto_aes_impl impl);
/* Burns the key and the counters. */
void crypto_session_fini(struct crypto_session *s);

/*
 * crypto_ocb_seal without associated data, after counting ceil(n/16)
 * blocks: out[0..n+16).  Returns 0, or CORE_E_EXHAUSTED (nothing written)
 * if this seal would bring the count to 2^47 or the limit was hit before.
 */
int crypto_session_seal(struct crypto_session *s,
    const uint8_t nonce[CRYPTO_OCB_NONCE_LEN], const uint8_t *in, size_t n,
    uint8_t *out);
/* crypto_ocb_open without associated data: 0, CORE_E_TRUNC, CORE_E_AUTH. */
int crypto_session_open(const struct crypto_session *s,
    const uint8_t nonce[CRYPTO_OCB_NONCE_LEN], const uint8_t *in, size_t n,
    uint8_t *out);

#endif
