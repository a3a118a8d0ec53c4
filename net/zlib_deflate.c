/*
 * net/zlib_deflate.c - DEFLATE encoder (RFC 1951) inside the zlib wrapper
 * (RFC 1950), for net_zlib_deflate().
 *
 * LZ77 with 3-byte hash chains over a window of up to 32 KiB and lazy
 * matching (a match is deferred by one byte when the next position
 * starts a longer one), tuned like the "level 6" trade-off common to
 * DEFLATE coders: chains of 128 links, cut to a quarter when we already
 * hold a match of 8, no lazy search past 16, stop at 128.  Symbols are
 * collected in blocks of up to 16384; each block is sent in whichever
 * form is smallest: dynamic Huffman codes (length-limited to 15 bits, the
 * code-length code to 7), the fixed codes, or stored.  The work memory
 * (hash heads, chain links for the window, block symbols) is sized by the
 * input: about 12 KiB for a typical 1 KiB mosh frame, at most about 320
 * KiB; a net_zlib_deflater keeps it between calls, net_zlib_deflate
 * allocates it per call.  About 2.5 KiB of state live on the stack.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "net/zlib.h"
#include "net/zlib_int.h"

#define MIN_MATCH 3
#define MAX_MATCH 258
#define WIN_MAX 32768		/* RFC 1951: distances up to 32768 */
#define HASH_BITS_MAX 15
#define BLOCK_SYMS 16384	/* symbols per block */
#define NLIT 286
#define NDST 30
#define NCLEN 19
#define CHAIN 128		/* links followed per search */
#define GOOD 8			/* a match this long cuts the chain to 1/4 */
#define LAZY 16			/* no lazy search past a match this long */
#define NICE 128		/* a match this long ends the search */
#define FAR 4096		/* a 3-byte match further away is not worth it */
#define OBUF 1024		/* pending output bytes */

struct dfl {
	const uint8_t *in;	/* borrowed */
	size_t n;
	uint32_t *head;		/* hash -> position + 1 (0: none); owned */
	uint32_t *prev;		/* position & wmask -> older position + 1 */
	unsigned hshift;
	size_t wsize;		/* power of two, <= WIN_MAX */
	uint16_t *sym_len;	/* literal byte, or match length */
	uint16_t *sym_dist;	/* 0 for a literal, else the distance */
	size_t nsym, symmax;
	size_t bstart;		/* input offset where the block begins */
	uint32_t lfreq[NLIT];
	uint32_t dfreq[NDST];
	/* bit writer */
	struct core_buf *out;
	uint64_t bb;
	unsigned nb;
	size_t olen;
	int err;
	uint8_t obuf[OBUF];
};

/* --- bit output, LSB first (RFC 1951 3.1.1) --- */

static void
flush_obuf(struct dfl *d)
{
	int rc;

	if (d->olen > 0 && d->err == 0) {
		rc = core_buf_append(d->out, d->obuf, d->olen);
		if (rc != 0) {
			d->err = rc;
		}
	}
	d->olen = 0;
}

static void
put(struct dfl *d, uint32_t v, unsigned n)
{
	d->bb |= (uint64_t)v << d->nb;
	d->nb += n;
	if (d->nb >= 32) {
		if (d->olen > OBUF - 4) {
			flush_obuf(d);
		}
		d->obuf[d->olen++] = (uint8_t)d->bb;
		d->obuf[d->olen++] = (uint8_t)(d->bb >> 8);
		d->obuf[d->olen++] = (uint8_t)(d->bb >> 16);
		d->obuf[d->olen++] = (uint8_t)(d->bb >> 24);
		d->bb >>= 32;
		d->nb -= 32;
	}
}

/* Pads to a byte boundary and moves every pending byte to out. */
static void
align_flush(struct dfl *d)
{
	while (d->nb > 0) {
		if (d->olen == OBUF) {
			flush_obuf(d);
		}
		d->obuf[d->olen++] = (uint8_t)d->bb;
		d->bb >>= 8;
		d->nb = d->nb > 8 ? d->nb - 8 : 0;
	}
	d->bb = 0;
	flush_obuf(d);
}

