/*
 * The exercise state: see exercise.h.
 *
 * Invariant: every change of state is followed, before anything else
 * happens, by exactly one record describing it, emitted to the sink and
 * then to the listeners.  Listeners may act (fire, decide) while handling
 * a record; the records those actions emit are nested inside.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "vtime.h"
#include "exercise.h"
#include "xmalloc.h"

/* Grow an array member to hold one more item; returns the new item. */
#define EX_PUSH(ex, arr, n, cap) (					\
	((ex)->n == (ex)->cap ?						\
	    ((ex)->cap = (ex)->cap ? (ex)->cap * 2 : 8,			\
	    (ex)->arr = xreallocarray((ex)->arr, (ex)->cap,		\
	    sizeof *(ex)->arr)) : 0),					\
	memset(&(ex)->arr[(ex)->n], 0, sizeof *(ex)->arr),		\
	&(ex)->arr[(ex)->n++])

struct exercise *
exercise_new(void)
{
	struct exercise	*ex;

	ex = xcalloc(1, sizeof *ex);
	ex->sim = sim_new();
	ex->arena = arena_new();
	exercise_reset(ex, 0);
	return ex;
}

void
exercise_free(struct exercise *ex)
{
	if (ex == NULL)
		return;
	sim_free(ex->sim);
	arena_free(ex->arena);
	free(ex->orgs);
	free(ex->roles);
	free(ex->objectives);
	free(ex->phases);
	free(ex->injects);
	free(ex->hotwash);
	free(ex->deliveries);
	free(ex->shares);
	free(ex);
}

void
exercise_reset(struct exercise *ex, uint64_t seed)
{
	sim_reset(ex->sim);
	arena_reset(ex->arena);
	memset(&ex->scenario, 0, sizeof ex->scenario);
	ex->scenario.duration = SIM_NEVER;
	ex->scenario.tlp = TLP_CLEAR;
	ex->norgs = ex->nroles = ex->nobjectives = ex->nphases = 0;
	ex->ninjects = ex->nhotwash = ex->ndeliveries = ex->nshares = 0;
	ex->seed = seed;
	rng_seed(&ex->rng, seed);
	ex->started = ex->ended = 0;
	ex->end_reason = NULL;
	ex->end_t = 0;
	ex->nacks = ex->ndecisions = ex->nlate = ex->ntimeouts = 0;
	ex->nerrors = ex->nlogs = 0;
	ex->sink = NULL;
	ex->sink_arg = NULL;
	ex->nlisteners = 0;
}

void
exercise_set_sink(struct exercise *ex, ex_listener fn, void *arg)
{
	ex->sink = fn;
	ex->sink_arg = arg;
}

void
exercise_listen(struct exercise *ex, ex_listener fn, void *arg)
{
	assert(ex->nlisteners < sizeof ex->listeners / sizeof
	    ex->listeners[0]);
	ex->listeners[ex->nlisteners].fn = fn;
	ex->listeners[ex->nlisteners].arg = arg;
	ex->nlisteners++;
}

static void
ex_emit(struct exercise *ex, struct ex_record *r)
{
	size_t	i;

	r->t = sim_now(ex->sim);
	if (ex->sink != NULL)
		ex->sink(ex, r, ex->sink_arg);
	for (i = 0; i < ex->nlisteners; i++)
		ex->listeners[i].fn(ex, r, ex->listeners[i].arg);
}

static void
ex_record_init(struct ex_record *r, enum ex_rec_kind kind)
{
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->inject = r->delivery = r->role = r->choice = -1;
	r->objective = r->phase = r->share = -1;
}

/* Declarations. */

#define EX_FIND(arr, n, id) do {					\
	size_t	i_;							\
	for (i_ = 0; i_ < (n); i_++) {					\
		if (strcmp((arr)[i_].id, (id)) == 0)			\
			return (int)i_;					\
	}								\
	return -1;							\
} while (0)

int
exercise_org(const struct exercise *ex, const char *id)
{
	EX_FIND(ex->orgs, ex->norgs, id);
}

int
exercise_role(const struct exercise *ex, const char *id)
{
	EX_FIND(ex->roles, ex->nroles, id);
}

int
exercise_objective(const struct exercise *ex, const char *id)
{
	EX_FIND(ex->objectives, ex->nobjectives, id);
}

