/*
 * Unit tests: core/buf (bounded buffers, reader, big-endian helpers).
 */
#include <stdlib.h>

#include "core/buf.h"
#include "core/err.h"
#include "test/harness.h"

static void
append_and_limit(void)
{
	struct core_buf b;
	uint8_t big[100];

	memset(big, 'x', sizeof big);
	core_buf_init(&b, 10);
	CHECK_INT(0, core_buf_append(&b, "hello", 5));
	CHECK_INT(0, core_buf_puts(&b, "world"));
	CHECK_MEM("helloworld", 10, b.p, b.len);
	CHECK_INT(CORE_E_LIMIT, core_buf_putc(&b, '!'));
	CHECK_INT(10, b.len);
	CHECK(b.cap <= 10);
	core_buf_fini(&b);
	CHECK(b.p == NULL);

	core_buf_init(&b, 1000);
	CHECK_INT(CORE_E_LIMIT, core_buf_reserve(&b, 1001));
	CHECK_INT(0, core_buf_append(&b, big, sizeof big));
	CHECK_INT(0, core_buf_append(&b, big, 0));
	CHECK_INT(100, b.len);
	core_buf_fini(&b);
}

static void
growth_is_bounded_by_max(void)
{
	struct core_buf b;
	int i;

	core_buf_init(&b, 300);
	for (i = 0; i < 300; i++) {
		CHECK_INT(0, core_buf_putc(&b, (uint8_t)i));
	}
	CHECK_INT(300, b.cap);
	CHECK_INT((uint8_t)299, b.p[299]);
	core_buf_fini(&b);
}

static void
consume_and_reset(void)
{
	struct core_buf b;

	core_buf_init(&b, 64);
	core_buf_puts(&b, "abcdef");
	core_buf_consume(&b, 2);
	CHECK_MEM("cdef", 4, b.p, b.len);
	core_buf_consume(&b, 99);
	CHECK_INT(0, b.len);
	core_buf_puts(&b, "x");
	core_buf_reset(&b);
	CHECK_INT(0, b.len);
	core_buf_fini(&b);
}

static void
big_endian(void)
{
	uint8_t p[8];
	struct core_buf b;

	core_st_be16(p, 0x1234);
	CHECK_MEM("\x12\x34", 2, p, 2);
	CHECK_INT(0x1234, core_ld_be16(p));
	core_st_be32(p, 0xdeadbeef);
	CHECK_MEM("\xde\xad\xbe\xef", 4, p, 4);
	CHECK_U64(0xdeadbeefu, core_ld_be32(p));
	core_st_be64(p, 0x8000000000000003ull);
	CHECK_MEM("\x80\x00\x00\x00\x00\x00\x00\x03", 8, p, 8);
	CHECK_U64(0x8000000000000003ull, core_ld_be64(p));

	core_buf_init(&b, 16);
	CHECK_INT(0, core_buf_put_be64(&b, 0x0102030405060708ull));
	CHECK_INT(0, core_buf_put_be16(&b, 0xffff));
	CHECK_MEM("\x01\x02\x03\x04\x05\x06\x07\x08\xff\xff", 10, b.p, b.len);
	core_buf_fini(&b);
}

static void
reader_bounds(void)
{
	static const uint8_t in[] = { 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 9, 7 };
	struct core_rd r;
	const uint8_t *p;
	uint8_t u8;
	uint16_t u16;
	uint64_t u64;

	core_rd_init(&r, in, sizeof in);
	CHECK_INT(0, core_rd_u8(&r, &u8));
	CHECK_INT(1, u8);
	CHECK_INT(0, core_rd_be16(&r, &u16));
	CHECK_INT(2, u16);
	CHECK_INT(0, core_rd_be64(&r, &u64));
	CHECK_U64(9, u64);
	CHECK_INT(1, core_rd_left(&r));
	CHECK_INT(CORE_E_TRUNC, core_rd_be16(&r, &u16));
	CHECK_INT(CORE_E_TRUNC, core_rd_be64(&r, &u64));
	CHECK_INT(CORE_E_TRUNC, core_rd_bytes(&r, 2, &p));
	CHECK_INT(1, core_rd_left(&r));	/* failed reads consume nothing */
	CHECK_INT(0, core_rd_bytes(&r, 1, &p));
	CHECK_INT(7, p[0]);
	CHECK_INT(CORE_E_TRUNC, core_rd_u8(&r, &u8));
	CHECK_INT(0, core_rd_bytes(&r, 0, &p));
}

static void
burn(void)
{
	uint8_t k[16];

	memset(k, 0xaa, sizeof k);
	core_burn(k, sizeof k);
	CHECK_MEM("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16, k, 16);
}

static const struct test tests[] = {
	T(append_and_limit), T(growth_is_bounded_by_max), T(consume_and_reset),
	T(big_endian), T(reader_bounds), T(burn),
};
TEST_MAIN(tests)