/* --- Huffman codes --- */

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Huffman's construction over the m used symbols, key[] sorted by
 * ascending frequency (freq << 16 | symbol), with two queues: the leaves
 * in order, then the inner nodes, which are made in ascending weight.
 * Counts the leaves per depth into count[], depths past maxbits counted
 * at maxbits.
 */
static void
huff_depths(const uint64_t *key, unsigned m, unsigned maxbits,
    unsigned *count)
{
	uint32_t w[2 * NLIT];
	uint16_t parent[2 * NLIT], depth[2 * NLIT];
	unsigned i = 0, j = m, k, a, b;

	for (k = 0; k < m; k++) {
		w[k] = (uint32_t)(key[k] >> 16);
	}
	for (k = m; k < 2 * m - 1; k++) {
		a = (i < m && (j >= k || w[i] <= w[j])) ? i++ : j++;
		b = (i < m && (j >= k || w[i] <= w[j])) ? i++ : j++;
		w[k] = w[a] + w[b];
		parent[a] = (uint16_t)k;
		parent[b] = (uint16_t)k;
	}
	depth[2 * m - 2] = 0;
	for (k = 2 * m - 2; k-- > 0;) {
		depth[k] = (uint16_t)(depth[parent[k]] + 1);
		if (k < m) {
			count[depth[k] > maxbits ? maxbits : depth[k]]++;
		}
	}
}

/*
 * Moves codes between lengths until Kraft's sum is exactly 2^maxbits:
 * first lengthening the longest codes under maxbits while the set is
 * over-subscribed, then shortening the longest codes while it is not
 * full (each step there fits, as every term divides the gap).
 */
static void
kraft_fix(unsigned *count, unsigned maxbits)
{
	uint32_t kraft = 0, total = 1u << maxbits;
	unsigned l;

	for (l = 1; l <= maxbits; l++) {
		kraft += count[l] << (maxbits - l);
	}
	while (kraft > total) {
		for (l = maxbits - 1; count[l] == 0; l--) {
		}
		count[l]--;
		count[l + 1]++;
		kraft -= 1u << (maxbits - l - 1);
	}
	while (kraft < total) {
		for (l = maxbits; count[l] == 0; l--) {
		}
		count[l]--;
		count[l - 1]++;
		kraft += 1u << (maxbits - l);
	}
}

void
net_zlib_huff_lengths(const uint32_t *freq, unsigned n, unsigned maxbits,
    uint8_t *len)
{
	uint64_t key[NLIT];
	unsigned count[16], m = 0, i, k, l, a;

	memset(len, 0, n);
	for (i = 0; i < n; i++) {
		if (freq[i] > 0) {
			key[m++] = (uint64_t)freq[i] << 16 | i;
		}
	}
	if (m < 2) {
		a = m == 1 ? (unsigned)(key[0] & 0xffff) : 0;
		len[a] = 1;
		len[a == 0 ? 1 : 0] = 1;
		return;
	}
	qsort(key, m, sizeof(key[0]), cmp_u64);
	memset(count, 0, sizeof(count));
	huff_depths(key, m, maxbits, count);
	kraft_fix(count, maxbits);
	/* the least frequent symbols get the longest codes */
	i = 0;
	for (l = maxbits; l >= 1; l--) {
		for (k = 0; k < count[l]; k++) {
			len[key[i++] & 0xffff] = (uint8_t)l;
		}
	}
}

/* Canonical codes (RFC 1951 3.2.2), bit-reversed for LSB-first output. */
static void
huff_codes(const uint8_t *len, unsigned n, uint16_t *code)
{
	uint16_t next[17], count[17];
	unsigned i, l;

	memset(count, 0, sizeof(count));
	for (i = 0; i < n; i++) {
		count[len[i]]++;
	}
	count[0] = 0;
	next[1] = 0;
	for (l = 1; l < 16; l++) {
		next[l + 1] = (uint16_t)((next[l] + count[l]) << 1);
	}
	for (i = 0; i < n; i++) {
		l = len[i];
		if (l != 0) {
			code[i] = (uint16_t)(net_zlib_rev16(next[l]++) >>
			    (16 - l));
		}
	}
}

