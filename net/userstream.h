/*
 * net/userstream.h - the client -> server object of SSP (PROTOCOL.md 7.2):
 * an ordered stream of user events, keystroke bytes and window resizes.
 *
 * A state holds the events since the last acknowledged state; the engine
 * cuts acknowledged prefixes off through the subtract op.  The diff from a
 * state to a later one is a ClientBuffers.UserMessage carrying the events
 * appended since: each run of consecutive bytes as one Keystroke, each
 * resize as its own ResizeMessage, as the stock client writes it.
 */
#ifndef NET_USERSTREAM_H
#define NET_USERSTREAM_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "net/pb.h"
#include "net/ssp.h"

/* Per state: at most 4 MiB of keystrokes (an inflated instruction's cap). */
#define NET_US_BYTES_MAX (4u * 1024 * 1024)
/* ... and 64 Ki resizes (12 bytes each); a person cannot resize faster. */
#define NET_US_RESIZES_MAX 65536u

struct net_us {
	struct core_buf bytes;	/* owned: every keystroke byte, in order */
	/*
	 * owned: one 12-byte record per resize, big-endian u32 position
	 * (keystroke bytes before it), s32 width, s32 height.
	 */
	struct core_buf marks;
};

/* An empty stream on the heap; NULL on OOM.  Free with net_us_free. */
struct net_us *net_us_new(void);
void net_us_free(struct net_us *us);

/* Appends keystroke bytes / one resize.  0, CORE_E_LIMIT or CORE_E_NOMEM. */
int net_us_push_bytes(struct net_us *us, const uint8_t *p, size_t n);
int net_us_push_resize(struct net_us *us, int32_t width, int32_t height);

/* Events held (each byte counts as one event, as in stock mosh). */
size_t net_us_event_count(const struct net_us *us);
int net_us_is_empty(const struct net_us *us);

/* Walks a stream's events as runs: start with {0, 0}. */
struct net_us_cursor {
	size_t byte;	/* next keystroke byte */
	size_t mark;	/* next resize record */
};
/*
 * Yields the next run: 1 with *item filled (NET_MSG_BYTES: bytes/len point
 * into the stream, valid until it changes; NET_MSG_RESIZE: width/height),
 * 0 at the end.
 */
int net_us_next(const struct net_us *us, struct net_us_cursor *c,
    struct net_msg_item *item);

/*
 * The SSP ops for struct net_us states (ops_user unused).  diff fails with
 * CORE_E_STATE unless the reference is a prefix of the current stream;
 * apply decodes a UserMessage (hostile) and appends its events, skipping
 * unknown extensions and echo acks; CORE_E_TRUNC/BADMSG/LIMIT on bad input.
 */
extern const struct ssp_ops net_us_ops;

#endif