int
exercise_phase(const struct exercise *ex, const char *id)
{
	EX_FIND(ex->phases, ex->nphases, id);
}

int
exercise_inject(const struct exercise *ex, const char *id)
{
	EX_FIND(ex->injects, ex->ninjects, id);
}

int
exercise_choice(const struct exercise *ex, int inject, const char *id)
{
	const struct ex_inject	*in = &ex->injects[inject];

	EX_FIND(in->choices, in->nchoices, id);
}

struct ex_org *
exercise_add_org(struct exercise *ex, const char *id)
{
	struct ex_org	*o;

	if (exercise_org(ex, id) != -1)
		return NULL;
	o = EX_PUSH(ex, orgs, norgs, corgs);
	o->id = arena_strdup(ex->arena, id);
	return o;
}

struct ex_role *
exercise_add_role(struct exercise *ex, const char *id)
{
	struct ex_role	*r;

	if (exercise_role(ex, id) != -1)
		return NULL;
	r = EX_PUSH(ex, roles, nroles, croles);
	r->id = arena_strdup(ex->arena, id);
	r->delay_lo = 1 * SIM_MIN;
	r->delay_hi = 10 * SIM_MIN;
	return r;
}

struct ex_objective *
exercise_add_objective(struct exercise *ex, const char *id)
{
	struct ex_objective	*o;

	if (exercise_objective(ex, id) != -1)
		return NULL;
	o = EX_PUSH(ex, objectives, nobjectives, cobjectives);
	o->id = arena_strdup(ex->arena, id);
	return o;
}

struct ex_phase *
exercise_add_phase(struct exercise *ex, const char *id)
{
	struct ex_phase	*p;

	if (exercise_phase(ex, id) != -1)
		return NULL;
	p = EX_PUSH(ex, phases, nphases, cphases);
	p->id = arena_strdup(ex->arena, id);
	return p;
}

struct ex_inject *
exercise_add_inject(struct exercise *ex, const char *id)
{
	struct ex_inject	*in;

	if (exercise_inject(ex, id) != -1)
		return NULL;
	in = EX_PUSH(ex, injects, ninjects, cinjects);
	in->id = arena_strdup(ex->arena, id);
	in->at = EX_HELD;
	in->tlp = ex->scenario.tlp;
	in->objective = in->phase = in->last = -1;
	return in;
}

void
exercise_add_hotwash(struct exercise *ex, const char *question)
{
	const char	**q;

	q = EX_PUSH(ex, hotwash, nhotwash, chotwash);
	*q = arena_strdup(ex->arena, question);
}

int
exercise_resolve(struct exercise *ex, struct diags *d)
{
	size_t	 before = d->n, i, k;
	sim_time end = ex->scenario.duration;
	char	 b1[32], b2[32];

	if (ex->scenario.line == 0)
		diags_add(d, 0, "no scenario { id = ..., title = ... } "
		    "declaration");
	if (ex->nroles == 0)
		diags_add(d, 0, "no roles declared");
	for (i = 0; i < ex->norgs; i++) {
		struct ex_org *o = &ex->orgs[i];
		for (k = 0; k < o->nclients; k++) {
			if (o->clients[k] != NULL &&
			    exercise_org(ex, o->clients[k]) == -1)
				diags_add(d, o->clients_line, "org '%s': unknown "
				    "client org '%s'", o->id, o->clients[k]);
		}
	}
	for (i = 0; i < ex->nroles; i++) {
		struct ex_role *r = &ex->roles[i];
		if (r->org != NULL && exercise_org(ex, r->org) == -1)
			diags_add(d, r->org_line, "role '%s': unknown org '%s'",
			    r->id, r->org);
	}
	for (i = 0; i < ex->nphases; i++) {
		struct ex_phase *p = &ex->phases[i];
		if (end != SIM_NEVER && p->at > end)
			diags_add(d, p->line, "phase '%s': starts at %s, after "
			    "the scenario ends (%s)", p->id,
			    vtime_format(p->at, b1, sizeof b1),
			    vtime_format(end, b2, sizeof b2));
	}
	for (i = 0; i < ex->ninjects; i++) {
		struct ex_inject *in = &ex->injects[i];
		in->to = arena_alloc(ex->arena, (in->nto + 1) * sizeof *in->to);
		for (k = 0; k < in->nto; k++) {
			if (in->to_ids[k] == NULL)
				continue;	/* reported when declared */
			in->to[k] = exercise_role(ex, in->to_ids[k]);
			if (in->to[k] == -1)
				diags_add(d, in->to_line, "inject '%s': unknown "
				    "role '%s' in 'to'", in->id,
				    in->to_ids[k]);
		}
		if (in->objective_id != NULL &&
		    (in->objective = exercise_objective(ex,
		    in->objective_id)) == -1)
			diags_add(d, in->objective_line, "inject '%s': unknown "
			    "objective '%s'", in->id, in->objective_id);
		if (in->phase_id != NULL &&
		    (in->phase = exercise_phase(ex, in->phase_id)) == -1)
			diags_add(d, in->phase_line, "inject '%s': unknown phase "
			    "'%s'", in->id, in->phase_id);
		if (in->phase_id == NULL && in->at != EX_HELD) {
			/* the last phase begun by the inject's time */
			for (k = 0; k < ex->nphases; k++) {
				if (ex->phases[k].at <= in->at &&
				    (in->phase == -1 || ex->phases[k].at >=
				    ex->phases[in->phase].at))
					in->phase = (int)k;
			}
		}
		if (end != SIM_NEVER && in->at != EX_HELD && in->at > end)
			diags_add(d, in->line, "inject '%s': at %s is after "
			    "the scenario ends (%s)", in->id,
			    vtime_format(in->at, b1, sizeof b1),
			    vtime_format(end, b2, sizeof b2));
	}
	return d->n > before ? -1 : 0;
}

