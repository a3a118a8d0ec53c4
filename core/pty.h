/*
 * core/pty.h - a child process on a new pseudo-terminal.
 *
 * Mechanism only: which program runs, with which environment, is the
 * caller's policy, applied in the child callback before it execs.
 */
#ifndef CORE_PTY_H
#define CORE_PTY_H

#include <sys/types.h>

struct core_pty {
	int master;	/* owned; non-blocking, close-on-exec */
	pid_t pid;	/* the child, a session leader on the slave */
};

/*
 * Opens a pty of cols x rows (IUTF8 on, so line editing is UTF-8 aware
 * whatever the host's locale), forks, and in the child makes the slave the
 * controlling terminal and stdin/stdout/stderr, then calls child(arg),
 * which must exec (if it returns, the child exits with status 127).
 * Returns 0 or CORE_E_SYS.
 */
int core_pty_spawn(struct core_pty *p, unsigned cols, unsigned rows,
    void (*child)(void *arg), void *arg);
/* Sets the window size (the kernel sends SIGWINCH). 0 or CORE_E_SYS. */
int core_pty_resize(int master, unsigned cols, unsigned rows);

#endif
