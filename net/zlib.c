/*
 * net/zlib.c - the zlib wrapper (RFC 1950) and the DEFLATE decoder
 * (RFC 1951); the encoder is in net/zlib_deflate.c.
 *
 * The whole stream is inflated in one call straight into the caller's
 * buffer, which doubles as the LZ77 window, so no state outlives a call.
 * Bits are read LSB-first through a 64-bit bit buffer refilled a word at a
 * time.  Huffman codes decode with one table lookup on the next 9 bits
 * (7 for distances); the rare longer codes fall back to a canonical
 * count/symbol walk (RFC 1951 3.2.2).  A fast loop keeps the state in
 * locals while 8 input bytes and a maximal match of output room remain;
 * the careful per-symbol path handles the rest and every error.  Code sets are validated like zlib does: over-subscribed
 * sets are refused, incomplete ones are allowed only when they hold a
 * single code of length 1 (and a distance code may be empty), and the
 * literal/length code must contain end-of-block.
 */
#include <string.h>

#include "core/err.h"
#include "net/zlib.h"
#include "net/zlib_int.h"

const uint16_t net_zlib_len_base[29] = {
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258
};
const uint8_t net_zlib_len_extra[29] = {
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
};
const uint16_t net_zlib_dist_base[30] = {
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
	8193, 12289, 16385, 24577
};
const uint8_t net_zlib_dist_extra[30] = {
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
};
const uint8_t net_zlib_clen_order[19] = {
	16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
};

/* 5552 is the largest n with 255n(n+1)/2 + (n+1)(65520) < 2^32. */
#define ADLER_NMAX 5552
#define ADLER_MOD 65521

uint32_t
net_zlib_adler32(uint32_t adler, const uint8_t *p, size_t n)
{
	uint32_t a = adler & 0xffff, b = adler >> 16;
	size_t k, i;

	while (n > 0) {
		k = n < ADLER_NMAX ? n : ADLER_NMAX;
		n -= k;
		for (i = 0; i + 4 <= k; i += 4) {
			a += p[i];
			b += a;
			a += p[i + 1];
			b += a;
			a += p[i + 2];
			b += a;
			a += p[i + 3];
			b += a;
		}
		for (; i < k; i++) {
			a += p[i];
			b += a;
		}
		p += k;
		a %= ADLER_MOD;
		b %= ADLER_MOD;
	}
	return b << 16 | a;
}

#define MAXBITS 15	/* longest DEFLATE code */
#define PRIBITS 9	/* bits of the literal/length first-level lookup */
#define DISTBITS 7	/* and of the distance one (fewer codes: cheaper) */
#define NLITLEN 288	/* 286 used + 2 reserved (fixed code) */
#define NDIST 30	/* 30 used (fixed code has 32; 30, 31 invalid) */
#define MAX_MATCH 258

/*
 * A decoding table: tab[next `bits` bits] = sym | len << 9, or 0 when
 * the code is longer than `bits` or unused; count/sym drive the slow
 * canonical walk.
 */
struct huff {
	unsigned bits;		/* PRIBITS or DISTBITS */
	uint16_t tab[1 << PRIBITS];
	uint16_t count[MAXBITS + 1];
	uint16_t sym[NLITLEN];
};

struct inf {
	const uint8_t *ip;	/* points into the input */
	const uint8_t *ie;
	uint64_t bb;		/* bit buffer, next bit lowest */
	unsigned nb;		/* valid bits in bb */
	uint8_t *o;		/* out->p (moves when out grows) */
	size_t olen;		/* bytes written so far, from out->p */
	size_t ostart;		/* out->len at entry: distances stop here */
	struct core_buf *out;
	struct huff lit, dist;
};

