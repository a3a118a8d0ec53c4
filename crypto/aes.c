/*
 * crypto/aes.c - AES-128 block encryption on BearSSL (see aes.h).
 *
 * AES-NI, through BearSSL's public CBC API only (on other architectures
 * the x86ni functions are not even in the library, so they are reached
 * through the vtables BearSSL returns):
 *  - encryption: BearSSL expands the key (br_aes_x86ni_cbcenc_init); the
 *    blocks are then enciphered 4 at a time with the AES-NI instructions
 *    here, from the round keys in BearSSL's context (skni: round keys 0..
 *    num_rounds in order).  A one-block CBC encryption under a zero IV is
 *    E(block) too, but one call per block was 3x slower;
 *  - decryption of k blocks X_0..X_{k-1}: CBC decryption with a zero IV
 *    yields out_0 = D(X_0) and out_i = D(X_i) xor X_{i-1}, so xoring each
 *    out_i with a saved copy of X_{i-1} leaves D(X_i); BearSSL runs this
 *    4 blocks wide.
 * ct64: the bitsliced code works on 4 blocks at once, but its public CBC
 * encryption can only feed it one (each block depends on the previous)
 * and re-expands the key on every call, which made OCB sealing ~15x
 * slower than opening.  So this file calls the ct64 core directly: the
 * internal functions every libbearssl.a carries (BearSSL 0.6 inner.h,
 * declared below), with the expanded key computed once at init.  They
 * are plain portable C, present on every architecture; the RFC 7253
 * vectors in test/unit/crypto_ocb.c run on this path.
 */
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <wmmintrin.h>
#define NI_ECB 1	/* AES-NI intrinsics can be compiled here */
#else
#define NI_ECB 0
#endif

#include "core/err.h"
#include "crypto/aes.h"
#include "crypto/wipe.h"

/* Blocks per CBC-decryption batch: 512 bytes of stack for the copy. */
#define DEC_BATCH 32

/* BearSSL 0.6 internals (src/inner.h), see the note above. */
unsigned br_aes_ct64_keysched(uint64_t *comp_skey, const void *key,
    size_t key_len);
void br_aes_ct64_skey_expand(uint64_t *skey, unsigned num_rounds,
    const uint64_t *comp_skey);
void br_aes_ct64_ortho(uint64_t *q);
void br_aes_ct64_interleave_in(uint64_t *q0, uint64_t *q1, const uint32_t *w);
void br_aes_ct64_interleave_out(uint32_t *w, uint64_t q0, uint64_t q1);
void br_aes_ct64_bitslice_encrypt(unsigned num_rounds, const uint64_t *skey,
    uint64_t *q);
void br_aes_ct64_bitslice_decrypt(unsigned num_rounds, const uint64_t *skey,
    uint64_t *q);

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
		a->encv->init(&a->enc.vtable, key, CRYPTO_AES_KEY_LEN);
		a->decv->init(&a->dec.vtable, key, CRYPTO_AES_KEY_LEN);
		break;
	case CRYPTO_AES_CT64: {
		uint64_t comp[30];	/* BearSSL's compressed schedule size */

		a->ct64_rounds = br_aes_ct64_keysched(comp, key,
		    CRYPTO_AES_KEY_LEN);
		br_aes_ct64_skey_expand(a->ct64_skey, a->ct64_rounds, comp);
		crypto_wipe(comp, sizeof(comp));
		break;
	}
	default:
		return CORE_E_INVAL;
	}
	a->impl = impl;
	return 0;
}

void
crypto_aes_fini(struct crypto_aes *a)
{
	crypto_wipe(a, sizeof(*a));
}

const char *
crypto_aes_impl_name(const struct crypto_aes *a)
{
	return a->impl == CRYPTO_AES_X86NI ? "x86ni" : "ct64";
}

static uint32_t
ld_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static void
st_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

/* ECB on the ct64 core, 4 blocks per bitsliced pass. */
static void
ct64_blocks(const struct crypto_aes *a, uint8_t *blocks, size_t n,
    int decrypt)
{
	uint64_t q[8];
	uint32_t w[16];
	size_t k, i;

	while (n > 0) {
		k = n < 4 ? n : 4;
		memset(w, 0, sizeof(w));
		for (i = 0; i < 4 * k; i++) {
			w[i] = ld_le32(blocks + 4 * i);
		}
		for (i = 0; i < 4; i++) {
			br_aes_ct64_interleave_in(&q[i], &q[i + 4], w + 4 * i);
		}
		br_aes_ct64_ortho(q);
		if (decrypt) {
			br_aes_ct64_bitslice_decrypt(a->ct64_rounds, a->ct64_skey, q);
		} else {
			br_aes_ct64_bitslice_encrypt(a->ct64_rounds, a->ct64_skey, q);
		}
		br_aes_ct64_ortho(q);
		for (i = 0; i < 4; i++) {
			br_aes_ct64_interleave_out(w + 4 * i, q[i], q[i + 4]);
		}
		for (i = 0; i < 4 * k; i++) {
			st_le32(blocks + 4 * i, w[i]);
		}
		blocks += k * CRYPTO_AES_BLOCK;
		n -= k;
	}
	crypto_wipe(q, sizeof(q));
	crypto_wipe(w, sizeof(w));
}

