/*
 * core/err.c - descriptions for the shared error codes.
 */
#include <errno.h>
#include <string.h>

#include "core/err.h"

static const char *const msgs[] = {
	"success",
	"out of memory",
	"input truncated",
	"malformed input",
	"authentication failed",
	"limit exceeded",
	"invalid state",
	"system error",
	"invalid argument",
	"value out of range",
	"wrong direction",
	"replayed or stale sequence number",
	"protocol version mismatch",
	"checksum mismatch",
	"try again",
	"usage limit exhausted",
	"not found",
	"unsupported",
};

_Static_assert(sizeof msgs / sizeof msgs[0] == -CORE_E_LAST_,
    "one message per error code");

const char *
core_strerror(int err)
{
	if (err == CORE_E_SYS) {
		return strerror(errno);
	}
	if (err > 0 || err <= CORE_E_LAST_) {
		return "unknown error";
	}
	return msgs[-err];
}
