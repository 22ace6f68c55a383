/*
 * The MSEL importer: any bytes as a CSV file.  It writes a scenario or
 * refuses with a line and column; never crashes.
 */
#define _GNU_SOURCE		/* memfd_create, in fuzz.h */
#include "fuzz.h"
#include "msel.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static FILE	*null;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	/* its messages are for planners, not for the fuzzer's log */
	msel_import(fuzz_file(data, len), null, null);
	return 0;
}
