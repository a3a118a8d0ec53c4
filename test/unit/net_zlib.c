/*
 * test/unit/net_zlib.c - zlib/DEFLATE: known streams from zlib (stored,
 * fixed, dynamic), hand-built streams for every rejection path, limits,
 * checksums, truncation at every length, and deflate round trips.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "net/zlib.h"
#include "net/zlib_int.h"
#include "test/harness.h"

static size_t
unhex(const char *hex, uint8_t *out, size_t max)
{
	long n = test_unhex(hex, out, max);

	CHECK(n >= 0);
	return n < 0 ? 0 : (size_t)n;
}

/*
 * Inflates hex into a fresh buffer of max bytes (out, or a scratch one
 * freed here when out is NULL); returns the code.
 */
static int
inflate_hex(const char *hex, size_t max, struct core_buf *out)
{
	struct core_buf scratch;
	uint8_t in[512];
	size_t n = unhex(hex, in, sizeof(in));
	int rc;

	core_buf_init(out ? out : &scratch, max);
	rc = net_zlib_inflate(in, n, out ? out : &scratch);
	if (out == NULL) {
		CHECK_INT(0, scratch.len);	/* restored on error */
		core_buf_fini(&scratch);
	}
	return rc;
}

/* --- a bit writer for hand-built streams (RFC 1951 3.1.1 bit order) --- */
struct bw {
	uint8_t b[512];
	size_t n;
	unsigned bit;
};

static void
bw_bits(struct bw *w, uint32_t v, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		if (w->bit == 0) {
			w->b[w->n++] = 0;
		}
		w->b[w->n - 1] |= (uint8_t)(((v >> i) & 1) << w->bit);
		w->bit = (w->bit + 1) & 7;
	}
}

/* Huffman codes go MSB-first. */
static void
bw_code(struct bw *w, uint32_t code, unsigned len)
{
	while (len-- > 0) {
		bw_bits(w, (code >> len) & 1, 1);
	}
}

/* Fixed literal/length code (RFC 1951 3.2.6). */
static void
bw_fixed(struct bw *w, unsigned sym)
{
	if (sym < 144) {
		bw_code(w, 0x30 + sym, 8);
	} else if (sym < 256) {
		bw_code(w, 0x190 + sym - 144, 9);
	} else if (sym < 280) {
		bw_code(w, sym - 256, 7);
	} else {
		bw_code(w, 0xc0 + sym - 280, 8);
	}
}

static void
bw_start(struct bw *w)
{
	memset(w, 0, sizeof(*w));
	w->b[0] = 0x78;
	w->b[1] = 0x01;
	w->n = 2;
}

/* Byte-aligns and appends the Adler-32 of `data`. */
static void
bw_finish(struct bw *w, const void *data, size_t len)
{
	uint32_t a = net_zlib_adler32(1, data, len);

	w->bit = 0;
	w->b[w->n++] = (uint8_t)(a >> 24);
	w->b[w->n++] = (uint8_t)(a >> 16);
	w->b[w->n++] = (uint8_t)(a >> 8);
	w->b[w->n++] = (uint8_t)a;
}

static int
bw_inflate(struct bw *w, struct core_buf *out)
{
	core_buf_init(out, 1 << 16);
	return net_zlib_inflate(w->b, w->n, out);
}

static void
adler_known(void)
{
	/* RFC 1950 example values computed by hand: "Wikipedia" = 0x11E60398 */
	CHECK_U64(0x11e60398, net_zlib_adler32(1, (const uint8_t *)
	    "Wikipedia", 9));
	CHECK_U64(1, net_zlib_adler32(1, (const uint8_t *)"", 0));
	CHECK_U64(0x00620062, net_zlib_adler32(1, (const uint8_t *)"a", 1));
}

static void
adler_long(void)
{
	/* 1 MB of 0xff against a simple modular reference */
	size_t n = 1 << 20, i;
	uint8_t *p = malloc(n);
	uint64_t a = 1, b = 0;

	CHECK(p != NULL);
	if (p == NULL) {
		return;
	}
	memset(p, 0xff, n);
	for (i = 0; i < n; i++) {
		a = (a + p[i]) % 65521;
		b = (b + a) % 65521;
	}
	CHECK_U64(b << 16 | a, net_zlib_adler32(1, p, n));
	CHECK_U64(b << 16 | a, net_zlib_adler32(net_zlib_adler32(1, p, 7777),
	    p + 7777, n - 7777));
	free(p);
}

