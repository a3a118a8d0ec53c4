/*
 * crypto/wipe.h - clearing secrets from stack buffers on the hot path.
 *
 * core_burn() stores byte by byte through a volatile pointer, which cost
 * more than the AES-NI work itself in OCB.  This is memset followed by a
 * compiler barrier that claims to read the memory, so the stores cannot
 * be dropped as dead.
 */
#ifndef CRYPTO_WIPE_H
#define CRYPTO_WIPE_H

#include <stddef.h>
#include <string.h>

static inline void
crypto_wipe(void *p, size_t n)
{
	memset(p, 0, n);
	__asm__ __volatile__("" : : "r"(p) : "memory");
}

#endif