#if NI_ECB
/* ECB encryption with AES-NI, 4 blocks interleaved to hide the latency. */
__attribute__((target("aes,sse2")))
static void
ni_encrypt(const br_aes_x86ni_cbcenc_keys *c, uint8_t *b, size_t n)
{
	__m128i k[15], x0, x1, x2, x3;
	unsigned r, nr = c->num_rounds;

	for (r = 0; r <= nr; r++) {
		k[r] = _mm_loadu_si128((const __m128i *)(const void *)(c->skey.skni +
		    16 * r));
	}
	for (; n >= 4; n -= 4, b += 64) {
		x0 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(void *)b), k[0]);
		x1 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(void *)(b + 16)),
		    k[0]);
		x2 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(void *)(b + 32)),
		    k[0]);
		x3 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(void *)(b + 48)),
		    k[0]);
		for (r = 1; r < nr; r++) {
			x0 = _mm_aesenc_si128(x0, k[r]);
			x1 = _mm_aesenc_si128(x1, k[r]);
			x2 = _mm_aesenc_si128(x2, k[r]);
			x3 = _mm_aesenc_si128(x3, k[r]);
		}
		_mm_storeu_si128((__m128i *)(void *)b, _mm_aesenclast_si128(x0, k[nr]));
		_mm_storeu_si128((__m128i *)(void *)(b + 16),
		    _mm_aesenclast_si128(x1, k[nr]));
		_mm_storeu_si128((__m128i *)(void *)(b + 32),
		    _mm_aesenclast_si128(x2, k[nr]));
		_mm_storeu_si128((__m128i *)(void *)(b + 48),
		    _mm_aesenclast_si128(x3, k[nr]));
	}
	for (; n > 0; n--, b += 16) {
		x0 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)(void *)b), k[0]);
		for (r = 1; r < nr; r++) {
			x0 = _mm_aesenc_si128(x0, k[r]);
		}
		_mm_storeu_si128((__m128i *)(void *)b, _mm_aesenclast_si128(x0, k[nr]));
	}
	crypto_wipe(k, sizeof(k));
}
#endif

void
crypto_aes_encrypt_blocks(const struct crypto_aes *a, uint8_t *blocks,
    size_t n)
{
	uint8_t iv[CRYPTO_AES_BLOCK];
	size_t i;

	if (a->impl == CRYPTO_AES_CT64) {
		ct64_blocks(a, blocks, n, 0);
		return;
	}
#if NI_ECB
	(void)iv;
	(void)i;
	ni_encrypt(&a->enc.c_x86ni, blocks, n);
#else
	/* not reached: AES-NI exists only where NI_ECB is 1 */
	for (i = 0; i < n; i++) {
		memset(iv, 0, sizeof(iv));
		a->encv->run(&a->enc.vtable, iv, blocks + i * CRYPTO_AES_BLOCK,
		    CRYPTO_AES_BLOCK);
	}
	crypto_wipe(iv, sizeof(iv));
#endif
}

void
crypto_aes_decrypt_blocks(const struct crypto_aes *a, uint8_t *blocks,
    size_t n)
{
	uint8_t saved[DEC_BATCH * CRYPTO_AES_BLOCK];
	uint8_t iv[CRYPTO_AES_BLOCK];
	size_t k, i;

	if (a->impl == CRYPTO_AES_CT64) {
		ct64_blocks(a, blocks, n, 1);
		return;
	}
	while (n > 0) {
		k = n < DEC_BATCH ? n : DEC_BATCH;
		memcpy(saved, blocks, k * CRYPTO_AES_BLOCK);
		memset(iv, 0, sizeof(iv));
		a->decv->run(&a->dec.vtable, iv, blocks, k * CRYPTO_AES_BLOCK);
		/* undo the chaining: block i ^= saved block i-1, by words */
		for (i = 2; i < k * 2; i++) {
			uint64_t x, y;

			memcpy(&x, blocks + 8 * i, 8);
			memcpy(&y, saved + 8 * (i - 2), 8);
			x ^= y;
			memcpy(blocks + 8 * i, &x, 8);
		}
		blocks += k * CRYPTO_AES_BLOCK;
		n -= k;
	}
	crypto_wipe(saved, sizeof(saved));
	crypto_wipe(iv, sizeof(iv));
}
