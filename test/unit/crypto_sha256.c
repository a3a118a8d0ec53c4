/*
 * test/unit/crypto_sha256.c - SHA-256 against the FIPS 180-4 examples and
 * incremental hashing against one-shot.
 */
#include <string.h>

#include "crypto/sha256.h"
#include "test/harness.h"

static void
hex_of(const char *msg, size_t n, char hex[65])
{
	uint8_t d[CRYPTO_SHA256_LEN];

	crypto_sha256(msg, n, d);
	crypto_sha256_hex(d, hex);
}

static void
fips_vectors(void)
{
	char hex[65];

	hex_of("", 0, hex);
	CHECK_STR("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex);
	hex_of("abc", 3, hex);
	CHECK_STR("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex);
	hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	CHECK_STR("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", hex);
}

static void
incremental_matches_oneshot(void)
{
	static char buf[3000];
	uint8_t a[CRYPTO_SHA256_LEN], b[CRYPTO_SHA256_LEN];
	struct crypto_sha256 c;
	size_t i, step;

	for (i = 0; i < sizeof buf; i++) {
		buf[i] = (char)(i * 7 + 3);
	}
	crypto_sha256(buf, sizeof buf, a);
	for (step = 1; step < 200; step += 37) {
		crypto_sha256_init(&c);
		for (i = 0; i < sizeof buf; i += step) {
			crypto_sha256_update(&c, buf + i,
			    i + step > sizeof buf ? sizeof buf - i : step);
		}
		crypto_sha256_final(&c, b);
		CHECK_MEM(a, sizeof a, b, sizeof b);
	}
	buf[1500] ^= 1;
	crypto_sha256(buf, sizeof buf, b);
	CHECK_INT(1, memcmp(a, b, sizeof a) != 0);
}

static const struct test tests[] = {
	T(fips_vectors),
	T(incremental_matches_oneshot),
};

TEST_MAIN(tests)
