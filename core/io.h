/*
 * core/io.h - EINTR-safe system-call wrappers and descriptor helpers.
 *
 * Event loops here install signal handlers without SA_RESTART, so every
 * blocking call must retry on EINTR itself.  All return 0/positive on
 * success and CORE_E_SYS (errno set) on failure, except where noted.
 */
#ifndef CORE_IO_H
#define CORE_IO_H

#include <stddef.h>
#include <sys/types.h>

/* read(2) retried on EINTR: bytes read, 0 at EOF, or CORE_E_SYS. */
ssize_t core_read(int fd, void *buf, size_t n);
/* write(2) retried on EINTR: bytes written (may be short) or CORE_E_SYS. */
ssize_t core_write(int fd, const void *buf, size_t n);
/* Writes all n bytes, waiting with poll(2) if fd is non-blocking. */
int core_write_all(int fd, const void *buf, size_t n);
/* Reads exactly n bytes: 0, CORE_E_TRUNC at early EOF, or CORE_E_SYS. */
int core_read_full(int fd, void *buf, size_t n);
/* close(2) that keeps errno as it was. */
void core_close(int fd);
int core_set_nonblock(int fd, int on);
int core_set_cloexec(int fd, int on);
/* open(2) retried on EINTR, always O_CLOEXEC. fd or CORE_E_SYS. */
int core_open(const char *path, int flags, int mode);

#endif