/* Length 3..258 -> length symbol index 0..28 (RFC 1951 3.2.5). */
static unsigned
len_sym(unsigned len)
{
	unsigned x = len - MIN_MATCH, nb;

	if (len == MAX_MATCH) {
		return 28;
	}
	if (x < 8) {
		return x;
	}
	nb = 31 - (unsigned)__builtin_clz(x);
	return 4 * (nb - 1) + ((x >> (nb - 2)) & 3);
}

/* Distance 1..32768 -> distance symbol 0..29. */
static unsigned
dist_sym(unsigned dist)
{
	unsigned x = dist - 1, nb;

	if (x < 4) {
		return x;
	}
	nb = 31 - (unsigned)__builtin_clz(x);
	return 2 * nb + ((x >> (nb - 1)) & 1);
}

/* --- blocks --- */

struct codes {
	uint8_t llen[NLIT + NDST];	/* literal/length then distance */
	uint8_t *dlen;			/* points into llen */
	uint16_t lcode[NLIT];
	uint16_t dcode[NDST];
};

static void
fixed_codes(struct codes *c)
{
	uint8_t len[288];	/* 286, 287 take part in the code space */
	uint16_t code[288];

	/* RFC 1951 3.2.6 */
	memset(len, 8, 144);
	memset(len + 144, 9, 112);
	memset(len + 256, 7, 24);
	memset(len + 280, 8, 8);
	huff_codes(len, 288, code);
	memcpy(c->llen, len, NLIT);
	memcpy(c->lcode, code, sizeof(c->lcode));
	c->dlen = c->llen + NLIT;
	memset(c->dlen, 5, NDST);
	huff_codes(c->dlen, NDST, c->dcode);
}

/* Bits the block's symbols take with codes c (extra bits included). */
static size_t
data_bits(const struct dfl *d, const struct codes *c)
{
	size_t bits = 0;
	unsigned i;

	for (i = 0; i < NLIT; i++) {
		bits += (size_t)d->lfreq[i] * c->llen[i];
		if (i >= 257) {
			bits += (size_t)d->lfreq[i] *
			    net_zlib_len_extra[i - 257];
		}
	}
	for (i = 0; i < NDST; i++) {
		bits += (size_t)d->dfreq[i] * (c->dlen[i] +
		    net_zlib_dist_extra[i]);
	}
	return bits;
}

/* The dynamic block header: run-length coded code lengths (3.2.7). */
struct dynhdr {
	unsigned hlit, hdist, hclen, nrle;
	uint8_t rle[NLIT + NDST];	/* code length symbols */
	uint8_t rle_extra[NLIT + NDST];
	uint32_t cfreq[NCLEN];
	uint8_t clen[NCLEN];
	uint16_t ccode[NCLEN];
};

static void
rle_add(struct dynhdr *h, unsigned sym, unsigned extra)
{
	h->rle[h->nrle] = (uint8_t)sym;
	h->rle_extra[h->nrle++] = (uint8_t)extra;
	h->cfreq[sym]++;
}

