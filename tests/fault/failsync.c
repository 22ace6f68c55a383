/*
 * An LD_PRELOAD shim for the fault tests: fsync (and fdatasync) succeed
 * FAILSYNC_AFTER times, then fail with EIO, as a dying disk's do.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

static long
failsync_left(void)
{
	static long	left = -2;
	const char	*s;

	if (left == -2)
		left = (s = getenv("FAILSYNC_AFTER")) != NULL ? atol(s) : -1;
	return left < 0 ? 1 : left--;
}

int
fsync(int fd)
{
	static int	(*real)(int);

	if (failsync_left() <= 0) {
		errno = EIO;
		return -1;
	}
	if (real == NULL)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	return real(fd);
}

int
fdatasync(int fd)
{
	return fsync(fd);
}