static void
refill(struct inf *s)
{
	if (s->nb >= 56) {
		return;
	}
	if (s->ie - s->ip >= 8) {
		const uint8_t *p = s->ip;
		uint64_t w = (uint64_t)p[0] | (uint64_t)p[1] << 8 |
		    (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
		    (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
		    (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;

		/*
		 * Takes whole bytes up to 56..63 bits; the partial byte above
		 * nb is the next input byte, so bits above nb always equal
		 * the input that follows and OR-ing them again is harmless.
		 */
		s->bb |= w << s->nb;
		s->ip += (63 - s->nb) >> 3;
		s->nb |= 56;
		return;
	}
	while (s->nb <= 56 && s->ip < s->ie) {
		s->bb |= (uint64_t)*s->ip++ << s->nb;
		s->nb += 8;
	}
}

/* Takes n (<= 32) bits; the caller has refilled. */
static int
bits(struct inf *s, unsigned n, uint32_t *v)
{
	if (n > s->nb) {
		return CORE_E_TRUNC;
	}
	*v = (uint32_t)(s->bb & (((uint64_t)1 << n) - 1));
	s->bb >>= n;
	s->nb -= n;
	return 0;
}

static int
need_bits(struct inf *s, unsigned n, uint32_t *v)
{
	refill(s);
	return bits(s, n, v);
}

enum {
	COMPLETE = 0,		/* the code must be complete */
	SINGLE_OK = 1,		/* or hold a single code of length 1 */
	EMPTY_OK = 2		/* or hold no code at all */
};

/*
 * Builds h from n code lengths.  Returns 0, or CORE_E_BADMSG for an
 * over-subscribed set or an incomplete one that `allow` does not allow.
 */
static int
build(struct huff *h, const uint8_t *lens, unsigned n, unsigned bits,
    int allow)
{
	uint16_t next[MAXBITS + 2];
	unsigned len, i, sym, ncodes = 0;
	int left = 1;

	memset(h->count, 0, sizeof(h->count));
	for (i = 0; i < n; i++) {
		h->count[lens[i]]++;
	}
	h->count[0] = 0;
	for (len = 1; len <= MAXBITS; len++) {
		left <<= 1;
		left -= h->count[len];
		ncodes += h->count[len];
		if (left < 0) {
			return CORE_E_BADMSG;	/* over-subscribed */
		}
	}
	if (left > 0 && !((allow & SINGLE_OK) && ncodes == 1 &&
	    h->count[1] == 1) && !((allow & EMPTY_OK) && ncodes == 0)) {
		return CORE_E_BADMSG;	/* incomplete */
	}
	/* symbols sorted by length, then value (canonical order) */
	next[1] = 0;
	for (len = 1; len < MAXBITS; len++) {
		next[len + 1] = (uint16_t)(next[len] + h->count[len]);
	}
	for (i = 0; i < n; i++) {
		if (lens[i] != 0) {
			h->sym[next[lens[i]]++] = (uint16_t)i;
		}
	}
	/* first-level table: walk canonical codes in order */
	h->bits = bits;
	memset(h->tab, 0, sizeof(h->tab[0]) << bits);
	{
		unsigned code = 0, idx = 0, rev, k;

		for (len = 1; len <= bits; len++) {
			for (k = 0; k < h->count[len]; k++, idx++, code++) {
				sym = h->sym[idx];
				rev = net_zlib_rev16(code) >> (16 - len);
				for (i = rev; i < (1u << bits); i += 1u << len) {
					h->tab[i] = (uint16_t)(sym | len << 9);
				}
			}
			code <<= 1;
		}
	}
	return 0;
}

/* Decodes one symbol. */
static int
decode(struct inf *s, const struct huff *h, unsigned *sym)
{
	unsigned e, len;
	int code = 0, first = 0, index = 0, count;

	refill(s);
	e = h->tab[s->bb & ((1u << h->bits) - 1)];
	if (e != 0) {
		len = e >> 9;
		if (len > s->nb) {
			return CORE_E_TRUNC;
		}
		s->bb >>= len;
		s->nb -= len;
		*sym = e & 0x1ff;
		return 0;
	}
	/* longer than h->bits, or not a code of this set */
	for (len = 1; len <= MAXBITS; len++) {
		if (len > s->nb) {
			return CORE_E_TRUNC;
		}
		code |= (int)((s->bb >> (len - 1)) & 1);
		count = h->count[len];
		if (code - first < count) {
			s->bb >>= len;
			s->nb -= len;
			*sym = h->sym[index + code - first];
			return 0;
		}
		index += count;
		first = (first + count) << 1;
		code <<= 1;
	}
	return CORE_E_BADMSG;
}

/* Makes room for n more output bytes (the buffer grows by doubling). */
static int
room(struct inf *s, size_t n)
{
	int rc;

	if (n <= s->out->cap - s->olen) {
		return 0;
	}
	s->out->len = s->olen;
	rc = core_buf_reserve(s->out, n);
	if (rc != 0) {
		return rc;
	}
	s->o = s->out->p;
	return 0;
}

static int
stored(struct inf *s)
{
	size_t len, nlen;

	/* drop to the byte boundary and hand unread whole bytes back */
	s->bb >>= s->nb & 7;
	s->nb -= s->nb & 7;
	s->ip -= s->nb >> 3;
	s->bb = 0;
	s->nb = 0;
	if (s->ie - s->ip < 4) {
		return CORE_E_TRUNC;
	}
	len = (size_t)s->ip[0] | (size_t)s->ip[1] << 8;
	nlen = (size_t)s->ip[2] | (size_t)s->ip[3] << 8;
	if (len != (~nlen & 0xffff)) {
		return CORE_E_BADMSG;
	}
	s->ip += 4;
	if ((size_t)(s->ie - s->ip) < len) {
		return CORE_E_TRUNC;
	}
	if (len > 0) {
		int rc = room(s, len);

		if (rc != 0) {
			return rc;
		}
		memcpy(s->o + s->olen, s->ip, len);
		s->olen += len;
		s->ip += len;
	}
	return 0;
}

/* Writes a match of len bytes from dist back; room for len + 8 is there. */
static void
copy_match(uint8_t *d, unsigned len, unsigned dist)
{
	const uint8_t *src = d - dist;
	uint8_t *end = d + len;
	unsigned i;

	if (dist >= 8) {
		/* 8 at a time: source and target never overlap in a step;
		 * up to 7 bytes past the match are scratch */
		do {
			memcpy(d, src, 8);
			d += 8;
			src += 8;
		} while (d < end);
		return;
	}
	for (i = 0; i < len; i++) {
		d[i] = src[i];
	}
}

/*
 * The fast loop: runs while 8 input bytes and 266 bytes of output room
 * are at hand, with the state in locals and one refill per symbol (56
 * bits cover a 9-bit code, 5 extra bits, a 9-bit distance code and 13
 * extra bits).  Returns 1 when the careful path must take the next
 * symbol, 0 at end-of-block, or an error.
 */
static int
codes_fast(struct inf *s)
{
	const uint8_t *ip = s->ip, *ie = s->ie;
	uint64_t bb = s->bb;
	unsigned nb = s->nb, e, sym, len, dist, n, x;
	uint8_t *o = s->o;
	size_t olen = s->olen, cap = s->out->cap;
	int rc = 1;

	while (ie - ip >= 8 && cap - olen >= MAX_MATCH + 8) {
		if (nb < 56) {
			uint64_t w = (uint64_t)ip[0] | (uint64_t)ip[1] << 8 |
			    (uint64_t)ip[2] << 16 | (uint64_t)ip[3] << 24 |
			    (uint64_t)ip[4] << 32 | (uint64_t)ip[5] << 40 |
			    (uint64_t)ip[6] << 48 | (uint64_t)ip[7] << 56;

			bb |= w << nb;
			ip += (63 - nb) >> 3;
			nb |= 56;
		}
		e = s->lit.tab[bb & ((1u << PRIBITS) - 1)];
		if (e == 0) {
			break;		/* a long code: careful path */
		}
		n = e >> 9;
		sym = e & 0x1ff;
		if (sym < 256) {
			bb >>= n;
			nb -= n;
			o[olen++] = (uint8_t)sym;
			continue;
		}
		if (sym == 256) {
			bb >>= n;
			nb -= n;
			rc = 0;
			break;
		}
		sym -= 257;
		if (sym >= 29) {
			break;		/* 286, 287: the careful path refuses */
		}
		x = net_zlib_len_extra[sym];
		e = s->dist.tab[(bb >> (n + x)) & ((1u << DISTBITS) - 1)];
		if (e == 0) {
			break;		/* nothing consumed yet */
		}
		bb >>= n;
		len = net_zlib_len_base[sym] + (unsigned)(bb & ((1u << x) - 1));
		bb >>= x;
		nb -= n + x;
		n = e >> 9;
		sym = e & 0x1ff;
		bb >>= n;
		nb -= n;
		if (sym >= 30) {
			rc = CORE_E_BADMSG;	/* 30, 31 */
			break;
		}
		x = net_zlib_dist_extra[sym];
		dist = net_zlib_dist_base[sym] + (unsigned)(bb & ((1u << x) - 1));
		bb >>= x;
		nb -= x;
		if (dist > olen - s->ostart) {
			rc = CORE_E_BADMSG;	/* before the output start */
			break;
		}
		copy_match(o + olen, len, dist);
		olen += len;
	}
	s->ip = ip;
	s->bb = bb;
	s->nb = nb;
	s->olen = olen;
	return rc;
}

/* Decodes one symbol and acts on it: 1 to go on, 0 at end-of-block. */
static int
one_symbol(struct inf *s)
{
	unsigned sym, len, dist;
	uint32_t x;
	uint8_t *d;
	int rc;

	rc = decode(s, &s->lit, &sym);
	if (rc != 0) {
		return rc;
	}
	if (sym < 256) {
		if (s->olen == s->out->cap) {
			rc = room(s, 1);
			if (rc != 0) {
				return rc;
			}
		}
		s->o[s->olen++] = (uint8_t)sym;
		return 1;
	}
	if (sym == 256) {
		return 0;
	}
	sym -= 257;
	if (sym >= 29) {
		return CORE_E_BADMSG;	/* 286, 287 */
	}
	rc = need_bits(s, net_zlib_len_extra[sym], &x);
	if (rc != 0) {
		return rc;
	}
	len = net_zlib_len_base[sym] + x;
	rc = decode(s, &s->dist, &sym);
	if (rc != 0) {
		return rc;
	}
	if (sym >= 30) {
		return CORE_E_BADMSG;	/* 30, 31 */
	}
	rc = need_bits(s, net_zlib_dist_extra[sym], &x);
	if (rc != 0) {
		return rc;
	}
	dist = net_zlib_dist_base[sym] + x;
	if (dist > s->olen - s->ostart) {
		return CORE_E_BADMSG;	/* before the output start */
	}
	rc = room(s, len);
	if (rc != 0) {
		return rc;
	}
	d = s->o + s->olen;
	for (x = 0; x < len; x++) {
		d[x] = d[(int)x - (int)dist];
	}
	s->olen += len;
	return 1;
}

/* Decodes compressed data with s->lit and s->dist until end-of-block. */
static int
codes(struct inf *s)
{
	int rc;

	do {
		rc = codes_fast(s);
		if (rc == 1) {
			rc = one_symbol(s);
		}
	} while (rc == 1);
	return rc;
}

static int
fixed(struct inf *s)
{
	uint8_t lens[NLITLEN];
	int rc;

	/* RFC 1951 3.2.6 */
	memset(lens, 8, 144);
	memset(lens + 144, 9, 112);
	memset(lens + 256, 7, 24);
	memset(lens + 280, 8, 8);
	rc = build(&s->lit, lens, NLITLEN, PRIBITS, COMPLETE);
	if (rc == 0) {
		memset(lens, 5, 32);
		rc = build(&s->dist, lens, 32, DISTBITS, COMPLETE);
	}
	return rc != 0 ? rc : codes(s);
}

/*
 * Reads `total` code lengths coded with the code length code in s->lit
 * (RFC 1951 3.2.7: 0-15 literally, 16 repeats the previous length 3-6
 * times, 17 and 18 give 3-10 and 11-138 zeros).
 */
static int
read_lengths(struct inf *s, uint8_t *lens, unsigned total)
{
	unsigned i, sym, rep, prev;
	uint32_t x;
	int rc;

	for (i = 0; i < total; i += rep) {
		rc = decode(s, &s->lit, &sym);
		if (rc != 0) {
			return rc;
		}
		if (sym < 16) {
			lens[i] = (uint8_t)sym;
			rep = 1;
			continue;
		}
		prev = 0;
		if (sym == 16) {
			if (i == 0) {
				return CORE_E_BADMSG;	/* nothing to repeat */
			}
			prev = lens[i - 1];
			rc = need_bits(s, 2, &x);
			rep = 3 + x;
		} else if (sym == 17) {
			rc = need_bits(s, 3, &x);
			rep = 3 + x;
		} else {
			rc = need_bits(s, 7, &x);
			rep = 11 + x;
		}
		if (rc != 0) {
			return rc;
		}
		if (rep > total - i) {
			return CORE_E_BADMSG;	/* past the last length */
		}
		memset(lens + i, (int)prev, rep);
	}
	return 0;
}

static int
dynamic(struct inf *s)
{
	uint8_t lens[NLITLEN + 32];
	uint32_t hlit, hdist, hclen, x;
	unsigned i;
	int rc;

	/* RFC 1951 3.2.7 */
	refill(s);
	rc = bits(s, 5, &hlit);
	rc = rc ? rc : bits(s, 5, &hdist);
	rc = rc ? rc : bits(s, 4, &hclen);
	if (rc != 0) {
		return rc;
	}
	hlit += 257;
	hdist += 1;
	hclen += 4;
	if (hlit > 286 || hdist > 30) {
		return CORE_E_BADMSG;
	}
	memset(lens, 0, 19);
	for (i = 0; i < hclen; i++) {
		rc = need_bits(s, 3, &x);
		if (rc != 0) {
			return rc;
		}
		lens[net_zlib_clen_order[i]] = (uint8_t)x;
	}
	/* the code length code: its codes are at most 7 bits */
	rc = build(&s->lit, lens, 19, DISTBITS, COMPLETE);
	rc = rc ? rc : read_lengths(s, lens, hlit + hdist);
	if (rc != 0) {
		return rc;
	}
	if (lens[256] == 0) {
		return CORE_E_BADMSG;	/* no end-of-block code */
	}
	rc = build(&s->lit, lens, hlit, PRIBITS, SINGLE_OK);
	if (rc == 0) {
		rc = build(&s->dist, lens + hlit, hdist, DISTBITS,
		    SINGLE_OK | EMPTY_OK);
	}
	return rc != 0 ? rc : codes(s);
}

static int
inflate_blocks(struct inf *s)
{
	uint32_t last, type;
	int rc;

	do {
		rc = need_bits(s, 1, &last);
		rc = rc ? rc : bits(s, 2, &type);
		if (rc != 0) {
			return rc;
		}
		switch (type) {
		case 0:
			rc = stored(s);
			break;
		case 1:
			rc = fixed(s);
			break;
		case 2:
			rc = dynamic(s);
			break;
		default:
			rc = CORE_E_BADMSG;
			break;
		}
		if (rc != 0) {
			return rc;
		}
	} while (!last);
	/* back to the byte boundary for the trailer */
	s->bb >>= s->nb & 7;
	s->nb -= s->nb & 7;
	s->ip -= s->nb >> 3;
	s->nb = 0;
	return 0;
}

int
net_zlib_inflate(const uint8_t *in, size_t n, struct core_buf *out)
{
	struct inf st, *s = &st;
	uint32_t adler;
	size_t len0 = out->len;
	int rc;

	/* RFC 1950 2.2: CM 8, window <= 32K, check bits, no dictionary */
	if (n < 2) {
		return CORE_E_TRUNC;
	}
	if ((in[0] & 0x0f) != 8 || (in[0] >> 4) > 7 ||
	    ((unsigned)in[0] << 8 | in[1]) % 31 != 0 || (in[1] & 0x20)) {
		return CORE_E_BADMSG;
	}
	s->ip = in + 2;
	s->ie = in + n;
	s->bb = 0;
	s->nb = 0;
	s->out = out;
	s->o = out->p;
	s->olen = len0;
	s->ostart = len0;
	/* a first guess at the size (4n, at most 64 KiB) saves regrowth */
	if (n < 16384 && out->cap - len0 < 4 * n &&
	    out->max - len0 >= 4 * n && core_buf_reserve(out, 4 * n) == 0) {
		s->o = out->p;
	}
	rc = inflate_blocks(s);
	if (rc == 0 && s->ie - s->ip < 4) {
		rc = CORE_E_TRUNC;
	}
	if (rc == 0 && s->ie - s->ip > 4) {
		rc = CORE_E_BADMSG;	/* trailing bytes */
	}
	if (rc == 0) {
		adler = s->olen == len0 ? 1 :
		    net_zlib_adler32(1, s->o + len0, s->olen - len0);
		if (adler != core_ld_be32(s->ip)) {
			rc = CORE_E_CHECKSUM;
		}
	}
	out->len = rc == 0 ? s->olen : len0;
	return rc;
}
