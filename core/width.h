/*
 * core/width.h - terminal character widths from our own Unicode table.
 *
 * Both ends of a session use this table, so client and server always agree
 * on where a character ends; the C library's wcwidth() and the locale are
 * never consulted.  The rules (East Asian Wide/Fullwidth and emoji
 * presentation = 2, combining and format characters = 0, everything else
 * 1) are spelled out in scripts/gen-width.py, which generated
 * core/width_table.h from Debian's unicode-data files.
 */
#ifndef CORE_WIDTH_H
#define CORE_WIDTH_H

#include <stdint.h>

/* The Unicode version the table was generated from, e.g. "15.0.0". */
const char *core_width_unicode_version(void);

/*
 * Columns code point cp takes: 0 (combining mark or format character: it
 * attaches to the preceding character), 1 or 2.  Any value is accepted;
 * controls, unassigned code points and values above U+10FFFF give 1.
 */
int core_width_slow(uint32_t cp);

static inline int
core_width(uint32_t cp)
{
	/* U+0300 is the first code point whose width is not 1. */
	return cp < 0x300 ? 1 : core_width_slow(cp);
}

#endif
