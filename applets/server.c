/*
 * applets/server.c - mosh-server: command line, binding, the MOSH CONNECT
 * line, detaching, and starting the user's shell on a pty (PROTOCOL.md
 * 1.1-1.3).  The session loop itself is in server_session.c.
 *
 * Compatibility notes: the command line, the MOSH CONNECT line, the
 * "[mosh-server detached, pid = N]" line and the port-range messages are
 * the stock ones, because wrappers and users parse them.  Unlike stock we
 * need no UTF-8 locale on the host (our terminal is UTF-8 by
 * construction), and a COMMAND that cannot be found is reported before
 * anything is printed, instead of as a session that ends at once.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "applets/applets.h"
#include "applets/server.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/io.h"
#include "core/log.h"
#include "core/pty.h"
#include "crypto/key.h"
#include "net/udp.h"

#define USAGE "Usage: mosh-server new [-s] [-v] [-i LOCALADDR] " \
	"[-p PORT[:PORT2]] [-c COLORS] [-l NAME=VALUE] [-- COMMAND...]\n"

const char server_help[] =
    USAGE
    "       (also: mosh-static server new ...)\n"
    "\n"
    "Starts a mosh server for one session: binds a UDP port, prints\n"
    "MOSH CONNECT <port> <key>, detaches, and runs COMMAND (default: your\n"
    "login shell) on a pseudo-terminal for the client that connects with\n"
    "that key.\n"
    "\n"
    "  -s             bind to the local address of the ssh connection\n"
    "                 ($SSH_CONNECTION)\n"
    "  -i LOCALADDR   bind to this numeric IPv4/IPv6 address\n"
    "  -p PORT[:PORT2]  UDP port or range (default 60001:60999; 0 = any)\n"
    "  -c COLORS      the client's colours: 256 gives TERM=xterm-256color,\n"
    "                 anything else TERM=xterm\n"
    "  -l NAME=VALUE  a locale variable from the client, used when this\n"
    "                 host's own locale is not UTF-8 (repeatable)\n"
    "  -v             verbose: stay attached to the terminal and log\n"
    "\n"
    "Environment: MOSH_SERVER_NETWORK_TMOUT=SECONDS exits after that long\n"
    "without hearing the client; MOSH_SERVER_SIGNAL_TMOUT=SECONDS makes\n"
    "SIGUSR1 end the session only if the client has been silent that long.\n"
    "The server exits if no client connects within 60 seconds.\n";

static void
usage_err(void)
{
	fputs(USAGE, stderr);
}

/* Stock wording for a refused -p value. */
static void
port_message(enum net_port_error e, long v, const char *arg)
{
	switch (e) {
	case NET_PORT_BAD_LOW:
		fprintf(stderr, "Invalid (low) port number (%.*s)\n",
		    (int)strcspn(arg, ":"), arg);
		break;
	case NET_PORT_LOW_RANGE:
		fprintf(stderr, "(Low) port number %ld outside valid range "
		    "[0..65535]\n", v);
		break;
	case NET_PORT_BAD_HIGH:
		fprintf(stderr, "Invalid high port number (%s)\n",
		    strchr(arg, ':') + 1);
		break;
	case NET_PORT_HIGH_RANGE:
		fprintf(stderr, "High port number %ld outside valid range "
		    "[0..65535]\n", v);
		break;
	case NET_PORT_LOW_GT_HIGH:
		fprintf(stderr, "Low port %.*s greater than high port %s\n",
		    (int)strcspn(arg, ":"), arg, strchr(arg, ':') + 1);
		break;
	case NET_PORT_ZERO_RANGE:
		fputs("Low port 0 incompatible with port ranges\n", stderr);
		break;
	case NET_PORT_OK:
		break;
	}
	fprintf(stderr, "mosh-server: Bad UDP port range (%s)\n", arg);
}

static int
parse_colors(const char *s, int *colors)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < 0 || v > INT_MAX) {
		return -1;
	}
	*colors = (int)v;
	return 0;
}

