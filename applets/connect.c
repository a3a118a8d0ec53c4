/*
 * applets/connect.c - `mosh-static connect` (and the `mosh` link): starts
 * a server on a host through the user's own ssh and runs the client, with
 * the stock wrapper's command line (PROTOCOL.md section 1.6).  When the
 * host has no usable server, it copies this executable (or a sibling
 * built for the host's architecture) there first: see connect_install.c.
 *
 * Flow: options -> colour count from the client -> server argv -> ssh
 * (or sh for --local) read by connect_bootstrap -> connect_run_client.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "applets/applets.h"
#include "applets/connect.h"
#include "core/io.h"
#include "core/log.h"
#include "term/caps.h"

const char connect_help[] =
    "Usage: mosh [options] [--] [user@]host [command...]\n"
    "       mosh-static connect [options] [--] [user@]host [command...]\n"
    "\n"
    "Starts a mosh server on the host through ssh and connects to it.  If\n"
    "the host has no usable server, copies this program there first (into\n"
    "~/.cache/mosh-static/, checked by SHA-256) and starts that.\n"
    "\n"
    "      --client=PATH       client to run here (default: this program)\n"
    "      --server=COMMAND    server to run on the host (default:\n"
    "                          mosh-server; implies --install=never)\n"
    "      --install=MODE      auto: use a server the host has, else upload\n"
    "                          one [default]; always: always use this\n"
    "                          program's own server (cached or uploaded);\n"
    "                          never: only run --server, like stock mosh\n"
    "      --server-binaries=DIR  where mosh-static-aarch64 / -armv7 /\n"
    "                          -x86_64 for other hosts are (default: next\n"
    "                          to this program)\n"
    "      --predict=MODE      local echo: adaptive [default], always,\n"
    "                          never, experimental\n"
    "  -a                      same as --predict=always\n"
    "  -n                      same as --predict=never\n"
    "  -o, --predict-overwrite  predictions overwrite instead of insert\n"
    "  -4, --family=inet       IPv4 only\n"
    "  -6, --family=inet6      IPv6 only\n"
    "      --family=FAMILY     also auto, all, prefer-inet [default],\n"
    "                          prefer-inet6\n"
    "  -p, --port=PORT[:PORT2]  server UDP port or range (not ssh's port)\n"
    "      --bind-server=ssh|any|IP  address the server answers from\n"
    "                          (default: ssh, the one ssh reached)\n"
    "      --ssh=COMMAND       ssh command, split like a shell does\n"
    "                          (default: ssh; e.g. \"ssh -p 2222\")\n"
    "      --no-ssh-pty        no pseudo-terminal for the ssh session\n"
    "      --no-init           no terminal initialisation string\n"
    "      --local             run the server here, without ssh\n"
    "      --experimental-remote-ip=proxy|remote|local  how to find the\n"
    "                          server's IP address (default: proxy)\n"
    "      --help              this text\n"
    "      --version           version\n"
    "\n"
    "With an ssh ProxyJump or ProxyCommand configured for the host, the\n"
    "address comes from the host's SSH_CONNECTION instead of our proxy.\n";

enum opt_id {
	O_CLIENT, O_SERVER, O_PREDICT, O_OVERWRITE, O_PORT, O_ALWAYS, O_NEVER,
	O_FAMILY, O_4, O_6, O_SSH, O_SSH_PTY, O_INIT, O_LOCAL, O_HELP,
	O_VERSION, O_FAKE_PROXY, O_BIND, O_REMOTE_IP, O_INSTALL,
	O_INSTALL_ONLY, O_SERVER_BINARIES, O_SHA256
};

struct opt {
	const char *name;
	enum opt_id id;
	int flags;
};

#define ARG 1		/* takes a value */
#define NEG 2		/* --no-NAME / --noNAME allowed */
#define HIDDEN 4	/* never matched by an abbreviation */

