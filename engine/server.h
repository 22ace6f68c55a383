/*
 * The exercise server: one process, one poll loop, no threads.  Consoles
 * connect on Unix sockets (default) or TCP and speak engine/proto; the
 * engine runs paced by the pacer; every change is journaled (and the
 * journal committed) before any reply or event that depends on it is
 * sent; each client sees only what its role may see.
 */
#ifndef TTX_SERVER_H
#define TTX_SERVER_H

#include <stdio.h>

#include "error.h"

struct exercise;
struct journal;
struct replay;
struct server;

struct server_config {
	const char	*listen[8];	/* "unix:PATH" or "HOST:PORT" */
	size_t		 nlisten;
	double		 speed;		/* scenario seconds per wall second */
	const char	*tokens_path;	/* where to write the tokens (0600) */
	const char	*tokens_in;	/* resume: read them from here */
	size_t		 max_clients;
	size_t		 max_output;	/* bytes queued per client */
	FILE		*log;		/* where to say what happens */
	const char	*report;	/* told to consoles at the end */
	int		 hotwash_secs;	/* after the end, wait this long at
					 * most for players' answers */
};

/* A server for ex (declarations loaded, not started), writing to j (which
 * it does not own).  Opens the listeners and makes the tokens. */
struct server	*server_new(struct exercise *ex, struct journal *j,
		     const struct server_config *cfg, struct error *e);
void		 server_free(struct server *srv);	/* NULL: no-op */
/* Where a server with no address makes its private socket directory,
 * ttxsim-XXXXXX: $TMPDIR, or /tmp. */
const char	*server_tmpdir(void);
/* Rebuild the exercise from its journal before serving: re-apply the
 * players' and the facilitator's inputs at their virtual times, checking
 * every record the exercise makes against the journal, and restore the
 * clock's state; serving then goes on, appending to the journal given to
 * server_new (reopened at the end of the valid records).  -1 with the
 * first record that differs. */
int		 server_resume(struct server *srv, struct replay *rp,
		     struct error *e);
/* Print how to join: the sockets and the tokens. */
void		 server_print_join(const struct server *srv, FILE *f);
/* Serve until the exercise has ended and its last events are sent (or
 * stop_flag becomes non-zero).  -1 if the journal failed. */
int		 server_run(struct server *srv, volatile int *stop_flag,
		     struct error *e);

/* How punctually the loop woke for the engine's events: for each wake-up
 * that was for a scheduled event, how long after its wall-clock time the
 * event ran (ns).  For `serve --stats' and the benchmarks. */
struct server_stats {
	size_t		 events;
	int64_t		 late_p50, late_p99, late_max;
};
void		 server_stats(const struct server *srv,
		     struct server_stats *st);

#endif