static void
known_streams(void)
{
	static const struct {
		const char *z, *plain;
	} cases[] = {
		/* stored (zlib level 0) */
		{ "7801010500faff68656c6c6f062c0215", "hello" },
		/* fixed (level 6) */
		{ "789ccb48cdc9c90700062c0215", "hello" },
		/* empty, level 6 and level 0 */
		{ "789c030000000001", "" },
		{ "7801010000ffff00000001", "" },
		/* fixed with long and overlapping matches */
		{ "78da4b4c4a4e494d4bcfc8cc4ac4c2ca260e2402411249040034332f2f",
		  "abcdefghijabcdefghijabcdefghij"
		  "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"
		  "aaaabaaaabaaaabaaaabaaaabaaaabaaaabaaaabaaaabaaaab" },
		/* dynamic (level 9) */
		{ "78da15c6410100000c82c0ac88fd33cc711f40149296d89da1f31db241"
		  "0b7d", "aacaccaabbddabcdaabcbadadaaaaa" },
	};
	struct core_buf out;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CHECK_INT(0, inflate_hex(cases[i].z, 4096, &out));
		CHECK_INT(strlen(cases[i].plain), out.len);
		if (out.len > 0) {
			CHECK_MEM(cases[i].plain, strlen(cases[i].plain),
			    out.p, out.len);
		}
		core_buf_fini(&out);
	}
}

static void
appends_after_existing(void)
{
	uint8_t in[32];
	size_t n = unhex("789ccb48cdc9c90700062c0215", in, sizeof(in));
	struct core_buf out;
	struct bw w;

	core_buf_init(&out, 64);
	CHECK_INT(0, core_buf_append(&out, "xyz", 3));
	CHECK_INT(0, net_zlib_inflate(in, n, &out));
	CHECK_MEM("xyzhello", 8, out.p, out.len);
	/* a distance into the old bytes is refused, len restored */
	bw_start(&w);
	bw_bits(&w, 1, 1);
	bw_bits(&w, 1, 2);
	bw_fixed(&w, 257);	/* length 3 */
	bw_code(&w, 0, 5);	/* distance 1 */
	bw_fixed(&w, 256);
	bw_finish(&w, "", 0);
	CHECK_INT(CORE_E_BADMSG, net_zlib_inflate(w.b, w.n, &out));
	CHECK_INT(8, out.len);
	core_buf_fini(&out);
}

static void
header_errors(void)
{
	CHECK_INT(CORE_E_TRUNC, inflate_hex("", 64, NULL));
	CHECK_INT(CORE_E_TRUNC, inflate_hex("78", 64, NULL));
	CHECK_INT(CORE_E_TRUNC, inflate_hex("789c", 64, NULL));
	/* CM 7 */
	CHECK_INT(CORE_E_BADMSG, inflate_hex("779d030000000001", 64, NULL));
	/* CINFO 8 (window 64K) */
	CHECK_INT(CORE_E_BADMSG, inflate_hex("881c030000000001", 64, NULL));
	/* check bits wrong */
	CHECK_INT(CORE_E_BADMSG, inflate_hex("789d030000000001", 64, NULL));
	/* FDICT set (0x78bb is a multiple of 31) */
	CHECK_INT(CORE_E_BADMSG, inflate_hex("78bb030000000001", 64, NULL));
	/* other valid headers: 78 01, 78 5e, 78 da, 08 1d (256-byte window) */
	CHECK_INT(0, inflate_hex("7801030000000001", 64, NULL));
	CHECK_INT(0, inflate_hex("785e030000000001", 64, NULL));
	CHECK_INT(0, inflate_hex("78da030000000001", 64, NULL));
	CHECK_INT(0, inflate_hex("081d030000000001", 64, NULL));
	}

