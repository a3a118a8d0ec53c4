/*
 * crypto/ocb.c - OCB3 per RFC 7253 section 4, on crypto/aes.
 *
 * Blocks are processed in batches of BATCH: the offsets of a batch are
 * computed first (Offset_i = Offset_{i-1} xor L_{ntz(i)}, 4.2/4.3), the
 * masked blocks go through the cipher together, then the offsets are
 * xored back in.  This is what lets the AES adapter run several blocks at
 * once.  The tag is always compared in constant time, and a failed open
 * wipes everything it wrote.
 */
#include <string.h>

#include "core/err.h"
#include "crypto/ocb.h"
#include "crypto/wipe.h"

#define B CRYPTO_AES_BLOCK
/* Blocks per cipher batch: 2 x 256 bytes of stack. */
#define BATCH 16

/* d = a xor b, 16 bytes, as two 64-bit words (any alignment). */
static void
xor_block(uint8_t *d, const uint8_t *a, const uint8_t *b)
{
	uint64_t x0, x1, y0, y1;

	memcpy(&x0, a, 8);
	memcpy(&x1, a + 8, 8);
	memcpy(&y0, b, 8);
	memcpy(&y1, b + 8, 8);
	x0 ^= y0;
	x1 ^= y1;
	memcpy(d, &x0, 8);
	memcpy(d + 8, &x1, 8);
}

/* RFC 7253 section 2: double(S), multiplication by x in GF(2^128). */
static void
double_block(uint8_t *d, const uint8_t *s)
{
	unsigned carry = s[0] >> 7;
	size_t i;

	for (i = 0; i < B - 1; i++) {
		d[i] = (uint8_t)(s[i] << 1 | s[i + 1] >> 7);
	}
	/* 0^120 10000111, applied without a secret-dependent branch */
	d[B - 1] = (uint8_t)(s[B - 1] << 1 ^ (0x87 & (0u - carry)));
}

static unsigned
ntz(uint64_t i)
{
	return (unsigned)__builtin_ctzll(i);
}

int
crypto_ocb_init(struct crypto_ocb *o, const uint8_t key[CRYPTO_AES_KEY_LEN],
    enum crypto_aes_impl impl)
{
	size_t i;
	int rc;

	memset(o, 0, sizeof(*o));
	rc = crypto_aes_init(&o->aes, key, impl);
	if (rc < 0) {
		return rc;
	}
	/* 4.1: L_* = ENCIPHER(K, zeros(128)), L_$ = double(L_*), L_0 = double(L_$) */
	crypto_aes_encrypt_blocks(&o->aes, o->l_star, 1);
	double_block(o->l_dollar, o->l_star);
	double_block(o->l[0], o->l_dollar);
	for (i = 1; i < CRYPTO_OCB_L_COUNT; i++) {
		double_block(o->l[i], o->l[i - 1]);
	}
	return 0;
}

void
crypto_ocb_fini(struct crypto_ocb *o)
{
	crypto_aes_fini(&o->aes);
	crypto_wipe(o, sizeof(*o));
}

/* 4.2 nonce-dependent setup: Offset_0 from the 12-byte nonce, TAGLEN 128. */
static void
initial_offset(const struct crypto_ocb *o, const uint8_t nonce[CRYPTO_OCB_NONCE_LEN],
    uint8_t off[B])
{
	uint8_t stretch[B + 8];
	unsigned bottom, bytes, bits;
	size_t i;

	/* Nonce = num2str(TAGLEN mod 128, 7) || zeros(120-96) || 1 || N */
	memset(stretch, 0, sizeof(stretch));
	stretch[3] = 0x01;
	memcpy(stretch + 4, nonce, CRYPTO_OCB_NONCE_LEN);
	bottom = stretch[B - 1] & 0x3f;
	stretch[B - 1] &= 0xc0;
	crypto_aes_encrypt_blocks(&o->aes, stretch, 1);	/* Ktop */
	/* Stretch = Ktop || (Ktop[1..64] xor Ktop[9..72]) */
	for (i = 0; i < 8; i++) {
		stretch[B + i] = stretch[i] ^ stretch[i + 1];
	}
	/* Offset_0 = Stretch[1+bottom..128+bottom] */
	bytes = bottom / 8;
	bits = bottom % 8;
	for (i = 0; i < B; i++) {
		if (bits == 0) {
			off[i] = stretch[i + bytes];
		} else {
			off[i] = (uint8_t)(stretch[i + bytes] << bits |
			    stretch[i + bytes + 1] >> (8 - bits));
		}
	}
	crypto_wipe(stretch, sizeof(stretch));
}

