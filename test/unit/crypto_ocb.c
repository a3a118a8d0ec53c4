/*
 * test/unit/crypto_ocb.c - AES-128-OCB3 against RFC 7253 Appendix A, on
 * every AES back end this CPU can run; plus tampering, the session block
 * limit and the DRBG wrapper.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "crypto/ocb.h"
#include "crypto/rand.h"
#include "crypto/session.h"
#include "test/harness.h"

/*
 * RFC 7253 Appendix A, AEAD_AES_128_OCB_TAGLEN128 samples: key
 * 000102..0F, nonce BBAA99887766554433221100 + i, A and P are prefixes of
 * 00 01 02 ... of the given lengths; C is ciphertext || tag.
 */
static const struct {
	unsigned alen, plen;
	const char *c;
} rfc[] = {
	{ 0, 0, "785407BFFFC8AD9EDCC5520AC9111EE6" },
	{ 8, 8, "6820B3657B6F615A5725BDA0D3B4EB3A257C9AF1F8F03009" },
	{ 8, 0, "81017F8203F081277152FADE694A0A00" },
	{ 0, 8, "45DD69F8F5AAE72414054CD1F35D82760B2CD00D2F99BFA9" },
	{ 16, 16, "571D535B60B277188BE5147170A9A22C3AD7A4FF3835B8C5701C1CCEC8FC3358" },
	{ 16, 0, "8CF761B6902EF764462AD86498CA6B97" },
	{ 0, 16, "5CE88EC2E0692706A915C00AEB8B2396F40E1C743F52436BDF06D8FA1ECA343D" },
	{ 24, 24, "1CA2207308C87C010756104D8840CE1952F09673A448A122"
	    "C92C62241051F57356D7F3C90BB0E07F" },
	{ 24, 0, "6DC225A071FC1B9F7C69F93B0F1E10DE" },
	{ 0, 24, "221BD0DE7FA6FE993ECCD769460A0AF2D6CDED0C395B1C3C"
	    "E725F32494B9F914D85C0B1EB38357FF" },
	{ 32, 32, "BD6F6C496201C69296C11EFD138A467ABD3C707924B964DE"
	    "AFFC40319AF5A48540FBBA186C5553C68AD9F592A79A4240" },
	{ 32, 0, "FE80690BEE8A485D11F32965BC9D2A32" },
	{ 0, 32, "2942BFC773BDA23CABC6ACFD9BFD5835BD300F0973792EF4"
	    "6040C53F1432BCDFB5E1DDE3BC18A5F840B52E653444D5DF" },
	{ 40, 40, "D5CA91748410C1751FF8A2F618255B68A0A12E093FF45460"
	    "6E59F9C1D0DDC54B65E8628E568BAD7AED07BA06A4A69483"
	    "A7035490C5769E60" },
	{ 40, 0, "C5CD9D1850C141E358649994EE701B68" },
	{ 0, 40, "4412923493C57D5DE0D700F753CCE0D1D2D95060122E9F15"
	    "A5DDBFC5787E50B5CC55EE507BCB084E479AD363AC366B95"
	    "A98CA5F3000B1479" },
};

/* RFC 7253 Appendix A, the iterative check: AEAD_AES_128_OCB_TAGLEN128 */
static const char rfc_iter_out[] = "67E944D23256C5E0B6C61FA22FDF1EA2";

static enum crypto_aes_impl impls[2];
static size_t nimpls;

static void
pick_impls(void)
{
	static int done;

	if (done) {
		return;
	}
	done = 1;
	impls[nimpls++] = CRYPTO_AES_CT64;
	if (crypto_aes_have_x86ni()) {
		impls[nimpls++] = CRYPTO_AES_X86NI;
	}
	printf("    AES back ends tested: ct64%s\n",
	    nimpls > 1 ? ", x86ni" : " (no AES-NI on this CPU: x86ni skipped)");
}

static void
rfc_nonce(uint8_t n[12], unsigned i)
{
	static const uint8_t base[12] = { 0xBB, 0xAA, 0x99, 0x88, 0x77, 0x66,
	    0x55, 0x44, 0x33, 0x22, 0x11, 0x00 };

	memcpy(n, base, 12);
	n[11] = (uint8_t)i;
}