static void
trailer_errors(void)
{
	/* adler mismatch */
	CHECK_INT(CORE_E_CHECKSUM, inflate_hex("789ccb48cdc9c90700062c0216",
	    64, NULL));
	CHECK_INT(CORE_E_CHECKSUM, inflate_hex("789c030000000000", 64, NULL));
	/* trailing garbage */
	CHECK_INT(CORE_E_BADMSG, inflate_hex("789ccb48cdc9c90700062c021500",
	    64, NULL));
	/* trailer cut */
	CHECK_INT(CORE_E_TRUNC, inflate_hex("789ccb48cdc9c90700062c02", 64,
	    NULL));
	}

static void
every_prefix_truncated(void)
{
	uint8_t in[64];
	size_t n = unhex("78da15c6410100000c82c0ac88fd33cc711f40149296d89da1f3"
	    "1db2410b7d", in, sizeof(in)), i;
	struct core_buf out;
	int bad = 0;

	core_buf_init(&out, 4096);
	for (i = 0; i < n; i++) {
		if (net_zlib_inflate(in, i, &out) != CORE_E_TRUNC ||
		    out.len != 0) {
			bad++;
		}
	}
	CHECK_INT(0, bad);
	CHECK_INT(0, net_zlib_inflate(in, n, &out));
	CHECK_INT(30, out.len);
	core_buf_fini(&out);
}

static void
stored_errors(void)
{
	struct core_buf out;

	/* NLEN not the complement */
	CHECK_INT(CORE_E_BADMSG, inflate_hex("7801010500faef68656c6c6f062c0215",
	    64, NULL));
	/* LEN past the input */
	CHECK_INT(CORE_E_TRUNC, inflate_hex("7801010600f9ff68656c6c6f062c0215",
	    64, NULL));
	/* block type 3 */
	CHECK_INT(CORE_E_BADMSG, inflate_hex("780107", 64, NULL));
	/* two stored blocks, the first not final */
	CHECK_INT(0, inflate_hex("7801000200fdff6865010300fcff6c6c6f062c0215",
	    64, &out));
	CHECK_MEM("hello", 5, out.p, out.len);
	core_buf_fini(&out);
}

static void
fixed_matches(void)
{
	struct core_buf out;
	struct bw w;

	/* "a" then length 5 distance 1 (overlapping run) */
	bw_start(&w);
	bw_bits(&w, 1, 1);
	bw_bits(&w, 1, 2);
	bw_fixed(&w, 'a');
	bw_fixed(&w, 259);	/* length 5 */
	bw_code(&w, 0, 5);	/* distance 1 */
	bw_fixed(&w, 285);	/* length 258 */
	bw_code(&w, 0, 5);
	bw_fixed(&w, 256);
	{
		char want[264];

		memset(want, 'a', sizeof(want));
		bw_finish(&w, want, sizeof(want));
		CHECK_INT(0, bw_inflate(&w, &out));
		CHECK_MEM(want, sizeof(want), out.p, out.len);
	}
	core_buf_fini(&out);
	/* distance 2 with only one byte out */
	bw_start(&w);
	bw_bits(&w, 1, 1);
	bw_bits(&w, 1, 2);
	bw_fixed(&w, 'a');
	bw_fixed(&w, 257);
	bw_code(&w, 1, 5);	/* distance 2 */
	bw_fixed(&w, 256);
	bw_finish(&w, "aaaa", 4);
	CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
	core_buf_fini(&out);
}

static void
fixed_invalid_symbols(void)
{
	static const unsigned lit[] = { 286, 287 };
	struct core_buf out;
	struct bw w;
	unsigned i;

	for (i = 0; i < 2; i++) {
		bw_start(&w);
		bw_bits(&w, 1, 1);
		bw_bits(&w, 1, 2);
		bw_fixed(&w, 'a');
		bw_fixed(&w, lit[i]);
		bw_code(&w, 0, 5);
		bw_fixed(&w, 256);
		bw_finish(&w, "a", 1);
		CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
		core_buf_fini(&out);
	}
	for (i = 30; i < 32; i++) {
		bw_start(&w);
		bw_bits(&w, 1, 1);
		bw_bits(&w, 1, 2);
		bw_fixed(&w, 'a');
		bw_fixed(&w, 257);
		bw_code(&w, i, 5);
		bw_fixed(&w, 256);
		bw_finish(&w, "a", 1);
		CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
		core_buf_fini(&out);
	}
}

