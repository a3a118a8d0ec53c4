/*
 * Unit tests: core/base64 (RFC 4648 section 10 test vectors and errors).
 */
#include "core/base64.h"
#include "core/err.h"
#include "test/harness.h"

static const char *const vec[][2] = {
	{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
	{ "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" },
	{ "foobar", "Zm9vYmFy" },
};

static void
rfc4648_encode(void)
{
	char out[16];
	size_t i;

	for (i = 0; i < sizeof vec / sizeof vec[0]; i++) {
		core_base64_encode((const uint8_t *)vec[i][0], strlen(vec[i][0]), out);
		CHECK_STR(vec[i][1], out);
	}
}

static void
rfc4648_decode(void)
{
	uint8_t out[16];
	size_t i;
	long n;

	for (i = 0; i < sizeof vec / sizeof vec[0]; i++) {
		n = core_base64_decode(vec[i][1], strlen(vec[i][1]), out, sizeof out);
		CHECK_MEM(vec[i][0], strlen(vec[i][0]), out, n < 0 ? 0 : (size_t)n);
	}
}

static void
all_byte_values(void)
{
	uint8_t in[256], back[256];
	char enc[CORE_BASE64_LEN(256) + 1];
	int i;

	for (i = 0; i < 256; i++) {
		in[i] = (uint8_t)i;
	}
	core_base64_encode(in, sizeof in, enc);
	CHECK_INT(CORE_BASE64_LEN(256), strlen(enc));
	CHECK_INT(256, core_base64_decode(enc, strlen(enc), back, sizeof back));
	CHECK_MEM(in, 256, back, 256);
}

static void
rejects_bad_input(void)
{
	uint8_t out[16];

	CHECK_INT(CORE_E_BADMSG, core_base64_decode("Zm9", 3, out, sizeof out));
	CHECK_INT(CORE_E_BADMSG, core_base64_decode("Zm9*", 4, out, sizeof out));
	CHECK_INT(CORE_E_BADMSG, core_base64_decode("Z=9v", 4, out, sizeof out));
	CHECK_INT(CORE_E_BADMSG, core_base64_decode("Zg=A", 4, out, sizeof out));
	CHECK_INT(CORE_E_BADMSG, core_base64_decode("Zg==Zg==", 8, out, sizeof out));
	CHECK_INT(CORE_E_BADMSG, core_base64_decode("Zm 9", 4, out, sizeof out));
	CHECK_INT(CORE_E_LIMIT, core_base64_decode("Zm9vYmFy", 8, out, 5));
}

static const struct test tests[] = {
	T(rfc4648_encode), T(rfc4648_decode), T(all_byte_values),
	T(rejects_bad_input),
};
TEST_MAIN(tests)
