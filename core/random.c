/*
 * core/random.c - OS randomness: getrandom(2), falling back to /dev/urandom
 * only when the system call does not exist (ENOSYS, old kernels; EPERM,
 * seccomp filters in some containers).
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/err.h"
#include "core/io.h"
#include "core/random.h"

static int
from_urandom(void *buf, size_t n)
{
	int fd, err;

	if ((fd = core_open("/dev/urandom", O_RDONLY, 0)) < 0) {
		return fd;
	}
	err = core_read_full(fd, buf, n);
	core_close(fd);
	if (err == CORE_E_TRUNC) {
		errno = EIO;
		err = CORE_E_SYS;
	}
	return err;
}

int
core_random(void *buf, size_t n)
{
	unsigned char *p = buf;
	long r;

	while (n > 0) {
		/* The raw syscall: musl's getrandom() wrapper is recent. */
		r = syscall(SYS_getrandom, p, n > 256 ? 256 : n, 0);
		if (r < 0) {
			if (errno == EINTR) {
				continue;
			}
			if (errno == ENOSYS || errno == EPERM) {
				return from_urandom(p, n);
			}
			return CORE_E_SYS;
		}
		p += r;
		n -= (size_t)r;
	}
	return 0;
}
