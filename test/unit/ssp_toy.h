/*
 * test/unit/ssp_toy.h - a small stand-in for the host terminal state, for
 * the SSP tests and fuzz target: 64 "cells" and an echo-ack number.  The
 * diff lists changed cells (01 idx val) and a changed echo (02 be64);
 * apply rejects anything else, so hostile diffs exercise the error paths.
 */
#ifndef TEST_SSP_TOY_H
#define TEST_SSP_TOY_H

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "net/ssp.h"

#define TOY_CELLS 64

struct toy {
	uint8_t cell[TOY_CELLS];
	uint64_t echo;
};

static inline struct toy *
toy_new(void)
{
	return calloc(1, sizeof(struct toy));
}

static inline int
toy_diff(void *user, const void *ref_, const void *cur_, struct core_buf *out)
{
	const struct toy *ref = ref_, *cur = cur_;
	uint8_t rec[9];
	int i, r = 0;

	for (i = 0; i < TOY_CELLS && r == 0; i++) {
		if (ref->cell[i] != cur->cell[i]) {
			rec[0] = 1;
			rec[1] = (uint8_t)i;
			rec[2] = cur->cell[i];
			r = core_buf_append(out, rec, 3);
		}
	}
	if (r == 0 && ref->echo != cur->echo) {
		rec[0] = 2;
		core_st_be64(rec + 1, cur->echo);
		r = core_buf_append(out, rec, 9);
	}
	return r;
}

static inline int
toy_apply(void *user, void *state, const uint8_t *p, size_t n)
{
	struct toy *t = state;
	size_t i = 0;

	while (i < n) {
		if (p[i] == 1) {
			if (n - i < 3) {
				return CORE_E_TRUNC;
			}
			if (p[i + 1] >= TOY_CELLS) {
				return CORE_E_BADMSG;
			}
			t->cell[p[i + 1]] = p[i + 2];
			i += 3;
		} else if (p[i] == 2) {
			if (n - i < 9) {
				return CORE_E_TRUNC;
			}
			t->echo = core_ld_be64(p + i + 1);
			i += 9;
		} else {
			return CORE_E_BADMSG;
		}
	}
	return 0;
}

static inline int
toy_equal(void *user, const void *a, const void *b)
{
	return memcmp(a, b, sizeof(struct toy)) == 0;
}

static inline void *
toy_copy(void *user, const void *state)
{
	struct toy *t = malloc(sizeof(*t));

	if (t != NULL) {
		memcpy(t, state, sizeof(*t));
	}
	return t;
}

static inline void
toy_free(void *user, void *state)
{
	free(state);
}

static const struct ssp_ops toy_ops = {
	.diff = toy_diff,
	.apply = toy_apply,
	.equal = toy_equal,
	.copy = toy_copy,
	.free = toy_free,
	.subtract = NULL,
};

#endif
