/*
 * The after-action report: see report.h.
 *
 * report_load reads the journal once, keeping compact facts (roles,
 * objectives, injects, deliveries with their acks and decisions, the
 * timeline as short texts) in an arena, and drafts the ratings; the three
 * writers only format that model, so every format says the same thing.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "arena.h"
#include "journal.h"
#include "report-internal.h"
#include "sim.h"
#include "vtime.h"
#include "xmalloc.h"

/* Reading the journal. */

static const char *
rp_str(struct report *r, const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? arena_strdup(r->a, v->valuestring) : NULL;
}

static sim_time
rp_ms(const cJSON *o, const char *k, sim_time dflt)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsNumber(v) ? (sim_time)v->valuedouble : dflt;
}

static const char *
rp_or(const char *a, const char *b)
{
	return a != NULL ? a : b;
}

static int
rp_find(struct report *r, const char *kind, const char *id)
{
	size_t	i;

	if (id == NULL)
		return -1;
	if (strcmp(kind, "role") == 0) {
		for (i = 0; i < r->nroles; i++)
			if (strcmp(r->roles[i].id, id) == 0)
				return (int)i;
	} else if (strcmp(kind, "inject") == 0) {
		for (i = 0; i < r->ninjects; i++)
			if (strcmp(r->injects[i].id, id) == 0)
				return (int)i;
	} else if (strcmp(kind, "objective") == 0) {
		for (i = 0; i < r->nobjectives; i++)
			if (strcmp(r->objectives[i].id, id) == 0)
				return (int)i;
	}
	return -1;
}