static void
rfc_key(uint8_t k[16])
{
	unsigned i;

	for (i = 0; i < 16; i++) {
		k[i] = (uint8_t)i;
	}
}

static void
rfc_samples(void)
{
	uint8_t key[16], nonce[12], s[64], want[80], got[80], back[64];
	struct crypto_ocb o;
	size_t i, k;
	long wl;

	pick_impls();
	rfc_key(key);
	for (i = 0; i < sizeof(s); i++) {
		s[i] = (uint8_t)i;
	}
	for (k = 0; k < nimpls; k++) {
		CHECK_INT(0, crypto_ocb_init(&o, key, impls[k]));
		CHECK_INT(impls[k], o.aes.impl);
		for (i = 0; i < sizeof(rfc) / sizeof(rfc[0]); i++) {
			rfc_nonce(nonce, (unsigned)i);
			wl = test_unhex(rfc[i].c, want, sizeof(want));
			CHECK_INT(rfc[i].plen + 16, wl);
			memset(got, 0xee, sizeof(got));
			CHECK_INT(0, crypto_ocb_seal(&o, nonce, s, rfc[i].alen, s,
			    rfc[i].plen, got));
			CHECK_MEM(want, (size_t)wl, got, rfc[i].plen + 16);
			memset(back, 0xee, sizeof(back));
			CHECK_INT(0, crypto_ocb_open(&o, nonce, s, rfc[i].alen, want,
			    (size_t)wl, back));
			CHECK_MEM(s, rfc[i].plen, back, rfc[i].plen);
			/* in place, both ways */
			memcpy(got, s, rfc[i].plen);
			CHECK_INT(0, crypto_ocb_seal(&o, nonce, s, rfc[i].alen, got,
			    rfc[i].plen, got));
			CHECK_MEM(want, (size_t)wl, got, rfc[i].plen + 16);
			CHECK_INT(0, crypto_ocb_open(&o, nonce, s, rfc[i].alen, got,
			    (size_t)wl, got));
			CHECK_MEM(s, rfc[i].plen, got, rfc[i].plen);
		}
		crypto_ocb_fini(&o);
	}
}

static void
rfc_iterative(void)
{
	/* 128 rounds of 3 encryptions: 22,400 bytes of C in total */
	enum { CLEN = 22400 };
	uint8_t key[16], nonce[12], s[128], tag[16], want[16];
	uint8_t *c = malloc(CLEN + 16);
	struct crypto_ocb o;
	size_t pos, k;
	unsigned i;

	pick_impls();
	CHECK(c != NULL);
	test_unhex(rfc_iter_out, want, sizeof(want));
	memset(key, 0, sizeof(key));
	key[15] = 128;	/* K = zeros(KEYLEN-8) || num2str(TAGLEN,8) */
	memset(s, 0, sizeof(s));
	for (k = 0; c != NULL && k < nimpls; k++) {
		CHECK_INT(0, crypto_ocb_init(&o, key, impls[k]));
		pos = 0;
		for (i = 0; i < 128; i++) {
			memset(nonce, 0, 12);
			core_st_be32(nonce + 8, 3 * i + 1);
			crypto_ocb_seal(&o, nonce, s, i, s, i, c + pos);
			pos += i + 16;
			core_st_be32(nonce + 8, 3 * i + 2);
			crypto_ocb_seal(&o, nonce, NULL, 0, s, i, c + pos);
			pos += i + 16;
			core_st_be32(nonce + 8, 3 * i + 3);
			crypto_ocb_seal(&o, nonce, s, i, NULL, 0, c + pos);
			pos += 16;
		}
		CHECK_INT(CLEN, pos);
		memset(nonce, 0, 12);
		core_st_be32(nonce + 8, 385);
		crypto_ocb_seal(&o, nonce, c, pos, NULL, 0, tag);
		CHECK_MEM(want, 16, tag, 16);
		crypto_ocb_fini(&o);
	}
	free(c);
}

