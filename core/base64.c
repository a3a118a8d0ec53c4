/*
 * core/base64.c - RFC 4648 base64 without tables larger than the alphabet.
 */
#include "core/base64.h"
#include "core/err.h"

static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void
core_base64_encode(const uint8_t *in, size_t n, char *out)
{
	size_t i;
	uint32_t v;

	for (i = 0; i + 3 <= n; i += 3) {
		v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
		*out++ = alphabet[v >> 18];
		*out++ = alphabet[v >> 12 & 63];
		*out++ = alphabet[v >> 6 & 63];
		*out++ = alphabet[v & 63];
	}
	if (n - i == 1) {
		v = (uint32_t)in[i] << 16;
		*out++ = alphabet[v >> 18];
		*out++ = alphabet[v >> 12 & 63];
		*out++ = '=';
		*out++ = '=';
	} else if (n - i == 2) {
		v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8;
		*out++ = alphabet[v >> 18];
		*out++ = alphabet[v >> 12 & 63];
		*out++ = alphabet[v >> 6 & 63];
		*out++ = '=';
	}
	*out = '\0';
}

static int
value(char c)
{
	if (c >= 'A' && c <= 'Z') {
		return c - 'A';
	}
	if (c >= 'a' && c <= 'z') {
		return c - 'a' + 26;
	}
	if (c >= '0' && c <= '9') {
		return c - '0' + 52;
	}
	if (c == '+') {
		return 62;
	}
	if (c == '/') {
		return 63;
	}
	return -1;
}

long
core_base64_decode(const char *in, size_t len, uint8_t *out, size_t outmax)
{
	size_t i, n = 0;
	int k, pad, d[4];
	uint32_t v;

	if (len % 4 != 0) {
		return CORE_E_BADMSG;
	}
	for (i = 0; i < len; i += 4) {
		pad = 0;
		for (k = 0; k < 4; k++) {
			if (in[i + k] == '=' && i + 4 == len && k >= 2) {
				d[k] = 0;
				pad++;
			} else if (pad > 0 || (d[k] = value(in[i + k])) < 0) {
				return CORE_E_BADMSG;
			}
		}
		v = (uint32_t)d[0] << 18 | (uint32_t)d[1] << 12 |
		    (uint32_t)d[2] << 6 | (uint32_t)d[3];
		if (n + 3 - (size_t)pad > outmax) {
			return CORE_E_LIMIT;
		}
		out[n++] = (uint8_t)(v >> 16);
		if (pad < 2) {
			out[n++] = (uint8_t)(v >> 8);
		}
		if (pad < 1) {
			out[n++] = (uint8_t)v;
		}
	}
	return (long)n;
}
