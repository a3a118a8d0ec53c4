/*
 * core/buf.c - bounded growable buffers and the bounded reader.
 *
 * Growth doubles the capacity (starting at 64 bytes) but never allocates
 * more than `max`, so a buffer's memory is bounded by its limit.
 */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"

void
core_burn(void *p, size_t n)
{
	volatile uint8_t *v = p;

	while (n--) {
		*v++ = 0;
	}
}

void
core_buf_init(struct core_buf *b, size_t max)
{
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void
core_buf_fini(struct core_buf *b)
{
	if (b->p != NULL) {
		core_burn(b->p, b->cap);
		free(b->p);
	}
	b->p = NULL;
	b->len = 0;
	b->cap = 0;
}

void
core_buf_reset(struct core_buf *b)
{
	b->len = 0;
}

int
core_buf_reserve(struct core_buf *b, size_t n)
{
	size_t need, ncap;
	uint8_t *np;

	if (n > b->max - b->len) {
		return CORE_E_LIMIT;
	}
	need = b->len + n;
	if (need <= b->cap) {
		return 0;
	}
	ncap = b->cap ? b->cap : 64;
	while (ncap < need) {
		ncap = ncap > SIZE_MAX / 2 ? SIZE_MAX : ncap * 2;
	}
	if (ncap > b->max) {
		ncap = b->max;
	}
	np = realloc(b->p, ncap);
	if (np == NULL) {
		return CORE_E_NOMEM;
	}
	b->p = np;
	b->cap = ncap;
	return 0;
}

int
core_buf_append(struct core_buf *b, const void *data, size_t n)
{
	int err;

	if (n == 0) {
		return 0;
	}
	if ((err = core_buf_reserve(b, n)) < 0) {
		return err;
	}
	memcpy(b->p + b->len, data, n);
	b->len += n;
	return 0;
}

int
core_buf_putc(struct core_buf *b, uint8_t c)
{
	return core_buf_append(b, &c, 1);
}

int
core_buf_puts(struct core_buf *b, const char *s)
{
	return core_buf_append(b, s, strlen(s));
}

int
core_buf_put_be16(struct core_buf *b, uint16_t v)
{
	uint8_t t[2];

	core_st_be16(t, v);
	return core_buf_append(b, t, sizeof t);
}

int
core_buf_put_be64(struct core_buf *b, uint64_t v)
{
	uint8_t t[8];

	core_st_be64(t, v);
	return core_buf_append(b, t, sizeof t);
}

void
core_buf_consume(struct core_buf *b, size_t n)
{
	if (n >= b->len) {
		b->len = 0;
		return;
	}
	memmove(b->p, b->p + n, b->len - n);
	b->len -= n;
}

int
core_rd_bytes(struct core_rd *r, size_t n, const uint8_t **p)
{
	if (n > core_rd_left(r)) {
		return CORE_E_TRUNC;
	}
	*p = r->p + r->pos;
	r->pos += n;
	return 0;
}

int
core_rd_u8(struct core_rd *r, uint8_t *v)
{
	const uint8_t *p;
	int err;

	if ((err = core_rd_bytes(r, 1, &p)) < 0) {
		return err;
	}
	*v = p[0];
	return 0;
}

int
core_rd_be16(struct core_rd *r, uint16_t *v)
{
	const uint8_t *p;
	int err;

	if ((err = core_rd_bytes(r, 2, &p)) < 0) {
		return err;
	}
	*v = core_ld_be16(p);
	return 0;
}

int
core_rd_be64(struct core_rd *r, uint64_t *v)
{
	const uint8_t *p;
	int err;

	if ((err = core_rd_bytes(r, 8, &p)) < 0) {
		return err;
	}
	*v = core_ld_be64(p);
	return 0;
}
