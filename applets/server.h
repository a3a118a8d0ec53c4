/*
 * applets/server.h - what the server applet's parts share.
 */
#ifndef APPLETS_SERVER_H
#define APPLETS_SERVER_H

#include <stdint.h>

#include "core/pty.h"
#include "crypto/key.h"
#include "net/udp.h"

#define SERVER_MAX_LOCALE 32	/* -l options kept; stock sends about 15 */

struct server_opts {
	const char *bind_ip;	/* -i, or legacy IP (borrowed from argv) */
	int bind_ssh;		/* -s */
	unsigned port_low, port_high;
	const char *port_arg;	/* -p as given, for messages */
	int colors;		/* -c */
	int verbose;		/* -v count */
	const char *locale[SERVER_MAX_LOCALE];	/* -l NAME=VALUE */
	int nlocale;
	char **command;		/* after --, NULL-terminated; NULL = shell */
	unsigned cols, rows;	/* initial window */
};

/*
 * Starts the command (or the login shell) on a new pty, with the stock
 * environment; the child waits for one line on the pty (the "release",
 * written when the first client state arrives) before it execs.
 * 0 or CORE_E_SYS.
 */
int server_shell_spawn(const struct server_opts *o, struct core_pty *pty);

/* Runs the session until it ends; returns the exit status. */
int server_session(const struct server_opts *o, struct net_udp *u,
    const uint8_t key[CRYPTO_KEY_LEN]);

#endif
