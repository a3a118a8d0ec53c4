/*
 * test/unit/core_utf8.c - the incremental UTF-8 decoder (maximal subpart
 * replacement) and the encoder.
 */
#include "test/harness.h"
#include "core/utf8.h"

/* Decodes s[0, n) into out; returns the number of code points. */
static size_t
decode(const char *s, size_t n, uint32_t *out)
{
	struct core_utf8 d;
	size_t i, k = 0;

	core_utf8_init(&d);
	for (i = 0; i < n; i++) {
		k += (size_t)core_utf8_feed(&d, (uint8_t)s[i], out + k);
	}
	k += (size_t)core_utf8_flush(&d, out + k);
	return k;
}

#define CHECK_DECODE(bytes, ...) do { \
	static const uint32_t want_[] = { __VA_ARGS__ }; \
	uint32_t got_[64]; \
	size_t n_ = decode(bytes, sizeof(bytes) - 1, got_); \
	CHECK_MEM(want_, sizeof want_, got_, n_ * sizeof got_[0]); \
	} while (0)

static void
valid(void)
{
	CHECK_DECODE("a", 'a');
	CHECK_DECODE("\xc3\xa9", 0xE9);
	CHECK_DECODE("\xe4\xb8\x80", 0x4E00);
	CHECK_DECODE("\xf0\x9f\x98\x80", 0x1F600);
	CHECK_DECODE("\xf4\x8f\xbf\xbf", 0x10FFFF);
	CHECK_DECODE("\xed\x9f\xbf", 0xD7FF);
}

static void
maximal_subparts(void)
{
	/* Examples from Unicode 15.0 section 3.9 (tables 3-8 to 3-11). */
	CHECK_DECODE("\xc0\xaf", 0xFFFD, 0xFFFD);
	CHECK_DECODE("\xe0\x80\xaf", 0xFFFD, 0xFFFD, 0xFFFD);
	CHECK_DECODE("\xf4\x90\x80\x80", 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD);
	CHECK_DECODE("\xed\xa0\x80", 0xFFFD, 0xFFFD, 0xFFFD);
	CHECK_DECODE("\xe1\x80\xe2\xf0\x91\x92\xf1\xbf\x41",
	    0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 'A');
	CHECK_DECODE("\x61\xf1\x80\x80\xe1\x80\xc2\x62\x80\x63\x80\xbf\x64",
	    'a', 0xFFFD, 0xFFFD, 0xFFFD, 'b', 0xFFFD, 'c', 0xFFFD, 0xFFFD,
	    'd');
}

static void
no_desync(void)
{
	/* A truncated sequence does not swallow the next character. */
	CHECK_DECODE("\xe4\xb8" "a", 0xFFFD, 'a');
	CHECK_DECODE("\xe4\xb8\xc3\xa9", 0xFFFD, 0xE9);
	CHECK_DECODE("\xe4\x1b", 0xFFFD, 0x1B);
	CHECK_DECODE("\xff\xfe", 0xFFFD, 0xFFFD);
	CHECK_DECODE("\xe4\xb8", 0xFFFD);	/* flushed at the end */
}

static void
encode(void)
{
	static const uint32_t cps[] = { 0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF,
	    0x10000, 0x10FFFF };
	uint8_t b[4];
	uint32_t out[2];
	struct core_utf8 d;
	size_t i, n, j;
	int k = 0;

	for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		n = core_utf8_encode(cps[i], b);
		core_utf8_init(&d);
		for (j = 0; j < n; j++) {
			k = core_utf8_feed(&d, b[j], out);
		}
		CHECK_INT(1, k);
		CHECK_U64(cps[i], out[0]);
	}
	CHECK_INT(3, core_utf8_encode(0xD800, b));
	CHECK_MEM("\xef\xbf\xbd", 3, b, 3);
	CHECK_INT(3, core_utf8_encode(0x110000, b));
}

static const struct test tests[] = {
	T(valid), T(maximal_subparts), T(no_desync), T(encode),
};
TEST_MAIN(tests)