/* The -s address: word 3 of SSH_CONNECTION, less any ::ffff: prefix. */
static const char *
ssh_local_ip(char *buf, size_t n)
{
	const char *v = getenv("SSH_CONNECTION");
	char w[4][64];

	if (v == NULL) {
		fputs("Warning: SSH_CONNECTION not found; binding to any "
		    "interface.\n", stderr);
		return NULL;
	}
	if (sscanf(v, "%63s %63s %63s %63s", w[0], w[1], w[2], w[3]) != 4) {
		fputs("Warning: Could not parse SSH_CONNECTION; binding to any "
		    "interface.\n", stderr);
		return NULL;
	}
	snprintf(buf, n, "%s", strncasecmp(w[2], "::ffff:", 7) == 0 ?
	    w[2] + 7 : w[2]);
	return buf;
}

static int
parse_new(struct server_opts *o, int argc, char **argv)
{
	enum net_port_error pe;
	long bad;
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt(argc, argv, "@:i:p:c:svl:")) != -1) {
		switch (c) {
		case 'i':
			o->bind_ip = optarg;
			break;
		case 'p':
			pe = net_udp_parse_ports(optarg, &o->port_low,
			    &o->port_high, &bad);
			if (pe != NET_PORT_OK) {
				port_message(pe, bad, optarg);
				usage_err();
				return 1;
			}
			o->port_arg = optarg;
			break;
		case 'c':
			if (parse_colors(optarg, &o->colors) < 0) {
				fprintf(stderr, "mosh-server: Bad number of colors "
				    "(%s)\n", optarg);
				usage_err();
				return 1;
			}
			break;
		case 's':
			o->bind_ssh = 1;
			break;
		case 'v':
			o->verbose++;
			break;
		case 'l':
			if (o->nlocale < SERVER_MAX_LOCALE &&
			    strchr(optarg, '=') != NULL) {
				o->locale[o->nlocale++] = optarg;
			} else {
				fprintf(stderr, "mosh-server: ignoring -l %s\n", optarg);
			}
			break;
		case '@':
			break;
		default:
			/* Stock: unknown options print the usage, not fatal. */
			usage_err();
			break;
		}
	}
	if (optind < argc) {
		usage_err();
		return 1;
	}
	return 0;
}

/*
 * Fills o from argv; returns -1 to go on, or an exit status.  Handles
 * --help/--version anywhere before "--", as stock does.
 */
static int
parse_args(struct server_opts *o, int argc, char **argv)
{
	int i, nopt = argc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			nopt = i;
			if (i + 1 < argc) {
				o->command = argv + i + 1;
			}
			break;
		}
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(server_help, stdout);
			return 0;
		}
		if (!strcmp(argv[i], "--version")) {
			printf("mosh-static server %s\n", MOSH_VERSION);
			return 0;
		}
	}
	if (nopt >= 2 && strcmp(argv[1], "new") == 0) {
		char *save = argv[nopt];
		int r;

		argv[nopt] = NULL;	/* getopt sees only the words before -- */
		r = parse_new(o, nopt - 1, argv + 1);
		argv[nopt] = save;
		return r ? r : -1;
	}
	/* Legacy forms: no args, IP, or IP PORT. */
	if (nopt > 3) {
		usage_err();
		return 1;
	}
	if (nopt >= 2) {
		o->bind_ip = argv[1];
	}
	if (nopt == 3) {
		long bad;

		if (net_udp_parse_ports(argv[2], &o->port_low, &o->port_high,
		    &bad) != NET_PORT_OK || o->port_low != o->port_high) {
			fprintf(stderr, "mosh-server: Bad UDP port (%s)\n", argv[2]);
			usage_err();
			return 1;
		}
	}
	return -1;
}

/* Is `cmd` runnable (an executable path, or found in PATH)? */
static int
command_exists(const char *cmd)
{
	const char *path = getenv("PATH"), *p, *e;
	char buf[PATH_MAX];
	struct stat st;

	if (strchr(cmd, '/') != NULL) {
		return access(cmd, X_OK) == 0 && stat(cmd, &st) == 0 &&
		    !S_ISDIR(st.st_mode);
	}
	for (p = path ? path : "/usr/local/bin:/usr/bin:/bin"; *p; p = e) {
		size_t n;

		e = strchr(p, ':');
		if (e == NULL) {
			e = p + strlen(p);
		}
		n = (size_t)(e - p);
		if (snprintf(buf, sizeof buf, "%.*s/%s", (int)(n ? n : 1),
		    n ? p : ".", cmd) < (int)sizeof buf &&
		    access(buf, X_OK) == 0 && stat(buf, &st) == 0 &&
		    !S_ISDIR(st.st_mode)) {
			return 1;
		}
		if (*e == ':') {
			e++;
		}
	}
	return 0;
}