static size_t
dyn_header(struct dynhdr *h, const struct codes *c)
{
	static const uint8_t cextra[3] = { 2, 3, 7 };
	const uint8_t *lens = c->llen;
	unsigned i, run, r, total;
	size_t bits;

	memset(h->cfreq, 0, sizeof(h->cfreq));
	h->nrle = 0;
	for (h->hlit = NLIT; h->hlit > 257 && lens[h->hlit - 1] == 0;
	    h->hlit--) {
	}
	for (h->hdist = NDST; h->hdist > 1 && c->dlen[h->hdist - 1] == 0;
	    h->hdist--) {
	}
	total = h->hlit + h->hdist;
	for (i = 0; i < total; i += run) {
		unsigned l = i < h->hlit ? lens[i] : c->dlen[i - h->hlit];

		for (run = 1; i + run < total && (i + run < h->hlit ?
		    lens[i + run] : c->dlen[i + run - h->hlit]) == l; run++) {
		}
		r = run;
		if (l == 0) {
			while (r >= 11) {
				unsigned k = r > 138 ? 138 : r;

				rle_add(h, 18, k - 11);
				r -= k;
			}
			if (r >= 3) {
				rle_add(h, 17, r - 3);
				r = 0;
			}
		} else {
			rle_add(h, l, 0);
			r--;
			while (r >= 3) {
				unsigned k = r > 6 ? 6 : r;

				rle_add(h, 16, k - 3);
				r -= k;
			}
		}
		while (r-- > 0) {
			rle_add(h, l, 0);
		}
	}
	net_zlib_huff_lengths(h->cfreq, NCLEN, 7, h->clen);
	huff_codes(h->clen, NCLEN, h->ccode);
	for (h->hclen = NCLEN; h->hclen > 4 &&
	    h->clen[net_zlib_clen_order[h->hclen - 1]] == 0; h->hclen--) {
	}
	bits = 5 + 5 + 4 + 3 * (size_t)h->hclen;
	for (i = 0; i < NCLEN; i++) {
		bits += (size_t)h->cfreq[i] * (h->clen[i] +
		    (i >= 16 ? cextra[i - 16] : 0));
	}
	return bits;
}

static void
put_dyn_header(struct dfl *d, const struct dynhdr *h)
{
	static const uint8_t cextra[3] = { 2, 3, 7 };
	unsigned i, s;

	put(d, h->hlit - 257, 5);
	put(d, h->hdist - 1, 5);
	put(d, h->hclen - 4, 4);
	for (i = 0; i < h->hclen; i++) {
		put(d, h->clen[net_zlib_clen_order[i]], 3);
	}
	for (i = 0; i < h->nrle; i++) {
		s = h->rle[i];
		put(d, h->ccode[s], h->clen[s]);
		if (s >= 16) {
			put(d, h->rle_extra[i], cextra[s - 16]);
		}
	}
}

static void
put_symbols(struct dfl *d, const struct codes *c)
{
	unsigned len, dist, s;
	size_t i;

	for (i = 0; i < d->nsym; i++) {
		dist = d->sym_dist[i];
		len = d->sym_len[i];
		if (dist == 0) {
			put(d, c->lcode[len], c->llen[len]);
			continue;
		}
		s = len_sym(len);
		put(d, c->lcode[257 + s], c->llen[257 + s]);
		put(d, len - net_zlib_len_base[s], net_zlib_len_extra[s]);
		s = dist_sym(dist);
		put(d, c->dcode[s], c->dlen[s]);
		put(d, dist - net_zlib_dist_base[s], net_zlib_dist_extra[s]);
	}
	put(d, c->lcode[256], c->llen[256]);
}

static void
put_stored(struct dfl *d, size_t start, size_t end, int last)
{
	uint8_t h[4];
	size_t k;
	int rc;

	do {
		k = end - start > 65535 ? 65535 : end - start;
		put(d, (start + k == end && last) ? 1 : 0, 3);
		align_flush(d);
		h[0] = (uint8_t)k;
		h[1] = (uint8_t)(k >> 8);
		h[2] = (uint8_t)~k;
		h[3] = (uint8_t)(~k >> 8);
		if (d->err == 0) {
			rc = core_buf_append(d->out, h, 4);
			if (rc == 0 && k > 0) {
				rc = core_buf_append(d->out, d->in + start, k);
			}
			if (rc != 0) {
				d->err = rc;
			}
		}
		start += k;
	} while (start < end);
}

