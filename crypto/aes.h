/*
 * crypto/aes.h - the one adapter that knows how AES-128 blocks are
 * enciphered, on BearSSL.
 *
 * Two back ends: AES-NI (br_aes_x86ni_*) when the CPU has it, otherwise
 * the constant-time bitsliced ct64 code.  CRYPTO_AES_AUTO picks at run
 * time; tests and benchmarks may force either.  BearSSL has no public ECB
 * mode: see aes.c for how each back end gets one.
 *
 * The context is caller-owned, allocates nothing, and holds key material:
 * call crypto_aes_fini() to burn it.
 */
#ifndef CRYPTO_AES_H
#define CRYPTO_AES_H

#include <stddef.h>
#include <stdint.h>

#include "crypto/br.h"

#define CRYPTO_AES_BLOCK 16
#define CRYPTO_AES_KEY_LEN 16	/* AES-128 only: the mosh session key */

enum crypto_aes_impl {
	CRYPTO_AES_AUTO = 0,	/* AES-NI if the CPU has it, else ct64 */
	CRYPTO_AES_CT64 = 1,	/* BearSSL aes_ct64 (constant time, portable) */
	CRYPTO_AES_X86NI = 2	/* BearSSL aes_x86ni (AES-NI instructions) */
};

/* Expanded bitsliced key: 8 words per round key, up to 14 rounds. */
#define CRYPTO_AES_CT64_SKEY 120

struct crypto_aes {
	/* x86ni: BearSSL's own CBC contexts */
	br_aes_gen_cbcenc_keys enc;	/* owned key schedule, encryption */
	br_aes_gen_cbcdec_keys dec;	/* owned key schedule, decryption */
	const br_block_cbcenc_class *encv;	/* borrowed: BearSSL's static vtable */
	const br_block_cbcdec_class *decv;	/* borrowed: BearSSL's static vtable */
	/* ct64: the expanded bitsliced schedule, kept to avoid redoing it */
	uint64_t ct64_skey[CRYPTO_AES_CT64_SKEY];
	unsigned ct64_rounds;
	enum crypto_aes_impl impl;	/* the back end actually in use */
};

/* 1 if the AES-NI back end can run on this CPU, else 0. */
int crypto_aes_have_x86ni(void);

/*
 * Expands a 16-byte key for back end `impl`.  Returns 0, or
 * CORE_E_UNSUPPORTED if CRYPTO_AES_X86NI was asked for on a CPU without
 * AES-NI (the context is then unusable), or CORE_E_INVAL for an unknown
 * impl.
 */
int crypto_aes_init(struct crypto_aes *a, const uint8_t key[CRYPTO_AES_KEY_LEN],
    enum crypto_aes_impl impl);
/* Burns the key schedules. */
void crypto_aes_fini(struct crypto_aes *a);

/* "x86ni" or "ct64": the back end an initialised context uses. */
const char *crypto_aes_impl_name(const struct crypto_aes *a);

/* Enciphers n independent 16-byte blocks in place (ECB; n may be 0). */
void crypto_aes_encrypt_blocks(const struct crypto_aes *a, uint8_t *blocks,
    size_t n);
/* Deciphers n independent 16-byte blocks in place (ECB; n may be 0). */
void crypto_aes_decrypt_blocks(const struct crypto_aes *a, uint8_t *blocks,
    size_t n);

#endif
