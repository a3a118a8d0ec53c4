/*
 * crypto/key.c - session key parse/format/generate.
 *
 * The 22nd character carries only the top 2 bits of the last byte; the
 * other 4 bits it encodes must be zero, so it is one of "AQgw".  Checking
 * that directly gives a better message than re-encoding and comparing.
 */
#include <string.h>

#include "core/base64.h"
#include "core/err.h"
#include "core/random.h"
#include "crypto/key.h"

static const char b64chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int
crypto_key_parse(const char *s, uint8_t key[CRYPTO_KEY_LEN],
    enum crypto_key_error *why, int *pos)
{
	char padded[CRYPTO_KEY_B64_LEN + 3];
	enum crypto_key_error e = CRYPTO_KEY_OK;
	int i, at = -1;
	long n;

	if (strlen(s) != CRYPTO_KEY_B64_LEN) {
		e = CRYPTO_KEY_BAD_LENGTH;
	}
	for (i = 0; e == CRYPTO_KEY_OK && i < CRYPTO_KEY_B64_LEN; i++) {
		if (s[i] == '\0' || strchr(b64chars, s[i]) == NULL) {
			e = CRYPTO_KEY_BAD_CHAR;
			at = i;
		}
	}
	if (e == CRYPTO_KEY_OK && strchr("AQgw", s[CRYPTO_KEY_B64_LEN - 1]) == NULL) {
		e = CRYPTO_KEY_BAD_LAST;
		at = CRYPTO_KEY_B64_LEN - 1;
	}
	if (e == CRYPTO_KEY_OK) {
		memcpy(padded, s, CRYPTO_KEY_B64_LEN);
		memcpy(padded + CRYPTO_KEY_B64_LEN, "==", 3);
		n = core_base64_decode(padded, CRYPTO_KEY_B64_LEN + 2, key,
		    CRYPTO_KEY_LEN);
		if (n != CRYPTO_KEY_LEN) {
			e = CRYPTO_KEY_BAD_CHAR;	/* unreachable after the checks */
		}
	}
	if (why != NULL) {
		*why = e;
	}
	if (pos != NULL) {
		*pos = at;
	}
	return e == CRYPTO_KEY_OK ? 0 : CORE_E_BADMSG;
}

void
crypto_key_format(const uint8_t key[CRYPTO_KEY_LEN],
    char out[CRYPTO_KEY_B64_LEN + 1])
{
	char full[CORE_BASE64_LEN(CRYPTO_KEY_LEN) + 1];

	core_base64_encode(key, CRYPTO_KEY_LEN, full);
	memcpy(out, full, CRYPTO_KEY_B64_LEN);
	out[CRYPTO_KEY_B64_LEN] = '\0';
}

int
crypto_key_generate(uint8_t key[CRYPTO_KEY_LEN])
{
	return core_random(key, CRYPTO_KEY_LEN);
}

const char *
crypto_key_strerror(enum crypto_key_error why)
{
	switch (why) {
	case CRYPTO_KEY_OK:
		return "valid key";
	case CRYPTO_KEY_BAD_LENGTH:
		return "key must be exactly 22 characters long";
	case CRYPTO_KEY_BAD_CHAR:
		return "key must be base64 (A-Z, a-z, 0-9, + and /)";
	case CRYPTO_KEY_BAD_LAST:
		return "last character must be one of A, Q, g or w "
		    "(the key is not an encoded 128-bit key)";
	}
	return "invalid key";
}
