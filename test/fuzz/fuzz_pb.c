/*
 * test/fuzz/fuzz_pb.c - arbitrary bytes into the protobuf decoders.
 * A decoded Instruction must re-encode to bytes that decode to the same
 * fields and re-encode identically; message items (of the input and of
 * a decoded diff) must rebuild into a message that iterates to the same
 * items.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "net/pb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
same_item(const struct net_msg_item *a, const struct net_msg_item *b)
{
	if (a->kind != b->kind) {
		return 0;
	}
	switch (a->kind) {
	case NET_MSG_BYTES:
		return a->len == b->len &&
		    (a->len == 0 || memcmp(a->bytes, b->bytes, a->len) == 0);
	case NET_MSG_RESIZE:
		return a->width == b->width && a->height == b->height;
	default:
		return a->echo_ack == b->echo_ack;
	}
}

/* Iterates p, rebuilds each item, and checks the rebuilt message. */
static void
check_msg(const uint8_t *p, size_t n)
{
	struct net_pb_msg_iter it, it2;
	struct net_msg_item item, item2;
	struct core_buf b;
	int rc, rc2, count = 0;

	core_buf_init(&b, 4 * n + 64);
	net_pb_msg_iter_init(&it, p, n);
	while ((rc = net_pb_msg_next(&it, &item)) == 1) {
		count++;
		if (item.kind == NET_MSG_BYTES) {
			rc2 = net_pb_msg_put_bytes(&b, item.bytes, item.len);
		} else if (item.kind == NET_MSG_RESIZE) {
			rc2 = net_pb_msg_put_resize(&b, item.width,
			    item.height);
		} else if (item.kind == NET_MSG_ECHOACK) {
			rc2 = net_pb_msg_put_echoack(&b, item.echo_ack);
		} else {
			abort();
		}
		if (rc2 != 0) {
			abort();
		}
	}
	if (rc != 0 && (rc != CORE_E_TRUNC && rc != CORE_E_BADMSG)) {
		abort();
	}
	if (rc != 0 && net_pb_msg_next(&it, &item) != rc) {
		abort();	/* errors are sticky */
	}
	/* the rebuilt message yields the same items in the same order */
	net_pb_msg_iter_init(&it, p, n);
	net_pb_msg_iter_init(&it2, b.p, b.len);
	while (count-- > 0) {
		if (net_pb_msg_next(&it, &item) != 1 ||
		    net_pb_msg_next(&it2, &item2) != 1 ||
		    !same_item(&item, &item2)) {
			abort();
		}
	}
	if (net_pb_msg_next(&it2, &item2) != 0) {
		abort();
	}
	core_buf_fini(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct net_instruction a, b;
	struct core_buf e1, e2;
	int rc;

	rc = net_pb_instruction_decode(&a, data, size);
	if (rc == 0) {
		core_buf_init(&e1, size + 128);
		core_buf_init(&e2, size + 128);
		if (net_pb_instruction_encode(&a, &e1) != 0 ||
		    net_pb_instruction_decode(&b, e1.p, e1.len) != 0 ||
		    a.protocol_version != b.protocol_version ||
		    a.old_num != b.old_num || a.new_num != b.new_num ||
		    a.ack_num != b.ack_num ||
		    a.throwaway_num != b.throwaway_num ||
		    a.diff_len != b.diff_len || a.chaff_len != b.chaff_len ||
		    (a.diff_len && memcmp(a.diff, b.diff, a.diff_len)) ||
		    (a.chaff_len && memcmp(a.chaff, b.chaff, a.chaff_len)) ||
		    net_pb_instruction_encode(&b, &e2) != 0 ||
		    e1.len != e2.len || memcmp(e1.p, e2.p, e1.len) != 0) {
			abort();
		}
		check_msg(a.diff, a.diff_len);
		core_buf_fini(&e1);
		core_buf_fini(&e2);
	} else if (rc != CORE_E_TRUNC && rc != CORE_E_BADMSG) {
		abort();
	}
	check_msg(data, size);
	return 0;
}
