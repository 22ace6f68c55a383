/*
 * Journal recovery: any bytes as a journal file.  journal_read must
 * accept an intact journal, drop a torn last line, or refuse with a line
 * number; never crash or read past what it was given.
 */
#define _GNU_SOURCE		/* memfd_create, in fuzz.h */
#include "fuzz.h"
#include "journal.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

static int
count(const cJSON *rec, size_t line, void *arg)
{
	(void)rec;
	(void)line;
	(*(size_t *)arg)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct journal_info	info;
	struct error		e;
	size_t			n = 0;

	if (journal_read(fuzz_file(data, len), count, &n, &info, &e) == 0 &&
	    info.valid_bytes > len)
		abort();	/* recovered more than there was */
	return 0;
}
