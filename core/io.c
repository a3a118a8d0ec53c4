/*
 * core/io.c - EINTR-safe wrappers.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include "core/err.h"
#include "core/io.h"

ssize_t
core_read(int fd, void *buf, size_t n)
{
	ssize_t r;

	do {
		r = read(fd, buf, n);
	} while (r < 0 && errno == EINTR);
	return r < 0 ? CORE_E_SYS : r;
}

ssize_t
core_write(int fd, const void *buf, size_t n)
{
	ssize_t r;

	do {
		r = write(fd, buf, n);
	} while (r < 0 && errno == EINTR);
	return r < 0 ? CORE_E_SYS : r;
}

int
core_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	struct pollfd pfd;
	ssize_t r;

	while (n > 0) {
		r = write(fd, p, n);
		if (r < 0) {
			if (errno == EINTR) {
				continue;
			}
			if (errno != EAGAIN && errno != EWOULDBLOCK) {
				return CORE_E_SYS;
			}
			pfd.fd = fd;
			pfd.events = POLLOUT;
			if (poll(&pfd, 1, -1) < 0 && errno != EINTR) {
				return CORE_E_SYS;
			}
			continue;
		}
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

int
core_read_full(int fd, void *buf, size_t n)
{
	char *p = buf;
	ssize_t r;

	while (n > 0) {
		r = core_read(fd, p, n);
		if (r < 0) {
			return (int)r;
		}
		if (r == 0) {
			return CORE_E_TRUNC;
		}
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

void
core_close(int fd)
{
	int saved = errno;

	if (fd >= 0) {
		(void)close(fd);
	}
	errno = saved;
}

static int
set_flag(int fd, int getcmd, int setcmd, int flag, int on)
{
	int fl = fcntl(fd, getcmd);

	if (fl < 0) {
		return CORE_E_SYS;
	}
	fl = on ? (fl | flag) : (fl & ~flag);
	return fcntl(fd, setcmd, fl) < 0 ? CORE_E_SYS : 0;
}

int
core_set_nonblock(int fd, int on)
{
	return set_flag(fd, F_GETFL, F_SETFL, O_NONBLOCK, on);
}

int
core_set_cloexec(int fd, int on)
{
	return set_flag(fd, F_GETFD, F_SETFD, FD_CLOEXEC, on);
}

int
core_open(const char *path, int flags, int mode)
{
	int fd;

	do {
		fd = open(path, flags | O_CLOEXEC, mode);
	} while (fd < 0 && errno == EINTR);
	return fd < 0 ? CORE_E_SYS : fd;
}
