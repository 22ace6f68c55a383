/*
 * Resuming an exercise from its journal: the journal's header says which
 * scenario (and its SHA-256), seed and bots; re-running it reproduces the
 * records, which are checked one by one against the journal; once they
 * are all matched, the run goes on and its records are appended.
 */
#ifndef TTX_REPLAY_H
#define TTX_REPLAY_H

#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>

#include "error.h"
#include "journal.h"
#include "sim.h"

struct replay;

/* Read the journal (a torn last line is dropped: *torn says so). */
struct replay	*replay_load(const char *path, struct error *e);
void		 replay_free(struct replay *r);		/* NULL: no-op */

const char	*replay_file(const struct replay *r);	/* as recorded */
const char	*replay_seed(const struct replay *r);
const char	*replay_bots(const struct replay *r);
/* The forced choices ("INJECT=CHOICE"); *n is set. */
const char *const *replay_choose(const struct replay *r, size_t *n);
const struct journal_info *replay_info(const struct replay *r);

/* 0 if the scenario's bytes hash to the recorded SHA-256, else -1 with a
 * message naming both. */
int		 replay_check_source(const struct replay *r, const char *file,
		     const char *src, size_t len, struct error *e);
/* Check a re-run's next record (as journal_encode makes it) against the
 * journal: 1 if it matches, 0 if the journal has no more records (the
 * run has caught up: append from now on), -1 if it differs (the message
 * names the record and both versions). */
int		 replay_verify(struct replay *r, const cJSON *rec,
		     struct error *e);
/* The journal's number ("seq") of the record last matched, or -1. */
int64_t		 replay_seq(const struct replay *r);
/* Records matched so far (server records skipped count as matched). */
size_t		 replay_matched(const struct replay *r);
/* The journal's records after the header, without seq and wall. */
size_t		 replay_count(const struct replay *r);
const cJSON	*replay_record(const struct replay *r, size_t i);
/* 1 for the records a server writes itself rather than the exercise
 * (command, chat, request, observation, rating, adhoc): a re-run of the
 * exercise does not make them, so verification steps over them. */
int		 replay_is_server(const cJSON *rec);

#endif
