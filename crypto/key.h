/*
 * crypto/key.h - the mosh session key: 16 bytes (AES-128), printed as the
 * 22 characters of its standard base64 form without the "==" padding
 * (PROTOCOL.md section 2).
 */
#ifndef CRYPTO_KEY_H
#define CRYPTO_KEY_H

#include <stdint.h>

#define CRYPTO_KEY_LEN 16
#define CRYPTO_KEY_B64_LEN 22

/* Why a printable key was refused. */
enum crypto_key_error {
	CRYPTO_KEY_OK = 0,
	CRYPTO_KEY_BAD_LENGTH,	/* not exactly 22 characters */
	CRYPTO_KEY_BAD_CHAR,	/* a character outside A-Za-z0-9+/ */
	CRYPTO_KEY_BAD_LAST	/* 22nd character not one of A Q g w */
};

/*
 * Parses a printable key into 16 bytes.  Returns 0 or CORE_E_BADMSG; if
 * why is not NULL it receives the reason, and *pos the 0-based offset of
 * the offending character (for BAD_CHAR / BAD_LAST).
 */
int crypto_key_parse(const char *s, uint8_t key[CRYPTO_KEY_LEN],
    enum crypto_key_error *why, int *pos);
/* Writes the 22-character form and a NUL into out[23]. */
void crypto_key_format(const uint8_t key[CRYPTO_KEY_LEN],
    char out[CRYPTO_KEY_B64_LEN + 1]);
/* A fresh key from the OS. 0 or CORE_E_SYS. */
int crypto_key_generate(uint8_t key[CRYPTO_KEY_LEN]);
/* One-line English description of a parse error (static string). */
const char *crypto_key_strerror(enum crypto_key_error why);

#endif