/* Running. */

enum ex_event { EV_INJECT, EV_PHASE, EV_DEADLINE, EV_END };

#define EV_DATA(kind, index) (((uint64_t)(index) << 8) | (kind))

static void	ex_fire_event(struct sim *sim, void *arg, uint64_t data);

void
exercise_start(struct exercise *ex)
{
	struct ex_record	r;
	size_t			i;

	assert(!ex->started);
	ex->started = 1;
	for (i = 0; i < ex->nphases; i++)
		sim_at(ex->sim, ex->phases[i].at, ex_fire_event, ex,
		    EV_DATA(EV_PHASE, i));
	for (i = 0; i < ex->ninjects; i++) {
		if (ex->injects[i].at != EX_HELD)
			sim_at(ex->sim, ex->injects[i].at, ex_fire_event, ex,
			    EV_DATA(EV_INJECT, i));
	}
	if (ex->scenario.duration != SIM_NEVER)
		sim_at(ex->sim, ex->scenario.duration, ex_fire_event, ex,
		    EV_DATA(EV_END, 0));
	ex_record_init(&r, REC_START);
	ex_emit(ex, &r);
}

static void
ex_timeout(struct exercise *ex, int delivery)
{
	struct ex_delivery	*dv = &ex->deliveries[delivery];
	struct ex_record	 r;

	dv->timer = 0;
	if (dv->choice != -1)
		return;
	dv->timed_out = 1;
	ex->ntimeouts++;
	ex_record_init(&r, REC_TIMEOUT);
	r.inject = dv->inject;
	r.delivery = delivery;
	ex_emit(ex, &r);
}

static void
ex_fire_event(struct sim *sim, void *arg, uint64_t data)
{
	struct exercise		*ex = arg;
	struct ex_record	 r;
	int			 index = (int)(data >> 8);

	if (ex->ended)
		return;
	switch ((enum ex_event)(data & 0xff)) {
	case EV_INJECT:
		exercise_fire(ex, index, NULL);
		break;
	case EV_PHASE:
		ex_record_init(&r, REC_PHASE);
		r.phase = index;
		ex_emit(ex, &r);
		break;
	case EV_DEADLINE:
		ex_timeout(ex, index);
		break;
	case EV_END:
		exercise_finish(ex, NULL);
		break;
	}
}