/*
 * Writes a dynamic block header with hlit/hdist lengths sent verbatim
 * (code length code: symbols 0..15 with length 4 each -> complete), then
 * optional raw code-length symbols from `extra`.
 */
static void
bw_dyn_header(struct bw *w, const uint8_t *lens, unsigned hlit,
    unsigned hdist)
{
	static const uint8_t order[19] = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5,
	    11, 4, 12, 3, 13, 2, 14, 1, 15 };
	unsigned i;

	bw_bits(w, 1, 1);
	bw_bits(w, 2, 2);
	bw_bits(w, hlit - 257, 5);
	bw_bits(w, hdist - 1, 5);
	bw_bits(w, 19 - 4, 4);
	for (i = 0; i < 19; i++) {
		bw_bits(w, order[i] < 16 ? 4 : 0, 3);
	}
	/* with 16 codes of length 4, symbol s has code s */
	for (i = 0; i < hlit + hdist; i++) {
		bw_code(w, lens[i], 4);
	}
}

static void
dynamic_code_sets(void)
{
	uint8_t lens[320];
	struct core_buf out;
	struct bw w;

	/* lit: 'a' and 256 length 1 each; dist: one code of length 1 */
	memset(lens, 0, sizeof(lens));
	lens['a'] = 1;
	lens[256] = 1;
	lens[257] = 1;	/* dist 0 */
	bw_start(&w);
	bw_dyn_header(&w, lens, 257, 1);
	bw_code(&w, 0, 1);	/* 'a' */
	bw_code(&w, 0, 1);
	bw_code(&w, 1, 1);	/* end */
	bw_finish(&w, "aa", 2);
	CHECK_INT(0, bw_inflate(&w, &out));
	CHECK_MEM("aa", 2, out.p, out.len);
	core_buf_fini(&out);

	/* missing end-of-block code */
	lens[256] = 0;
	lens['b'] = 1;
	bw_start(&w);
	bw_dyn_header(&w, lens, 257, 1);
	bw_finish(&w, "", 0);
	CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
	core_buf_fini(&out);

	/* over-subscribed literal code: three codes of length 1 */
	lens[256] = 1;
	bw_start(&w);
	bw_dyn_header(&w, lens, 257, 1);
	bw_finish(&w, "", 0);
	CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
	core_buf_fini(&out);

	/* incomplete literal code: lengths 1 and 2 */
	lens['b'] = 0;
	lens[256] = 2;
	bw_start(&w);
	bw_dyn_header(&w, lens, 257, 1);
	bw_finish(&w, "", 0);
	CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
	core_buf_fini(&out);

	/* incomplete distance code with two lengths (1 and 2) */
	lens[256] = 1;
	lens[257] = 1;
	lens[258] = 2;
	bw_start(&w);
	bw_dyn_header(&w, lens, 257, 2);
	bw_finish(&w, "", 0);
	CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
	core_buf_fini(&out);

	/* empty distance code: literals only is fine */
	lens[257] = 0;
	lens[258] = 0;
	bw_start(&w);
	bw_dyn_header(&w, lens, 257, 1);
	bw_code(&w, 0, 1);
	bw_code(&w, 1, 1);
	bw_finish(&w, "a", 1);
	CHECK_INT(0, bw_inflate(&w, &out));
	CHECK_MEM("a", 1, out.p, out.len);
	core_buf_fini(&out);
}

static void
dynamic_single_dist_unused_code(void)
{
	uint8_t lens[320];
	struct core_buf out;
	struct bw w;

	/* lit 'a' len 2, 256 len 2, 257 (length 3) len 1; one dist code */
	memset(lens, 0, sizeof(lens));
	lens['a'] = 2;
	lens[256] = 2;
	lens[257] = 1;
	lens[258] = 1;	/* dist code 0 (distance 1), length 1 */
	bw_start(&w);
	bw_dyn_header(&w, lens, 258, 1);
	bw_code(&w, 2, 2);	/* 'a' */
	bw_code(&w, 0, 1);	/* length 3 */
	bw_code(&w, 0, 1);	/* distance 1 */
	bw_code(&w, 3, 2);	/* end */
	bw_finish(&w, "aaaa", 4);
	CHECK_INT(0, bw_inflate(&w, &out));
	CHECK_MEM("aaaa", 4, out.p, out.len);
	core_buf_fini(&out);
	/* the unused distance code (bit 1) */
	bw_start(&w);
	bw_dyn_header(&w, lens, 258, 1);
	bw_code(&w, 2, 2);
	bw_code(&w, 0, 1);
	bw_code(&w, 1, 1);
	bw_code(&w, 3, 2);
	bw_code(&w, 0, 16);	/* padding: the error is not truncation */
	bw_finish(&w, "aaaa", 4);
	CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
	core_buf_fini(&out);
}

