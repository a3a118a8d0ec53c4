/*
 * core/utf8.h - incremental UTF-8 decoder and encoder.
 *
 * The decoder takes one byte at a time (the terminal parser feeds it from
 * its ground state) and never desynchronises: an ill-formed sequence turns
 * into U+FFFD following the Unicode "maximal subpart" practice (Unicode
 * 15.0 section 3.9, "U+FFFD Substitution of Maximal Subparts"): each
 * maximal prefix of a well-formed sequence that is cut short yields one
 * U+FFFD, and the byte that cut it short is decoded afresh.  Overlong
 * forms, surrogates (ED A0..BF) and code points above U+10FFFF are
 * rejected at the byte where they become impossible.  The decoder state is
 * a plain struct with no heap; zero-initialising it is a valid reset.
 */
#ifndef CORE_UTF8_H
#define CORE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define CORE_UTF8_REPLACEMENT 0xFFFDu
#define CORE_UTF8_MAX 4		/* bytes in one encoded code point */

struct core_utf8 {
	uint32_t cp;	/* bits gathered so far */
	uint8_t need;	/* continuation bytes still expected (0 = idle) */
	uint8_t lo, hi;	/* allowed range of the next continuation byte */
};

/* Resets the decoder (drops any partial sequence silently). */
static inline void
core_utf8_init(struct core_utf8 *d)
{
	d->cp = 0;
	d->need = 0;
	d->lo = 0x80;
	d->hi = 0xBF;
}

/* Nonzero while the decoder holds an unfinished multi-byte sequence. */
static inline int
core_utf8_pending(const struct core_utf8 *d)
{
	return d->need != 0;
}

/*
 * Feeds one byte.  Writes the code points it completes into out[] and
 * returns how many: 0 (sequence continues), 1, or 2 (a U+FFFD for an
 * interrupted sequence followed by the interrupting byte's own result,
 * e.g. an ASCII byte).  Never fails.
 */
int core_utf8_feed(struct core_utf8 *d, uint8_t b, uint32_t out[2]);

/*
 * Ends the stream: returns 1 and stores U+FFFD in *out if a partial
 * sequence was pending (and resets), else returns 0.
 */
int core_utf8_flush(struct core_utf8 *d, uint32_t *out);

/*
 * Encodes cp into out (at least CORE_UTF8_MAX bytes) and returns the byte
 * count (1..4).  Surrogates and values above U+10FFFF encode as U+FFFD.
 */
size_t core_utf8_encode(uint32_t cp, uint8_t *out);

#endif
