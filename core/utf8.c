/*
 * core/utf8.c - UTF-8 decoding byte by byte, and encoding.
 *
 * The lead byte fixes how many continuation bytes follow and the range the
 * first of them may take (Unicode 15.0 table 3-7, "Well-Formed UTF-8 Byte
 * Sequences"); every later continuation byte is 80..BF.  Any byte outside
 * the expected range ends the partial sequence with one U+FFFD and is then
 * decoded as if the decoder were idle.
 */
#include "core/utf8.h"

/* Starts a sequence from lead byte b; returns the code points emitted. */
static int
lead(struct core_utf8 *d, uint8_t b, uint32_t *out)
{
	if (b < 0x80) {
		out[0] = b;
		return 1;
	}
	d->lo = 0x80;
	d->hi = 0xBF;
	if (b >= 0xC2 && b <= 0xDF) {
		d->need = 1;
		d->cp = b & 0x1Fu;
	} else if (b >= 0xE0 && b <= 0xEF) {
		d->need = 2;
		d->cp = b & 0x0Fu;
		if (b == 0xE0) {
			d->lo = 0xA0;	/* no overlong 3-byte forms */
		} else if (b == 0xED) {
			d->hi = 0x9F;	/* no surrogates */
		}
	} else if (b >= 0xF0 && b <= 0xF4) {
		d->need = 3;
		d->cp = b & 0x07u;
		if (b == 0xF0) {
			d->lo = 0x90;	/* no overlong 4-byte forms */
		} else if (b == 0xF4) {
			d->hi = 0x8F;	/* nothing above U+10FFFF */
		}
	} else {
		/* 80..C1 and F5..FF can never start a sequence. */
		out[0] = CORE_UTF8_REPLACEMENT;
		return 1;
	}
	return 0;
}

int
core_utf8_feed(struct core_utf8 *d, uint8_t b, uint32_t out[2])
{
	if (d->need == 0) {
		return lead(d, b, out);
	}
	if (b < d->lo || b > d->hi) {
		core_utf8_init(d);
		out[0] = CORE_UTF8_REPLACEMENT;
		return 1 + lead(d, b, out + 1);
	}
	d->cp = d->cp << 6 | (b & 0x3Fu);
	d->lo = 0x80;
	d->hi = 0xBF;
	if (--d->need == 0) {
		out[0] = d->cp;
		d->cp = 0;
		return 1;
	}
	return 0;
}

int
core_utf8_flush(struct core_utf8 *d, uint32_t *out)
{
	if (d->need == 0) {
		return 0;
	}
	core_utf8_init(d);
	*out = CORE_UTF8_REPLACEMENT;
	return 1;
}

size_t
core_utf8_encode(uint32_t cp, uint8_t *out)
{
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
		cp = CORE_UTF8_REPLACEMENT;
	}
	if (cp < 0x80) {
		out[0] = (uint8_t)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (uint8_t)(0xC0 | cp >> 6);
		out[1] = (uint8_t)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (uint8_t)(0xE0 | cp >> 12);
		out[1] = (uint8_t)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (uint8_t)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (uint8_t)(0xF0 | cp >> 18);
	out[1] = (uint8_t)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (uint8_t)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (uint8_t)(0x80 | (cp & 0x3F));
	return 4;
}