static char *
rp_printf(struct report *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static char *
rp_printf(struct report *r, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	p = arena_alloc(r->a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

static const char *
rp_dur(struct report *r, sim_time t)
{
	char	b[VTIME_BUFSZ];

	return arena_strdup(r->a, vtime_format_short(t, b, sizeof b));
}

static const char *
rp_role_id(const struct report *r, int role)
{
	return role >= 0 ? r->roles[role].id : "?";
}

static void
rp_header(struct report *r, const cJSON *h)
{
	const cJSON	*sc = cJSON_GetObjectItemCaseSensitive(h, "scenario");
	const cJSON	*x, *c;
	size_t		 i;

	r->id = rp_str(r, sc, "id");
	r->title = rp_str(r, sc, "title");
	r->summary = rp_str(r, sc, "summary");
	r->file = rp_str(r, sc, "file");
	r->sha256 = rp_str(r, sc, "sha256");
	r->start = rp_str(r, sc, "start");
	r->scen_tlp = rp_str(r, sc, "tlp");
	r->duration = rp_ms(sc, "duration", SIM_NEVER);
	r->seed = rp_str(r, h, "seed");
	r->engine = rp_str(r, h, "engine");
	r->written = rp_str(r, h, "wall");

	x = cJSON_GetObjectItemCaseSensitive(h, "orgs");
	r->norgs = (size_t)cJSON_GetArraySize(x);
	r->orgs = arena_alloc(r->a, (r->norgs + 1) * sizeof *r->orgs);
	for (i = 0, c = x ? x->child : NULL; c != NULL; c = c->next, i++) {
		r->orgs[i].id = rp_or(rp_str(r, c, "id"), "?");
		r->orgs[i].name = rp_str(r, c, "name");
		r->orgs[i].team = rp_str(r, c, "team");
	}
	x = cJSON_GetObjectItemCaseSensitive(h, "roles");
	r->nroles = (size_t)cJSON_GetArraySize(x);
	r->roles = arena_alloc(r->a, (r->nroles + 1) * sizeof *r->roles);
	memset(r->roles, 0, (r->nroles + 1) * sizeof *r->roles);
	for (i = 0, c = x ? x->child : NULL; c != NULL; c = c->next, i++) {
		r->roles[i].id = rp_or(rp_str(r, c, "id"), "?");
		r->roles[i].name = rp_str(r, c, "name");
		r->roles[i].org = rp_str(r, c, "org");
		r->roles[i].is_public = cJSON_IsTrue(
		    cJSON_GetObjectItemCaseSensitive(c, "public"));
	}
	x = cJSON_GetObjectItemCaseSensitive(h, "objectives");
	r->nobjectives = (size_t)cJSON_GetArraySize(x);
	r->objectives = arena_alloc(r->a, (r->nobjectives + 1) *
	    sizeof *r->objectives);
	memset(r->objectives, 0, (r->nobjectives + 1) * sizeof *r->objectives);
	for (i = 0, c = x ? x->child : NULL; c != NULL; c = c->next, i++) {
		r->objectives[i].id = rp_or(rp_str(r, c, "id"), "?");
		r->objectives[i].text = rp_str(r, c, "text");
		r->objectives[i].capability = rp_str(r, c, "capability");
	}
	x = cJSON_GetObjectItemCaseSensitive(h, "injects");
	r->ninjects = (size_t)cJSON_GetArraySize(x);
	r->injects = arena_alloc(r->a, (r->ninjects + 1) * sizeof *r->injects);
	memset(r->injects, 0, (r->ninjects + 1) * sizeof *r->injects);
	for (i = 0, c = x ? x->child : NULL; c != NULL; c = c->next, i++) {
		r->injects[i].id = rp_or(rp_str(r, c, "id"), "?");
		r->injects[i].title = rp_str(r, c, "title");
		r->injects[i].expect = rp_str(r, c, "expect");
		r->injects[i].objective = rp_str(r, c, "objective");
		r->injects[i].tlp = rp_str(r, c, "tlp");
		r->injects[i].at = rp_ms(c, "at", SIM_NEVER);
		r->injects[i].deadline = rp_ms(c, "deadline", 0);
		r->injects[i].contingency = cJSON_IsTrue(
		    cJSON_GetObjectItemCaseSensitive(c, "contingency"));
	}
	x = cJSON_GetObjectItemCaseSensitive(h, "phases");
	r->nphases = (size_t)cJSON_GetArraySize(x);
	r->phases = arena_alloc(r->a, (r->nphases + 1) * sizeof *r->phases);
	r->phase_titles = arena_alloc(r->a, (r->nphases + 1) *
	    sizeof *r->phase_titles);
	r->phase_at = arena_alloc(r->a, (r->nphases + 1) * sizeof *r->phase_at);
	for (i = 0, c = x ? x->child : NULL; c != NULL; c = c->next, i++) {
		r->phases[i] = rp_or(rp_str(r, c, "id"), "?");
		r->phase_titles[i] = rp_str(r, c, "title");
		r->phase_at[i] = rp_ms(c, "at", 0);
	}
	x = cJSON_GetObjectItemCaseSensitive(h, "hotwash");
	r->nhotwash = (size_t)cJSON_GetArraySize(x);
	r->hotwash = arena_alloc(r->a, (r->nhotwash + 1) * sizeof *r->hotwash);
	for (i = 0, c = x ? x->child : NULL; c != NULL; c = c->next, i++)
		r->hotwash[i] = cJSON_IsString(c) ?
		    arena_strdup(r->a, c->valuestring) : "";
}

static void
rp_event(struct report *r, int64_t seq, sim_time t, const char *type,
    const char *text, int role, int delivery)
{
	struct rp_event	*ev;

	RP_GROW(r->events, r->nevents, r->cevents);
	ev = &r->events[r->nevents++];
	ev->seq = seq;
	ev->t = t;
	ev->type = type;
	ev->text = text;
	ev->role = role;
	ev->delivery = delivery;
}

static struct rp_delivery *
rp_delivery(struct report *r, const cJSON *rec)
{
	const cJSON	*d = cJSON_GetObjectItemCaseSensitive(rec, "delivery");
	size_t		 i;

	if (!cJSON_IsNumber(d) || d->valuedouble < 0)
		return NULL;
	i = (size_t)d->valuedouble;
	return i < r->ndeliveries ? &r->deliveries[i] : NULL;
}

static int
rp_record(const cJSON *rec, size_t line, void *arg)
{
	struct report		*r = arg;
	const char		*type, *inject, *role_id, *text;
	struct rp_delivery	*dv;
	int64_t			 seq;
	sim_time		 t;
	int			 role, in;
	const cJSON		*x, *c;
	size_t			 k;

	if (line == 1) {
		rp_header(r, rec);
		return 0;
	}
	/* kept by the timeline: a copy, the record is freed after this */
	type = rp_str(r, rec, "type");
	seq = (int64_t)cJSON_GetObjectItemCaseSensitive(rec, "seq")->valuedouble;
	t = rp_ms(rec, "t", 0);
	inject = rp_str(r, rec, "inject");
	role_id = rp_str(r, rec, "role");
	role = rp_find(r, "role", role_id);
	in = rp_find(r, "inject", inject);
	dv = rp_delivery(r, rec);

	if (strcmp(type, "inject") == 0 && r->first_inject == SIM_NEVER)
		r->first_inject = t;
	if (strcmp(type, "inject") == 0 && in != -1) {
		RP_GROW(r->deliveries, r->ndeliveries, r->cdeliveries);
		dv = &r->deliveries[r->ndeliveries++];
		memset(dv, 0, sizeof *dv);
		dv->inject = in;
		dv->t = t;
		dv->seq = seq;
		dv->tlp = rp_str(r, rec, "tlp");
		dv->title = rp_str(r, rec, "title");
		dv->due = rp_ms(rec, "due", SIM_NEVER);
		dv->decider = -1;
		x = cJSON_GetObjectItemCaseSensitive(rec, "to");
		dv->nto = (size_t)cJSON_GetArraySize(x);
		dv->to = arena_alloc(r->a, (dv->nto + 1) * sizeof *dv->to);
		for (k = 0, c = x ? x->child : NULL; c != NULL; c = c->next) {
			dv->to[k] = cJSON_IsString(c) ?
			    rp_find(r, "role", c->valuestring) : -1;
			if (dv->to[k] != -1)
				r->roles[dv->to[k]].nreceived++;
			k++;
		}
		r->injects[in].fired++;
		text = rp_printf(r, "Inject %s delivered to %zu role%s "
		    "[TLP:%s]: %s", inject, dv->nto, dv->nto == 1 ? "" : "s",
		    dv->tlp ? dv->tlp : "?", dv->title ? dv->title : "");
		for (k = 0; k < dv->nto; k++)
			rp_event(r, seq, t, type, text, dv->to[k],
			    (int)r->ndeliveries - 1);
		return 0;
	}
	if (strcmp(type, "ack") == 0 && dv != NULL && role != -1) {
		r->roles[role].nack++;
		r->roles[role].ack_sum += t - dv->t;
		if (t - dv->t > r->roles[role].ack_max)
			r->roles[role].ack_max = t - dv->t;
		rp_event(r, seq, t, type, rp_printf(r, "%s acknowledged %s "
		    "after %s", role_id, inject, rp_dur(r, t - dv->t)), role,
		    (int)(dv - r->deliveries));
		return 0;
	}
	if (strcmp(type, "decision") == 0 && dv != NULL && role != -1) {
		dv->decider = role;
		dv->choice = rp_str(r, rec, "choice");
		dv->dt = t;
		dv->dseq = seq;
		dv->late = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(rec,
		    "late"));
		r->roles[role].ndec++;
		r->roles[role].dec_sum += t - dv->t;
		if (t - dv->t > r->roles[role].dec_max)
			r->roles[role].dec_max = t - dv->t;
		r->roles[role].nlate += dv->late;
		rp_event(r, seq, t, type, rp_printf(r, "%s decided %s on %s "
		    "after %s%s", role_id, dv->choice ? dv->choice : "?",
		    inject, rp_dur(r, t - dv->t), dv->late ? ", after the "
		    "deadline" : ""), role, (int)(dv - r->deliveries));
		return 0;
	}
	if (strcmp(type, "timeout") == 0 && dv != NULL) {
		dv->timed_out = 1;
		dv->tseq = seq;
		for (k = 0; k < dv->nto; k++) {
			if (dv->to[k] != -1)
				r->roles[dv->to[k]].nmissed++;
			rp_event(r, seq, t, type, rp_printf(r, "No decision on "
			    "%s by its deadline (%s after delivery)", inject,
			    rp_dur(r, t - dv->t)), dv->to[k],
			    (int)(dv - r->deliveries));
		}
		return 0;
	}
	if (strcmp(type, "objective") == 0) {
		const char	*oid = rp_str(r, rec, "objective");
		int		 o = rp_find(r, "objective", oid);

		if (o != -1) {
			r->objectives[o].verdict = rp_str(r, rec, "verdict");
			r->objectives[o].note = rp_str(r, rec, "note");
			r->objectives[o].verdict_seq = seq;
		}
		rp_event(r, seq, t, type, rp_printf(r, "Objective %s %s%s%s",
		    oid ? oid : "?", rp_or(rp_str(r, rec, "verdict"), "?"),
		    rp_str(r, rec, "note") ? ": " : "",
		    rp_or(rp_str(r, rec, "note"), "")), -1, -1);
		return 0;
	}
	if (strcmp(type, "rating") == 0) {
		int	o = rp_find(r, "objective", rp_str(r, rec, "objective"));
		const char *rt = rp_str(r, rec, "rating");

		if (o != -1 && rt != NULL && strlen(rt) == 1 &&
		    strchr("PSMU", rt[0]) != NULL) {
			r->objectives[o].rating = rt;
			r->objectives[o].rating_source = "evaluator";
		}
		rp_event(r, seq, t, type, rp_printf(r, "Evaluator rated %s: %s",
		    rp_or(rp_str(r, rec, "objective"), "?"), rt ? rt : "?"), -1,
		    -1);
		return 0;
	}
	if (strcmp(type, "share") == 0 && role != -1) {
		struct rp_share	*sh;
		const char	*team = report_team_of(r, role);
		char		*to;
		size_t		 len = 1;

		RP_GROW(r->shares, r->nshares, r->cshares);
		sh = &r->shares[r->nshares++];
		memset(sh, 0, sizeof *sh);
		sh->seq = seq;
		sh->t = t;
		sh->from = role;
		sh->tlp = rp_str(r, rec, "tlp");
		sh->title = rp_str(r, rec, "title");
		sh->reason = rp_str(r, rec, "reason");
		/* a forward of an inject names it; only a declared one is
		 * printed */
		sh->inject = in != -1 ? r->injects[in].id : NULL;
		sh->refused = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(rec,
		    "refused"));
		x = cJSON_GetObjectItemCaseSensitive(rec, "to");
		cJSON_ArrayForEach(c, x)
			if (cJSON_IsString(c))
				len += strlen(c->valuestring) + 2;
		to = arena_alloc(r->a, len);
		to[0] = '\0';
		cJSON_ArrayForEach(c, x) {
			int	rr;

			if (!cJSON_IsString(c))
				continue;
			if (to[0] != '\0')
				strcat(to, ", ");
			strcat(to, c->valuestring);
			rr = rp_find(r, "role", c->valuestring);
			if (rr != -1 && *team != '\0' &&
			    *report_team_of(r, rr) != '\0' &&
			    strcmp(team, report_team_of(r, rr)) != 0)
				sh->cross_border = 1;
		}
		sh->to = to;
		if (!sh->refused)
			r->roles[role].nshares++;
		text = sh->inject != NULL ? rp_printf(r, " (a forward of "
		    "inject %s)", sh->inject) : "";
		rp_event(r, seq, t, type, sh->refused ? rp_printf(r, "%s's "
		    "share '%s' [TLP:%s] to %s%s was refused: %s", role_id,
		    rp_or(sh->title, ""), rp_or(sh->tlp, "?"), to, text,
		    rp_or(sh->reason, "")) : rp_printf(r, "%s shared '%s' "
		    "[TLP:%s] with %s%s", role_id, rp_or(sh->title, ""),
		    rp_or(sh->tlp, "?"), to, text), role, -1);
		return 0;
	}
	if (strcmp(type, "note") == 0 && role != -1) {
		r->roles[role].nnotes++;
		rp_event(r, seq, t, type, rp_printf(r, "%s wrote a note: %.200s",
		    role_id, rp_or(rp_str(r, rec, "text"), "")), role, -1);
		return 0;
	}
	if (strcmp(type, "error") == 0) {
		text = rp_str(r, rec, "text");
		RP_GROW(r->errors, r->nerrors, r->cerrors);
		r->errors[r->nerrors].text = text ? text : "";
		r->errors[r->nerrors++].seq = seq;
		rp_event(r, seq, t, type, rp_printf(r, "Scenario error: %.*s",
		    text ? (int)strcspn(text, "\n") : 0, text ? text : ""), -1,
		    -1);
		return 0;
	}
	if (strcmp(type, "log") == 0) {
		rp_event(r, seq, t, type, rp_or(rp_str(r, rec, "text"), ""), -1, -1);
		return 0;
	}
	if (strcmp(type, "phase") == 0) {
		const char *p = rp_str(r, rec, "phase");
		rp_event(r, seq, t, type, rp_printf(r, "Phase %s begins",
		    p ? p : "?"), -1, -1);
		return 0;
	}
	if (strcmp(type, "start") == 0) {
		rp_event(r, seq, t, type, "Exercise starts (T+0)", -1, -1);
		return 0;
	}
	if (strcmp(type, "end") == 0) {
		r->ended = 1;
		r->end_t = t;
		r->end_reason = rp_str(r, rec, "reason");
		r->end_summary = rp_str(r, rec, "summary");
		rp_event(r, seq, t, type, rp_printf(r, "Exercise ends%s%s",
		    r->end_summary ? ": " : "", r->end_summary ?
		    r->end_summary : ""), -1, -1);
		return 0;
	}
	if (strcmp(type, "command") == 0) {
		rp_event(r, seq, t, type, rp_printf(r, "Facilitator %s: %s",
		    rp_or(rp_str(r, rec, "player"), "?"),
		    rp_or(rp_str(r, rec, "command"), "?")), -1, -1);
		return 0;
	}
	if (strcmp(type, "observation") == 0 && rp_str(r, rec, "inject")) {
		rp_event(r, seq, t, type, rp_printf(r, "Observation by %s on "
		    "%s: %.200s", rp_or(rp_str(r, rec, "player"), "?"),
		    rp_str(r, rec, "inject"), rp_or(rp_str(r, rec, "text"),
		    "")), role, -1);
		return 0;
	}
	if (strcmp(type, "chat") == 0 || strcmp(type, "request") == 0 ||
	    strcmp(type, "observation") == 0) {
		rp_event(r, seq, t, type, rp_printf(r, "%s %s (%s): %.200s",
		    strcmp(type, "chat") == 0 ? "Chat from" :
		    strcmp(type, "request") == 0 ? "Request for information "
		    "from" : "Observation by", rp_or(rp_str(r, rec, "role"),
		    rp_or(rp_str(r, rec, "player"), "?")), rp_or(rp_str(r, rec,
		    "player"), "?"), rp_or(rp_str(r, rec, "text"), "")), role,
		    -1);
		return 0;
	}
	if (strcmp(type, "hotwash") == 0) {
		const cJSON *q = cJSON_GetObjectItemCaseSensitive(rec,
		    "question");
		struct rp_answer *an;
		if (!cJSON_IsNumber(q) || q->valuedouble < 0 ||
		    q->valuedouble >= (double)r->nhotwash)
			return 0;	/* not a question of this scenario */
		RP_GROW(r->answers, r->nanswers, r->canswers);
		an = &r->answers[r->nanswers++];
		an->q = (size_t)q->valuedouble;
		an->role = rp_or(rp_str(r, rec, "role"), "?");
		an->player = rp_or(rp_str(r, rec, "player"), "?");
		an->text = rp_or(rp_str(r, rec, "text"), "");
		an->seq = seq;
		return 0;	/* after the end: not on the timeline */
	}
	if (strcmp(type, "adhoc") == 0) {
		rp_event(r, seq, t, type, rp_printf(r, "Ad hoc inject [TLP:%s]:"
		    " %s", rp_or(rp_str(r, rec, "tlp"), "?"),
		    rp_or(rp_str(r, rec, "title"), "")), -1, -1);
		return 0;
	}
	/* a type this version does not know: still on the timeline */
	rp_event(r, seq, t, type, rp_printf(r, "(%s record)", type), -1, -1);
	return 0;
}

static void
rp_add(struct report *r, struct rp_item **v, size_t *n, size_t *cap,
    int64_t seq, const char *text)
{
	RP_GROW(*v, *n, *cap);
	(*v)[*n].text = text;
	(*v)[(*n)++].seq = seq;
	(void)r;
}

/*
 * Draft each objective's rating from what happened to the injects that
 * test it and the scenario's verdict:
 *	P  met, every decision on time, no deadline missed
 *	S  met, with late decisions or missed deadlines
 *	M  missed (or no verdict), though players decided on its injects
 *	U  missed (or no verdict), and no decision was taken on its injects
 * An evaluator's rating in the journal replaces the draft.
 */
static void
rp_draft(struct report *r)
{
	size_t	 i, k;

	for (i = 0; i < r->nobjectives; i++) {
		struct rp_objective	*o = &r->objectives[i];
		unsigned		 delivered = 0, ontime = 0, late = 0,
					 missed = 0;

		for (k = 0; k < r->ndeliveries; k++) {
			struct rp_delivery	*dv = &r->deliveries[k];
			struct rp_inject	*in = &r->injects[dv->inject];

			if (in->objective == NULL ||
			    strcmp(in->objective, o->id) != 0)
				continue;
			delivered++;
			if (dv->decider != -1 && !dv->late) {
				ontime++;
				rp_add(r, &o->strengths, &o->nstrengths,
				    &o->cstrengths, dv->dseq, rp_printf(r,
				    "%s decided '%s' on %s %s after it arrived"
				    "%s", rp_role_id(r, dv->decider),
				    dv->choice, in->id, rp_dur(r, dv->dt -
				    dv->t), dv->due != SIM_NEVER ? rp_printf(r,
				    ", within its %s deadline", rp_dur(r,
				    dv->due - dv->t)) : ""));
			} else if (dv->decider != -1) {
				late++;
				rp_add(r, &o->afi, &o->nafi, &o->cafi,
				    dv->dseq, rp_printf(r, "%s decided '%s' on "
				    "%s only %s after it arrived, past its %s "
				    "deadline", rp_role_id(r, dv->decider),
				    dv->choice, in->id, rp_dur(r, dv->dt -
				    dv->t), rp_dur(r, dv->due - dv->t)));
			}
			if (dv->timed_out) {
				missed++;
				if (dv->decider == -1)
					rp_add(r, &o->afi, &o->nafi, &o->cafi,
					    dv->tseq, rp_printf(r, "No decision "
					    "on %s (%s) within its %s deadline",
					    in->id, in->title ? in->title : "",
					    rp_dur(r, dv->due - dv->t)));
			}
		}
		if (o->verdict != NULL && strcmp(o->verdict, "met") == 0)
			rp_add(r, &o->strengths, &o->nstrengths, &o->cstrengths,
			    o->verdict_seq, rp_printf(r, "The scenario recorded "
			    "the objective as met%s%s", o->note ? ": " : "",
			    o->note ? o->note : ""));
		else if (o->verdict != NULL)
			rp_add(r, &o->afi, &o->nafi, &o->cafi, o->verdict_seq,
			    rp_printf(r, "The scenario recorded the objective "
			    "as missed%s%s", o->note ? ": " : "",
			    o->note ? o->note : ""));

		rp_add(r, &o->reasons, &o->nreasons, &o->creasons, -1,
		    rp_printf(r, "verdict: %s", o->verdict ? o->verdict :
		    "none recorded"));
		rp_add(r, &o->reasons, &o->nreasons, &o->creasons, -1,
		    rp_printf(r, "%u inject%s tied to it delivered: %u decided "
		    "on time, %u late, %u deadline%s missed", delivered,
		    delivered == 1 ? "" : "s", ontime, late, missed,
		    missed == 1 ? "" : "s"));
		if (o->rating != NULL)
			continue;	/* an evaluator's */
		o->rating_source = "drafted";
		if (o->verdict != NULL && strcmp(o->verdict, "met") == 0)
			o->rating = late + missed == 0 ? "P" : "S";
		else if (o->verdict == NULL && delivered == 0)
			o->rating = "-";
		else
			o->rating = ontime + late > 0 ? "M" : "U";
	}
}

struct report *
report_load(const char *path, struct error *e)
{
	struct report		*r;
	struct journal_info	 info;

	r = xcalloc(1, sizeof *r);
	r->a = arena_new();
	r->path = arena_strdup(r->a, path);
	r->duration = SIM_NEVER;
	r->first_inject = SIM_NEVER;
	if (journal_read(path, rp_record, r, &info, e) != 0) {
		report_free(r);
		return NULL;
	}
	r->torn = info.torn;
	r->torn_offset = info.torn_offset;
	if (!r->ended)
		r->end_t = info.last_t;
	rp_draft(r);
	return r;
}

void
report_free(struct report *r)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nobjectives; i++) {
		free(r->objectives[i].reasons);
		free(r->objectives[i].strengths);
		free(r->objectives[i].afi);
	}
	free(r->deliveries);
	free(r->events);
	free(r->errors);
	free(r->answers);
	free(r->shares);
	arena_free(r->a);
	free(r);
}

