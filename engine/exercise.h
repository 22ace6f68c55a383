/*
 * The exercise: what the scenario declared (scenario, orgs, roles,
 * objectives, phases, injects, hot-wash questions) and what has happened
 * since (deliveries, acknowledgements, decisions, verdicts).  Every change
 * is emitted as a record, first to the sink (output, later the journal)
 * and then to the listeners (the script's handlers, the bots), in that
 * order.  It owns the virtual clock.
 *
 * Indexes (role, inject, ...) are positions in the arrays below, stable
 * for the exercise's life; ids are the planner's names.
 */
#ifndef TTX_EXERCISE_H
#define TTX_EXERCISE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "rng.h"
#include "sim.h"
#include "tlp.h"

struct arena;

struct ex_scenario {
	const char	*id, *title, *summary;
	int64_t		 start;		/* epoch seconds of T+0, or 0 */
	sim_time	 duration;	/* SIM_NEVER if open-ended */
	enum tlp	 tlp;		/* default for injects */
	int		 line;		/* 0 if never declared */
	const char	*file;		/* as named, for messages; or NULL */
};

/* Without a declared duration, a run to the end (exercise_run with
 * SIM_NEVER) stops here if events are still scheduled: a repeating timer
 * or a process that never ends would otherwise run for ever. */
#define EX_HORIZON	(30 * SIM_DAY)

struct ex_org {
	const char	*id, *name, *team;
	const char	**clients;	/* org ids */
	size_t		 nclients;
	int		 line, clients_line;
};

struct ex_role {
	const char	*id, *name;
	const char	*org;		/* org id, or NULL */
	int		 is_public;	/* press, social media: outside TLP:GREEN */
	sim_time	 delay_lo, delay_hi;	/* bot response delay */
	int		 line, org_line;
};

enum ex_verdict { EX_OPEN, EX_MET, EX_MISSED };

struct ex_objective {
	const char	*id, *text, *capability;
	int		 line;
	enum ex_verdict	 verdict;
	sim_time	 verdict_t;
	const char	*note;
};

struct ex_phase {
	const char	*id, *title;
	sim_time	 at;
	int		 line;
};

struct ex_choice {
	const char	*id, *label;
	unsigned	 taken;		/* decisions with this choice */
};

#define EX_HELD		SIM_NEVER	/* an inject's `at' when held */

struct ex_inject {
	const char	*id;
	int		 line;
	sim_time	 at;		/* EX_HELD: fired by script or control */
	int		*to;		/* role indexes */
	size_t		 nto;
	const char	*from, *title, *body, *expect;
	const char	*notes;		/* for controllers: the MSEL's Notes */
	enum tlp	 tlp;
	struct ex_choice *choices;
	size_t		 nchoices;
	sim_time	 deadline;	/* after delivery; 0 = none */
	int		 objective;	/* index or -1 */
	int		 phase;		/* index or -1 */
	int		 contingency;
	/* what happened */
	unsigned	 fired;
	int		 last;		/* latest delivery, or -1 */
	/* as written, resolved to indexes by exercise_resolve */
	const char	**to_ids;		/* NULL items were bad */
	const char	*objective_id, *phase_id;
	int		 to_line, objective_line, phase_line;
};

/* One firing of an inject to its recipients. */
struct ex_delivery {
	int		 inject;
	sim_time	 t;
	int		*to;
	size_t		 nto;
	const char	*from, *title, *body;
	enum tlp	 tlp;
	sim_time	 due;		/* absolute deadline, or SIM_NEVER */
	sim_time	*acked;		/* per recipient; -1 until acked */
	int		 choice;	/* index, or -1 until decided */
	int		 decided_by;	/* role index, or -1 */
	sim_time	 decided_t;
	int		 late;
	int		 timed_out;
	sim_handle	 timer;
};

/* An item one role shared with others (or tried to: refused shares are
 * kept, for the report's TLP handling). */
struct ex_share {
	int		 from;		/* role */
	int		*to;		/* roles */
	size_t		 nto;
	enum tlp	 tlp;
	const char	*title, *text, *player;
	int		 ref;		/* the share it forwards, or -1 */
	int		 delivery;	/* the inject delivery it forwards, or
					 * -1 */
	sim_time	 t;
	int		 refused;
	const char	*reason;
};

enum ex_rec_kind {
	REC_START, REC_PHASE, REC_INJECT, REC_ACK, REC_DECISION, REC_TIMEOUT,
	REC_OBJECTIVE, REC_LOG, REC_ERROR, REC_END, REC_SHARE, REC_NOTE
};

/* What happened, as the sink and listeners see it.  Pointers are borrowed
 * for the duration of the callback. */
struct ex_record {
	enum ex_rec_kind kind;
	sim_time	 t;
	int		 inject, delivery, role, choice, objective, phase;
	int		 share;		/* REC_SHARE: index in shares */
	enum ex_verdict	 verdict;
	int		 late;
	const char	*player;
	const char	*text;		/* log line, error, note, end summary */
};

struct exercise;

typedef void (*ex_listener)(struct exercise *ex, const struct ex_record *r,
    void *arg);