static const struct opt opts[] = {
	{ "client", O_CLIENT, ARG }, { "server", O_SERVER, ARG },
	{ "predict", O_PREDICT, ARG }, { "predict-overwrite", O_OVERWRITE, NEG },
	{ "o", O_OVERWRITE, NEG }, { "port", O_PORT, ARG }, { "a", O_ALWAYS, 0 },
	{ "n", O_NEVER, 0 }, { "family", O_FAMILY, ARG }, { "4", O_4, 0 },
	{ "6", O_6, 0 }, { "p", O_PORT, ARG }, { "ssh", O_SSH, ARG },
	{ "ssh-pty", O_SSH_PTY, NEG }, { "init", O_INIT, NEG },
	{ "local", O_LOCAL, 0 }, { "help", O_HELP, 0 },
	{ "version", O_VERSION, 0 }, { "fake-proxy", O_FAKE_PROXY, NEG },
	{ "bind-server", O_BIND, ARG },
	{ "experimental-remote-ip", O_REMOTE_IP, ARG },
	{ "install", O_INSTALL, ARG },
	{ "install-only", O_INSTALL_ONLY, HIDDEN },
	{ "server-binaries", O_SERVER_BINARIES, ARG },
	{ "sha256", O_SHA256, ARG | HIDDEN },
};

#define NOPTS (sizeof opts / sizeof opts[0])

static void
usage_error(void)
{
	fputs(connect_help, stderr);
	exit(255);
}

/*
 * Finds an option like Getopt::Long: exact name, else a unique prefix;
 * "no-NAME" / "noNAME" for negatable ones (*neg set).
 */
static const struct opt *
find_opt(const char *name, size_t len, int *neg)
{
	const struct opt *hit = NULL;
	size_t i;
	int pass, ambiguous = 0;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < NOPTS; i++) {
			const struct opt *o = &opts[i];
			const char *n = name;
			size_t l = len;

			*neg = 0;
			if ((o->flags & NEG) && l > 2 && !strncmp(n, "no", 2) &&
			    strncmp(o->name, "no", 2) != 0) {
				n += 2;
				l -= 2;
				if (*n == '-') {
					n++;
					l--;
				}
				*neg = 1;
			}
			if (strlen(o->name) == l && !strncmp(o->name, n, l)) {
				return o;
			}
			if (pass == 1 && !(o->flags & HIDDEN) &&
			    l < strlen(o->name) && !strncmp(o->name, n, l)) {
				if (hit != NULL && hit->id != o->id) {
					ambiguous = 1;
				}
				hit = o;
			}
			*neg = 0;
		}
		if (pass == 1 && hit != NULL && !ambiguous) {
			/* Recompute the negation for the hit. */
			*neg = strncmp(name, hit->name, 2) != 0 &&
			    !strncmp(name, "no", 2) && (hit->flags & NEG);
			return hit;
		}
	}
	if (ambiguous) {
		fprintf(stderr, "Option %.*s is ambiguous\n", (int)len, name);
	} else {
		fprintf(stderr, "Unknown option: %.*s\n", (int)len, name);
	}
	return NULL;
}

struct parsed {
	int help, version, fake_proxy;
	const char *sha256;
	struct sv rest;		/* non-option words */
};