int
report_format_parse(const char *name)
{
	if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
		return REPORT_MD;
	if (strcmp(name, "html") == 0)
		return REPORT_HTML;
	if (strcmp(name, "json") == 0)
		return REPORT_JSON;
	return -1;
}


const char *
report_rating_name(const char *rating)
{
	switch (rating[0]) {
	case 'P': return "Performed without challenges";
	case 'S': return "Performed with some challenges";
	case 'M': return "Performed with major challenges";
	case 'U': return "Unable to be performed";
	default: return "Not exercised";
	}
}

const char *
report_avg(sim_time sum, unsigned n, char *buf, size_t len)
{
	if (n == 0)
		return "-";
	return vtime_format_short(sum / n / SIM_SEC * SIM_SEC, buf, len);
}

const char *
report_max(sim_time max, unsigned n, char *buf, size_t len)
{
	if (n == 0)
		return "-";
	return vtime_format_short(max / SIM_SEC * SIM_SEC, buf, len);
}

const char *
report_org_of(const struct report *r, int role)
{
	const char	*org = r->roles[role].org;
	size_t		 i;

	for (i = 0; org != NULL && i < r->norgs; i++)
		if (r->orgs[i].id != NULL && strcmp(r->orgs[i].id, org) == 0)
			return r->orgs[i].name ? r->orgs[i].name : org;
	return org ? org : "";
}

