/*
 * net/userstream.c - the user event stream and its SSP ops.
 *
 * Keystrokes live in one byte buffer and resizes in a side table keyed by
 * their position in it, so a run of keystrokes is contiguous (one
 * Keystroke on the wire, no copying) and a prefix test is two memcmps.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "net/userstream.h"

#define MARK_SIZE 12	/* be32 pos, be32 width, be32 height */

struct net_us *
net_us_new(void)
{
	struct net_us *us = malloc(sizeof(*us));

	if (us != NULL) {
		core_buf_init(&us->bytes, NET_US_BYTES_MAX);
		core_buf_init(&us->marks, (size_t)NET_US_RESIZES_MAX * MARK_SIZE);
	}
	return us;
}

void
net_us_free(struct net_us *us)
{
	if (us != NULL) {
		core_buf_fini(&us->bytes);
		core_buf_fini(&us->marks);
		free(us);
	}
}

int
net_us_push_bytes(struct net_us *us, const uint8_t *p, size_t n)
{
	return n == 0 ? 0 : core_buf_append(&us->bytes, p, n);
}

int
net_us_push_resize(struct net_us *us, int32_t width, int32_t height)
{
	uint8_t rec[MARK_SIZE];

	core_st_be32(rec, (uint32_t)us->bytes.len);
	core_st_be32(rec + 4, (uint32_t)width);
	core_st_be32(rec + 8, (uint32_t)height);
	return core_buf_append(&us->marks, rec, sizeof(rec));
}

static size_t
nmarks(const struct net_us *us)
{
	return us->marks.len / MARK_SIZE;
}

static size_t
mark_pos(const struct net_us *us, size_t i)
{
	return core_ld_be32(us->marks.p + i * MARK_SIZE);
}

size_t
net_us_event_count(const struct net_us *us)
{
	return us->bytes.len + nmarks(us);
}

int
net_us_is_empty(const struct net_us *us)
{
	return us->bytes.len == 0 && us->marks.len == 0;
}

int
net_us_next(const struct net_us *us, struct net_us_cursor *c,
    struct net_msg_item *item)
{
	size_t end = us->bytes.len;
	const uint8_t *rec;

	memset(item, 0, sizeof(*item));
	if (c->mark < nmarks(us)) {
		end = mark_pos(us, c->mark);
	}
	if (c->byte < end) {
		item->kind = NET_MSG_BYTES;
		item->bytes = us->bytes.p + c->byte;
		item->len = end - c->byte;
		c->byte = end;
		return 1;
	}
	if (c->mark < nmarks(us)) {
		rec = us->marks.p + c->mark * MARK_SIZE;
		item->kind = NET_MSG_RESIZE;
		item->width = (int32_t)core_ld_be32(rec + 4);
		item->height = (int32_t)core_ld_be32(rec + 8);
		c->mark++;
		return 1;
	}
	return 0;
}

/* Is `a` an event prefix of `b`? */
static int
is_prefix(const struct net_us *a, const struct net_us *b)
{
	size_t na = nmarks(a);

	if (a->bytes.len > b->bytes.len || a->marks.len > b->marks.len) {
		return 0;
	}
	if ((a->bytes.len && memcmp(a->bytes.p, b->bytes.p, a->bytes.len)) ||
	    (a->marks.len && memcmp(a->marks.p, b->marks.p, a->marks.len))) {
		return 0;
	}
	/* b's later resizes must come after all of a's keystrokes. */
	return na == nmarks(b) || mark_pos(b, na) >= a->bytes.len;
}

static int
us_diff(void *user, const void *ref_, const void *cur_, struct core_buf *out)
{
	const struct net_us *ref = ref_, *cur = cur_;
	struct net_us_cursor c;
	struct net_msg_item it;
	int r = 0;

	if (!is_prefix(ref, cur)) {
		return CORE_E_STATE;
	}
	c.byte = ref->bytes.len;
	c.mark = nmarks(ref);
	while (r == 0 && net_us_next(cur, &c, &it) == 1) {
		if (it.kind == NET_MSG_BYTES) {
			r = net_pb_msg_put_bytes(out, it.bytes, it.len);
		} else {
			r = net_pb_msg_put_resize(out, it.width, it.height);
		}
	}
	return r;
}

static int
us_apply(void *user, void *state, const uint8_t *p, size_t n)
{
	struct net_us *us = state;
	struct net_pb_msg_iter it;
	struct net_msg_item item;
	int r;

	net_pb_msg_iter_init(&it, p, n);
	while ((r = net_pb_msg_next(&it, &item)) == 1) {
		if (item.kind == NET_MSG_BYTES) {
			r = net_us_push_bytes(us, item.bytes, item.len);
		} else if (item.kind == NET_MSG_RESIZE) {
			r = net_us_push_resize(us, item.width, item.height);
		} else {
			r = 0;	/* an echo ack means nothing here */
		}
		if (r < 0) {
			return r;
		}
	}
	return r;
}

static int
us_equal(void *user, const void *a_, const void *b_)
{
	const struct net_us *a = a_, *b = b_;

	return a->bytes.len == b->bytes.len && a->marks.len == b->marks.len &&
	    (a->bytes.len == 0 || !memcmp(a->bytes.p, b->bytes.p, a->bytes.len)) &&
	    (a->marks.len == 0 || !memcmp(a->marks.p, b->marks.p, a->marks.len));
}

static void *
us_copy(void *user, const void *state)
{
	const struct net_us *src = state;
	struct net_us *us = net_us_new();

	if (us == NULL) {
		return NULL;
	}
	if (core_buf_append(&us->bytes, src->bytes.p, src->bytes.len) < 0 ||
	    core_buf_append(&us->marks, src->marks.p, src->marks.len) < 0) {
		net_us_free(us);
		return NULL;
	}
	return us;
}

static void
us_free(void *user, void *state)
{
	net_us_free(state);
}

static void
us_subtract(void *user, void *state, const void *acked_)
{
	struct net_us *us = state;
	const struct net_us *acked = acked_;
	size_t nb, nm, i;
	uint8_t *rec;

	if (us == acked) {
		core_buf_reset(&us->bytes);
		core_buf_reset(&us->marks);
		return;
	}
	if (!is_prefix(acked, us)) {
		return;
	}
	nb = acked->bytes.len;
	nm = nmarks(acked);
	core_buf_consume(&us->bytes, nb);
	core_buf_consume(&us->marks, nm * MARK_SIZE);
	for (i = 0; i < nmarks(us); i++) {
		rec = us->marks.p + i * MARK_SIZE;
		core_st_be32(rec, (uint32_t)(core_ld_be32(rec) - nb));
	}
}

static size_t
us_size(void *user, const void *state)
{
	const struct net_us *us = state;

	return sizeof(*us) + us->bytes.cap + us->marks.cap;
}

const struct ssp_ops net_us_ops = {
	.diff = us_diff,
	.apply = us_apply,
	.equal = us_equal,
	.copy = us_copy,
	.free = us_free,
	.subtract = us_subtract,
	.size = us_size,
};
