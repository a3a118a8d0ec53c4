/*
 * crypto/fortify_shim.c - link shims for Debian's libbearssl.a under musl.
 *
 * Debian compiles BearSSL with _FORTIFY_SOURCE, so its objects call glibc's
 * checked variants (__memcpy_chk and friends), which musl does not provide.
 * These forward to the plain functions after the same bounds check glibc
 * does.  Not compiled against glibc, which has the real ones.
 */
#include "crypto/br.h"

/*
 * A static link pulls this object out of libmosh.a only if something
 * refers to it before libbearssl.a is scanned: every crypto module that
 * calls BearSSL calls this (empty) function for that reason.
 */
void
crypto_fortify_shim_link(void)
{
}

#if !defined(__GLIBC__)
#include <stddef.h>
#include <string.h>

#include "core/log.h"

void *__memcpy_chk(void *d, const void *s, size_t n, size_t dlen);
void *__memmove_chk(void *d, const void *s, size_t n, size_t dlen);
void *__memset_chk(void *d, int c, size_t n, size_t dlen);

void *
__memcpy_chk(void *d, const void *s, size_t n, size_t dlen)
{
	CORE_ASSERT(n <= dlen);
	return memcpy(d, s, n);
}

void *
__memmove_chk(void *d, const void *s, size_t n, size_t dlen)
{
	CORE_ASSERT(n <= dlen);
	return memmove(d, s, n);
}

void *
__memset_chk(void *d, int c, size_t n, size_t dlen)
{
	CORE_ASSERT(n <= dlen);
	return memset(d, c, n);
}
#endif