static void
apply(struct connect_opts *o, struct parsed *p, const struct opt *op,
    int neg, const char *val)
{
	switch (op->id) {
	case O_CLIENT: o->client = val; break;
	case O_SERVER: o->server = val; break;
	case O_PREDICT: o->predict = val; break;
	case O_OVERWRITE: o->overwrite = !neg; break;
	case O_PORT: o->port = val; break;
	case O_ALWAYS: o->predict = "always"; break;
	case O_NEVER: o->predict = "never"; break;
	case O_FAMILY: o->family = val; break;
	case O_4: o->family = "inet"; break;
	case O_6: o->family = "inet6"; break;
	case O_SSH: o->ssh = val; break;
	case O_SSH_PTY: o->ssh_pty = !neg; break;
	case O_INIT: o->no_init = neg; break;
	case O_LOCAL: o->local = 1; break;
	case O_HELP: p->help = 1; break;
	case O_VERSION: p->version = 1; break;
	case O_FAKE_PROXY: p->fake_proxy = !neg; break;
	case O_BIND: o->bind = val; break;
	case O_REMOTE_IP:
		if (!strcmp(val, "proxy")) {
			o->remote_ip = RIP_PROXY;
		} else if (!strcmp(val, "remote")) {
			o->remote_ip = RIP_REMOTE;
		} else if (!strcmp(val, "local")) {
			o->remote_ip = RIP_LOCAL;
		} else {
			core_die(255, "Unknown parameter %s", val);
		}
		o->remote_ip_given = 1;
		break;
	case O_INSTALL:
		if (!strcmp(val, "auto")) {
			o->install = INSTALL_AUTO;
		} else if (!strcmp(val, "always")) {
			o->install = INSTALL_ALWAYS;
		} else if (!strcmp(val, "never")) {
			o->install = INSTALL_NEVER;
		} else {
			core_die(255, "--install must be auto, always or never, "
			    "not \"%s\"", val);
		}
		o->install_given = 1;
		break;
	case O_INSTALL_ONLY: o->install_only = 1; break;
	case O_SERVER_BINARIES: o->server_binaries = val; break;
	case O_SHA256: p->sha256 = val; break;
	}
}

/* Options anywhere until "--" (Getopt::Long's default permute order). */
static void
parse(int argc, char **argv, struct connect_opts *o, struct parsed *p)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *name, *eq;
		const struct opt *op;
		size_t len;
		int neg;

		if (!strcmp(a, "--")) {
			for (i++; i < argc; i++) {
				sv_push(&p->rest, argv[i]);
			}
			break;
		}
		if (a[0] != '-' || a[1] == '\0') {
			sv_push(&p->rest, a);
			continue;
		}
		name = a + (a[1] == '-' ? 2 : 1);
		eq = strchr(name, '=');
		len = eq ? (size_t)(eq - name) : strlen(name);
		if ((op = find_opt(name, len, &neg)) == NULL) {
			usage_error();
		}
		if (!(op->flags & ARG)) {
			if (eq != NULL) {
				fprintf(stderr, "Option %s does not take an "
				    "argument\n", op->name);
				usage_error();
			}
			apply(o, p, op, neg, NULL);
			continue;
		}
		if (eq == NULL) {
			if (i + 1 >= argc) {
				fprintf(stderr, "Option %s requires an "
				    "argument\n", op->name);
				usage_error();
			}
			eq = argv[++i] - 1;
		}
		apply(o, p, op, 0, eq + 1);
	}
}

static int
check_predict(const char *v, int from_env)
{
	static const char *const modes[] = {
		"adaptive", "always", "never", "experimental"
	};
	size_t i;

	for (i = 0; i < 4; i++) {
		if (!strcmp(v, modes[i])) {
			return 0;
		}
	}
	core_log(CORE_LOG_ERROR, "Unknown mode \"%s\"%s.\n", v, from_env ?
	    " (MOSH_PREDICTION_DISPLAY in environment)" : "");
	usage_error();
	return -1;
}

/* Digits only, and at most 65535 (or any length of digits: checked). */
static int
port_num(const char *s, size_t n, long *v)
{
	size_t i;

	*v = 0;
	if (n == 0) {
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i])) {
			return -1;
		}
		if (*v <= 100000) {
			*v = *v * 10 + (s[i] - '0');
		}
	}
	return 0;
}

static void
check_port(const char *req)
{
	const char *colon = strchr(req, ':');
	long low, high;

	if (port_num(req, colon ? (size_t)(colon - req) : strlen(req), &low) ||
	    (colon && port_num(colon + 1, strlen(colon + 1), &high))) {
		core_die(255, "Server-side port or range (%s) is not valid.", req);
	}
	if (low > 65535) {
		core_die(255, "Server-side (low) port (%.*s) must be within "
		    "valid range [0..65535].", colon ? (int)(colon - req) :
		    (int)strlen(req), req);
	}
	if (colon == NULL) {
		return;
	}
	if (high <= 0 || high > 65535) {
		core_die(255, "Server-side high port (%s) must be within valid "
		    "range [1..65535].", colon + 1);
	}
	if (low == 0) {
		core_die(255, "Server-side port ranges may not be used with "
		    "starting port 0 (%s).", req);
	}
	if (low > high) {
		core_die(255, "Server-side port range (%s): low port greater "
		    "than high port.", req);
	}
}