/* Sends the collected symbols, covering input [bstart, end). */
static void
flush_block(struct dfl *d, size_t end, int last)
{
	struct codes dyn, fix;
	struct dynhdr hdr;
	size_t dbits, fbits, sbits, len = end - d->bstart;

	d->lfreq[256] = 1;
	net_zlib_huff_lengths(d->lfreq, NLIT, 15, dyn.llen);
	dyn.dlen = dyn.llen + NLIT;
	net_zlib_huff_lengths(d->dfreq, NDST, 15, dyn.dlen);
	huff_codes(dyn.llen, NLIT, dyn.lcode);
	huff_codes(dyn.dlen, NDST, dyn.dcode);
	fixed_codes(&fix);
	dbits = 3 + dyn_header(&hdr, &dyn) + data_bits(d, &dyn);
	fbits = 3 + data_bits(d, &fix);
	/* stored: header and padding per 65535-byte piece */
	sbits = 8 * len + (3 + 7 + 32) * (len / 65535 + 1);
	if (sbits < dbits && sbits < fbits) {
		put_stored(d, d->bstart, end, last);
	} else if (dbits < fbits) {
		put(d, (unsigned)last | 2 << 1, 3);
		put_dyn_header(d, &hdr);
		put_symbols(d, &dyn);
	} else {
		put(d, (unsigned)last | 1 << 1, 3);
		put_symbols(d, &fix);
	}
	d->bstart = end;
	d->nsym = 0;
	memset(d->lfreq, 0, sizeof(d->lfreq));
	memset(d->dfreq, 0, sizeof(d->dfreq));
}

static void
emit_lit(struct dfl *d, size_t pos)
{
	d->sym_len[d->nsym] = d->in[pos];
	d->sym_dist[d->nsym++] = 0;
	d->lfreq[d->in[pos]]++;
	if (d->nsym == d->symmax) {
		flush_block(d, pos + 1, 0);
	}
}

static void
emit_match(struct dfl *d, size_t pos, unsigned len, unsigned dist)
{
	d->sym_len[d->nsym] = (uint16_t)len;
	d->sym_dist[d->nsym++] = (uint16_t)dist;
	d->lfreq[257 + len_sym(len)]++;
	d->dfreq[dist_sym(dist)]++;
	if (d->nsym == d->symmax) {
		flush_block(d, pos + len, 0);
	}
}

/* --- LZ77 --- */

static uint32_t
hash3(const uint8_t *p, unsigned shift)
{
	uint32_t v = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];

	return (v * 2654435761u) >> shift;
}

/* Enters pos (pos + 3 <= n) in its chain; returns the previous head. */
static uint32_t
insert(struct dfl *d, size_t pos)
{
	uint32_t h = hash3(d->in + pos, d->hshift), old = d->head[h];

	d->prev[pos & (d->wsize - 1)] = old;
	d->head[h] = (uint32_t)pos + 1;
	return old;
}

/*
 * Longest match at pos longer than `best`, searching from chain entry
 * cand; 0 when there is none.
 */
static unsigned
longest(struct dfl *d, size_t pos, uint32_t cand, unsigned best,
    unsigned *dist)
{
	unsigned found = 0;
	const uint8_t *p = d->in + pos, *q;
	size_t limit = d->n - pos;
	unsigned chain = best >= GOOD ? CHAIN / 4 : CHAIN, len, nice;
	size_t c;

	if (limit > MAX_MATCH) {
		limit = MAX_MATCH;
	}
	if (best >= limit) {
		return 0;
	}
	nice = limit < NICE ? (unsigned)limit : NICE;
	while (cand != 0 && chain-- > 0) {
		c = cand - 1;
		if (c >= pos || pos - c >= d->wsize) {
			break;
		}
		q = d->in + c;
		if (q[best] == p[best] && q[0] == p[0] && q[1] == p[1]) {
			for (len = 2; len < limit && q[len] == p[len]; len++) {
			}
			if (len > best) {
				best = found = len;
				*dist = (unsigned)(pos - c);
				if (len >= nice) {
					return found;
				}
			}
		}
		cand = d->prev[c & (d->wsize - 1)];
		if (cand != 0 && cand - 1 >= c) {
			break;	/* a stale link: chains only go back */
		}
	}
	return found;
}