/* Every single-bit change of ciphertext, tag or nonce is refused. */
static void
bit_flips(void)
{
	uint8_t key[16], nonce[12], s[40], ct[56], bad[56], out[40];
	struct crypto_ocb o;
	size_t bit, k, i;
	int zero;

	pick_impls();
	rfc_key(key);
	for (i = 0; i < sizeof(s); i++) {
		s[i] = (uint8_t)(i * 7 + 1);
	}
	for (k = 0; k < nimpls; k++) {
		crypto_ocb_init(&o, key, impls[k]);
		rfc_nonce(nonce, 0x0F);
		crypto_ocb_seal(&o, nonce, NULL, 0, s, sizeof(s), ct);
		for (bit = 0; bit < sizeof(ct) * 8; bit++) {
			memcpy(bad, ct, sizeof(ct));
			bad[bit / 8] ^= (uint8_t)(1u << (bit % 8));
			memset(out, 0xaa, sizeof(out));
			CHECK_INT(CORE_E_AUTH, crypto_ocb_open(&o, nonce, NULL, 0, bad,
			    sizeof(bad), out));
			for (zero = 1, i = 0; i < sizeof(out); i++) {
				zero &= out[i] == 0;
			}
			CHECK(zero);
		}
		for (bit = 0; bit < 96; bit++) {
			nonce[bit / 8] ^= (uint8_t)(1u << (bit % 8));
			CHECK_INT(CORE_E_AUTH, crypto_ocb_open(&o, nonce, NULL, 0, ct,
			    sizeof(ct), out));
			nonce[bit / 8] ^= (uint8_t)(1u << (bit % 8));
		}
		/* associated data that was not there */
		CHECK_INT(CORE_E_AUTH, crypto_ocb_open(&o, nonce, s, 1, ct,
		    sizeof(ct), out));
		CHECK_INT(0, crypto_ocb_open(&o, nonce, NULL, 0, ct, sizeof(ct), out));
		CHECK_MEM(s, sizeof(s), out, sizeof(out));
		for (i = 0; i < 16; i++) {
			CHECK_INT(CORE_E_TRUNC, crypto_ocb_open(&o, nonce, NULL, 0, ct,
			    i, out));
		}
		crypto_ocb_fini(&o);
	}
}

/* The back ends agree on every length 0..300 and round-trip. */
static void
backends_agree(void)
{
	uint8_t key[16], nonce[12], p[300], a[316], b[316], back[300];
	struct crypto_ocb o1, o2;
	struct crypto_rand r;
	size_t n;

	pick_impls();
	crypto_rand_init_seeded(&r, "agree", 5);
	crypto_rand_bytes(&r, key, sizeof(key));
	crypto_rand_bytes(&r, p, sizeof(p));
	crypto_ocb_init(&o1, key, CRYPTO_AES_CT64);
	crypto_ocb_init(&o2, key, impls[nimpls - 1]);
	for (n = 0; n <= sizeof(p); n++) {
		crypto_rand_bytes(&r, nonce, sizeof(nonce));
		crypto_ocb_seal(&o1, nonce, p, n % 37, p, n, a);
		crypto_ocb_seal(&o2, nonce, p, n % 37, p, n, b);
		CHECK_MEM(a, n + 16, b, n + 16);
		CHECK_INT(0, crypto_ocb_open(&o2, nonce, p, n % 37, a, n + 16, back));
		CHECK_MEM(p, n, back, n);
		CHECK_INT(0, crypto_ocb_open(&o1, nonce, p, n % 37, b, n + 16, back));
	}
	crypto_ocb_fini(&o1);
	crypto_ocb_fini(&o2);
	crypto_rand_fini(&r);
}

static void
forced_backend(void)
{
	uint8_t key[16] = { 0 };
	struct crypto_aes a;

	CHECK_INT(0, crypto_aes_init(&a, key, CRYPTO_AES_CT64));
	CHECK_STR("ct64", crypto_aes_impl_name(&a));
	CHECK_INT(0, crypto_aes_init(&a, key, CRYPTO_AES_AUTO));
	CHECK_STR(crypto_aes_have_x86ni() ? "x86ni" : "ct64",
	    crypto_aes_impl_name(&a));
	CHECK_INT(crypto_aes_have_x86ni() ? 0 : CORE_E_UNSUPPORTED,
	    crypto_aes_init(&a, key, CRYPTO_AES_X86NI));
	CHECK_INT(CORE_E_INVAL, crypto_aes_init(&a, key, (enum crypto_aes_impl)7));
	crypto_aes_fini(&a);
}