/*
 * Runs argv (argv0 is the name it sees; path is what runs) with stdout
 * captured into out (NUL-terminated, truncated) and stderr discarded.
 * Exit status, 127 if it could not be run, or -1.
 */
static int
run_capture(const char *path, char *const *argv, char *out, size_t outlen)
{
	int p[2], st = 0;
	size_t n = 0;
	ssize_t r;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) != 0) {
		return -1;
	}
	if ((pid = fork()) < 0) {
		core_close(p[0]);
		core_close(p[1]);
		return -1;
	}
	if (pid == 0) {
		int dn = open("/dev/null", O_RDWR);

		dup2(p[1], 1);
		if (dn >= 0) {
			dup2(dn, 0);
			dup2(dn, 2);
		}
		execvp(path, argv);
		_exit(127);
	}
	core_close(p[1]);
	while ((r = core_read(p[0], out + n, outlen - 1 - n)) > 0) {
		n += (size_t)r;
		if (n == outlen - 1) {
			char junk[4096];

			while (core_read(p[0], junk, sizeof junk) > 0) {
			}
			break;
		}
	}
	out[n] = '\0';
	core_close(p[0]);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The terminal's colour count, asked of the client (stock: mosh-client -c). */
static int
client_colors(const struct connect_opts *o, const char *self)
{
	char out[64], *argv[3];
	const char *path = o->client != NULL ? o->client : self;
	int st;
	size_t i;

	if (o->client == NULL) {
		return caps_colors(getenv("TERM"));	/* our own client's answer */
	}

	argv[0] = (char *)(o->client != NULL ? o->client : "mosh-client");
	argv[1] = "-c";
	argv[2] = NULL;
	st = run_capture(path, argv, out, sizeof out);
	if (st == 127 && o->client != NULL) {
		core_die(1, "Can't count colors: cannot run %s", o->client);
	}
	for (i = 0; out[i] >= '0' && out[i] <= '9'; i++) {
	}
	if (st != 0 || i == 0 || (out[i] != '\n' && out[i] != '\0') || i > 6) {
		return 0;
	}
	return atoi(out);
}

/* True if ssh -G shows a ProxyJump or ProxyCommand for the host. */
static int
ssh_has_proxy(const struct sv *ssh, const char *userhost)
{
	const size_t outmax = 65536;	/* ssh -G prints ~5 KB */
	char *out = xmalloc(outmax);
	struct sv argv = { 0 };
	char *line, *save = NULL;
	size_t i;
	int st, found = 0;

	for (i = 0; i < ssh->n; i++) {
		sv_push(&argv, ssh->v[i]);
	}
	sv_push(&argv, "-G");
	sv_push(&argv, userhost);
	st = run_capture(argv.v[0], argv.v, out, outmax);
	sv_free(&argv);
	if (st != 0) {
		free(out);
		return 0;	/* an ssh without -G (dbclient): nothing known */
	}
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if ((!strncmp(line, "proxycommand ", 13) ||
		    !strncmp(line, "proxyjump ", 10)) &&
		    strcmp(strchr(line, ' ') + 1, "none") != 0) {
			CORE_LOG(CORE_LOG_INFO, "ssh -G: %s", line);
			found = 1;
		}
	}
	free(out);
	return found;
}