int
exercise_run(struct exercise *ex, sim_time t)
{
	char	*msg;

	if (!ex->ended && t == SIM_NEVER &&
	    ex->scenario.duration == SIM_NEVER) {
		/* event by event: an empty queue ends it where it is */
		while (!ex->ended && sim_next(ex->sim) != SIM_NEVER &&
		    sim_next(ex->sim) <= EX_HORIZON)
			sim_step(ex->sim);
		if (!ex->ended && sim_next(ex->sim) != SIM_NEVER) {
			msg = xasprintf("%s:%d: the scenario has no duration "
			    "and still had events scheduled after %d days of "
			    "scenario time (a repeating timer, or a process "
			    "that never ends?): stopped; declare a duration",
			    ex->scenario.file ? ex->scenario.file : "scenario",
			    ex->scenario.line > 0 ? ex->scenario.line : 1,
			    (int)(EX_HORIZON / SIM_DAY));
			exercise_error(ex, msg);
			free(msg);
			exercise_finish(ex, NULL);
		}
	}
	if (!ex->ended)
		sim_run_until(ex->sim, t);
	if (!ex->ended && t == SIM_NEVER && sim_count(ex->sim) == 0)
		exercise_finish(ex, NULL);
	return ex->ended;
}

int
exercise_fire(struct exercise *ex, int inject, const struct ex_fire *o)
{
	struct ex_inject	*in = &ex->injects[inject];
	struct ex_delivery	*dv;
	struct ex_record	 r;
	sim_time		 deadline, now = sim_now(ex->sim);
	size_t			 i;
	int			 index;

	if (ex->ended)
		return -1;
	index = (int)ex->ndeliveries;
	dv = EX_PUSH(ex, deliveries, ndeliveries, cdeliveries);
	dv->inject = inject;
	dv->t = now;
	dv->to = o != NULL && o->to != NULL ? o->to : in->to;
	dv->nto = o != NULL && o->to != NULL ? o->nto : in->nto;
	dv->from = o != NULL && o->from != NULL ? o->from : in->from;
	dv->title = o != NULL && o->title != NULL ? o->title : in->title;
	dv->body = o != NULL && o->body != NULL ? o->body : in->body;
	dv->tlp = o != NULL && o->tlp != -1 ? (enum tlp)o->tlp : in->tlp;
	deadline = o != NULL && o->deadline != -1 ? o->deadline : in->deadline;
	dv->due = deadline > 0 ? now + deadline : SIM_NEVER;
	dv->acked = arena_alloc(ex->arena, (dv->nto + 1) * sizeof *dv->acked);
	for (i = 0; i < dv->nto; i++)
		dv->acked[i] = -1;
	dv->choice = dv->decided_by = -1;
	in->fired++;
	in->last = index;
	if (dv->due != SIM_NEVER)
		dv->timer = sim_at(ex->sim, dv->due, ex_fire_event, ex,
		    EV_DATA(EV_DEADLINE, index));

	ex_record_init(&r, REC_INJECT);
	r.inject = inject;
	r.delivery = index;
	ex_emit(ex, &r);
	return index;
}

static int
ex_recipient(const struct ex_delivery *dv, int role)
{
	size_t	i;

	for (i = 0; i < dv->nto; i++) {
		if (dv->to[i] == role)
			return (int)i;
	}
	return -1;
}

int
exercise_ack(struct exercise *ex, int delivery, int role, const char *player,
    struct error *e)
{
	struct ex_delivery	*dv;
	struct ex_record	 r;
	int			 k;

	if (ex->ended)
		return error_set(e, ERR_STATE, "the exercise has ended");
	if (delivery < 0 || (size_t)delivery >= ex->ndeliveries)
		return error_set(e, ERR_NOT_FOUND, "no such inject delivery");
	dv = &ex->deliveries[delivery];
	if ((k = ex_recipient(dv, role)) == -1)
		return error_set(e, ERR_INVALID, "inject '%s' was not sent to "
		    "role '%s'", ex->injects[dv->inject].id,
		    ex->roles[role].id);
	if (dv->acked[k] != -1)
		return error_set(e, ERR_STATE, "already acknowledged");
	dv->acked[k] = sim_now(ex->sim);
	ex->nacks++;
	ex_record_init(&r, REC_ACK);
	r.inject = dv->inject;
	r.delivery = delivery;
	r.role = role;
	r.player = player;
	ex_emit(ex, &r);
	return 0;
}