/* FIPS-197 Appendix C.1 (AES-128): one known block both ways, many wide. */
static void
aes_blocks(void)
{
	uint8_t key[16], pt[16], want[16], buf[16 * 40];
	struct crypto_aes a;
	size_t k, i;

	pick_impls();
	rfc_key(key);
	test_unhex("00112233445566778899aabbccddeeff", pt, 16);
	test_unhex("69c4e0d86a7b0430d8cdb78070b4c55a", want, 16);
	for (k = 0; k < nimpls; k++) {
		crypto_aes_init(&a, key, impls[k]);
		for (i = 0; i < 40; i++) {
			memcpy(buf + 16 * i, pt, 16);
			buf[16 * i] ^= (uint8_t)i;
		}
		crypto_aes_encrypt_blocks(&a, buf, 40);
		CHECK_MEM(want, 16, buf, 16);
		crypto_aes_decrypt_blocks(&a, buf, 40);
		for (i = 0; i < 40; i++) {
			buf[16 * i] ^= (uint8_t)i;
			CHECK_MEM(pt, 16, buf + 16 * i, 16);
		}
		crypto_aes_fini(&a);
	}
}

static void
session_limit(void)
{
	uint8_t key[16] = { 1 }, nonce[12] = { 0 }, p[33] = { 0 }, c[49];
	struct crypto_session s;

	CHECK_INT(0, crypto_session_init(&s, key, CRYPTO_AES_AUTO));
	CHECK_INT(0, crypto_session_seal(&s, nonce, p, 17, c));
	CHECK_U64(2, s.blocks);	/* a partial block counts as one */
	CHECK_INT(0, crypto_session_seal(&s, nonce, p, 0, c));
	CHECK_U64(2, s.blocks);
	CHECK_INT(0, crypto_session_seal(&s, nonce, p, 32, c));
	CHECK_U64(4, s.blocks);
	CHECK_INT(0, crypto_session_open(&s, nonce, c, 48, p));
	s.blocks = CRYPTO_SESSION_BLOCK_LIMIT - 3;
	CHECK_INT(0, crypto_session_seal(&s, nonce, p, 32, c));
	CHECK_U64(CRYPTO_SESSION_BLOCK_LIMIT - 1, s.blocks);
	/* one more block would reach 2^47: refused, and for good */
	CHECK_INT(CORE_E_EXHAUSTED, crypto_session_seal(&s, nonce, p, 1, c));
	CHECK_INT(CORE_E_EXHAUSTED, crypto_session_seal(&s, nonce, p, 0, c));
	CHECK_U64(CRYPTO_SESSION_BLOCK_LIMIT - 1, s.blocks);
	crypto_session_fini(&s);
}

static void
drbg(void)
{
	struct crypto_rand a, b;
	uint8_t x[100], y[100];
	unsigned seen[17] = { 0 }, i;
	uint32_t v;

	crypto_rand_init_seeded(&a, "seed", 4);
	crypto_rand_init_seeded(&b, "seed", 4);
	crypto_rand_bytes(&a, x, sizeof(x));
	crypto_rand_bytes(&b, y, sizeof(y));
	CHECK_MEM(x, sizeof(x), y, sizeof(y));
	crypto_rand_bytes(&b, y, sizeof(y));
	CHECK(memcmp(x, y, sizeof(x)) != 0);	/* the stream moves on */
	crypto_rand_init_seeded(&b, "seeD", 4);
	crypto_rand_bytes(&b, y, sizeof(y));
	CHECK(memcmp(x, y, sizeof(x)) != 0);
	for (i = 0; i < 2000; i++) {
		v = crypto_rand_below(&a, 17);
		CHECK(v < 17);
		seen[v < 17 ? v : 0]++;
	}
	for (i = 0; i < 17; i++) {
		CHECK(seen[i] > 50);	/* expectation 117.6: all values occur */
	}
	CHECK_INT(0, crypto_rand_below(&a, 1));
	CHECK_INT(0, crypto_rand_init(&b));
	crypto_rand_bytes(&b, y, sizeof(y));
	CHECK(memcmp(x, y, sizeof(x)) != 0);
	crypto_rand_fini(&a);
	crypto_rand_fini(&b);
}

static const struct test tests[] = {
	T(rfc_samples), T(rfc_iterative), T(bit_flips), T(backends_agree),
	T(forced_backend), T(aes_blocks), T(session_limit), T(drbg),
};
TEST_MAIN(tests)