static void
dynamic_header_errors(void)
{
	struct core_buf out;
	struct bw w;
	unsigned i;

	/* hlit 287 */
	bw_start(&w);
	bw_bits(&w, 1, 1);
	bw_bits(&w, 2, 2);
	bw_bits(&w, 30, 5);
	bw_bits(&w, 0, 5);
	bw_bits(&w, 0, 4);
	bw_bits(&w, 0, 32);
	bw_finish(&w, "", 0);
	CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
	core_buf_fini(&out);
	/* hdist 31 */
	bw_start(&w);
	bw_bits(&w, 1, 1);
	bw_bits(&w, 2, 2);
	bw_bits(&w, 0, 5);
	bw_bits(&w, 30, 5);
	bw_bits(&w, 0, 4);
	bw_bits(&w, 0, 32);
	bw_finish(&w, "", 0);
	CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
	core_buf_fini(&out);
	/* code length code incomplete: only symbol 16 of length 1 */
	bw_start(&w);
	bw_bits(&w, 1, 1);
	bw_bits(&w, 2, 2);
	bw_bits(&w, 0, 5);
	bw_bits(&w, 0, 5);
	bw_bits(&w, 0, 4);
	bw_bits(&w, 1, 3);
	for (i = 0; i < 3; i++) {
		bw_bits(&w, 0, 3);
	}
	bw_bits(&w, 0, 32);
	bw_finish(&w, "", 0);
	CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
	core_buf_fini(&out);
}

/* Code-length code: 0, 1, 16 of length 2, 17, 18 of length 3 (complete). */
static void
bw_dyn_rle_header(struct bw *w, unsigned hlit, unsigned hdist)
{
	bw_bits(w, 1, 1);
	bw_bits(w, 2, 2);
	bw_bits(w, hlit - 257, 5);
	bw_bits(w, hdist - 1, 5);
	bw_bits(w, 18 - 4, 4);	/* order up to index 17 (symbol 1) */
	/* order: 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1 */
	bw_bits(w, 2, 3);
	bw_bits(w, 3, 3);
	bw_bits(w, 3, 3);
	bw_bits(w, 2, 3);
	{
		unsigned i;

		for (i = 4; i < 17; i++) {
			bw_bits(w, 0, 3);
		}
	}
	bw_bits(w, 2, 3);
	/* canonical: 0 -> 00, 1 -> 01, 16 -> 10, 17 -> 110, 18 -> 111 */
}

