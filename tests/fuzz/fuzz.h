/*
 * What the fuzz harnesses share: inputs as files, for the APIs that read
 * a path (journals, scenarios, MSEL spreadsheets).  One memfd per process,
 * rewritten for each input, so nothing touches the disk.
 */
#ifndef TTX_FUZZ_H
#define TTX_FUZZ_H

/* the harness defines _GNU_SOURCE before any include: memfd_create */
#include <sys/mman.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The path of a file holding exactly data[0..len). */
static const char *
fuzz_file(const uint8_t *data, size_t len)
{
	static int	fd = -1;
	static char	path[64];

	if (fd == -1) {
		if ((fd = memfd_create("fuzz", 0)) == -1)
			abort();
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) == -1 || (len > 0 && pwrite(fd, data, len, 0) !=
	    (ssize_t)len))
		abort();
	return path;
}

#endif
