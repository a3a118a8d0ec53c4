/*
 * crypto/ocb.h - AES-128-OCB3 authenticated encryption (RFC 7253) with
 * TAGLEN = 128 and 12-byte nonces: the cipher of every mosh datagram
 * (PROTOCOL.md 3.2).  Associated data is supported (the RFC's samples use
 * it); mosh itself passes none.
 *
 * The context holds the expanded key and the RFC's L table; it is
 * caller-owned, allocates nothing, is read-only after init (seal and open
 * may share one context), and must be burnt with crypto_ocb_fini().
 * Block counting for the per-key usage limit lives one level up, in
 * crypto/session.h.
 */
#ifndef CRYPTO_OCB_H
#define CRYPTO_OCB_H

#include <stddef.h>
#include <stdint.h>

#include "crypto/aes.h"

#define CRYPTO_OCB_NONCE_LEN 12
#define CRYPTO_OCB_TAG_LEN 16
/* L_i for i = ntz(block index) < 64: enough for any size_t length. */
#define CRYPTO_OCB_L_COUNT 64

struct crypto_ocb {
	struct crypto_aes aes;			/* owned key schedules */
	uint8_t l_star[CRYPTO_AES_BLOCK];	/* L_* = E(0^128) */
	uint8_t l_dollar[CRYPTO_AES_BLOCK];	/* L_$ = double(L_*) */
	uint8_t l[CRYPTO_OCB_L_COUNT][CRYPTO_AES_BLOCK];	/* L_i */
};

/*
 * Sets up the context for a 16-byte key and an AES back end (see aes.h).
 * 0, CORE_E_UNSUPPORTED (forced x86ni without AES-NI) or CORE_E_INVAL.
 */
int crypto_ocb_init(struct crypto_ocb *o, const uint8_t key[CRYPTO_AES_KEY_LEN],
    enum crypto_aes_impl impl);
/* Burns the key material. */
void crypto_ocb_fini(struct crypto_ocb *o);

/*
 * Encrypts in[0..n) with the 12-byte nonce and associated data ad[0..adlen)
 * (ad may be NULL when adlen is 0) and writes ciphertext then the 16-byte
 * tag to out[0..n+16).  out may equal in (in place); other overlaps are
 * not allowed.  A nonce MUST NOT be reused with the same key.  Returns 0.
 */
int crypto_ocb_seal(const struct crypto_ocb *o,
    const uint8_t nonce[CRYPTO_OCB_NONCE_LEN], const uint8_t *ad, size_t adlen,
    const uint8_t *in, size_t n, uint8_t *out);

/*
 * Decrypts and verifies in[0..n), which is ciphertext followed by the
 * 16-byte tag, into out[0..n-16).  out may equal in.  The tag comparison
 * is constant time.  Returns 0; CORE_E_TRUNC if n < 16; CORE_E_AUTH if the
 * tag does not verify, in which case out[0..n-16) has been wiped (zeros),
 * so no unauthenticated plaintext is ever released.
 */
int crypto_ocb_open(const struct crypto_ocb *o,
    const uint8_t nonce[CRYPTO_OCB_NONCE_LEN], const uint8_t *ad, size_t adlen,
    const uint8_t *in, size_t n, uint8_t *out);

#endif