/* 4.1 HASH(K, A) into sum[16]. */
static void
hash_ad(const struct crypto_ocb *o, const uint8_t *ad, size_t adlen,
    uint8_t sum[B])
{
	uint8_t off[B], tmp[BATCH * B];
	size_t full = adlen / B, rem = adlen % B, done = 0, k, j;
	uint64_t idx = 0;

	memset(sum, 0, B);
	memset(off, 0, B);
	while (done < full) {
		k = full - done < BATCH ? full - done : BATCH;
		for (j = 0; j < k; j++) {
			idx++;
			xor_block(off, off, o->l[ntz(idx)]);
			xor_block(tmp + j * B, ad + (done + j) * B, off);
		}
		crypto_aes_encrypt_blocks(&o->aes, tmp, k);
		for (j = 0; j < k; j++) {
			xor_block(sum, sum, tmp + j * B);
		}
		done += k;
	}
	if (rem > 0) {
		xor_block(off, off, o->l_star);
		memset(tmp, 0, B);
		memcpy(tmp, ad + full * B, rem);
		tmp[rem] = 0x80;
		xor_block(tmp, tmp, off);
		crypto_aes_encrypt_blocks(&o->aes, tmp, 1);
		xor_block(sum, sum, tmp);
	}
	crypto_wipe(tmp, sizeof(tmp));
}

/*
 * The shared body of 4.2 and 4.3.  Turns in[0..n) into out[0..n) (either
 * direction), accumulating the plaintext checksum, and writes the full
 * 16-byte tag to tag[].
 */
static void
ocb_crypt(const struct crypto_ocb *o, int decrypt,
    const uint8_t nonce[CRYPTO_OCB_NONCE_LEN], const uint8_t *ad, size_t adlen,
    const uint8_t *in, size_t n, uint8_t *out, uint8_t tag[B])
{
	uint8_t off[B], sum[B], hash[B];
	uint8_t tmp[BATCH * B], offs[BATCH * B];
	size_t full = n / B, rem = n % B, done = 0, k, j;
	uint64_t idx = 0;

	initial_offset(o, nonce, off);
	memset(sum, 0, B);
	while (done < full) {
		k = full - done < BATCH ? full - done : BATCH;
		for (j = 0; j < k; j++) {
			idx++;
			xor_block(off, off, o->l[ntz(idx)]);
			memcpy(offs + j * B, off, B);
			xor_block(tmp + j * B, in + (done + j) * B, off);
			if (!decrypt) {
				xor_block(sum, sum, in + (done + j) * B);
			}
		}
		if (decrypt) {
			crypto_aes_decrypt_blocks(&o->aes, tmp, k);
		} else {
			crypto_aes_encrypt_blocks(&o->aes, tmp, k);
		}
		for (j = 0; j < k; j++) {
			xor_block(out + (done + j) * B, tmp + j * B, offs + j * B);
			if (decrypt) {
				xor_block(sum, sum, out + (done + j) * B);
			}
		}
		done += k;
	}
	if (rem > 0) {
		/* Offset_* = Offset_m xor L_*; Pad = ENCIPHER(K, Offset_*) */
		xor_block(off, off, o->l_star);
		memcpy(tmp, off, B);
		crypto_aes_encrypt_blocks(&o->aes, tmp, 1);
		/* Checksum_* = Checksum_m xor (P_* || 1 || zeros) */
		memset(tmp + B, 0, B);
		memcpy(tmp + B, in + full * B, rem);	/* before an in-place write */
		for (j = 0; j < rem; j++) {
			out[full * B + j] = in[full * B + j] ^ tmp[j];
		}
		if (decrypt) {
			memcpy(tmp + B, out + full * B, rem);
		}
		tmp[B + rem] = 0x80;
		xor_block(sum, sum, tmp + B);
	}
	/* Tag = ENCIPHER(K, Checksum_* xor Offset_* xor L_$) xor HASH(K,A) */
	xor_block(tmp, sum, off);
	xor_block(tmp, tmp, o->l_dollar);
	crypto_aes_encrypt_blocks(&o->aes, tmp, 1);
	hash_ad(o, ad, adlen, hash);
	xor_block(tag, tmp, hash);
	crypto_wipe(tmp, sizeof(tmp));
	crypto_wipe(offs, sizeof(offs));
	crypto_wipe(off, sizeof(off));
	crypto_wipe(sum, sizeof(sum));
}

int
crypto_ocb_seal(const struct crypto_ocb *o,
    const uint8_t nonce[CRYPTO_OCB_NONCE_LEN], const uint8_t *ad, size_t adlen,
    const uint8_t *in, size_t n, uint8_t *out)
{
	uint8_t tag[B];

	ocb_crypt(o, 0, nonce, ad, adlen, in, n, out, tag);
	memcpy(out + n, tag, B);
	return 0;
}

int
crypto_ocb_open(const struct crypto_ocb *o,
    const uint8_t nonce[CRYPTO_OCB_NONCE_LEN], const uint8_t *ad, size_t adlen,
    const uint8_t *in, size_t n, uint8_t *out)
{
	uint8_t tag[B];
	unsigned diff = 0;
	size_t i;

	if (n < B) {
		return CORE_E_TRUNC;
	}
	n -= B;
	ocb_crypt(o, 1, nonce, ad, adlen, in, n, out, tag);
	/* in[n..n+16) is untouched even when out == in: out ends at n */
	for (i = 0; i < B; i++) {
		diff |= (unsigned)(tag[i] ^ in[n + i]);
	}
	crypto_wipe(tag, sizeof(tag));
	if (diff != 0) {
		crypto_wipe(out, n);	/* zeros: nothing unauthenticated escapes */
		return CORE_E_AUTH;
	}
	return 0;
}
