/*
 * The journal: an append-only JSON Lines record of one exercise, the only
 * input the report, replay and resume read.  Line 1 is a header (format,
 * version, scenario and its SHA-256, seed, roles, orgs, objectives,
 * phases, injects); every later line is one record with a sequence
 * number, a virtual time and a wall time.  docs/journal.md documents each
 * field.
 *
 * Durability is group commit: records are appended to a buffer and
 * journal_commit writes and fsyncs them together; nothing is reported as
 * accepted before the commit that holds it returns.  A failed write or
 * fsync is never retried: the journal is cut back to its last record
 * boundary and refuses everything after.
 */
#ifndef TTX_JOURNAL_H
#define TTX_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>

#include "error.h"
#include "sim.h"

#define JOURNAL_FORMAT	"ttxsim-journal"
#define JOURNAL_VERSION	1

struct exercise;
struct ex_record;
struct journal;

/* Wall clock for the records: nanoseconds since the epoch.  Tests pass a
 * fixed one; NULL means CLOCK_REALTIME. */
typedef int64_t (*journal_clock)(void *arg);

/* Create a new journal at path (never overwrites an existing file). */
struct journal	*journal_create(const char *path, journal_clock clock,
		     void *clock_arg, struct error *e);
/* Open an existing journal to append (after journal_read has checked it
 * and said where its valid records end, which is where writing goes on:
 * a torn tail is cut off).  next_seq is the sequence number to use next. */
struct journal	*journal_reopen(const char *path, size_t valid_bytes,
		     int64_t next_seq, journal_clock clock, void *clock_arg,
		     struct error *e);
/* Commit what is buffered and close; NULL is a no-op.  Returns -1 if the
 * final commit failed (the error is in *e). */
int		 journal_close(struct journal *j, struct error *e);

/* Append the header describing ex (after its declarations loaded).
 * source/len is the scenario file as read, for its SHA-256; bots and
 * choose ("INJECT=CHOICE") say how a headless run's bots played. */
int		 journal_header(struct journal *j, const struct exercise *ex,
		     const char *file, const char *source, size_t len,
		     const char *bots, const char *const *choose,
		     size_t nchoose, struct error *e);
/* One record of the exercise as the journal writes it, without seq and
 * wall; the caller frees it with cJSON_Delete. */
cJSON		*journal_encode(const struct exercise *ex,
		     const struct ex_record *r);
/* Append one record of the exercise.  Takes ownership of nothing. */
int		 journal_record(struct journal *j, const struct exercise *ex,
		     const struct ex_record *r, struct error *e);
/* Append a record built by the caller; adds seq, and wall if absent. */
int		 journal_append(struct journal *j, cJSON *rec, struct error *e);
/* Write and fsync everything appended so far. */
int		 journal_commit(struct journal *j, struct error *e);
/* Records appended (committed or not), and whether a failure stopped it. */
int64_t		 journal_seq(const struct journal *j);
int		 journal_failed(const struct journal *j);
const char	*journal_path(const struct journal *j);

/* Reading. */
struct journal_info {
	size_t		 records;	/* after the header */
	size_t		 valid_bytes;	/* the longest valid prefix */
	size_t		 file_bytes;
	int		 torn;		/* a partial last line was dropped */
	size_t		 torn_offset, torn_len;
	int64_t		 last_seq;
	sim_time	 last_t;
	int		 ended;		/* has an "end" record */
};

/* Called with each record (the header is line 1, seq 0); a non-zero
 * return stops the read and is returned.  rec is borrowed for the call. */
typedef int (*journal_fn)(const cJSON *rec, size_t line, void *arg);

/* Read and check the journal at path: the header first, then records
 * with consecutive sequence numbers and non-decreasing times.  A torn last
 * line (no newline: a crash mid-write) is dropped and reported in *info;
 * any other damage fails with "line N: ..." in *e.  fn may be NULL. */
int		 journal_read(const char *path, journal_fn fn, void *arg,
		     struct journal_info *info, struct error *e);

/* The SHA-256 of a buffer as 64 hex digits (out has room for 65). */
void		 journal_sha256(const char *data, size_t len, char *out);

#endif
