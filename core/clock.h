/*
 * core/clock.h - the monotonic millisecond clock.
 *
 * Only applets and the event loop read the clock; protocol engines are
 * handed "now" so tests can drive them with a fake one.
 */
#ifndef CORE_CLOCK_H
#define CORE_CLOCK_H

#include <stdint.h>

/* Milliseconds since an arbitrary fixed point (CLOCK_MONOTONIC). */
uint64_t core_now_ms(void);
/* The same in microseconds, for measurements. */
uint64_t core_now_us(void);

#endif
