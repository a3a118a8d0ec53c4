/*
 * core/clock.c - CLOCK_MONOTONIC in ms and us.
 */
#include <time.h>

#include "core/clock.h"

uint64_t
core_now_us(void)
{
	struct timespec ts;

	/* CLOCK_MONOTONIC cannot fail on Linux with a valid pointer. */
	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

uint64_t
core_now_ms(void)
{
	return core_now_us() / 1000u;
}
