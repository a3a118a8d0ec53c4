/*
 * applets/client.c - mosh-client: the command line and environment
 * (PROTOCOL.md 1.4, 1.5, 9) turned into a struct client_cfg for
 * client_run (client_session.c).
 *
 * Where we differ from stock (PROTOCOL.md 1.4, 9), on purpose:
 *  - no UTF-8 locale is required: our terminal code is UTF-8 by
 *    construction and never asks the C library;
 *  - `-c` guesses the colour count from $TERM (term/caps.h), and smcup /
 *    rmcup are xterm's: we carry no terminfo;
 *  - on exit we also turn off bracketed paste, focus events and reverse
 *    video, which stock leaves as the application set them;
 *  - a datagram that fails authentication is counted and logged (-vv),
 *    never shown: stock's "Crypto exception" bar would let anyone who can
 *    reach the port draw on the user's screen;
 *  - a printable MOSH_ESCAPE_KEY also works before the first line is
 *    typed (as ssh's "~"), and an external SIGTSTP suspends like
 *    Ctrl-^ Ctrl-Z;
 *  - the "Last contact" count is redrawn every second even after a
 *    minute (stock: every 3 s); the firewall hint is worded our way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "applets/applets.h"
#include "applets/client.h"
#include "core/log.h"
#include "crypto/key.h"
#include "net/udp.h"
#include "term/caps.h"

const char client_help[] =
    "Usage: mosh-client [-# 'ARGS'] [-v] IP PORT\n"
    "       mosh-client -c\n"
    "       (also: mosh-static client ...)\n"
    "\n"
    "Connects to a mosh server at IP:PORT with the session key taken from\n"
    "the MOSH_KEY environment variable.\n"
    "\n"
    "  -c         print the number of colours of $TERM and exit\n"
    "  -v         more diagnostics on stderr\n"
    "  -# ARGS    ignored (the mosh wrapper shows its command line here)\n"
    "\n"
    "Environment: MOSH_KEY (required), MOSH_ESCAPE_KEY, MOSH_PREDICTION_DISPLAY\n"
    "(adaptive, always, never, experimental), MOSH_TITLE_NOPREFIX,\n"
    "MOSH_NO_TERM_INIT.\n";

int
client_parse_predict(const char *v, enum client_predict *out)
{
	static const char *const names[] = {
		"adaptive", "always", "never", "experimental"
	};
	int i;

	*out = CLIENT_PREDICT_ADAPTIVE;
	if (v == NULL) {
		return 0;
	}
	for (i = 0; i < 4; i++) {
		if (strcmp(v, names[i]) == 0) {
			*out = (enum client_predict)i;
			return 0;
		}
	}
	return -1;
}

static void
usage(FILE *f)
{
	fputs(client_help, f);
}

/* A port made of 1-5 decimal digits, 1..65535. */
static int
parse_port(const char *s, unsigned *port)
{
	unsigned long v = 0;
	size_t i;

	if (s[0] == '\0' || strlen(s) > 5) {
		return -1;
	}
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return -1;
		}
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	if (v < 1 || v > 65535) {
		return -1;
	}
	*port = (unsigned)v;
	return 0;
}

/* MOSH_KEY: read, removed from the environment at once, parsed. */
static int
take_key(uint8_t key[CRYPTO_KEY_LEN])
{
	char copy[64];
	const char *v = getenv("MOSH_KEY");
	enum crypto_key_error why;
	int pos, r;

	if (v == NULL) {
		fprintf(stderr, "MOSH_KEY environment variable not found.\n");
		return -1;
	}
	snprintf(copy, sizeof copy, "%s", v);
	unsetenv("MOSH_KEY");
	r = crypto_key_parse(copy, key, &why, &pos);
	memset(copy, 0, sizeof copy);
	if (r < 0) {
		fprintf(stderr, "%s: bad MOSH_KEY: %s\n", core_log_prog(),
		    crypto_key_strerror(why));
		return -1;
	}
	return 0;
}

/* The MOSH_* settings other than the key.  0 or -1 (message printed). */
static int
read_env(struct client_cfg *c)
{
	const char *v = getenv("MOSH_PREDICTION_DISPLAY");
	const char *esc;

	if (client_parse_predict(v, &c->predict) < 0) {
		fprintf(stderr, "Unknown prediction mode %s.\n", v);
		return -1;
	}
	v = getenv("MOSH_PREDICTION_OVERWRITE");
	c->predict_overwrite = v != NULL && strcmp(v, "yes") == 0;
	esc = getenv("MOSH_ESCAPE_KEY");
	if (esckey_cfg_parse(&c->esc, esc) != 0) {
		CORE_LOG(CORE_LOG_WARN, "MOSH_ESCAPE_KEY refused (one "
		    "character, not Ctrl-C, Ctrl-D, Ctrl-J, Ctrl-L or Ctrl-M); "
		    "using Ctrl-^");
	}
	c->title_noprefix = getenv("MOSH_TITLE_NOPREFIX") != NULL;
	c->no_term_init = getenv("MOSH_NO_TERM_INIT") != NULL;
	c->term = getenv("TERM");
	return 0;
}

int
client_main(int argc, char **argv)
{
	struct client_cfg cfg;
	struct net_addr probe;
	int opt, colors = 0, verbose = 0, i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(argv[i], "--version") == 0) {
			printf("mosh-client (mosh-static) %s\n", MOSH_VERSION);
			return 0;
		}
		if (strcmp(argv[i], "--") == 0) {
			break;
		}
	}
	opterr = 1;
	while ((opt = getopt(argc, argv, "#:cv")) != -1) {
		switch (opt) {
		case '#':
			break;
		case 'c':
			colors = 1;
			break;
		case 'v':
			verbose++;
			break;
		default:
			usage(stderr);
			return 1;
		}
	}
	if (colors) {
		printf("%d\n", caps_colors(getenv("TERM")));
		return 0;
	}
	if (argc - optind != 2) {
		usage(stderr);
		return 1;
	}
	if (verbose > 0 && core_log_level() < CORE_LOG_INFO + verbose - 1) {
		core_log_set_level(CORE_LOG_INFO + verbose - 1);
	}
	memset(&cfg, 0, sizeof cfg);
	cfg.ip = argv[optind];
	if (parse_port(argv[optind + 1], &cfg.port) < 0) {
		fprintf(stderr, "%s: Bad UDP port (%s)\n\n", core_log_prog(),
		    argv[optind + 1]);
		usage(stderr);
		return 1;
	}
	if (net_addr_parse(&probe, cfg.ip, cfg.port) < 0) {
		fprintf(stderr, "%s: Bad IP address (%s): not a numeric IPv4 "
		    "or IPv6 address\n", core_log_prog(), cfg.ip);
		return 1;
	}
	if (take_key(cfg.key) < 0 || read_env(&cfg) < 0) {
		return 1;
	}
	cfg.in_fd = STDIN_FILENO;
	cfg.out_fd = STDOUT_FILENO;
	if (!isatty(cfg.in_fd)) {
		fprintf(stderr, "%s: standard input is not a terminal; mosh "
		    "needs one\n", core_log_prog());
		return 1;
	}
	return client_run(&cfg);
}