static void
dynamic_repeat_errors(void)
{
	struct core_buf out;
	struct bw w;

	/* 16 as the first symbol: nothing to repeat */
	bw_start(&w);
	bw_dyn_rle_header(&w, 257, 1);
	bw_code(&w, 2, 2);
	bw_bits(&w, 0, 2);
	bw_bits(&w, 0, 32);
	bw_finish(&w, "", 0);
	CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
	core_buf_fini(&out);
	/* zeros past hlit + hdist: 18 x 138, 18 x 121 = 259 > 257 + 1 */
	bw_start(&w);
	bw_dyn_rle_header(&w, 257, 1);
	bw_code(&w, 7, 3);
	bw_bits(&w, 127, 7);
	bw_code(&w, 7, 3);
	bw_bits(&w, 110, 7);
	bw_bits(&w, 0, 32);
	bw_finish(&w, "", 0);
	CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
	core_buf_fini(&out);
	/* a 16 repeat running one past the end, otherwise valid */
	bw_start(&w);
	bw_dyn_rle_header(&w, 257, 1);
	bw_code(&w, 7, 3);
	bw_bits(&w, 127, 7);	/* 138 zeros */
	bw_code(&w, 7, 3);
	bw_bits(&w, 106, 7);	/* 117 zeros: 255 */
	bw_code(&w, 1, 2);	/* 255: length 1 */
	bw_code(&w, 2, 2);	/* 16: 3 more of length 1, only 2 left */
	bw_bits(&w, 0, 2);
	bw_code(&w, 1, 1);	/* end of block */
	bw_finish(&w, "", 0);
	CHECK_INT(CORE_E_BADMSG, bw_inflate(&w, &out));
	core_buf_fini(&out);
	/* exactly filling: 255 zeros, then 256 len 1, dist len 1 -> ok */
	bw_start(&w);
	bw_dyn_rle_header(&w, 257, 1);
	bw_code(&w, 7, 3);
	bw_bits(&w, 127, 7);	/* 138 zeros */
	bw_code(&w, 7, 3);
	bw_bits(&w, 106, 7);	/* 117 zeros: 255 */
	bw_code(&w, 0, 2);	/* 255: length 0 */
	bw_code(&w, 1, 2);	/* 256: length 1 */
	bw_code(&w, 1, 2);	/* dist 0: length 1 */
	bw_code(&w, 0, 1);	/* end of block */
	bw_finish(&w, "", 0);
	CHECK_INT(0, bw_inflate(&w, &out));
	CHECK_INT(0, out.len);
	core_buf_fini(&out);
}

static void
limits(void)
{
	uint8_t in[32];
	size_t n = unhex("789ccb48cdc9c90700062c0215", in, sizeof(in));
	struct core_buf out;
	uint8_t *big, *z;
	size_t i;

	core_buf_init(&out, 4);
	CHECK_INT(CORE_E_LIMIT, net_zlib_inflate(in, n, &out));
	CHECK_INT(0, out.len);
	core_buf_fini(&out);
	core_buf_init(&out, 5);
	CHECK_INT(0, net_zlib_inflate(in, n, &out));
	CHECK_MEM("hello", 5, out.p, out.len);
	CHECK(out.cap <= 5);
	core_buf_fini(&out);
	/* a bomb: 1 MB of zeros, limited to 64 KB; memory stays bounded */
	big = calloc(1, 1 << 20);
	CHECK(big != NULL);
	if (big == NULL) {
		return;
	}
	core_buf_init(&out, 2 << 20);
	CHECK_INT(0, net_zlib_deflate(big, 1 << 20, &out));
	z = out.p;
	i = out.len;
	core_buf_init(&out, 1 << 16);
	CHECK_INT(CORE_E_LIMIT, net_zlib_inflate(z, i, &out));
	CHECK_INT(0, out.len);
	CHECK(out.cap <= 1 << 16);
	core_buf_fini(&out);
	free(z);
	free(big);
}

/* Deterministic test data of several kinds. */
static void
fill(uint8_t *p, size_t n, unsigned kind)
{
	static const char *const words[8] = { "mosh  ", "state ", "sync\r\n",
	    "frame ", "diff  ", "ack\r\n ", "\x1b[0m  ", "chaff " };
	const char *w = words[0];
	uint32_t x = 12345 + kind;
	size_t i;

	for (i = 0; i < n; i++) {
		x = x * 1103515245 + 12345;
		switch (kind) {
		case 0:	/* random */
			p[i] = (uint8_t)(x >> 16);
			break;
		case 1:	/* small alphabet */
			p[i] = (uint8_t)("aaaabbbcde \r\n\x1b["[(x >> 16) % 15]);
			break;
		case 2:	/* runs */
			p[i] = (uint8_t)('a' + (i / 300) % 26);
			break;
		default: /* words */
			if (i % 6 == 0) {
				w = words[(x >> 16) % 8];
			}
			p[i] = (uint8_t)w[i % 6];
			break;
		}
	}
}

