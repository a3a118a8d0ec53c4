/*
 * applets/client_tty.c - the user's terminal: raw mode, the init and
 * reset sequences, and putting everything back on every way out.
 *
 * The saved modes live in one file-scope struct because a fatal signal
 * handler must reach them; everything it does there is async-signal-safe
 * (write, tcsetattr, sigaction, raise).
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "applets/client.h"

/*
 * Init (PROTOCOL.md 8.3): xterm's smcup (alternate screen, and save the
 * window title on the title stack), then application cursor keys, which
 * the server's input translation expects.
 */
static const char smcup[] = "\033[?1049h\033[22;0;0t";
static const char init_keys[] = "\033[?1h";
/*
 * Reset: normal cursor keys, default pen, visible cursor, mouse reporting
 * and encodings off as stock does; also bracketed paste, focus events
 * and reverse video off, which stock leaves as the application set them
 * (a shell after mosh then gets pastes wrapped in escapes).
 */
static const char reset[] =
    "\033[?1l\033[0m\033[?25h"
    "\033[?1003l\033[?1002l\033[?1001l\033[?1000l"
    "\033[?1015l\033[?1006l\033[?1005l"
    "\033[?2004l\033[?1004l\033[?5l";
/* rmcup: leave the alternate screen, restore the title. */
static const char rmcup[] = "\033[?1049l\033[23;0;0t";

static struct {
	int in_fd, out_fd;
	int term_init;		/* smcup/rmcup wanted */
	int saved_ok;		/* saved holds the user's modes */
	volatile sig_atomic_t raw;	/* raw mode and init sequence are on */
	struct termios saved;
} tty = { -1, -1, 0, 0, 0, { 0 } };

static void
put(const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(tty.out_fd, s, n);
		if (w < 0 && errno == EINTR) {
			continue;
		}
		if (w <= 0) {
			return;
		}
		s += w;
		n -= (size_t)w;
	}
}

void
client_tty_leave(void)
{
	if (!tty.raw) {
		return;
	}
	tty.raw = 0;
	put(reset, sizeof reset - 1);
	if (tty.term_init) {
		put(rmcup, sizeof rmcup - 1);
	}
	if (tty.saved_ok) {
		(void)tcsetattr(tty.in_fd, TCSAFLUSH, &tty.saved);
	}
}

static void
on_exit_restore(void)
{
	client_tty_leave();
}

/* A crash: put the terminal back, then die of the same signal. */
static void
on_fatal(int sig)
{
	struct sigaction sa;

	client_tty_leave();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	(void)sigaction(sig, &sa, NULL);
	(void)raise(sig);
}

int
client_tty_setup(int in_fd, int out_fd, int term_init)
{
	static const int fatal[] = {
		SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGQUIT, SIGTRAP,
		SIGSYS, SIGXCPU, SIGXFSZ
	};
	struct sigaction sa;
	size_t i;

	if (tcgetattr(in_fd, &tty.saved) < 0) {
		return -1;
	}
	tty.in_fd = in_fd;
	tty.out_fd = out_fd;
	tty.term_init = term_init;
	tty.saved_ok = 1;
	(void)atexit(on_exit_restore);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
		(void)sigaction(fatal[i], &sa, NULL);
	}
	return 0;
}

int
client_tty_enter(void)
{
	struct termios raw = tty.saved;

	cfmakeraw(&raw);
	raw.c_iflag |= IUTF8;
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(tty.in_fd, TCSANOW, &raw) < 0) {
		return -1;
	}
	tty.raw = 1;
	if (tty.term_init) {
		put(smcup, sizeof smcup - 1);
	}
	put(init_keys, sizeof init_keys - 1);
	return 0;
}

int
client_tty_size(int *cols, int *rows)
{
	struct winsize ws;

	if (ioctl(tty.in_fd, TIOCGWINSZ, &ws) < 0 || ws.ws_col == 0 ||
	    ws.ws_row == 0) {
		return -1;
	}
	*cols = ws.ws_col;
	*rows = ws.ws_row;
	return 0;
}