static void
server_args(const struct connect_opts *o, int colors, struct sv *a)
{
	static const char *const locale_vars[] = {
		"LANG", "LANGUAGE", "LC_CTYPE", "LC_NUMERIC", "LC_TIME",
		"LC_COLLATE", "LC_MONETARY", "LC_MESSAGES", "LC_PAPER",
		"LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT",
		"LC_IDENTIFICATION", "LC_ALL"
	};
	size_t i;
	int c;

	sv_push(a, "new");
	sv_push(a, "-c");
	sv_pushf(a, "%d", colors);
	if (o->bind == NULL || !strcasecmp(o->bind, "ssh")) {
		if (o->local) {
			sv_push(a, "-i");
			sv_push(a, o->userhost);
		} else {
			sv_push(a, "-s");
		}
	} else if (strcasecmp(o->bind, "any") != 0) {
		sv_push(a, "-i");
		sv_push(a, o->bind);
	}
	if (o->port != NULL) {
		sv_push(a, "-p");
		sv_push(a, o->port);
	}
	for (i = 0; i < sizeof locale_vars / sizeof locale_vars[0]; i++) {
		const char *v = getenv(locale_vars[i]);

		if (v != NULL) {
			sv_push(a, "-l");
			sv_pushf(a, "%s=%s", locale_vars[i], v);
		}
	}
	if (o->ncommand > 0) {
		sv_push(a, "--");
		for (c = 0; c < o->ncommand; c++) {
			sv_push(a, o->command[c]);
		}
	}
}

int
connect_run_client(const struct connect_opts *o,
    const struct connect_session *s, const struct connect_client_settings *cs)
{
	char *argv[5];
	char *self = NULL;

	setenv("MOSH_KEY", s->key, 1);
	setenv("MOSH_PREDICTION_DISPLAY", cs->predict, 1);
	if (cs->no_init) {
		setenv("MOSH_NO_TERM_INIT", "1", 1);
	}
	if (cs->overwrite) {
		setenv("MOSH_PREDICTION_OVERWRITE", "yes", 1);
	}
	/* The bootstrap ignored SIGPIPE; exec would pass that on. */
	signal(SIGPIPE, SIG_DFL);
	argv[0] = (char *)(o->client != NULL ? o->client : "mosh-client");
	argv[1] = (char *)cs->hint;
	argv[2] = (char *)s->ip;
	argv[3] = (char *)s->port;
	argv[4] = NULL;
	fflush(stdout);
	if (o->client == NULL) {
		/* Our own client, in this process: no second exec, and the
		 * key never appears in another process's environment. */
		optind = 1;
		core_log_set_prog("mosh-client");
		return client_main(4, argv);
	}
	if (o->client != NULL) {
		execvp(o->client, argv);
	} else if ((self = connect_self_path()) != NULL) {
		execv(self, argv);
	}
	core_log(CORE_LOG_ERROR, "Cannot exec %s: %s", argv[0], strerror(errno));
	free(self);
	return 255;
}

/* --sha256 FILE: what the install script asks an upload when it has no tool. */
static int
print_sha256(const char *path)
{
	char hex[CRYPTO_SHA256_HEX_LEN + 1];

	if (connect_hash_file(path, hex, NULL) != 0) {
		core_log(CORE_LOG_ERROR, "%s: %s", path, strerror(errno));
		return 1;
	}
	printf("%s\n", hex);
	return 0;
}

static char *
join_args(char **v, int n)
{
	size_t len = 8;
	char *out;
	int i;

	for (i = 0; i < n; i++) {
		len += strlen(v[i]) + 1;
	}
	out = xmalloc(len);
	strcpy(out, "-# ");
	for (i = 0; i < n; i++) {
		strcat(out, v[i]);
		strcat(out, " ");
	}
	strcat(out, "|");
	return out;
}

/* --experimental-remote-ip=local: resolve here, ssh to the address. */
static int
resolve_locally(struct connect_opts *o, struct connect_session *s)
{
	char *at = strrchr(o->userhost, '@');
	const char *host = at ? at + 1 : o->userhost;
	char *uh;
	size_t len;

	if (connect_resolve_first(host, "22", o->family, s->ip, sizeof s->ip,
	    0) < 0) {
		return -1;
	}
	len = strlen(o->userhost) + strlen(s->ip) + 2;
	uh = xmalloc(len);
	snprintf(uh, len, "%.*s%s", at ? (int)(at - o->userhost + 1) : 0,
	    o->userhost, s->ip);
	o->userhost = uh;
	return 0;
}