static void
deflate_round_trips(void)
{
	static const size_t sizes[] = { 0, 1, 2, 3, 4, 100, 1000, 65535,
	    65536, 70000, 300000 };
	struct core_buf z, back;
	uint8_t *p;
	size_t i;
	unsigned kind;
	int bad = 0;

	p = malloc(300000);
	CHECK(p != NULL);
	if (p == NULL) {
		return;
	}
	core_buf_init(&z, 1 << 20);
	core_buf_init(&back, 1 << 20);
	for (kind = 0; kind < 4; kind++) {
		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			fill(p, sizes[i], kind);
			core_buf_reset(&z);
			core_buf_reset(&back);
			if (net_zlib_deflate(p, sizes[i], &z) != 0 ||
			    net_zlib_inflate(z.p, z.len, &back) != 0 ||
			    back.len != sizes[i] ||
			    (sizes[i] > 0 && memcmp(back.p, p, sizes[i]) != 0)) {
				test_fail(__FILE__, __LINE__, "kind %u size %zu",
				    kind, sizes[i]);
				bad++;
			}
		}
	}
	CHECK_INT(0, bad);
	core_buf_fini(&z);
	core_buf_fini(&back);
	free(p);
}

/* Real compression, not stored blocks; small inputs match zlib's bytes. */
static void
deflate_compresses(void)
{
	uint8_t want[64], *p;
	struct core_buf z;
	size_t wl, n = 100000;

	core_buf_init(&z, 1 << 20);
	/* zlib level 6 gives exactly these (fixed block; match at distance 6) */
	CHECK_INT(0, net_zlib_deflate((const uint8_t *)"hello", 5, &z));
	wl = unhex("789ccb48cdc9c90700062c0215", want, sizeof(want));
	CHECK_MEM(want, wl, z.p, z.len);
	core_buf_reset(&z);
	CHECK_INT(0, net_zlib_deflate((const uint8_t *)"", 0, &z));
	CHECK_MEM("\x78\x9c\x03\x00\x00\x00\x00\x01", 8, z.p, z.len);
	p = malloc(n);
	CHECK(p != NULL);
	if (p == NULL) {
		core_buf_fini(&z);
		return;
	}
	memset(p, 0, n);
	core_buf_reset(&z);
	CHECK_INT(0, net_zlib_deflate(p, n, &z));
	CHECK(z.len < 200);
	fill(p, n, 3);	/* words: zlib level 6 gives about 10.6% */
	core_buf_reset(&z);
	CHECK_INT(0, net_zlib_deflate(p, n, &z));
	CHECK(z.len < n * 12 / 100);
	fill(p, n, 1);	/* skewed 10-letter alphabet: level 6 gives 45.7% */
	core_buf_reset(&z);
	CHECK_INT(0, net_zlib_deflate(p, n, &z));
	CHECK(z.len < n * 47 / 100);
	fill(p, n, 0);	/* random: stored, bounded overhead */
	core_buf_reset(&z);
	CHECK_INT(0, net_zlib_deflate(p, n, &z));
	CHECK(z.len <= n + 5 * (n / 16384 + 1) + 6);
	free(p);
	core_buf_fini(&z);
}

/* Checks a code from net_zlib_huff_lengths; returns the number of faults. */
static int
check_code(const uint32_t *freq, unsigned n, unsigned maxbits)
{
	uint8_t len[286];
	uint32_t kraft = 0;
	unsigned i, j, used = 0;
	int bad = 0;

	net_zlib_huff_lengths(freq, n, maxbits, len);
	for (i = 0; i < n; i++) {
		if (len[i] > maxbits || (freq[i] > 0 && len[i] == 0)) {
			bad++;
		}
		if (len[i] > 0) {
			kraft += 1u << (maxbits - len[i]);
			used++;
		}
		for (j = 0; j < n; j++) {
			if (freq[i] > 0 && freq[j] > freq[i] &&
			    len[j] > len[i]) {
				bad++;
			}
		}
	}
	if (kraft != 1u << maxbits || used < 2) {
		bad++;
	}
	return bad;
}

