/*
 * crypto/session.c - OCB plus the 2^47-block usage limit (session.h).
 */
#include "core/buf.h"
#include "core/err.h"
#include "crypto/session.h"

int
crypto_session_init(struct crypto_session *s,
    const uint8_t key[CRYPTO_AES_KEY_LEN], enum crypto_aes_impl impl)
{
	s->blocks = 0;
	s->err = 0;
	return crypto_ocb_init(&s->ocb, key, impl);
}

void
crypto_session_fini(struct crypto_session *s)
{
	crypto_ocb_fini(&s->ocb);
	core_burn(s, sizeof(*s));
}

int
crypto_session_seal(struct crypto_session *s,
    const uint8_t nonce[CRYPTO_OCB_NONCE_LEN], const uint8_t *in, size_t n,
    uint8_t *out)
{
	uint64_t nb = (uint64_t)(n / CRYPTO_AES_BLOCK) +
	    (n % CRYPTO_AES_BLOCK != 0);

	if (s->err == 0 && (s->blocks >= CRYPTO_SESSION_BLOCK_LIMIT ||
	    nb >= CRYPTO_SESSION_BLOCK_LIMIT - s->blocks)) {
		s->err = CORE_E_EXHAUSTED;
	}
	if (s->err != 0) {
		return s->err;
	}
	s->blocks += nb;
	return crypto_ocb_seal(&s->ocb, nonce, NULL, 0, in, n, out);
}

int
crypto_session_open(const struct crypto_session *s,
    const uint8_t nonce[CRYPTO_OCB_NONCE_LEN], const uint8_t *in, size_t n,
    uint8_t *out)
{
	return crypto_ocb_open(&s->ocb, nonce, NULL, 0, in, n, out);
}
