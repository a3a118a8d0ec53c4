/*
 * net/zlib_int.h - internals shared by net/zlib.c (inflate, the RFC 1950
 * wrapper) and net/zlib_deflate.c.  Not part of the public API.
 */
#ifndef NET_ZLIB_INT_H
#define NET_ZLIB_INT_H

#include <stddef.h>
#include <stdint.h>

/* RFC 1950 section 8.2: Adler-32 of p[0..n) continued from adler (start 1). */
uint32_t net_zlib_adler32(uint32_t adler, const uint8_t *p, size_t n);

/* The low 16 bits of v in reverse order (Huffman codes go MSB-first). */
static inline uint16_t
net_zlib_rev16(unsigned v)
{
	v = (v >> 1 & 0x5555) | (v & 0x5555) << 1;
	v = (v >> 2 & 0x3333) | (v & 0x3333) << 2;
	v = (v >> 4 & 0x0f0f) | (v & 0x0f0f) << 4;
	return (uint16_t)((v >> 8 & 0x00ff) | (v & 0x00ff) << 8);
}

/* RFC 1951 3.2.5: base values and extra bits of lengths and distances. */
extern const uint16_t net_zlib_len_base[29];
extern const uint8_t net_zlib_len_extra[29];
extern const uint16_t net_zlib_dist_base[30];
extern const uint8_t net_zlib_dist_extra[30];
/* RFC 1951 3.2.7: order of the code length code lengths. */
extern const uint8_t net_zlib_clen_order[19];

/*
 * Sets len[0..n) (n <= 286) to the lengths of a complete prefix code for
 * freq[0..n) with no code longer than maxbits (<= 15); more frequent
 * symbols never get longer codes.  Fewer than two used symbols get two
 * codes of length 1 (some decoders refuse a single code).
 */
void net_zlib_huff_lengths(const uint32_t *freq, unsigned n,
    unsigned maxbits, uint8_t *len);

#endif