static void
build_ssh_argv(const struct connect_opts *o, const struct sv *ssh,
    const char *self, const char *remote_cmd, int install, struct sv *argv)
{
	size_t i;

	for (i = 0; i < ssh->n; i++) {
		sv_push(argv, ssh->v[i]);
	}
	if (!install) {
		/* Stock: no stdin, and a pty unless --no-ssh-pty. */
		sv_push(argv, "-n");
		if (o->ssh_pty) {
			sv_push(argv, "-tt");
		}
	}
	if (o->remote_ip == RIP_REMOTE) {
		if (!strcmp(o->family, "inet")) {
			sv_push(argv, "-4");
		} else if (!strcmp(o->family, "inet6")) {
			sv_push(argv, "-6");
		}
	}
	if (o->remote_ip == RIP_PROXY) {
		char *qself = shell_quote(self), *qfam;
		char fam[64];

		snprintf(fam, sizeof fam, "--family=%s", o->family);
		qfam = shell_quote(fam);
		sv_push(argv, "-S");
		sv_push(argv, "none");
		sv_push(argv, "-o");
		sv_pushf(argv, "ProxyCommand=%s connect %s --fake-proxy -- %%h %%p",
		    qself, qfam);
		free(qself);
		free(qfam);
	}
	sv_push(argv, o->userhost);
	sv_push(argv, "--");
	sv_push(argv, remote_cmd);
}

static int
validate(struct connect_opts *o)
{
	static const char *const families[] = {
		"inet", "inet6", "auto", "all", "prefer-inet", "prefer-inet6"
	};
	static char fam[16];
	size_t i;

	if (o->predict != NULL) {
		check_predict(o->predict, 0);
	} else if ((o->predict = getenv("MOSH_PREDICTION_DISPLAY")) != NULL) {
		check_predict(o->predict, 1);
	} else {
		o->predict = "adaptive";
	}
	for (i = 0; o->family[i] != '\0' && i + 1 < sizeof fam; i++) {
		fam[i] = (char)tolower((unsigned char)o->family[i]);
	}
	fam[i] = '\0';
	for (i = 0; i < sizeof families / sizeof families[0]; i++) {
		if (!strcmp(fam, families[i])) {
			o->family = families[i];
			break;
		}
	}
	if (i == sizeof families / sizeof families[0]) {
		core_die(255, "Invalid family %s", o->family);
	}
	if (o->port != NULL) {
		check_port(o->port);
	}
	if (o->server != NULL && !o->install_given) {
		o->install = INSTALL_NEVER;
	}
	if (o->install_only && (o->install == INSTALL_NEVER || o->local)) {
		core_die(255, "--install-only needs --install=auto or always "
		    "and ssh");
	}
	return 0;
}