static void
lz77(struct dfl *d)
{
	size_t pos = 0, n = d->n, k;
	unsigned prev_len = 0, prev_dist = 0, cur_len, cur_dist = 0;
	int pending = 0;
	uint32_t cand;

	while (pos < n) {
		cur_len = 0;
		if (pos + MIN_MATCH <= n) {
			cand = insert(d, pos);
			if (cand != 0 && prev_len < LAZY) {
				cur_len = longest(d, pos, cand,
				    prev_len >= MIN_MATCH ? prev_len :
				    MIN_MATCH - 1, &cur_dist);
				if (cur_len == MIN_MATCH && cur_dist > FAR) {
					cur_len = 0;
				}
			}
		}
		if (pending && prev_len >= MIN_MATCH && cur_len <= prev_len) {
			/* the match at pos - 1 wins */
			emit_match(d, pos - 1, prev_len, prev_dist);
			for (k = pos + 1; k < pos - 1 + prev_len; k++) {
				if (k + MIN_MATCH <= n) {
					insert(d, k);
				}
			}
			pos += prev_len - 1;
			pending = 0;
			prev_len = 0;
			continue;
		}
		if (pending) {
			emit_lit(d, pos - 1);
		}
		pending = 1;
		prev_len = cur_len;
		prev_dist = cur_dist;
		pos++;
	}
	if (pending) {
		emit_lit(d, n - 1);
	}
}

void
net_zlib_deflater_init(struct net_zlib_deflater *z)
{
	z->mem = NULL;
	z->size = 0;
}

void
net_zlib_deflater_fini(struct net_zlib_deflater *z)
{
	free(z->mem);
	z->mem = NULL;
	z->size = 0;
}

int
net_zlib_deflater_run(struct net_zlib_deflater *z, const uint8_t *in,
    size_t n, struct core_buf *out)
{
	struct dfl d;
	size_t len0 = out->len, hsize, mem;
	unsigned hbits = 8;
	uint8_t tr[4];
	int rc;

	if (n >= UINT32_MAX) {
		return CORE_E_LIMIT;	/* chain links are 32-bit */
	}
	memset(&d, 0, sizeof(d));
	while (hbits < HASH_BITS_MAX && ((size_t)1 << hbits) < n) {
		hbits++;
	}
	hsize = (size_t)1 << hbits;
	d.wsize = 256;
	while (d.wsize < WIN_MAX && d.wsize < n) {
		d.wsize <<= 1;
	}
	d.symmax = n < BLOCK_SYMS ? n + 1 : BLOCK_SYMS;
	mem = (hsize + d.wsize) * sizeof(uint32_t) +
	    d.symmax * 2 * sizeof(uint16_t);
	if (z->size < mem) {
		free(z->mem);
		z->size = 0;
		z->mem = malloc(mem);
		if (z->mem == NULL) {
			return CORE_E_NOMEM;
		}
		z->size = mem;
	}
	d.head = z->mem;
	/* chain links are written before they are read: only heads start 0 */
	memset(d.head, 0, hsize * sizeof(uint32_t));
	d.prev = d.head + hsize;
	d.sym_len = (uint16_t *)(d.prev + d.wsize);
	d.sym_dist = d.sym_len + d.symmax;
	d.hshift = 32 - hbits;
	d.in = in;
	d.n = n;
	d.out = out;
	/* RFC 1950: CM 8, 32K window, FLEVEL 2 (default), check bits */
	rc = core_buf_append(out, "\x78\x9c", 2);
	if (rc == 0) {
		lz77(&d);
		flush_block(&d, n, 1);
		align_flush(&d);
		core_st_be32(tr, n > 0 ? net_zlib_adler32(1, in, n) : 1);
		rc = d.err ? d.err : core_buf_append(out, tr, 4);
	}
	if (rc != 0) {
		out->len = len0;
	}
	return rc;
}

int
net_zlib_deflate(const uint8_t *in, size_t n, struct core_buf *out)
{
	struct net_zlib_deflater z;
	int rc;

	net_zlib_deflater_init(&z);
	rc = net_zlib_deflater_run(&z, in, n, out);
	net_zlib_deflater_fini(&z);
	return rc;
}
