/*
 * Unit tests: crypto/key (the 22-character session key).
 */
#include "core/err.h"
#include "crypto/key.h"
#include "test/harness.h"

static void
parses_captured_key(void)
{
	/* PROTOCOL.md section 2: the key from the captures. */
	static const uint8_t want[16] = {
		0x32, 0x42, 0xd9, 0x3d, 0xa5, 0xdb, 0x69, 0xc7,
		0x2d, 0xe2, 0x99, 0x50, 0x00, 0x4e, 0xaa, 0x02
	};
	uint8_t k[16];
	char s[23];

	CHECK_INT(0, crypto_key_parse("MkLZPaXbacct4plQAE6qAg", k, NULL, NULL));
	CHECK_MEM(want, 16, k, 16);
	crypto_key_format(k, s);
	CHECK_STR("MkLZPaXbacct4plQAE6qAg", s);
}

static void
rejects_with_reason(void)
{
	enum crypto_key_error why;
	uint8_t k[16];
	int pos;

	CHECK_INT(CORE_E_BADMSG, crypto_key_parse("", k, &why, &pos));
	CHECK_INT(CRYPTO_KEY_BAD_LENGTH, why);
	CHECK_INT(CORE_E_BADMSG, crypto_key_parse("MkLZPaXbacct4plQAE6qAg==", k, &why, &pos));
	CHECK_INT(CRYPTO_KEY_BAD_LENGTH, why);
	CHECK_INT(CORE_E_BADMSG, crypto_key_parse("MkLZPaXbacct4plQAE6qA", k, &why, &pos));
	CHECK_INT(CRYPTO_KEY_BAD_LENGTH, why);
	CHECK_INT(CORE_E_BADMSG, crypto_key_parse("MkLZPaXb-cct4plQAE6qAg", k, &why, &pos));
	CHECK_INT(CRYPTO_KEY_BAD_CHAR, why);
	CHECK_INT(8, pos);
	CHECK_INT(CORE_E_BADMSG, crypto_key_parse("MkLZPaXbacct4plQAE6qA=", k, &why, &pos));
	CHECK_INT(CRYPTO_KEY_BAD_CHAR, why);
	CHECK_INT(CORE_E_BADMSG, crypto_key_parse("MkLZPaXbacct4plQAE6qAh", k, &why, &pos));
	CHECK_INT(CRYPTO_KEY_BAD_LAST, why);
	CHECK_INT(21, pos);
	CHECK(crypto_key_strerror(CRYPTO_KEY_BAD_LAST)[0] != '\0');
}

static void
last_character_rule(void)
{
	/* Exactly A, Q, g, w may end a key: the 4 low bits must be zero. */
	static const char alphabet[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char s[23] = "AAAAAAAAAAAAAAAAAAAAAA";
	uint8_t k[16];
	int i, ok = 0;

	for (i = 0; i < 64; i++) {
		s[21] = alphabet[i];
		if (crypto_key_parse(s, k, NULL, NULL) == 0) {
			ok++;
			CHECK(strchr("AQgw", s[21]) != NULL);
		}
	}
	CHECK_INT(4, ok);
}

static void
generated_keys_round_trip(void)
{
	uint8_t k[16], k2[16], prev[16] = { 0 };
	char s[23];
	int i;

	for (i = 0; i < 200; i++) {
		CHECK_INT(0, crypto_key_generate(k));
		crypto_key_format(k, s);
		CHECK_INT(22, strlen(s));
		CHECK_INT(0, crypto_key_parse(s, k2, NULL, NULL));
		CHECK_MEM(k, 16, k2, 16);
		CHECK(memcmp(k, prev, 16) != 0);
		memcpy(prev, k, 16);
	}
}

static const struct test tests[] = {
	T(parses_captured_key), T(rejects_with_reason), T(last_character_rule),
	T(generated_keys_round_trip),
};
TEST_MAIN(tests)