struct exercise {
	struct ex_scenario	 scenario;
	struct ex_org		*orgs;
	struct ex_role		*roles;
	struct ex_objective	*objectives;
	struct ex_phase		*phases;
	struct ex_inject	*injects;
	const char		**hotwash;
	struct ex_delivery	*deliveries;
	struct ex_share		*shares;
	size_t			 norgs, nroles, nobjectives, nphases, ninjects,
				 nhotwash, ndeliveries, nshares;
	size_t			 corgs, croles, cobjectives, cphases, cinjects,
				 chotwash, cdeliveries, cshares;

	struct sim		*sim;
	struct arena		*arena;
	struct rng		 rng;		/* the scenario's random */
	uint64_t		 seed;

	int			 started, ended;
	const char		*end_reason;	/* when ended */
	sim_time		 end_t;
	unsigned		 nacks, ndecisions, nlate, ntimeouts, nerrors,
				 nlogs;

	ex_listener		 sink;
	void			*sink_arg;
	struct {
		ex_listener	 fn;
		void		*arg;
	}			 listeners[4];
	size_t			 nlisteners;
};

struct exercise	*exercise_new(void);
void		 exercise_free(struct exercise *ex);	/* NULL: no-op */
/* Forget everything declared and done; keep allocations for reuse.  The
 * sink and listeners are removed too. */
void		 exercise_reset(struct exercise *ex, uint64_t seed);

void		 exercise_set_sink(struct exercise *ex, ex_listener fn,
		     void *arg);
void		 exercise_listen(struct exercise *ex, ex_listener fn,
		     void *arg);

/* Declarations: each returns the new item (its fields zeroed, id copied)
 * or NULL if the id is already taken (the caller reports it). */
struct ex_org		*exercise_add_org(struct exercise *ex, const char *id);
struct ex_role		*exercise_add_role(struct exercise *ex, const char *id);
struct ex_objective	*exercise_add_objective(struct exercise *ex,
			    const char *id);
struct ex_phase		*exercise_add_phase(struct exercise *ex,
			    const char *id);
struct ex_inject	*exercise_add_inject(struct exercise *ex,
			    const char *id);
void			 exercise_add_hotwash(struct exercise *ex,
			    const char *question);

/* Lookups by id: the index, or -1. */
int	exercise_org(const struct exercise *ex, const char *id);
int	exercise_role(const struct exercise *ex, const char *id);
int	exercise_objective(const struct exercise *ex, const char *id);
int	exercise_phase(const struct exercise *ex, const char *id);
int	exercise_inject(const struct exercise *ex, const char *id);
int	exercise_choice(const struct exercise *ex, int inject, const char *id);

struct diags;
/* Resolve the ids declarations name (roles' orgs, injects' recipients,
 * objectives and phases, orgs' clients) and check times against the
 * duration.  Adds one diagnostic per problem; returns -1 if any. */
int	exercise_resolve(struct exercise *ex, struct diags *d);

/* Schedule the timed injects, phases and the end; emit REC_START. */
void	exercise_start(struct exercise *ex);
/* Run until virtual time t, the end of the scenario, or exercise_finish,
 * whichever is first.  Returns 1 if the exercise has ended. */
int	exercise_run(struct exercise *ex, sim_time t);

/* What players (and bots) do.  Each returns 0, or -1 with a reason. */
int	exercise_ack(struct exercise *ex, int delivery, int role,
	    const char *player, struct error *e);
int	exercise_decide(struct exercise *ex, int delivery, int role, int choice,
	    const char *player, struct error *e);

/* Share an item with roles under a TLP label.  A forward names what it
 * forwards: ref, an earlier share, or delivery, an inject delivery (each
 * -1 if not; naming both is ERR_INVALID).  If `from' did not receive it:
 * -1, ERR_NOT_FOUND, and nothing is recorded.  Otherwise the share is
 * recorded, refused or not; it is refused if the label does not allow it
 * to reach every recipient, lowers the forwarded item's label, or
 * forwards a RED item: -1, ERR_TLP_REFUSED and the reason.  Returns the
 * share's index. */
int	exercise_share(struct exercise *ex, int from, const int *to, size_t nto,
	    enum tlp tlp, const char *title, const char *text, int ref,
	    int delivery, const char *player, struct error *e);
/* A situation report or note by a role (delivery: the inject it is about,
 * or -1). */
int	exercise_note(struct exercise *ex, int role, int delivery,
	    const char *text, const char *player, struct error *e);

/* What the scenario does.  overrides may be NULL. */
struct ex_fire {
	int		*to;
	size_t		 nto;
	const char	*from, *title, *body;
	int		 tlp;		/* -1: the inject's */
	sim_time	 deadline;	/* -1: the inject's */
};
/* Deliver now; returns the delivery index, or -1 if the exercise ended. */
int	exercise_fire(struct exercise *ex, int inject,
	    const struct ex_fire *overrides);
void	exercise_verdict(struct exercise *ex, int objective, enum ex_verdict v,
	    const char *note);
void	exercise_log(struct exercise *ex, const char *text);
/* A scenario error (message with file:line and traceback). */
void	exercise_error(struct exercise *ex, const char *text);
/* Stop at once, recording nothing more: for when the journal cannot be
 * written (records that cannot be kept must not be made). */
void	exercise_halt(struct exercise *ex);
/* End after the current event; summary may be NULL. */
void	exercise_finish(struct exercise *ex, const char *reason);

sim_time	exercise_now(const struct exercise *ex);
const char	*exercise_verdict_name(enum ex_verdict v);

#endif