static void
huffman_length_limits(void)
{
	uint32_t freq[286];
	unsigned i;
	uint8_t len[286];

	/* Fibonacci weights make a maximally deep tree: 29 and 18 levels */
	memset(freq, 0, sizeof(freq));
	freq[0] = freq[1] = 1;
	for (i = 2; i < 30; i++) {
		freq[i] = freq[i - 1] + freq[i - 2];
	}
	CHECK_INT(0, check_code(freq, 30, 15));
	CHECK_INT(0, check_code(freq, 19, 7));
	CHECK_INT(0, check_code(freq, 286, 15));
	net_zlib_huff_lengths(freq, 30, 15, len);
	CHECK_INT(15, len[0]);
	CHECK_INT(1, len[29]);
	/* flat weights over 286 symbols: lengths 8 and 9 */
	for (i = 0; i < 286; i++) {
		freq[i] = 1000;
	}
	CHECK_INT(0, check_code(freq, 286, 15));
	/* no or one symbol: two codes of length 1 */
	memset(freq, 0, sizeof(freq));
	CHECK_INT(0, check_code(freq, 30, 15));
	freq[7] = 5;
	CHECK_INT(0, check_code(freq, 30, 15));
	freq[7] = 0;
	freq[0] = 5;
	CHECK_INT(0, check_code(freq, 30, 15));
	/* all 19 code-length symbols with skew, limited to 7 */
	for (i = 0; i < 19; i++) {
		freq[i] = 1u << i;
	}
	CHECK_INT(0, check_code(freq, 19, 7));
}

/* One context over inputs of changing size gives the one-shot bytes. */
static void
deflater_reuse(void)
{
	static const size_t sizes[] = { 1000, 0, 300000, 5, 70000, 1000, 3 };
	struct net_zlib_deflater z = { NULL, 0 };
	struct core_buf a, b, back;
	uint8_t *p;
	size_t i;
	int bad = 0;

	p = malloc(300000);
	CHECK(p != NULL);
	if (p == NULL) {
		return;
	}
	core_buf_init(&a, 1 << 20);
	core_buf_init(&b, 1 << 20);
	core_buf_init(&back, 1 << 20);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		fill(p, sizes[i], (unsigned)i % 4);
		core_buf_reset(&a);
		core_buf_reset(&b);
		core_buf_reset(&back);
		if (net_zlib_deflater_run(&z, p, sizes[i], &a) != 0 ||
		    net_zlib_deflate(p, sizes[i], &b) != 0 ||
		    a.len != b.len || memcmp(a.p, b.p, a.len) != 0 ||
		    net_zlib_inflate(a.p, a.len, &back) != 0 ||
		    back.len != sizes[i] ||
		    (sizes[i] > 0 && memcmp(back.p, p, sizes[i]) != 0)) {
			test_fail(__FILE__, __LINE__, "size %zu", sizes[i]);
			bad++;
		}
	}
	CHECK_INT(0, bad);
	CHECK(z.size > 0 && z.size <= 330 * 1024);
	net_zlib_deflater_fini(&z);
	CHECK(z.mem == NULL);
	/* usable again after fini */
	core_buf_reset(&a);
	CHECK_INT(0, net_zlib_deflater_run(&z, (const uint8_t *)"hello", 5,
	    &a));
	net_zlib_deflater_fini(&z);
	core_buf_fini(&a);
	core_buf_fini(&b);
	core_buf_fini(&back);
	free(p);
}

static void
deflate_limit(void)
{
	uint8_t p[1000];
	struct core_buf z;

	fill(p, sizeof(p), 0);
	core_buf_init(&z, 100);
	CHECK_INT(0, core_buf_append(&z, "ab", 2));
	CHECK_INT(CORE_E_LIMIT, net_zlib_deflate(p, sizeof(p), &z));
	CHECK_INT(2, z.len);
	core_buf_fini(&z);
}

static const struct test tests[] = {
	T(adler_known),
	T(adler_long),
	T(known_streams),
	T(appends_after_existing),
	T(header_errors),
	T(trailer_errors),
	T(every_prefix_truncated),
	T(stored_errors),
	T(fixed_matches),
	T(fixed_invalid_symbols),
	T(dynamic_code_sets),
	T(dynamic_single_dist_unused_code),
	T(dynamic_header_errors),
	T(dynamic_repeat_errors),
	T(limits),
	T(deflate_round_trips),
	T(huffman_length_limits),
	T(deflate_compresses),
	T(deflater_reuse),
	T(deflate_limit),
};

TEST_MAIN(tests)