int
exercise_decide(struct exercise *ex, int delivery, int role, int choice,
    const char *player, struct error *e)
{
	struct ex_delivery	*dv;
	struct ex_inject	*in;
	struct ex_record	 r;

	if (ex->ended)
		return error_set(e, ERR_STATE, "the exercise has ended");
	if (delivery < 0 || (size_t)delivery >= ex->ndeliveries)
		return error_set(e, ERR_NOT_FOUND, "no such inject delivery");
	dv = &ex->deliveries[delivery];
	in = &ex->injects[dv->inject];
	if (ex_recipient(dv, role) == -1)
		return error_set(e, ERR_INVALID, "inject '%s' was not sent to "
		    "role '%s'", in->id, ex->roles[role].id);
	if (in->nchoices == 0)
		return error_set(e, ERR_INVALID, "inject '%s' asks for no "
		    "decision", in->id);
	if (choice < 0 || (size_t)choice >= in->nchoices)
		return error_set(e, ERR_INVALID, "no such choice");
	if (dv->choice != -1)
		return error_set(e, ERR_STATE, "already decided by %s: %s",
		    ex->roles[dv->decided_by].id,
		    in->choices[dv->choice].id);
	dv->choice = choice;
	dv->decided_by = role;
	dv->decided_t = sim_now(ex->sim);
	dv->late = dv->timed_out;
	in->choices[choice].taken++;
	if (dv->timer != 0) {
		sim_cancel(ex->sim, dv->timer);
		dv->timer = 0;
	}
	ex->ndecisions++;
	ex->nlate += dv->late;
	ex_record_init(&r, REC_DECISION);
	r.inject = dv->inject;
	r.delivery = delivery;
	r.role = role;
	r.choice = choice;
	r.late = dv->late;
	r.player = player;
	ex_emit(ex, &r);
	return 0;
}

/* The sharing rules' view of a role. */
static void
ex_party(const struct exercise *ex, int role, struct tlp_party *p)
{
	const struct ex_role	*r = &ex->roles[role];
	int			 o;

	memset(p, 0, sizeof *p);
	p->role = r->id;
	p->org = r->org;
	p->is_public = r->is_public;
	if (r->org != NULL && (o = exercise_org(ex, r->org)) != -1) {
		p->clients = ex->orgs[o].clients;
		p->nclients = ex->orgs[o].nclients;
	}
}

static int
ex_received(const struct ex_share *sh, int role)
{
	size_t	i;

	if (sh->from == role)
		return 1;
	for (i = 0; i < sh->nto; i++)
		if (sh->to[i] == role)
			return 1;
	return 0;
}

int
exercise_share(struct exercise *ex, int from, const int *to, size_t nto,
    enum tlp tlp, const char *title, const char *text, int ref, int delivery,
    const char *player, struct error *e)
{
	struct ex_share		*sh;
	struct ex_record	 r;
	struct tlp_party	 pf, pt;
	char			 why[ERROR_MSG_MAX / 2] = "";
	size_t			 i;
	int			 index, refused = 0, orig = -1;

	if (ex->ended)
		return error_set(e, ERR_STATE, "the exercise has ended");
	if (ref >= 0 && delivery >= 0)
		return error_set(e, ERR_INVALID, "a share forwards a share "
		    "(ref) or an inject (delivery), not both");
	if (ref >= 0) {
		if ((size_t)ref >= ex->nshares || ex->shares[ref].refused)
			return error_set(e, ERR_NOT_FOUND, "no share %d to "
			    "forward", ref);
		if (!ex_received(&ex->shares[ref], from))
			return error_set(e, ERR_NOT_FOUND, "share %d was not "
			    "sent to %s", ref, ex->roles[from].id);
		orig = (int)ex->shares[ref].tlp;
	} else if (delivery >= 0) {
		/* an inject is as much an item as a share: without this, a
		 * console's forward of one was a new item, under any label */
		if ((size_t)delivery >= ex->ndeliveries)
			return error_set(e, ERR_NOT_FOUND, "no inject "
			    "delivery %d to forward", delivery);
		if (ex_recipient(&ex->deliveries[delivery], from) == -1)
			return error_set(e, ERR_NOT_FOUND, "inject delivery %d "
			    "was not sent to %s", delivery, ex->roles[from].id);
		orig = (int)ex->deliveries[delivery].tlp;
	}
	if (orig == TLP_RED) {
		snprintf(why, sizeof why, "TLP:RED is for its named "
		    "recipients only: it may not be forwarded");
		refused = 1;
	} else if (orig != -1 && !tlp_at_least(tlp, orig)) {
		snprintf(why, sizeof why, "a forward may not lower the "
		    "label: the item is %s", tlp_banner(orig));
		refused = 1;
	}
	ex_party(ex, from, &pf);
	for (i = 0; !refused && i < nto; i++) {
		ex_party(ex, to[i], &pt);
		if (!tlp_allows(tlp, &pf, &pt, why, sizeof why))
			refused = 1;
		/* a forward meets its item's label too: relabelled RED, an
		 * AMBER item could otherwise go to anyone named */
		else if (orig != -1 && (enum tlp)orig != tlp && !tlp_allows(
		    (enum tlp)orig, &pf, &pt, why, sizeof why))
			refused = 1;
	}

	index = (int)ex->nshares;
	sh = EX_PUSH(ex, shares, nshares, cshares);
	sh->from = from;
	sh->to = arena_alloc(ex->arena, (nto + 1) * sizeof *sh->to);
	memcpy(sh->to, to, nto * sizeof *to);
	sh->nto = nto;
	sh->tlp = tlp;
	sh->title = arena_strdup(ex->arena, title);
	sh->text = arena_strdup(ex->arena, text);
	sh->player = player != NULL ? arena_strdup(ex->arena, player) : NULL;
	sh->ref = ref;
	sh->delivery = delivery;
	sh->t = sim_now(ex->sim);
	sh->refused = refused;
	sh->reason = refused ? arena_strdup(ex->arena, why) : NULL;

	ex_record_init(&r, REC_SHARE);
	r.share = index;
	r.role = from;
	/* the inject it forwards, named as a note's is: the journal and
	 * the report say what was forwarded */
	if (delivery >= 0) {
		r.delivery = delivery;
		r.inject = ex->deliveries[delivery].inject;
	}
	r.player = sh->player;
	ex_emit(ex, &r);
	if (refused)
		return error_set(e, ERR_TLP_REFUSED, "%s", why);
	return index;
}

