/*
 * The files an exercise leaves: see exfiles.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "exercise.h"
#include "exfiles.h"
#include "journal.h"
#include "report.h"
#include "script.h"

uint64_t
exfiles_fresh_seed(void)
{
	uint64_t	seed = 0;
	int		fd;

	if ((fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) != -1) {
		if (read(fd, &seed, sizeof seed) != (ssize_t)sizeof seed)
			seed = 0;
		close(fd);
	}
	if (seed == 0)
		seed = (uint64_t)getpid() * 2654435761u;
	return seed % 1000000000;
}

struct journal *
exfiles_journal(const char *path, char *buf, size_t len, struct script *s,
    struct exercise *ex, const char *bots, const char *const *choose,
    size_t nchoose, struct error *e)
{
	struct journal	*j;
	const char	*src;
	char		 stamp[32];
	size_t		 srclen;
	time_t		 now = time(NULL);
	struct tm	 tm;

	if (path == NULL) {
		gmtime_r(&now, &tm);
		strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
		if (mkdir("runs", 0700) == -1 && errno != EEXIST) {
			error_set(e, ERR_IO, "runs: %s", strerror(errno));
			return NULL;
		}
		snprintf(buf, len, "runs/%s-%s-%" PRIu64 ".jsonl",
		    ex->scenario.id, stamp, ex->seed);
	} else
		snprintf(buf, len, "%s", path);
	if ((j = journal_create(buf, NULL, NULL, e)) == NULL)
		return NULL;
	src = script_source(s, &srclen);
	if (journal_header(j, ex, script_path(s), src, srclen, bots, choose,
	    nchoose, e) != 0 || journal_commit(j, e) != 0) {
		/* not even the header: leave no empty journal behind */
		journal_close(j, NULL);
		unlink(buf);
		return NULL;
	}
	return j;
}

void
exfiles_reports(const char *who, const char *journal)
{
	static const struct {
		const char		*ext;
		enum report_format	 fmt;
	} outs[] = { { ".md", REPORT_MD }, { ".html", REPORT_HTML } };
	struct report	*r;
	struct error	 e;
	char		 path[600];
	size_t		 i;
	FILE		*f;

	if ((r = report_load(journal, &e)) == NULL) {
		fprintf(stderr, "%s: report: %s\n", who, e.msg);
		return;
	}
	for (i = 0; i < sizeof outs / sizeof outs[0]; i++) {
		exfiles_report_path(journal, outs[i].ext, path, sizeof path);
		errno = 0;
		if ((f = fopen(path, "w")) == NULL) {
			fprintf(stderr, "%s: %s: %s\n", who, path,
			    strerror(errno));
			continue;
		}
		if ((report_write(r, outs[i].fmt, f, &e) != 0) |
		    (fclose(f) != 0)) {
			/* a half-written report would mislead: none at all */
			fprintf(stderr, "%s: %s: %s; not kept (the journal is "
			    "complete: run `ttxsim report' on it later)\n", who,
			    path, errno ? strerror(errno) : "write failed");
			unlink(path);
			continue;
		}
		printf("report: %s\n", path);
	}
	report_free(r);
}

void
exfiles_report_path(const char *journal, const char *ext, char *buf,
    size_t len)
{
	size_t	n = strlen(journal);

	if (n > 6 && strcmp(journal + n - 6, ".jsonl") == 0)
		n -= 6;
	snprintf(buf, len, "%.*s-report%s", (int)n, journal, ext);
}
