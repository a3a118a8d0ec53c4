/*
 * core/pty.c - posix_openpt + fork + setsid + TIOCSCTTY.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "core/err.h"
#include "core/io.h"
#include "core/pty.h"

int
core_pty_resize(int master, unsigned cols, unsigned rows)
{
	struct winsize ws = { 0 };

	ws.ws_col = (unsigned short)cols;
	ws.ws_row = (unsigned short)rows;
	return ioctl(master, TIOCSWINSZ, &ws) < 0 ? CORE_E_SYS : 0;
}

static int
open_master(char *slave, size_t n)
{
	struct termios t;
	int m, saved;

	if ((m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0) {
		return CORE_E_SYS;
	}
	if (grantpt(m) < 0 || unlockpt(m) < 0 || ptsname_r(m, slave, n) != 0) {
		goto fail;
	}
	if (tcgetattr(m, &t) == 0) {
		t.c_iflag |= IUTF8;
		(void)tcsetattr(m, TCSANOW, &t);
	}
	return m;
fail:
	saved = errno;
	core_close(m);
	errno = saved;
	return CORE_E_SYS;
}

/* In the child: new session, the slave as controlling tty and stdio. */
static void
setup_child(const char *slave)
{
	int s;

	if (setsid() < 0 || (s = open(slave, O_RDWR)) < 0) {
		_exit(127);
	}
	(void)ioctl(s, TIOCSCTTY, 0);
	if (dup2(s, 0) < 0 || dup2(s, 1) < 0 || dup2(s, 2) < 0) {
		_exit(127);
	}
	if (s > 2) {
		close(s);
	}
}

int
core_pty_spawn(struct core_pty *p, unsigned cols, unsigned rows,
    void (*child)(void *arg), void *arg)
{
	char slave[128];
	int m, saved;
	pid_t pid;

	if ((m = open_master(slave, sizeof slave)) < 0) {
		return m;
	}
	if (core_pty_resize(m, cols, rows) < 0) {
		goto fail;
	}
	if ((pid = fork()) < 0) {
		goto fail;
	}
	if (pid == 0) {
		close(m);
		setup_child(slave);
		child(arg);
		_exit(127);
	}
	(void)core_set_nonblock(m, 1);
	p->master = m;
	p->pid = pid;
	return 0;
fail:
	saved = errno;
	core_close(m);
	errno = saved;
	return CORE_E_SYS;
}
