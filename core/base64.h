/*
 * core/base64.h - standard base64 (RFC 4648 section 4, alphabet A-Za-z0-9+/).
 */
#ifndef CORE_BASE64_H
#define CORE_BASE64_H

#include <stddef.h>
#include <stdint.h>

/* Output length for n input bytes, with padding, without the NUL. */
#define CORE_BASE64_LEN(n) (((n) + 2) / 3 * 4)

/* Encodes n bytes into out (CORE_BASE64_LEN(n) + 1 bytes, NUL-terminated). */
void core_base64_encode(const uint8_t *in, size_t n, char *out);
/*
 * Decodes len characters (len a multiple of 4, '=' padding only at the end)
 * into out (at most outmax bytes).  Returns the byte count, CORE_E_BADMSG for
 * a character outside the alphabet or misplaced padding, CORE_E_LIMIT if out
 * is too small.
 */
long core_base64_decode(const char *in, size_t len, uint8_t *out, size_t outmax);

#endif
