/*
 * main.c - the applet table and busybox-style dispatch.
 *
 * The applet is the basename of argv[0] (a leading '-' from a login shell
 * stripped): a link named after an applet, or one of the stock mosh names,
 * runs it directly.  Any other name is the multi-call binary itself, which
 * takes the applet as its first argument or one of --list, --install,
 * --help and --version.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "applets/applets.h"
#include "core/log.h"

#define ALIAS 1u	/* a stock mosh name: installed, not listed */

struct applet {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *help;
	const char *summary;
	unsigned flags;
};

/* Sorted by name (strcmp order): looked up with bsearch. */
static const struct applet applets[] = {
	{ "client", client_main, client_help,
	    "the mosh client (also: mosh-client)", 0 },
	{ "connect", connect_main, connect_help,
	    "start a server over ssh and connect (also: mosh)", 0 },
	{ "keygen", keygen_main, keygen_help,
	    "print or check a session key", 0 },
	{ "mosh", connect_main, connect_help, NULL, ALIAS },
	{ "mosh-client", client_main, client_help, NULL, ALIAS },
	{ "mosh-server", server_main, server_help, NULL, ALIAS },
	{ "server", server_main, server_help,
	    "the mosh server (also: mosh-server)", 0 },
	{ "term", term_main, term_help,
	    "run output through the terminal emulator, print the screen", 0 },
};

#define NAPPLETS (sizeof applets / sizeof applets[0])

static const char usage[] =
    "Usage: mosh-static APPLET [ARGS...]\n"
    "       mosh-static --list | --install [-s] DIR | --help [APPLET] | --version\n"
    "\n"
    "A mobile shell (mosh-compatible) in one static executable.  Links\n"
    "named after an applet, or mosh, mosh-server and mosh-client, run that\n"
    "applet directly.\n"
    "\n"
    "  --list            print the applet names, one per line\n"
    "  --install [-s] DIR  create links in DIR for every applet and the\n"
    "                    mosh names (hard links; -s: symbolic links)\n"
    "  --help [APPLET]   this text, or an applet's\n"
    "  --version         version and build id\n"
    "\n"
    "Environment: MOSH_STATIC_LOG=error|warn|info|debug|trace sets how much\n"
    "is logged to stderr (applets' -v flags raise it too).\n"
    "\n"
    "Applets:\n";

static int
cmp_applet(const void *key, const void *elem)
{
	return strcmp(key, ((const struct applet *)elem)->name);
}

static const struct applet *
find(const char *name)
{
	return bsearch(name, applets, NAPPLETS, sizeof applets[0], cmp_applet);
}

static const char *
base(const char *path)
{
	const char *s = strrchr(path, '/');

	s = s ? s + 1 : path;
	return *s == '-' ? s + 1 : s;
}

static void
print_usage(FILE *f)
{
	size_t i;

	fputs(usage, f);
	for (i = 0; i < NAPPLETS; i++) {
		if (!(applets[i].flags & ALIAS)) {
			fprintf(f, "  %-12s %s\n", applets[i].name, applets[i].summary);
		}
	}
}

static void
set_log_level_from_env(void)
{
	static const char *const names[] = {
		"error", "warn", "info", "debug", "trace"
	};
	const char *v = getenv("MOSH_STATIC_LOG");
	int i;

	if (v == NULL || *v == '\0') {
		return;
	}
	for (i = 0; i < 5; i++) {
		if (strcmp(v, names[i]) == 0) {
			core_log_set_level(i);
			return;
		}
	}
	if (v[0] >= '0' && v[0] <= '9') {
		core_log_set_level(atoi(v));
	}
}

/* Replaces dir/name with a link to target, atomically. */
static int
make_link(const char *target, const char *dir, const char *name, int sym)
{
	char path[PATH_MAX], tmp[PATH_MAX];
	int r;

	if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path ||
	    snprintf(tmp, sizeof tmp, "%s/.%s.tmp%ld", dir, name,
	    (long)getpid()) >= (int)sizeof tmp) {
		errno = ENAMETOOLONG;
		return -1;
	}
	(void)unlink(tmp);
	r = sym ? symlink(target, tmp) : link(target, tmp);
	if (r == 0 && rename(tmp, path) != 0) {
		r = -1;
		(void)unlink(tmp);
	}
	if (r != 0) {
		core_log(CORE_LOG_ERROR, "cannot create %s: %s", path,
		    strerror(errno));
	}
	return r;
}

static int
install_links(int argc, char **argv)
{
	char self[PATH_MAX];
	const char *dir;
	struct stat st;
	int sym = 0, bad = 0;
	ssize_t n;
	size_t i;

	if (argc >= 1 && strcmp(argv[0], "-s") == 0) {
		sym = 1;
		argc--;
		argv++;
	}
	if (argc != 1) {
		core_log(CORE_LOG_ERROR, "usage: mosh-static --install [-s] DIR");
		return 2;
	}
	dir = argv[0];
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		core_log(CORE_LOG_ERROR, "%s: not a directory", dir);
		return 1;
	}
	if ((n = readlink("/proc/self/exe", self, sizeof self - 1)) < 0) {
		core_log(CORE_LOG_ERROR, "cannot find this executable "
		    "(/proc/self/exe): %s", strerror(errno));
		return 1;
	}
	self[n] = '\0';
	for (i = 0; i < NAPPLETS; i++) {
		bad |= make_link(self, dir, applets[i].name, sym) != 0;
	}
	return bad;
}

/* Runs the multi-call binary's own options, or the applet in argv[1]. */
static int
multicall(int argc, char **argv)
{
	const struct applet *a;
	static char prog[64];

	if (argc < 2) {
		print_usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--list")) {
		size_t i;

		for (i = 0; i < NAPPLETS; i++) {
			if (!(applets[i].flags & ALIAS)) {
				printf("%s\n", applets[i].name);
			}
		}
		return 0;
	}
	if (!strcmp(argv[1], "--install")) {
		return install_links(argc - 2, argv + 2);
	}
	if (!strcmp(argv[1], "--version")) {
		printf("mosh-static %s (build %s)\n", MOSH_VERSION, MOSH_BUILD_ID);
		return 0;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		if (argc < 3) {
			print_usage(stdout);
			return 0;
		}
		if ((a = find(argv[2])) == NULL) {
			core_log(CORE_LOG_ERROR, "%s: applet not found", argv[2]);
			return 127;
		}
		fputs(a->help, stdout);
		return 0;
	}
	if ((a = find(argv[1])) == NULL) {
		core_log(CORE_LOG_ERROR, "%s: applet not found "
		    "(mosh-static --list shows them)", argv[1]);
		return 127;
	}
	snprintf(prog, sizeof prog, "mosh-static %s", a->name);
	core_log_set_prog(prog);
	if (argc >= 3 && !strcmp(argv[2], "--help")) {
		fputs(a->help, stdout);
		return 0;
	}
	return a->main(argc - 1, argv + 1);
}

const char *
main_build_id(void)
{
	return MOSH_BUILD_ID;
}

int
main(int argc, char **argv)
{
	const struct applet *a;
	const char *name = argc > 0 ? base(argv[0]) : "mosh-static";

	set_log_level_from_env();
	if ((a = find(name)) == NULL) {
		return multicall(argc, argv);
	}
	core_log_set_prog(a->name);
	if (argc >= 2 && !strcmp(argv[1], "--help")) {
		fputs(a->help, stdout);
		return 0;
	}
	return a->main(argc, argv);
}