static int
bind_socket(struct server_opts *o, struct net_udp *u)
{
	char sshbuf[128];
	const char *ip = o->bind_ip;

	if (ip == NULL && o->bind_ssh) {
		ip = ssh_local_ip(sshbuf, sizeof sshbuf);
	}
	if (ip != NULL) {
		if (net_udp_bind(u, ip, o->port_low, o->port_high) == 0) {
			return 0;
		}
		fprintf(stderr, "Error binding to IP %s: %s\n", ip,
		    strerror(errno));
	}
	if (net_udp_bind(u, NULL, o->port_low, o->port_high) == 0) {
		return 0;
	}
	if (errno == EADDRINUSE && o->port_low != o->port_high) {
		fprintf(stderr, "Error binding to any interface: no free UDP "
		    "port in %u..%u\n", o->port_low, o->port_high);
	} else if (errno == EADDRINUSE) {
		fprintf(stderr, "Error binding to any interface: UDP port %u "
		    "is in use\n", o->port_low);
	} else {
		fprintf(stderr, "Error binding to any interface: %s\n",
		    strerror(errno));
	}
	return 1;
}

/* The initial window: the controlling terminal's, else 80x24. */
static void
initial_size(unsigned *cols, unsigned *rows)
{
	struct winsize ws;

	*cols = 80;
	*rows = 24;
	if (ioctl(0, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
		*cols = ws.ws_col;
		*rows = ws.ws_row;
	}
}

static void
detach_stdio(void)
{
	int fd = core_open("/dev/null", O_RDWR, 0);

	if (fd >= 0) {
		(void)dup2(fd, 0);
		(void)dup2(fd, 1);
		(void)dup2(fd, 2);
		if (fd > 2) {
			core_close(fd);
		}
	}
}

int
server_main(int argc, char **argv)
{
	struct server_opts o;
	struct net_udp u;
	uint8_t key[CRYPTO_KEY_LEN];
	char keystr[CRYPTO_KEY_B64_LEN + 1];
	pid_t pid;
	int r;

	memset(&o, 0, sizeof o);
	o.port_low = NET_UDP_PORT_LOW;
	o.port_high = NET_UDP_PORT_HIGH;
	o.colors = 8;
	core_log_set_prog("mosh-server");
	if ((r = parse_args(&o, argc, argv)) >= 0) {
		return r;
	}
	if (o.verbose) {
		core_log_set_level(CORE_LOG_INFO + o.verbose - 1);
	}
	if (o.command != NULL && !command_exists(o.command[0])) {
		fprintf(stderr, "mosh-server: %s: command not found\n",
		    o.command[0]);
		return 127;
	}
	if (bind_socket(&o, &u) != 0) {
		return 1;
	}
	if (crypto_key_generate(key) < 0) {
		fprintf(stderr, "mosh-server: cannot read random bytes: %s\n",
		    strerror(errno));
		return 1;
	}
	crypto_key_format(key, keystr);
	initial_size(&o.cols, &o.rows);

	/* Guard the wrapper's line matching against typeahead. */
	if (isatty(0)) {
		fputs("\r\n\n", stdout);
	}
	printf("MOSH CONNECT %u %s\n", u.port, keystr);
	core_burn(keystr, sizeof keystr);
	if (fflush(stdout) != 0) {
		return 1;
	}
	signal(SIGHUP, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	fflush(stderr);
	if ((pid = fork()) < 0) {
		fprintf(stderr, "mosh-server: fork: %s\n", strerror(errno));
		return 1;
	}
	if (pid > 0) {
		fprintf(stderr, "\nmosh-static server %s (build %s)\n\n"
		    "[mosh-server detached, pid = %ld]\n", MOSH_VERSION,
		    main_build_id(), (long)pid);
		return 0;
	}
	(void)setsid();
	if (!o.verbose) {
		detach_stdio();
		core_log_set_fd(-1);
	}
	r = server_session(&o, &u, key);
	core_burn(key, sizeof key);
	if (o.verbose) {
		printf("\n[mosh-server is exiting.]\n");
	}
	return r;
}
