/*
 * core/random.h - random bytes from the operating system.
 *
 * getrandom(2) first (blocking until the kernel pool is initialised), then
 * /dev/urandom for kernels without it.  Failure is reported, never papered
 * over with weaker randomness.
 */
#ifndef CORE_RANDOM_H
#define CORE_RANDOM_H

#include <stddef.h>

/* Fills buf with n random bytes: 0 or CORE_E_SYS (errno set). */
int core_random(void *buf, size_t n);

#endif
