/*
 * The report renderer fed with arbitrary journals: whatever loads must
 * render in every format.
 */
#define _GNU_SOURCE		/* memfd_create, in fuzz.h */
#include "fuzz.h"
#include "report.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static FILE	*null;
	struct report	*r;
	struct error	 e;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	if ((r = report_load(fuzz_file(data, len), &e)) == NULL)
		return 0;
	report_write(r, REPORT_MD, null, &e);
	report_write(r, REPORT_HTML, null, &e);
	report_write(r, REPORT_JSON, null, &e);
	report_free(r);
	return 0;
}
