/*
 * applets/connect.h - shared between the files of the connect applet
 * (connect.c: command line and flow; connect_util.c: string vectors and
 * shell quoting; connect_proxy.c: --fake-proxy and address lookup;
 * connect_boot.c: running ssh and reading what the remote prints;
 * connect_install.c: the binaries we can upload and the remote script).
 */
#ifndef APPLETS_CONNECT_H
#define APPLETS_CONNECT_H

#include <stddef.h>
#include <sys/types.h>

#include "crypto/sha256.h"

/* A growable NULL-terminated vector of owned strings (an argv). */
struct sv {
	char **v;
	size_t n, cap;
};

void sv_push(struct sv *s, const char *str);
void sv_pushf(struct sv *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sv_free(struct sv *s);
/* Dies on allocation failure (the applet cannot go on without memory). */
void *xmalloc(size_t n);
char *xstrdup(const char *s);

/*
 * The words of s, split like a POSIX shell would (quotes, backslashes; no
 * expansion), appended to out.  0, or -1 with a message in *err (static)
 * for an unterminated quote.
 */
int shell_split(const char *s, struct sv *out, const char **err);
/* Each word in '...' with ' written as '\'' , joined by spaces (owned). */
char *shell_quote_words(char *const *w, size_t n);
char *shell_quote(const char *w);

enum connect_install {
	INSTALL_AUTO,
	INSTALL_ALWAYS,
	INSTALL_NEVER
};

enum connect_remote_ip {
	RIP_PROXY,
	RIP_REMOTE,
	RIP_LOCAL
};

struct connect_opts {
	const char *client;	/* NULL: this executable as mosh-client */
	const char *server;	/* NULL: mosh-server (ssh) / this one (--local) */
	const char *predict;
	const char *family;	/* inet inet6 auto all prefer-inet prefer-inet6 */
	const char *port;	/* validated PORT[:PORT2], or NULL */
	const char *bind;	/* NULL: ssh */
	const char *ssh;	/* the --ssh command string */
	const char *server_binaries;	/* --server-binaries DIR or NULL */
	enum connect_remote_ip remote_ip;
	int remote_ip_given;
	enum connect_install install;
	int install_given;
	int install_only;	/* hidden: install, print the path, exit */
	int overwrite, no_init, ssh_pty, local;
	char *userhost;		/* may be rewritten (remote-ip local) */
	char **command;		/* borrowed from argv */
	int ncommand;
	char **args;		/* the original arguments, for -# */
	int nargs;
};

/* What the bootstrap learned: where the server listens, and its key. */
struct connect_session {
	char ip[64];
	char port[8];
	char key[23];
};

/* How the client should behave (the env variables stock passes). */
struct connect_client_settings {
	const char *predict;	/* adaptive always never experimental */
	int overwrite;		/* MOSH_PREDICTION_OVERWRITE=yes */
	int no_init;		/* MOSH_NO_TERM_INIT=1 */
	const char *hint;	/* the "-# ARGS |" word for ps */
};

/* One binary we can copy to a remote host. */
struct connect_bin {
	char arch[16];		/* x86_64 aarch64 armv7 */
	char *path;		/* owned */
	off_t size;
	char sha[CRYPTO_SHA256_HEX_LEN + 1];
};

#define CONNECT_MAX_BINS 3

/* connect_proxy.c */
/*
 * Resolves host:port (TCP) with the stock family rules, connects, and
 * writes the numeric address to ip (if not NULL).  Socket fd, or -1 after
 * printing why.
 */
int connect_resolve_first(const char *host, const char *port,
    const char *family, char *ip, size_t iplen, int do_connect);
/* --fake-proxy: connect, say "MOSH IP addr" on stderr, relay. Exit code. */
int connect_fake_proxy(const char *host, const char *port, const char *family);

/* connect_install.c */
/* Our own path (/proc/self/exe), owned; NULL after printing why. */
char *connect_self_path(void);
/* The architecture this binary was built for. */
const char *connect_native_arch(void);
/* Maps a uname -m value to ours (x86_64, aarch64, armv7) or NULL. */
const char *connect_map_arch(const char *uname_m);
/* SHA-256 of a file as hex; 0, or -1 with errno set. Size in *size. */
int connect_hash_file(const char *path, char hex[CRYPTO_SHA256_HEX_LEN + 1],
    off_t *size);
/* Fills bins with this executable and any siblings; returns the count. */
int connect_find_bins(const struct connect_opts *o, struct connect_bin *bins);
void connect_free_bins(struct connect_bin *bins, int n);
/*
 * The remote command (for the login shell) that probes, installs if
 * needed, and starts the server with server_args.  Owned.
 */
char *connect_install_command(const struct connect_opts *o,
    const struct connect_bin *bins, int nbins, char *const *server_args,
    size_t nserver_args);
/* The remote script alone (one line, no single quotes), for tests. */
const char *connect_install_script(void);

/* connect_boot.c */
/*
 * Runs argv (ssh, or sh for --local) with stdout and stderr merged into a
 * pipe we read line by line; handles MOSH IP / MOSH SSH_CONNECTION /
 * MOSH CONNECT and, when bins is not NULL, the MOSH-STATIC requests of
 * the install script.  Echoes other lines.  On success fills *s and
 * returns 0; otherwise prints why and returns an exit status.
 * local_ip: the address of --local (printed as MOSH IP by the child).
 */
int connect_bootstrap(const struct connect_opts *o, char *const *argv,
    const char *local_ip, const struct connect_bin *bins, int nbins,
    struct connect_session *s);

/* connect.c */
/*
 * Runs the client for the session.  Today this execs --client (or this
 * executable as mosh-client); the in-process client replaces the body
 * later.  Returns only on failure (exit status).
 */
int connect_run_client(const struct connect_opts *o,
    const struct connect_session *s, const struct connect_client_settings *cs);

#endif
