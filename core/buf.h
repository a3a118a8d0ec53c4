/*
 * core/buf.h - bounded growable byte buffers, a bounded reader, and
 * big-endian load/store helpers for wire fields.
 *
 * A core_buf owns its storage and never grows past its `max`; an append
 * that would exceed it fails with CORE_E_LIMIT and leaves the buffer as it
 * was.  A core_rd borrows bytes and reports CORE_E_TRUNC instead of reading
 * past the end.  Wire bytes are never cast to wider integer types: use the
 * load/store helpers.
 */
#ifndef CORE_BUF_H
#define CORE_BUF_H

#include <stddef.h>
#include <stdint.h>

struct core_buf {
	uint8_t *p;	/* owned; NULL until the first append */
	size_t len;	/* bytes in use */
	size_t cap;	/* bytes allocated */
	size_t max;	/* hard limit on len */
};

/* An empty buffer that may hold at most `max` bytes. Allocates nothing. */
void core_buf_init(struct core_buf *b, size_t max);
/* Frees the storage (burning it first: buffers may hold secrets). */
void core_buf_fini(struct core_buf *b);
/* Empties the buffer, keeping its storage. */
void core_buf_reset(struct core_buf *b);
/* Makes room for `n` more bytes. 0, CORE_E_LIMIT or CORE_E_NOMEM. */
int core_buf_reserve(struct core_buf *b, size_t n);
/* Appends bytes. 0, CORE_E_LIMIT or CORE_E_NOMEM. */
int core_buf_append(struct core_buf *b, const void *data, size_t n);
int core_buf_putc(struct core_buf *b, uint8_t c);
int core_buf_puts(struct core_buf *b, const char *s);
int core_buf_put_be16(struct core_buf *b, uint16_t v);
int core_buf_put_be64(struct core_buf *b, uint64_t v);
/* Drops the first `n` bytes (n <= len), moving the rest to the front. */
void core_buf_consume(struct core_buf *b, size_t n);

/* A borrowed, bounded view for parsing. */
struct core_rd {
	const uint8_t *p;	/* borrowed */
	size_t len;
	size_t pos;
};

static inline void
core_rd_init(struct core_rd *r, const void *p, size_t len)
{
	r->p = p;
	r->len = len;
	r->pos = 0;
}

static inline size_t
core_rd_left(const struct core_rd *r)
{
	return r->len - r->pos;
}

/* Each returns 0 or CORE_E_TRUNC (the reader is left unchanged on error). */
int core_rd_u8(struct core_rd *r, uint8_t *v);
int core_rd_be16(struct core_rd *r, uint16_t *v);
int core_rd_be64(struct core_rd *r, uint64_t *v);
/* Points *p into the reader's bytes; no copy. */
int core_rd_bytes(struct core_rd *r, size_t n, const uint8_t **p);

static inline uint16_t
core_ld_be16(const uint8_t *p)
{
	return (uint16_t)((unsigned)p[0] << 8 | p[1]);
}

static inline uint32_t
core_ld_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static inline uint64_t
core_ld_be64(const uint8_t *p)
{
	return (uint64_t)core_ld_be32(p) << 32 | core_ld_be32(p + 4);
}

static inline void
core_st_be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline void
core_st_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static inline void
core_st_be64(uint8_t *p, uint64_t v)
{
	core_st_be32(p, (uint32_t)(v >> 32));
	core_st_be32(p + 4, (uint32_t)v);
}

/* Overwrites memory in a way the compiler may not elide. */
void core_burn(void *p, size_t n);

#endif
