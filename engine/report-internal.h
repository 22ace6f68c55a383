/*
 * The report's model, shared by report.c (which builds it from the
 * journal) and the writers report-md.c, report-html.c, report-json.c.
 */
#ifndef TTX_REPORT_INTERNAL_H
#define TTX_REPORT_INTERNAL_H

#include <stdint.h>
#include <stdio.h>

#include "report.h"
#include "sim.h"

#define RP_GROW(arr, n, cap) do {					\
	if ((n) == (cap)) {						\
		(cap) = (cap) ? (cap) * 2 : 16;				\
		(arr) = xreallocarray((arr), (cap), sizeof *(arr));	\
	}								\
} while (0)

struct rp_role {
	const char	*id, *name, *org;
	int		 is_public;
	unsigned	 nnotes, nshares;
	sim_time	 ack_sum, ack_max, dec_sum, dec_max;
	unsigned	 nack, ndec, nlate, nmissed, nreceived;
};

struct rp_org {
	const char	*id, *name, *team;
};

/* An item of evidence: a text and the timeline entry it points to. */
struct rp_item {
	const char	*text;
	int64_t		 seq;
};

struct rp_answer {		/* a player's answer to hot-wash question q */
	size_t		 q;
	const char	*role, *player, *text;
	int64_t		 seq;
};

struct rp_objective {
	const char	*id, *text, *capability;
	const char	*verdict, *note;	/* NULL: no verdict */
	int64_t		 verdict_seq;
	const char	*rating;		/* P S M U, or "-" */
	const char	*rating_source;		/* "drafted" or "evaluator" */
	struct rp_item	*reasons, *strengths, *afi;
	size_t		 nreasons, nstrengths, nafi;
	size_t		 creasons, cstrengths, cafi;
};

struct rp_inject {
	const char	*id, *title, *expect, *objective, *tlp;
	sim_time	 at, deadline;
	int		 contingency;
	unsigned	 fired;
};

struct rp_delivery {
	int		 inject;
	sim_time	 t;
	int64_t		 seq;
	const char	*tlp, *title;
	int		*to;
	size_t		 nto;
	sim_time	 due;
	int		 decider;		/* role, or -1 */
	const char	*choice;
	sim_time	 dt;
	int64_t		 dseq;
	int		 late, timed_out;
	int64_t		 tseq;
};

struct rp_share {
	int64_t		 seq;
	sim_time	 t;
	int		 from;		/* role */
	const char	*to;		/* recipients, ", "-joined */
	const char	*tlp, *title, *reason;
	const char	*inject;	/* the inject it forwards, or NULL */
	int		 refused, cross_border;
};

struct rp_event {
	int64_t		 seq;
	sim_time	 t;
	const char	*type;
	const char	*text;
	int		 role;		/* for the SVG lane, or -1 */
	int		 delivery;	/* or -1 */
};

struct report {
	struct arena	*a;
	const char	*path;
	const char	*id, *title, *summary, *file, *sha256, *start, *seed;
	const char	*engine, *written, *scen_tlp, *end_reason, *end_summary;
	sim_time	 duration, end_t;
	int		 ended, torn;
	size_t		 torn_offset;

	struct rp_org		*orgs;
	struct rp_role		*roles;
	struct rp_objective	*objectives;
	struct rp_inject	*injects;
	struct rp_delivery	*deliveries;
	struct rp_event		*events;
	const char		**hotwash, **phases, **phase_titles;
	sim_time		*phase_at;
	struct rp_item		*errors;
	struct rp_answer	*answers;	/* hot-wash answers */
	size_t			 nanswers, canswers;
	struct rp_share		*shares;
	size_t			 nshares, cshares;
	sim_time		 first_inject;	/* SIM_NEVER: none */
	size_t		 norgs, nroles, nobjectives, ninjects, ndeliveries,
			 nevents, nhotwash, nphases, nerrors;
	size_t		 cdeliveries, cevents, cerrors;
};

/* report.c */
const char	*report_rating_name(const char *rating);
/* Average and maximum of durations as "1h5m", or "-" when n is 0. */
const char	*report_avg(sim_time sum, unsigned n, char *buf, size_t len);
const char	*report_max(sim_time max, unsigned n, char *buf, size_t len);
/* The name of a role's organisation (its id if unnamed). */
const char	*report_org_of(const struct report *r, int role);
/* The virtual time of record seq (events are in sequence order). */
sim_time	 report_t_of(const struct report *r, int64_t seq);
/* The team of a role's organisation, or "". */
const char	*report_team_of(const struct report *r, int role);
/* How many declared injects were delivered at least once. */
size_t		 report_injects_fired(const struct report *r);
/* The first share that crossed between teams (e.g. UK to US), or NULL. */
const struct rp_share *report_first_cross_border(const struct report *r);
/* The most restrictive TLP label delivered: the report's marking. */
const char	*report_marking(const struct report *r);
/* The same as a banner: "TLP:AMBER+STRICT". */
const char	*report_banner(const struct report *r);
/* The five labels, least restrictive first, and how many deliveries
 * carried each. */
extern const char *const report_tlp_labels[5];
size_t		 report_tlp_count(const struct report *r, const char *label);

void		 report_write_md(struct report *r, FILE *f);
void		 report_write_html(struct report *r, FILE *f);
void		 report_write_json(struct report *r, FILE *f);

#endif
