/*
 * applets/client.h - the mosh client session, callable in-process (the
 * `mosh`/connect applet runs it after the SSH bootstrap), and what the
 * client applet's files share.
 */
#ifndef APPLETS_CLIENT_H
#define APPLETS_CLIENT_H

#include <stdint.h>
#include <termios.h>

#include "crypto/key.h"
#include "term/escape.h"

enum client_predict {
	CLIENT_PREDICT_ADAPTIVE = 0,	/* the default */
	CLIENT_PREDICT_ALWAYS,
	CLIENT_PREDICT_NEVER,
	CLIENT_PREDICT_EXPERIMENTAL
};

struct client_cfg {
	const char *ip;		/* numeric IPv4/IPv6 (borrowed) */
	unsigned port;		/* 1..65535 */
	uint8_t key[CRYPTO_KEY_LEN];	/* the session key */
	enum client_predict predict;	/* stored for the prediction overlay */
	int predict_overwrite;	/* MOSH_PREDICTION_OVERWRITE=yes */
	struct esckey_cfg esc;	/* MOSH_ESCAPE_KEY */
	int title_noprefix;	/* MOSH_TITLE_NOPREFIX set */
	int no_term_init;	/* MOSH_NO_TERM_INIT set */
	const char *term;	/* $TERM (borrowed; NULL if unset) */
	int in_fd, out_fd;	/* the user's terminal: normally 0 and 1 */
};

/*
 * Parses MOSH_PREDICTION_DISPLAY (NULL: unset = adaptive).  0, or -1 for
 * an unknown value.
 */
int client_parse_predict(const char *v, enum client_predict *out);

/*
 * Runs one session: raw terminal, UDP to cfg->ip:port, until the
 * shutdown handshake ends (or fails).  The terminal is restored on every
 * way out.  Returns the exit status: 0 after a clean shutdown, 1
 * otherwise (after printing why to stderr).
 */
int client_run(const struct client_cfg *cfg);

/* --- the user's terminal (client_tty.c) ------------------------------- */

/*
 * Remembers the terminal modes of in_fd and arranges that they come back
 * (with the reset sequences written to out_fd) on exit() and on fatal
 * signals.  -1 (errno set) if in_fd is not a terminal.
 */
int client_tty_setup(int in_fd, int out_fd, int term_init);
/* Raw mode (cfmakeraw + IUTF8) and the init sequence.  0 or -1. */
int client_tty_enter(void);
/* The reset sequences, then the saved modes (idempotent). */
void client_tty_leave(void);
/* The window size of the terminal: 0, or -1 if unknown. */
int client_tty_size(int *cols, int *rows);

#endif