int
connect_main(int argc, char **argv)
{
	static struct connect_opts o;
	struct connect_bin bins[CONNECT_MAX_BINS];
	struct connect_client_settings cs;
	struct connect_session s;
	struct parsed p;
	struct sv ssh = { 0 }, sargs = { 0 }, cmd = { 0 };
	const char *err;
	char *self, *remote, *hint;
	int nbins = 0, install, r;

	memset(&p, 0, sizeof p);
	memset(&s, 0, sizeof s);
	o.family = "prefer-inet";
	o.ssh = "ssh";
	o.ssh_pty = 1;
	o.install = INSTALL_AUTO;
	o.args = argv + 1;
	o.nargs = argc - 1;
	parse(argc, argv, &o, &p);
	if (p.help) {
		fputs(connect_help, stdout);
		return 0;
	}
	if (p.version) {
		printf("mosh-static connect %s (speaks mosh 1.4)\n", MOSH_VERSION);
		return 0;
	}
	if (p.sha256 != NULL) {
		return print_sha256(p.sha256);
	}
	validate(&o);
	if (p.fake_proxy) {
		if (p.rest.n != 2) {
			core_die(255, "--fake-proxy takes HOST PORT");
		}
		return connect_fake_proxy(p.rest.v[0], p.rest.v[1], o.family);
	}
	if (p.rest.n < 1) {
		usage_error();
	}
	o.userhost = p.rest.v[0];
	o.command = p.rest.v + 1;
	o.ncommand = (int)p.rest.n - 1;
	if (o.overwrite) {
		setenv("MOSH_PREDICTION_OVERWRITE", "yes", 1);
	}
	unsetenv("MOSH_PREDICTION_DISPLAY");
	if ((self = connect_self_path()) == NULL) {
		return 1;
	}
	if (shell_split(o.ssh, &ssh, &err) != 0 || ssh.n == 0) {
		core_die(255, "--ssh: %s", ssh.n ? err : "empty command");
	}
	{
		char pid[24];

		snprintf(pid, sizeof pid, "%ld", (long)getpid());
		setenv("MOSH_CLIENT_PID", pid, 1);
	}
	server_args(&o, client_colors(&o, self), &sargs);

	if (o.local) {
		char *q = shell_quote_words(sargs.v, sargs.n);
		char *srv = o.server ? xstrdup(o.server) : NULL;

		if (srv == NULL) {
			char *qs = shell_quote(self);

			srv = xmalloc(strlen(qs) + 8);
			sprintf(srv, "%s server", qs);
			free(qs);
		}
		sv_push(&cmd, "sh");
		sv_push(&cmd, "-c");
		sv_pushf(&cmd, "exec %s %s", srv, q);
		free(q);
		free(srv);
		r = connect_bootstrap(&o, cmd.v, o.userhost, NULL, 0, &s);
	} else {
		if (o.remote_ip == RIP_LOCAL && resolve_locally(&o, &s) != 0) {
			return 255;
		}
		if (o.remote_ip == RIP_PROXY && !o.remote_ip_given &&
		    ssh_has_proxy(&ssh, o.userhost)) {
			core_log(CORE_LOG_WARN, "ssh is configured with a "
			    "ProxyJump/ProxyCommand for %s: keeping it, and "
			    "taking the server's address from its "
			    "SSH_CONNECTION (--experimental-remote-ip=remote)",
			    o.userhost);
			o.remote_ip = RIP_REMOTE;
		}
		install = o.install != INSTALL_NEVER;
		if (install) {
			nbins = connect_find_bins(&o, bins);
			remote = connect_install_command(&o, bins, nbins,
			    sargs.v, sargs.n);
		} else {
			char *q = shell_quote_words(sargs.v, sargs.n);
			const char *prefix = o.remote_ip == RIP_REMOTE ?
			    "sh -c '[ -n \"$SSH_CONNECTION\" ] && printf "
			    "\"\\nMOSH SSH_CONNECTION %s\\n\" \"$SSH_CONNECTION\"'"
			    " ; " : "";
			const char *srv = o.server ? o.server : "mosh-server";
			size_t len = strlen(prefix) + strlen(srv) + strlen(q) + 2;

			remote = xmalloc(len);
			snprintf(remote, len, "%s%s %s", prefix, srv, q);
			free(q);
		}
		build_ssh_argv(&o, &ssh, self, remote, install, &cmd);
		if (core_log_level() >= CORE_LOG_DEBUG) {
			size_t i;

			for (i = 0; i < cmd.n; i++) {
				core_log(CORE_LOG_DEBUG, "ssh argv[%zu]: %s", i,
				    cmd.v[i]);
			}
		}
		r = connect_bootstrap(&o, cmd.v, NULL, install ? bins : NULL,
		    nbins, &s);
		free(remote);
		connect_free_bins(bins, nbins);
	}
	sv_free(&cmd);
	sv_free(&sargs);
	sv_free(&ssh);
	free(self);
	if (r != 0 || o.install_only) {
		return r;
	}
	hint = join_args(o.args, o.nargs);
	cs.predict = o.predict;
	cs.overwrite = o.overwrite;
	cs.no_init = o.no_init;
	cs.hint = hint;
	r = connect_run_client(&o, &s, &cs);
	free(hint);
	return r;
}