/* The handling marking: the most restrictive label delivered. */
const char *const report_tlp_labels[5] = { "clear", "green", "amber",
    "amber+strict", "red" };

size_t
report_tlp_count(const struct report *r, const char *label)
{
	size_t	i, n = 0;

	for (i = 0; i < r->ndeliveries; i++)
		n += r->deliveries[i].tlp != NULL &&
		    strcmp(r->deliveries[i].tlp, label) == 0;
	return n;
}

const char *
report_marking(const struct report *r)
{
	int	k;

	for (k = 4; k > 0; k--)
		if (report_tlp_count(r, report_tlp_labels[k]) > 0)
			break;
	return report_tlp_labels[k];
}

const char *
report_banner(const struct report *r)
{
	static const char *const banners[5] = { "TLP:CLEAR", "TLP:GREEN",
	    "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED" };
	const char	*m = report_marking(r);
	int		 k;

	for (k = 0; k < 4 && strcmp(report_tlp_labels[k], m) != 0; k++)
		;
	return banners[k];
}

sim_time
report_t_of(const struct report *r, int64_t seq)
{
	size_t	lo = 0, hi = r->nevents, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (r->events[mid].seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->nevents && r->events[lo].seq == seq ?
	    r->events[lo].t : 0;
}

const struct rp_share *
report_first_cross_border(const struct report *r)
{
	size_t	i;

	for (i = 0; i < r->nshares; i++)
		if (r->shares[i].cross_border && !r->shares[i].refused)
			return &r->shares[i];
	return NULL;
}

const char *
report_team_of(const struct report *r, int role)
{
	const char	*org = r->roles[role].org;
	size_t		 i;

	for (i = 0; org != NULL && i < r->norgs; i++)
		if (strcmp(r->orgs[i].id, org) == 0 && r->orgs[i].team)
			return r->orgs[i].team;
	return "";
}

size_t
report_injects_fired(const struct report *r)
{
	size_t	i, n = 0;

	for (i = 0; i < r->ninjects; i++)
		n += r->injects[i].fired > 0;
	return n;
}

int
report_write(struct report *r, enum report_format fmt, FILE *f,
    struct error *e)
{
	switch (fmt) {
	case REPORT_MD:
		report_write_md(r, f);
		break;
	case REPORT_HTML:
		report_write_html(r, f);
		break;
	case REPORT_JSON:
		report_write_json(r, f);
		break;
	}
	if (fflush(f) != 0 || ferror(f))
		return error_set(e, ERR_IO, "cannot write the report: %s",
		    strerror(errno));
	return 0;
}