int
exercise_note(struct exercise *ex, int role, int delivery, const char *text,
    const char *player, struct error *e)
{
	struct ex_record	r;

	if (ex->ended)
		return error_set(e, ERR_STATE, "the exercise has ended");
	if (delivery != -1 && (delivery < 0 ||
	    (size_t)delivery >= ex->ndeliveries))
		return error_set(e, ERR_NOT_FOUND, "no such inject delivery");
	ex_record_init(&r, REC_NOTE);
	r.role = role;
	r.delivery = delivery;
	r.inject = delivery != -1 ? ex->deliveries[delivery].inject : -1;
	r.text = text;
	r.player = player;
	ex_emit(ex, &r);
	return 0;
}

void
exercise_verdict(struct exercise *ex, int objective, enum ex_verdict v,
    const char *note)
{
	struct ex_objective	*o = &ex->objectives[objective];
	struct ex_record	 r;

	if (ex->ended)
		return;
	o->verdict = v;
	o->verdict_t = sim_now(ex->sim);
	o->note = note != NULL ? arena_strdup(ex->arena, note) : NULL;
	ex_record_init(&r, REC_OBJECTIVE);
	r.objective = objective;
	r.verdict = v;
	r.text = o->note;
	ex_emit(ex, &r);
}

void
exercise_log(struct exercise *ex, const char *text)
{
	struct ex_record	r;

	if (ex->ended)
		return;
	ex->nlogs++;
	ex_record_init(&r, REC_LOG);
	r.text = text;
	ex_emit(ex, &r);
}

void
exercise_error(struct exercise *ex, const char *text)
{
	struct ex_record	r;

	ex->nerrors++;
	ex_record_init(&r, REC_ERROR);
	r.text = text;
	ex_emit(ex, &r);
}

void
exercise_halt(struct exercise *ex)
{
	if (ex->ended)
		return;
	ex->ended = 1;
	ex->end_t = sim_now(ex->sim);
	sim_stop(ex->sim);
}

void
exercise_finish(struct exercise *ex, const char *reason)
{
	struct ex_record	r;

	if (ex->ended)
		return;
	ex->ended = 1;
	ex->end_t = sim_now(ex->sim);
	ex->end_reason = reason != NULL ? arena_strdup(ex->arena, reason) :
	    NULL;
	sim_stop(ex->sim);
	ex_record_init(&r, REC_END);
	r.text = ex->end_reason;
	ex_emit(ex, &r);
}

sim_time
exercise_now(const struct exercise *ex)
{
	return sim_now(ex->sim);
}

const char *
exercise_verdict_name(enum ex_verdict v)
{
	switch (v) {
	case EX_MET:
		return "met";
	case EX_MISSED:
		return "missed";
	default:
		return "undecided";
	}
}
