/*
 * applets/server_shell.c - the child side of mosh-server: environment,
 * working directory, the release gate, the message of the day and exec.
 *
 * All of this runs in the forked child between core_pty_spawn's setup and
 * exec, so it may change the environment and block freely.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "applets/server.h"
#include "core/io.h"

extern char **environ;

/* Does the environment select a UTF-8 character set? */
static int
env_is_utf8(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char *v;
	size_t i;

	for (i = 0; i < 3; i++) {
		if ((v = getenv(vars[i])) != NULL && *v != '\0') {
			return strcasestr(v, "utf-8") != NULL ||
			    strcasestr(v, "utf8") != NULL;
		}
	}
	return 0;
}

/* Stock's fallback: replace a non-UTF-8 locale with the client's -l vars. */
static void
apply_client_locale(const struct server_opts *o)
{
	char name[64];
	int i;

	if (env_is_utf8() || o->nlocale == 0) {
		return;
	}
	for (i = 0; environ[i] != NULL;) {
		const char *e = environ[i];
		size_t n = strcspn(e, "=");

		if (n < sizeof name && (strncmp(e, "LC_", 3) == 0 ||
		    (n == 4 && strncmp(e, "LANG", 4) == 0) ||
		    (n == 8 && strncmp(e, "LANGUAGE", 8) == 0))) {
			memcpy(name, e, n);
			name[n] = '\0';
			unsetenv(name);
			continue;	/* environ shifted down */
		}
		i++;
	}
	for (i = 0; i < o->nlocale; i++) {
		putenv((char *)o->locale[i]);
	}
}

static void
go_home(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	if ((home == NULL || *home == '\0') && (pw = getpwuid(getuid())) != NULL) {
		home = pw->pw_dir;
		setenv("HOME", home, 1);
	}
	if (home != NULL && chdir(home) == 0) {
		setenv("PWD", home, 1);
	}
}

/* Blocks until the daemon writes the release line to the pty. */
static void
wait_for_release(void)
{
	char c;
	ssize_t r;

	do {
		r = core_read(0, &c, 1);
	} while (r == 1 && c != '\n' && c != '\r');
}

static void
cat_file(const char *path)
{
	char buf[4096];
	ssize_t n;
	int fd = core_open(path, O_RDONLY, 0);

	if (fd < 0) {
		return;
	}
	while ((n = core_read(fd, buf, sizeof buf)) > 0) {
		(void)core_write_all(1, buf, (size_t)n);
	}
	core_close(fd);
}

static void
print_motd(void)
{
	if (access(".hushlogin", F_OK) == 0) {	/* we are in $HOME */
		return;
	}
	if (access("/run/motd.dynamic", R_OK) == 0) {
		cat_file("/run/motd.dynamic");
	} else {
		cat_file("/var/run/motd.dynamic");
	}
	cat_file("/etc/motd");
}

static const char *
user_shell(void)
{
	const char *sh = getenv("SHELL");
	struct passwd *pw;

	if ((sh == NULL || *sh == '\0') && (pw = getpwuid(getuid())) != NULL) {
		sh = pw->pw_shell;
	}
	return sh != NULL && *sh != '\0' ? sh : "/bin/sh";
}

static void
child(void *arg)
{
	const struct server_opts *o = arg;
	char argv0[256];
	const char *sh, *base;
	char *shargv[2];

	setenv("TERM", o->colors == 256 ? "xterm-256color" : "xterm", 1);
	setenv("NCURSES_NO_UTF8_ACS", "1", 1);
	unsetenv("STY");
	apply_client_locale(o);
	go_home();
	wait_for_release();
	if (o->command != NULL) {
		execvp(o->command[0], o->command);
		fprintf(stderr, "mosh-server: %s: %s\r\n", o->command[0],
		    strerror(errno));
		return;
	}
	print_motd();
	sh = user_shell();
	base = strrchr(sh, '/') ? strrchr(sh, '/') + 1 : sh;
	snprintf(argv0, sizeof argv0, "-%s", base);
	shargv[0] = argv0;
	shargv[1] = NULL;
	execv(sh, shargv);
	fprintf(stderr, "mosh-server: %s: %s\r\n", sh, strerror(errno));
}

int
server_shell_spawn(const struct server_opts *o, struct core_pty *pty)
{
	return core_pty_spawn(pty, o->cols, o->rows, child, (void *)o);
}
