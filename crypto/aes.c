/*
 * crypto/aes.c - AES-128 block encryption on BearSSL (see aes.h).
 *
 * Encryption: each block is a one-block CBC encryption under a zero IV,
 * i.e. E(block).  Decryption of k blocks X_0..X_{k-1}: CBC decryption with
 * a zero IV yields out_0 = D(X_0) and out_i = D(X_i) xor X_{i-1}, so
 * xoring each out_i with a saved copy of X_{i-1} leaves D(X_i).  BearSSL
 * runs CBC decryption several blocks at a time (4 with ct64, 4 with
 * AES-NI), which is where OCB decryption gets its parallelism.
 */
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "crypto/aes.h"

/* Blocks per CBC-decryption batch: 512 bytes of stack for the copy. */
#define DEC_BATCH 32

int
crypto_aes_have_x86ni(void)
{
	return br_aes_x86ni_cbcenc_get_vtable() != NULL;
}

int
crypto_aes_init(struct crypto_aes *a, const uint8_t key[CRYPTO_AES_KEY_LEN],
    enum crypto_aes_impl impl)
{
	crypto_fortify_shim_link();
	memset(a, 0, sizeof(*a));
	if (impl == CRYPTO_AES_AUTO) {
		impl = crypto_aes_have_x86ni() ? CRYPTO_AES_X86NI : CRYPTO_AES_CT64;
	}
	switch (impl) {
	case CRYPTO_AES_X86NI:
		if (!crypto_aes_have_x86ni()) {
			return CORE_E_UNSUPPORTED;
		}
		/*
		 * Only through the vtables: on other architectures the
		 * x86ni functions are not even in the library.
		 */
		a->encv = br_aes_x86ni_cbcenc_get_vtable();
		a->decv = br_aes_x86ni_cbcdec_get_vtable();
		break;
	case CRYPTO_AES_CT64:
		a->encv = &br_aes_ct64_cbcenc_vtable;
		a->decv = &br_aes_ct64_cbcdec_vtable;
		break;
	default:
		return CORE_E_INVAL;
	}
	a->encv->init(&a->enc.vtable, key, CRYPTO_AES_KEY_LEN);
	a->decv->init(&a->dec.vtable, key, CRYPTO_AES_KEY_LEN);
	a->impl = impl;
	return 0;
}

void
crypto_aes_fini(struct crypto_aes *a)
{
	core_burn(a, sizeof(*a));
}

const char *
crypto_aes_impl_name(const struct crypto_aes *a)
{
	return a->impl == CRYPTO_AES_X86NI ? "x86ni" : "ct64";
}

void
crypto_aes_encrypt_blocks(const struct crypto_aes *a, uint8_t *blocks,
    size_t n)
{
	uint8_t iv[CRYPTO_AES_BLOCK];
	size_t i;

	for (i = 0; i < n; i++) {
		memset(iv, 0, sizeof(iv));
		a->encv->run(&a->enc.vtable, iv, blocks + i * CRYPTO_AES_BLOCK,
		    CRYPTO_AES_BLOCK);
	}
	core_burn(iv, sizeof(iv));
}

void
crypto_aes_decrypt_blocks(const struct crypto_aes *a, uint8_t *blocks,
    size_t n)
{
	uint8_t saved[DEC_BATCH * CRYPTO_AES_BLOCK];
	uint8_t iv[CRYPTO_AES_BLOCK];
	size_t k, i, j;

	while (n > 0) {
		k = n < DEC_BATCH ? n : DEC_BATCH;
		memcpy(saved, blocks, k * CRYPTO_AES_BLOCK);
		memset(iv, 0, sizeof(iv));
		a->decv->run(&a->dec.vtable, iv, blocks, k * CRYPTO_AES_BLOCK);
		for (i = 1; i < k; i++) {
			for (j = 0; j < CRYPTO_AES_BLOCK; j++) {
				blocks[i * CRYPTO_AES_BLOCK + j] ^=
				    saved[(i - 1) * CRYPTO_AES_BLOCK + j];
			}
		}
		blocks += k * CRYPTO_AES_BLOCK;
		n -= k;
	}
	core_burn(saved, sizeof(saved));
	core_burn(iv, sizeof(iv));
}
