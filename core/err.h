/*
 * core/err.h - the one error-code list shared by every layer.
 *
 * Library functions return int: 0 on success, a negative CORE_E_* on failure.
 * Decoders of untrusted input return the most specific code that explains
 * the rejection, so callers can count drops by cause and tests can assert
 * why something was refused.  CORE_E_SYS means "look at errno", which the
 * failing function leaves set.
 */
#ifndef CORE_ERR_H
#define CORE_ERR_H

enum core_err {
	CORE_OK = 0,
	CORE_E_NOMEM = -1,	/* allocation failed */
	CORE_E_TRUNC = -2,	/* input ended early */
	CORE_E_BADMSG = -3,	/* malformed input */
	CORE_E_AUTH = -4,	/* authentication tag did not verify */
	CORE_E_LIMIT = -5,	/* a size or count limit would be exceeded */
	CORE_E_STATE = -6,	/* call not valid in the object's state */
	CORE_E_SYS = -7,	/* system call failed; errno is set */
	CORE_E_INVAL = -8,	/* bad argument (usually from the command line) */
	CORE_E_RANGE = -9,	/* number out of range */
	CORE_E_DIRECTION = -10,	/* datagram has the wrong direction bit */
	CORE_E_REPLAY = -11,	/* sequence number already seen or too old */
	CORE_E_VERSION = -12,	/* protocol version mismatch */
	CORE_E_CHECKSUM = -13,	/* checksum mismatch (zlib adler-32, sha-256) */
	CORE_E_AGAIN = -14,	/* nothing to do now; try later */
	CORE_E_EXHAUSTED = -15,	/* key usage or sequence space used up */
	CORE_E_NOTFOUND = -16,	/* lookup found nothing */
	CORE_E_UNSUPPORTED = -17,	/* valid input we deliberately do not handle */
	CORE_E_LAST_ = -18
};

/*
 * Returns a short, static, lower-case description of a CORE_E_* code
 * (for CORE_E_SYS: of the current errno).  Never returns NULL.
 */
const char *core_strerror(int err);

#endif
