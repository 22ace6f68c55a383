/*
 * The console's model: see view.h.
 *
 * Records from the server carry the journal's "seq"; a record at or
 * below the last one seen is skipped, so the backlog a reconnecting
 * console is sent again adds nothing twice and keeps what was read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "view.h"
#include "xmalloc.h"

static const char *const tlps[] = { "clear", "green", "amber",
    "amber+strict", "red" };
static const char *const ratings[] = { "P", "S", "M", "U" };
static const char *const rating_names[] = {
	"P  performed without challenges",
	"S  performed with some challenges",
	"M  performed with major challenges",
	"U  unable to be performed" };

static const char *
str(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int64_t
num(const cJSON *o, const char *k, int64_t dflt)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsNumber(v) ? (int64_t)v->valuedouble : dflt;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* The items of a JSON array of strings, joined with ", ". */
static char *
joined(const cJSON *a)
{
	const cJSON	*it;
	char		*s = xstrdup(""), *t;

	cJSON_ArrayForEach(it, a) {
		if (!cJSON_IsString(it))
			continue;
		t = xasprintf("%s%s%s", s, *s ? ", " : "", it->valuestring);
		free(s);
		s = t;
	}
	return s;
}

/* Whether role is a word of list, " a  b " (the commas gone). */
static int
listed(const char *list, const char *role)
{
	size_t		 len = strlen(role);
	const char	*p;

	if (list == NULL || len == 0)
		return 0;
	for (p = list; (p = strstr(p, role)) != NULL; p += len)
		if (p > list && p[-1] == ' ' && p[len] == ' ')
			return 1;
	return 0;
}

void
view_init(struct view *v)
{
	memset(v, 0, sizeof *v);
	v->start = -1;
	v->duration = -1;
	v->next_id = 1;
	v->last_seq = -1;
	snprintf(v->state, sizeof v->state, "waiting");
}

static void
prompt_close(struct vprompt *p)
{
	size_t	i;

	for (i = 0; i < p->nopts; i++) {
		free(p->opts[i]);
		free(p->keys[i]);
	}
	free(p->opts);
	free(p->keys);
	free(p->marked);
	free(p->text);
	memset(p, 0, sizeof *p);
}

static void
item_free(struct vitem *it)
{
	size_t	i;

	free(it->from);
	free(it->title);
	free(it->body);
	free(it->tlp);
	free(it->inject);
	free(it->decided);
	free(it->to);
	free(it->acked_by);
	for (i = 0; i < it->nchoices; i++) {
		free(it->choices[i].id);
		free(it->choices[i].label);
	}
	free(it->choices);
}

static void
exercise_free_parts(struct view *v)
{
	size_t	i;

	for (i = 0; i < v->nroles; i++) {
		free(v->roles[i].id);
		free(v->roles[i].name);
		free(v->roles[i].org);
		free(v->roles[i].players);
	}
	free(v->roles);
	for (i = 0; i < v->norgs; i++) {
		free(v->orgs[i].id);
		free(v->orgs[i].name);
		free(v->orgs[i].team);
	}
	free(v->orgs);
	v->orgs = NULL;
	v->norgs = 0;
	for (i = 0; i < v->ninjects; i++) {
		free(v->injects[i].id);
		free(v->injects[i].title);
		free(v->injects[i].notes);
	}
	free(v->injects);
	for (i = 0; i < v->nobjectives; i++) {
		free(v->objectives[i].id);
		free(v->objectives[i].text);
		free(v->objectives[i].verdict);
	}
	free(v->objectives);
	for (i = 0; i < v->nphases; i++)
		free(v->phases[i].id);
	free(v->phases);
	v->roles = NULL;
	v->injects = NULL;
	v->objectives = NULL;
	v->phases = NULL;
	v->nroles = v->ninjects = v->nobjectives = v->nphases = 0;
}

void
view_free(struct view *v)
{
	size_t	i;

	for (i = 0; i < v->nitems; i++)
		item_free(&v->items[i]);
	free(v->items);
	for (i = 0; i < v->nlines; i++)
		free(v->lines[i].text);
	free(v->lines);
	exercise_free_parts(v);
	free(v->role);
	free(v->name);
	free(v->title);
	free(v->summary);
	free(v->report);
	free(v->join);
	free(v->current);
	for (i = 0; i < v->nhotwash; i++)
		free(v->hotwash[i]);
	free(v->hotwash);
	prompt_close(&v->prompt);
	cJSON_Delete(v->pending);
	memset(v, 0, sizeof *v);
}

const char *
view_kind_name(enum vitem_kind k)
{
	static const char *const names[] = { "inject", "share", "chat",
	    "note", "info", "adhoc" };

	return names[k];
}

static struct vitem *
item_new(struct view *v, enum vitem_kind kind, int64_t t)
{
	struct vitem	*it;

	if (v->nitems == v->citems) {
		v->citems = v->citems ? v->citems * 2 : 32;
		v->items = xreallocarray(v->items, v->citems,
		    sizeof *v->items);
	}
	it = &v->items[v->nitems++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->t = t;
	it->delivery = -1;
	it->due = -1;
	it->share = -1;
	it->unread = 1;
	return it;
}

static struct vitem *
item_of_delivery(struct view *v, int64_t delivery)
{
	size_t	i;

	for (i = 0; i < v->nitems; i++)
		if (v->items[i].kind == VI_INJECT &&
		    v->items[i].delivery == delivery)
			return &v->items[i];
	return NULL;
}

static void
line_add(struct view *v, int64_t t, char *text)
{
	if (v->nlines == v->clines) {
		v->clines = v->clines ? v->clines * 2 : 64;
		v->lines = xreallocarray(v->lines, v->clines,
		    sizeof *v->lines);
	}
	v->lines[v->nlines].t = t;
	v->lines[v->nlines].text = text;
	v->nlines++;
	if (v->tl_back > 0)	/* scrolled back: stay on the same entries */
		v->tl_back++;
}

static void
welcome(struct view *v, const cJSON *m, int64_t wall)
{
	const cJSON	*x = cJSON_GetObjectItemCaseSensitive(m, "exercise");
	const cJSON	*you = cJSON_GetObjectItemCaseSensitive(m, "you");
	const cJSON	*a, *it;
	const char	*kind = str(you, "kind");
	size_t		 n;

	v->kind = kind == NULL || strcmp(kind, "player") == 0 ? VK_PLAYER :
	    strcmp(kind, "control") == 0 ? VK_CONTROL : VK_OBSERVER;
	free(v->role);
	v->role = dup_or_null(str(you, "role"));
	free(v->name);
	v->name = dup_or_null(str(you, "name"));
	free(v->title);
	v->title = dup_or_null(str(x, "title"));
	free(v->summary);
	v->summary = dup_or_null(str(x, "summary"));
	v->start = cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(x,
	    "start")) ? num(x, "start", 0) * 1000 : -1;
	v->duration = num(x, "duration", -1);
	exercise_free_parts(v);
	a = cJSON_GetObjectItemCaseSensitive(x, "roles");
	n = (size_t)cJSON_GetArraySize(a);
	v->roles = xcalloc(n + 1, sizeof *v->roles);
	cJSON_ArrayForEach(it, a) {
		struct vrole *r = &v->roles[v->nroles++];
		r->id = xstrdup(str(it, "id") ? str(it, "id") : "?");
		r->name = dup_or_null(str(it, "name"));
		r->org = dup_or_null(str(it, "org"));
		r->public = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it,
		    "public"));
		r->players = xstrdup("");
	}
	a = cJSON_GetObjectItemCaseSensitive(x, "orgs");
	n = (size_t)cJSON_GetArraySize(a);
	v->orgs = xcalloc(n + 1, sizeof *v->orgs);
	cJSON_ArrayForEach(it, a) {
		struct vorg *o = &v->orgs[v->norgs++];
		o->id = xstrdup(str(it, "id") ? str(it, "id") : "?");
		o->name = dup_or_null(str(it, "name"));
		o->team = dup_or_null(str(it, "team"));
	}
	a = cJSON_GetObjectItemCaseSensitive(x, "injects");
	n = (size_t)cJSON_GetArraySize(a);
	v->injects = xcalloc(n + 1, sizeof *v->injects);
	cJSON_ArrayForEach(it, a) {
		struct vinject *in = &v->injects[v->ninjects++];
		in->id = xstrdup(str(it, "id") ? str(it, "id") : "?");
		in->title = xstrdup(str(it, "title") ? str(it, "title") : "");
		in->notes = dup_or_null(str(it, "notes"));
		in->held = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it,
		    "held"));
		in->contingency = cJSON_IsTrue(
		    cJSON_GetObjectItemCaseSensitive(it, "contingency"));
		in->fired = (int)num(it, "fired", 0);
		in->at = num(it, "at", -1);
	}
	a = cJSON_GetObjectItemCaseSensitive(x, "phases");
	n = (size_t)cJSON_GetArraySize(a);
	v->phases = xcalloc(n + 1, sizeof *v->phases);
	cJSON_ArrayForEach(it, a) {
		v->phases[v->nphases].id = xstrdup(str(it, "id") ?
		    str(it, "id") : "?");
		v->phases[v->nphases++].at = num(it, "at", -1);
	}
	a = cJSON_GetObjectItemCaseSensitive(x, "objectives");
	n = (size_t)cJSON_GetArraySize(a);
	v->objectives = xcalloc(n + 1, sizeof *v->objectives);
	cJSON_ArrayForEach(it, a) {
		struct vobjective *o = &v->objectives[v->nobjectives++];
		o->id = xstrdup(str(it, "id") ? str(it, "id") : "?");
		o->text = xstrdup(str(it, "text") ? str(it, "text") : "");
	}
	v->connected = 1;
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(m, "backlog"))
		view_apply(v, it, wall);
	/* the clock now, after the backlog's old clock events: a console
	 * joining late counted on from the last start, jump or pause */
	view_apply(v, cJSON_GetObjectItemCaseSensitive(m, "clock"), wall);
}

static void
roster(struct view *v, const cJSON *m)
{
	const cJSON	*it;
	size_t		 i;

	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(m, "roles")) {
		for (i = 0; i < v->nroles; i++) {
			if (str(it, "role") == NULL ||
			    strcmp(v->roles[i].id, str(it, "role")) != 0)
				continue;
			v->roles[i].connected = (int)num(it, "connected", 0);
			free(v->roles[i].players);
			v->roles[i].players = joined(
			    cJSON_GetObjectItemCaseSensitive(it, "players"));
		}
	}
	v->control_n = (int)num(m, "control", 0);
	v->observers_n = (int)num(m, "observers", 0);
}

/* An inject delivered: an inbox item for its recipients (and staff). */
static void
inject(struct view *v, const cJSON *r, int64_t t)
{
	struct vitem	*it = item_new(v, VI_INJECT, t);
	const cJSON	*c, *a = cJSON_GetObjectItemCaseSensitive(r,
	    "choices");
	size_t		 i;

	it->inject = dup_or_null(str(r, "inject"));
	it->delivery = (int)num(r, "delivery", -1);
	it->from = dup_or_null(str(r, "from"));
	it->title = dup_or_null(str(r, "title"));
	it->body = dup_or_null(str(r, "body"));
	it->tlp = dup_or_null(str(r, "tlp"));
	it->due = num(r, "due", -1);
	{
		char *j = joined(cJSON_GetObjectItemCaseSensitive(r, "to"));
		char *p;
		for (p = j; *p; p++)
			if (*p == ',')
				*p = ' ';
		it->to = xasprintf(" %s ", j);
		free(j);
	}
	it->choices = xcalloc((size_t)cJSON_GetArraySize(a) + 1,
	    sizeof *it->choices);
	cJSON_ArrayForEach(c, a) {
		it->choices[it->nchoices].id = xstrdup(str(c, "id") ?
		    str(c, "id") : "?");
		it->choices[it->nchoices].label = xstrdup(str(c, "label") ?
		    str(c, "label") : "");
		it->nchoices++;
	}
	for (i = 0; i < v->ninjects; i++)
		if (it->inject && strcmp(v->injects[i].id, it->inject) == 0)
			v->injects[i].fired++;
	if (it->inject != NULL) {
		free(v->current);
		v->current = xstrdup(it->inject);
	}
}

static void
message(struct view *v, const cJSON *r, enum vitem_kind k, int64_t t)
{
	struct vitem	*it;
	const char	*role = str(r, "role");
	char		*to;

	/* what this player sent is not news to them */
	if (v->kind == VK_PLAYER && role != NULL && v->role != NULL &&
	    strcmp(role, v->role) == 0)
		return;
	if (k == VI_SHARE && cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r,
	    "refused")))
		return;
	it = item_new(v, k, t);
	it->from = xstrdup(role != NULL ? role : k == VI_ADHOC ? "control" :
	    "?");
	it->tlp = dup_or_null(str(r, "tlp"));
	it->body = dup_or_null(str(r, k == VI_ADHOC ? "body" : "text"));
	it->share = (int)num(r, "share", -1);
	switch (k) {
	case VI_SHARE:
	case VI_ADHOC:
		it->title = dup_or_null(str(r, "title"));
		break;
	case VI_CHAT:
		to = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(r, "to"), "control")) ?
		    xstrdup("control") : NULL;
		it->title = xasprintf("Chat%s%s", to ? " to " : "",
		    to ? to : "");
		free(to);
		break;
	case VI_INFO:
		it->title = xstrdup("Request for information");
		break;
	default:
		it->title = xstrdup("Situation report");
		break;
	}
}

/* A TLP label as it is written: AMBER+STRICT. */
static const char *
upper(char *buf, const char *tlp)
{
	size_t	i;

	for (i = 0; tlp != NULL && tlp[i] != '\0' && i < 15; i++)
		buf[i] = (char)(tlp[i] >= 'a' && tlp[i] <= 'z' ? tlp[i] - 32 :
		    tlp[i]);
	buf[i] = '\0';
	return buf;
}

/* One line of the staff timeline for a record. */
static char *
timeline_text(const cJSON *r, const char *type)
{
	const char	*role = str(r, "role") ? str(r, "role") : "control";
	char		*to = joined(cJSON_GetObjectItemCaseSensitive(r, "to"));
	char		*s, tlp[16];

	if (strcmp(type, "start") == 0)
		s = xstrdup("Exercise started");
	else if (strcmp(type, "phase") == 0)
		s = xasprintf("Phase: %s", str(r, "phase"));
	else if (strcmp(type, "inject") == 0)
		s = xasprintf("Inject %s to %s: %s", str(r, "inject"), to,
		    str(r, "title") ? str(r, "title") : "");
	else if (strcmp(type, "ack") == 0)
		s = xasprintf("%s (%s) acknowledged %s", role,
		    str(r, "player"), str(r, "inject"));
	else if (strcmp(type, "decision") == 0)
		s = xasprintf("%s (%s) decided %s: %s%s", role,
		    str(r, "player"), str(r, "inject"), str(r, "choice"),
		    cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "late")) ?
		    " (late)" : "");
	else if (strcmp(type, "timeout") == 0)
		s = xasprintf("%s: no decision by the deadline",
		    str(r, "inject"));
	else if (strcmp(type, "objective") == 0)
		s = xasprintf("Objective %s %s: %s", str(r, "objective"),
		    str(r, "verdict"), str(r, "note") ? str(r, "note") : "");
	else if (strcmp(type, "log") == 0)
		s = xasprintf("Log: %s", str(r, "text"));
	else if (strcmp(type, "error") == 0)
		s = xasprintf("SCENARIO ERROR %s", str(r, "text"));
	else if (strcmp(type, "end") == 0)
		s = xasprintf("Exercise ended (%s)%s%s", str(r, "reason"),
		    str(r, "summary") ? ": " : "",
		    str(r, "summary") ? str(r, "summary") : "");
	else if (strcmp(type, "share") == 0)
		s = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r,
		    "refused")) ? xasprintf("%s share REFUSED (TLP:%s to %s): "
		    "%s", role, upper(tlp, str(r, "tlp")), to,
		    str(r, "reason")) : xasprintf("%s shared TLP:%s to %s: %s",
		    role, upper(tlp, str(r, "tlp")), to, str(r, "title"));
	else if (strcmp(type, "note") == 0)
		s = xasprintf("%s sitrep: %s", role, str(r, "text"));
	else if (strcmp(type, "command") == 0)
		s = xasprintf("Control: %s%s%s", str(r, "command"),
		    str(r, "inject") ? " " : "", str(r, "inject") ?
		    str(r, "inject") : "");
	else if (strcmp(type, "chat") == 0)
		s = xasprintf("%s chat: %s", role, str(r, "text"));
	else if (strcmp(type, "request") == 0)
		s = xasprintf("%s asks control: %s", role, str(r, "text"));
	else if (strcmp(type, "observation") == 0)
		s = xasprintf("Observation%s%s%s%s: %s", str(r, "objective") ?
		    " on " : "", str(r, "objective") ? str(r, "objective") :
		    "", str(r, "inject") ? " at " : "", str(r, "inject") ?
		    str(r, "inject") : "", str(r, "text"));
	else if (strcmp(type, "rating") == 0)
		s = xasprintf("Rated %s: %s", str(r, "objective"),
		    str(r, "rating"));
	else if (strcmp(type, "adhoc") == 0)
		s = xasprintf("Ad hoc inject to %s: %s", to, str(r, "title"));
	else
		s = xasprintf("%s", type);
	free(to);
	return s;
}

static void	hotwash_next(struct view *);

/* A journal record the server passed on. */
static void
record(struct view *v, const cJSON *r, const char *type)
{
	int64_t		 t = num(r, "t", 0), seq = num(r, "seq", -1);
	struct vitem	*it;
	const char	*role = str(r, "role");
	size_t		 i;

	if (seq >= 0) {
		if (seq <= v->last_seq)
			return;		/* seen before a reconnect */
		v->last_seq = seq;
	}
	if (v->kind != VK_PLAYER)
		line_add(v, t, timeline_text(r, type));
	if (strcmp(type, "inject") == 0)
		inject(v, r, t);
	else if (strcmp(type, "ack") == 0 || strcmp(type, "decision") == 0 ||
	    strcmp(type, "timeout") == 0) {
		if ((it = item_of_delivery(v, num(r, "delivery", -1))) == NULL)
			return;
		if (type[0] == 't')
			it->timed_out = 1;
		else if (type[0] == 'd') {
			free(it->decided);
			it->decided = dup_or_null(str(r, "choice"));
		}
		if (type[0] != 't' && (v->kind != VK_PLAYER ||
		    (role != NULL && v->role != NULL &&
		    strcmp(role, v->role) == 0)))
			it->acked = 1;
		if (type[0] != 't' && role != NULL && v->kind != VK_PLAYER &&
		    !listed(it->acked_by, role)) {
			char *by = xasprintf("%s %s ", it->acked_by ?
			    it->acked_by : " ", role);
			free(it->acked_by);
			it->acked_by = by;
		}
	} else if (strcmp(type, "share") == 0)
		message(v, r, VI_SHARE, t);
	else if (strcmp(type, "chat") == 0)
		message(v, r, VI_CHAT, t);
	else if (strcmp(type, "request") == 0)
		message(v, r, VI_INFO, t);
	else if (strcmp(type, "note") == 0 && v->kind != VK_PLAYER)
		message(v, r, VI_NOTE, t);
	else if (strcmp(type, "adhoc") == 0)
		message(v, r, VI_ADHOC, t);
	else if (strcmp(type, "objective") == 0) {
		for (i = 0; i < v->nobjectives; i++)
			if (str(r, "objective") && strcmp(v->objectives[i].id,
			    str(r, "objective")) == 0) {
				free(v->objectives[i].verdict);
				v->objectives[i].verdict = dup_or_null(str(r,
				    "verdict"));
			}
	} else if (strcmp(type, "rating") == 0) {
		for (i = 0; i < v->nobjectives; i++)
			if (str(r, "objective") && strcmp(v->objectives[i].id,
			    str(r, "objective")) == 0) {
				free(v->objectives[i].verdict);
				v->objectives[i].verdict = xasprintf("rated %s",
				    str(r, "rating"));
			}
	} else if (strcmp(type, "end") == 0) {
		v->ended = 1;
		snprintf(v->state, sizeof v->state, "ended");
		if (str(r, "report") != NULL) {
			free(v->report);
			v->report = xstrdup(str(r, "report"));
		}
		if (v->nhotwash == 0) {	/* staff: to say it is on */
			const cJSON *q;
			cJSON_ArrayForEach(q, cJSON_GetObjectItemCaseSensitive(
			    r, "hotwash")) {
				if (!cJSON_IsString(q))
					continue;
				v->hotwash = xreallocarray(v->hotwash,
				    v->nhotwash + 1, sizeof *v->hotwash);
				v->hotwash[v->nhotwash++] =
				    xstrdup(q->valuestring);
			}
			if (v->kind == VK_PLAYER)
				hotwash_next(v);
		}
	}
}

void
view_apply(struct view *v, const cJSON *m, int64_t wall)
{
	const char	*type = str(m, "type");

	if (type == NULL)
		return;
	if (strcmp(type, "welcome") == 0)
		welcome(v, m, wall);
	else if (strcmp(type, "clock") == 0) {
		v->clock_t = num(m, "t", 0);
		v->clock_wall = wall;
		v->speed = cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(m,
		    "speed")) ? cJSON_GetObjectItemCaseSensitive(m,
		    "speed")->valuedouble : 1;
		snprintf(v->state, sizeof v->state, "%s", str(m, "state") ?
		    str(m, "state") : "?");
		if (strcmp(v->state, "ended") == 0)
			v->ended = 1;
	} else if (strcmp(type, "roster") == 0)
		roster(v, m);
	else if (strcmp(type, "ok") == 0)
		snprintf(v->status, sizeof v->status, "Done.");
	else if (strcmp(type, "error") == 0 && str(m, "code") != NULL)
		snprintf(v->status, sizeof v->status, "%s: %s",
		    str(m, "code") && strcmp(str(m, "code"), "tlp-refused") ==
		    0 ? "Refused" : "Error", str(m, "message") ?
		    str(m, "message") : "?");
	else if (strcmp(type, "pong") != 0)
		record(v, m, type);
	if (v->sel >= v->nitems)
		v->sel = v->nitems ? v->nitems - 1 : 0;
}

int64_t
view_now(const struct view *v, int64_t wall)
{
	int64_t	t = v->clock_t;

	/* cut off, the console cannot know the clock: it stops */
	if (strcmp(v->state, "running") == 0 && v->connected &&
	    wall > v->clock_wall)
		t += (int64_t)((double)(wall - v->clock_wall) * v->speed);
	return t;
}

enum vdeadline
view_deadline(const struct vitem *it, int64_t now)
{
	if (it->kind != VI_INJECT || it->due < 0)
		return VD_NONE;
	if (it->decided != NULL)
		return VD_DONE;
	if (it->timed_out || now >= it->due)
		return VD_OVERDUE;
	return it->due - now <= VIEW_URGENT_MS ? VD_URGENT : VD_OPEN;
}

size_t
view_unread(const struct view *v)
{
	size_t	i, n = 0;

	for (i = 0; i < v->nitems; i++)
		n += v->items[i].unread;
	return n;
}

size_t
view_overdue(const struct view *v, const char *role, int64_t now)
{
	size_t	i, n = 0;

	for (i = 0; i < v->nitems; i++)
		n += view_deadline(&v->items[i], now) == VD_OVERDUE &&
		    listed(v->items[i].to, role);
	return n;
}

size_t
view_waiting(const struct view *v, const char *role)
{
	size_t	i, n = 0;

	for (i = 0; i < v->nitems; i++)
		n += v->items[i].kind == VI_INJECT &&
		    listed(v->items[i].to, role) &&
		    !listed(v->items[i].acked_by, role);
	return n;
}

void
view_clock_text(const struct view *v, int64_t now, char *buf, size_t len)
{
	int64_t		 s = now / 1000;
	char		 cal[64] = "";
	time_t		 tt;
	struct tm	 tm;

	if (v->start >= 0) {
		tt = (time_t)((v->start + now) / 1000);
		gmtime_r(&tt, &tm);
		strftime(cal, sizeof cal, "  %a %d %b %H:%MZ", &tm);
	}
	if (s >= 86400)
		snprintf(buf, len, "T+%lldd %02lld:%02lld:%02lld%s",
		    (long long)(s / 86400), (long long)(s / 3600 % 24),
		    (long long)(s / 60 % 60), (long long)(s % 60), cal);
	else
		snprintf(buf, len, "T+%02lld:%02lld:%02lld%s",
		    (long long)(s / 3600), (long long)(s / 60 % 60),
		    (long long)(s % 60), cal);
}

/* Requests. */

static cJSON *
request(struct view *v, const char *type)
{
	cJSON	*r = cJSON_CreateObject();

	cJSON_AddStringToObject(r, "type", type);
	cJSON_AddNumberToObject(r, "id", v->next_id++);
	return r;
}

static struct vitem *
selected(struct view *v)
{
	return v->nitems > 0 ? &v->items[v->sel] : NULL;
}

static void
prompt_open(struct view *v, enum vprompt_kind kind, int action,
    const char *title)
{
	prompt_close(&v->prompt);
	v->prompt.kind = kind;
	v->prompt.action = action;
	snprintf(v->prompt.title, sizeof v->prompt.title, "%s", title);
}

static void
prompt_add(struct view *v, const char *label, const char *key)
{
	struct vprompt	*p = &v->prompt;

	p->opts = xreallocarray(p->opts, p->nopts + 1, sizeof *p->opts);
	p->keys = xreallocarray(p->keys, p->nopts + 1, sizeof *p->keys);
	p->marked = xreallocarray(p->marked, p->nopts + 1,
	    sizeof *p->marked);
	p->opts[p->nopts] = xstrdup(label);
	p->keys[p->nopts] = xstrdup(key);
	p->marked[p->nopts] = 0;
	p->nopts++;
}

static void
text_open(struct view *v, int action, int step, const char *title,
    int multiline)
{
	char	*keep = v->prompt.text;		/* the steps so far */

	v->prompt.text = NULL;
	prompt_close(&v->prompt);
	v->prompt.kind = VP_TEXT;
	v->prompt.action = action;
	v->prompt.step = step;
	v->prompt.multiline = multiline;
	snprintf(v->prompt.title, sizeof v->prompt.title, "%s", title);
	v->prompt.cap = 256;
	v->prompt.text = xcalloc(v->prompt.cap, 1);
	free(keep);
}

/* The next hot-wash question, if any is left. */
static void
hotwash_next(struct view *v)
{
	char	title[512];

	if (v->hw_next >= v->nhotwash)
		return;
	snprintf(title, sizeof title, "Hot wash %zu/%zu: %s (ctrl-d sends, "
	    "esc skips)", v->hw_next + 1, v->nhotwash,
	    v->hotwash[v->hw_next]);
	text_open(v, VA_HOTWASH, (int)v->hw_next, title, 1);
	v->hw_next++;
}

/*
 * A multi-step prompt keeps what the earlier steps chose in the request
 * being built; v->pending holds it between keys.
 */
static cJSON *
pending(struct view *v)
{
	if (v->pending == NULL)
		v->pending = cJSON_CreateObject();
	return v->pending;
}

static void
pending_drop(struct view *v)
{
	cJSON_Delete(v->pending);
	v->pending = NULL;
}

static void
roles_prompt(struct view *v, int action, const char *title, int multi)
{
	size_t	i;
	char	*label;

	prompt_open(v, multi ? VP_MULTI : VP_PICK, action, title);
	for (i = 0; i < v->nroles; i++) {
		if (v->role != NULL && strcmp(v->roles[i].id, v->role) == 0)
			continue;
		label = xasprintf("%-16s %s%s", v->roles[i].id,
		    v->roles[i].name ? v->roles[i].name : "",
		    v->roles[i].public ? " (public)" : "");
		prompt_add(v, label, v->roles[i].id);
		free(label);
	}
}

/* Whether up and down move through the staff's timeline. */
static int
timeline_pane(const struct view *v)
{
	return v->kind != VK_PLAYER && v->pane == 0;
}

/* Open the prompt for an action, or make its request straight away. */
/* Choosing a held inject to fire: the status line gives its notes for
 * controllers (the list is too narrow for them). */
static void
fire_notes(struct view *v)
{
	const char	*id = v->prompt.keys[v->prompt.sel];
	size_t		 i;

	v->status[0] = '\0';
	for (i = 0; i < v->ninjects; i++)
		if (strcmp(v->injects[i].id, id) == 0 &&
		    v->injects[i].notes != NULL)
			snprintf(v->status, sizeof v->status, "Notes: %s",
			    v->injects[i].notes);
}

static enum view_action
start_action(struct view *v, enum view_action a, cJSON **req)
{
	struct vitem	*it = selected(v);
	size_t		 i, k;
	char		*label, *key;

	pending_drop(v);
	if (it != NULL && !timeline_pane(v))
		it->unread = 0;		/* acted on: it has been read */
	switch (a) {
	case VA_ACK:
		if (it == NULL || it->kind != VI_INJECT) {
			snprintf(v->status, sizeof v->status, "Select an "
			    "inject to acknowledge.");
			return VA_REDRAW;
		}
		*req = request(v, "ack");
		cJSON_AddNumberToObject(*req, "delivery", it->delivery);
		return VA_REQUEST;
	case VA_DECIDE:
		if (it == NULL || it->nchoices == 0) {
			snprintf(v->status, sizeof v->status, "This item has "
			    "no decision to make.");
			return VA_REDRAW;
		}
		prompt_open(v, VP_PICK, a, "Decide");
		for (i = 0; i < it->nchoices; i++) {
			label = xasprintf("%zu  %s", i + 1,
			    it->choices[i].label);
			prompt_add(v, label, it->choices[i].id);
			free(label);
		}
		return VA_REDRAW;
	case VA_NOTE:
		text_open(v, a, 0, it != NULL && it->kind == VI_INJECT ?
		    "Situation report on the selected inject (ctrl-d sends, "
		    "esc cancels)" : "Situation report (ctrl-d sends, esc "
		    "cancels)", 1);
		return VA_REDRAW;
	case VA_SHARE:
		if (it == NULL) {
			snprintf(v->status, sizeof v->status, "Select an item "
			    "to share.");
			return VA_REDRAW;
		}
		/* the server holds a forward of a share or an inject to its
		 * label (and journals a refusal for the report); an ad hoc
		 * item it cannot name, so the console keeps its label */
		if (it->kind == VI_ADHOC && it->tlp != NULL &&
		    strcmp(it->tlp, "red") == 0) {
			snprintf(v->status, sizeof v->status, "TLP:RED is for "
			    "its named recipients only: it may not be "
			    "forwarded.");
			return VA_REDRAW;
		}
		roles_prompt(v, a, "Share with (space marks, enter goes on)",
		    1);
		return VA_REDRAW;
	case VA_CHAT:
		prompt_open(v, VP_PICK, a, "Chat to");
		prompt_add(v, "control          Exercise control", "");
		for (i = 0; i < v->nroles; i++) {
			if (v->role != NULL && strcmp(v->roles[i].id,
			    v->role) == 0)
				continue;
			label = xasprintf("%-16s %s", v->roles[i].id,
			    v->roles[i].name ? v->roles[i].name : "");
			prompt_add(v, label, v->roles[i].id);
			free(label);
		}
		/* whole organisations, then whole teams (each once) */
		for (i = 0; i < v->norgs; i++) {
			label = xasprintf("org %-12s %s", v->orgs[i].id,
			    v->orgs[i].name ? v->orgs[i].name : "");
			key = xasprintf("org:%s", v->orgs[i].id);
			prompt_add(v, label, key);
			free(label);
			free(key);
		}
		for (i = 0; i < v->norgs; i++) {
			if (v->orgs[i].team == NULL)
				continue;
			for (k = 0; k < i; k++)
				if (v->orgs[k].team && strcmp(v->orgs[k].team,
				    v->orgs[i].team) == 0)
					break;
			if (k < i)
				continue;
			label = xasprintf("team %s", v->orgs[i].team);
			key = xasprintf("team:%s", v->orgs[i].team);
			prompt_add(v, label, key);
			free(label);
			free(key);
		}
		return VA_REDRAW;
	case VA_INFO:
		text_open(v, a, 0, "Request for information to control "
		    "(enter sends)", 0);
		return VA_REDRAW;
	case VA_FIRE:
		prompt_open(v, VP_PICK, a, "Fire which inject");
		for (i = 0; i < v->ninjects; i++) {
			if (!v->injects[i].held)
				continue;
			label = xasprintf("%-20s %s%s%s", v->injects[i].id,
			    v->injects[i].title, v->injects[i].contingency ?
			    " [contingency]" : "", v->injects[i].fired ?
			    " [fired]" : "");
			prompt_add(v, label, v->injects[i].id);
			free(label);
		}
		if (v->prompt.nopts == 0) {
			prompt_close(&v->prompt);
			snprintf(v->status, sizeof v->status, "The scenario "
			    "has no held injects.");
		} else
			fire_notes(v);
		return VA_REDRAW;
	case VA_ADHOC:
		roles_prompt(v, a, "Ad hoc inject to (space marks, enter goes "
		    "on)", 1);
		return VA_REDRAW;
	case VA_OBSERVE:
	case VA_RATE:
		prompt_open(v, VP_PICK, a, a == VA_RATE ? "Rate which "
		    "objective" : "Observation on which objective");
		if (a == VA_OBSERVE)
			prompt_add(v, "(none)", "");
		for (i = 0; i < v->nobjectives; i++) {
			label = xasprintf("%-20s %s", v->objectives[i].id,
			    v->objectives[i].text);
			prompt_add(v, label, v->objectives[i].id);
			free(label);
		}
		return VA_REDRAW;
	case VA_END:
		prompt_open(v, VP_CONFIRM, a, "End the exercise for everyone? "
		    "(y/n)");
		return VA_REDRAW;
	default:
		return VA_NONE;
	}
}

/* The current prompt's step is complete: go on, or make the request. */
static enum view_action
prompt_done(struct view *v, cJSON **req)
{
	struct vprompt	*p = &v->prompt;
	struct vitem	*it = selected(v);
	cJSON		*r, *to;
	const char	*key = p->nopts ? p->keys[p->sel] : NULL;
	int		 a = p->action;
	size_t		 i, k = 0;

	if (p->kind == VP_TEXT && p->len == 0 && a != VA_HOTWASH) {
		snprintf(v->status, sizeof v->status, "Nothing to send.");
		return VA_REDRAW;
	}
	switch (a) {
	case VA_DECIDE:
		if (it == NULL)
			break;
		*req = request(v, "decide");
		cJSON_AddNumberToObject(*req, "delivery", it->delivery);
		cJSON_AddStringToObject(*req, "choice", key);
		break;
	case VA_NOTE:
		*req = request(v, "note");
		cJSON_AddStringToObject(*req, "text", p->text);
		if (it != NULL && it->kind == VI_INJECT)
			cJSON_AddNumberToObject(*req, "delivery",
			    it->delivery);
		break;
	case VA_INFO:
		*req = request(v, "request-info");
		cJSON_AddStringToObject(*req, "text", p->text);
		break;
	case VA_SHARE:
	case VA_ADHOC:
		if (p->kind == VP_MULTI) {
			/* the marked roles, or the one under the cursor */
			to = cJSON_AddArrayToObject(pending(v), "to");
			for (i = 0; i < p->nopts; i++)
				if (p->marked[i])
					cJSON_AddItemToArray(to,
					    cJSON_CreateString(p->keys[i]));
			if (cJSON_GetArraySize(to) == 0)
				cJSON_AddItemToArray(to,
				    cJSON_CreateString(key));
			prompt_open(v, VP_PICK, a, "TLP label");
			for (k = 0; a == VA_SHARE && it != NULL && it->kind ==
			    VI_ADHOC && it->tlp != NULL && k + 1 < sizeof tlps /
			    sizeof tlps[0] && strcmp(tlps[k], it->tlp) != 0; k++)
				;
			for (i = k; i < sizeof tlps / sizeof tlps[0]; i++) {
				char u[16], l[24];
				snprintf(l, sizeof l, "TLP:%s", upper(u,
				    tlps[i]));
				prompt_add(v, l, tlps[i]);
			}
			/* AMBER is the usual label between partners; an ad
			 * hoc item's own label is the least it may have */
			v->prompt.sel = k > 0 ? 0 : 2;
			return VA_REDRAW;
		}
		if (p->kind == VP_PICK) {
			cJSON_AddStringToObject(pending(v), "tlp", key);
			if (a == VA_SHARE) {
				r = request(v, "share");
				cJSON_AddItemToObject(r, "to", cJSON_Duplicate(
				    cJSON_GetObjectItemCaseSensitive(v->pending,
				    "to"), 1));
				cJSON_AddStringToObject(r, "tlp", key);
				cJSON_AddStringToObject(r, "title", it &&
				    it->title ? it->title : "Shared item");
				cJSON_AddStringToObject(r, "text", it &&
				    it->body && *it->body ? it->body : "-");
				/* a forward names what it forwards, so the
				 * server holds it to that item's label */
				if (it != NULL && it->share >= 0)
					cJSON_AddNumberToObject(r, "ref",
					    it->share);
				else if (it != NULL && it->kind == VI_INJECT)
					cJSON_AddNumberToObject(r, "delivery",
					    it->delivery);
				*req = r;
				break;
			}
			text_open(v, a, 1, "Title (enter goes on)", 0);
			return VA_REDRAW;
		}
		if (p->step == 1) {
			cJSON_AddStringToObject(pending(v), "title", p->text);
			text_open(v, a, 2, "Body (ctrl-d sends, esc cancels)",
			    1);
			return VA_REDRAW;
		}
		r = request(v, "adhoc");
		cJSON_AddItemToObject(r, "to", cJSON_Duplicate(
		    cJSON_GetObjectItemCaseSensitive(v->pending, "to"), 1));
		cJSON_AddStringToObject(r, "title", str(v->pending, "title"));
		cJSON_AddStringToObject(r, "body", p->text);
		cJSON_AddStringToObject(r, "tlp", str(v->pending, "tlp"));
		*req = r;
		break;
	case VA_CHAT:
		if (p->kind == VP_PICK) {
			cJSON_AddStringToObject(pending(v), "to", key);
			text_open(v, a, 1, "Chat (enter sends)", 0);
			return VA_REDRAW;
		}
		r = request(v, "chat");
		to = cJSON_AddObjectToObject(r, "to");
		key = str(v->pending, "to");
		if (*key == '\0')
			cJSON_AddTrueToObject(to, "control");
		else if (strncmp(key, "org:", 4) == 0)
			cJSON_AddStringToObject(to, "org", key + 4);
		else if (strncmp(key, "team:", 5) == 0)
			cJSON_AddStringToObject(to, "team", key + 5);
		else
			cJSON_AddStringToObject(to, "role", key);
		cJSON_AddStringToObject(r, "text", p->text);
		*req = r;
		break;
	case VA_FIRE:
		*req = request(v, "fire");
		cJSON_AddStringToObject(*req, "inject", key);
		break;
	case VA_OBSERVE:
		if (p->kind == VP_PICK) {
			cJSON_AddStringToObject(pending(v), "objective", key);
			text_open(v, a, 1, "Observation (ctrl-d saves, esc "
			    "cancels)", 1);
			return VA_REDRAW;
		}
		*req = request(v, "observe");
		cJSON_AddStringToObject(*req, "text", p->text);
		if (*str(v->pending, "objective") != '\0')
			cJSON_AddStringToObject(*req, "objective",
			    str(v->pending, "objective"));
		if (v->current != NULL)		/* what was going on */
			cJSON_AddStringToObject(*req, "inject", v->current);
		break;
	case VA_RATE:
		if (p->step == 0) {
			cJSON_AddStringToObject(pending(v), "objective", key);
			prompt_open(v, VP_PICK, a, "Rating");
			v->prompt.step = 1;
			for (i = 0; i < 4; i++)
				prompt_add(v, rating_names[i], ratings[i]);
			return VA_REDRAW;
		}
		*req = request(v, "rate");
		cJSON_AddStringToObject(*req, "objective", str(v->pending,
		    "objective"));
		cJSON_AddStringToObject(*req, "rating", key);
		break;
	case VA_END:
		*req = request(v, "end");
		break;
	case VA_HOTWASH:
		*req = request(v, "hotwash");
		cJSON_AddNumberToObject(*req, "question", p->step);
		if (p->len > 0)		/* else passed over */
			cJSON_AddStringToObject(*req, "text", p->text);
		else
			snprintf(v->status, sizeof v->status, "Skipped.");
		prompt_close(&v->prompt);
		hotwash_next(v);
		return VA_REQUEST;
	default:
		break;
	}
	prompt_close(&v->prompt);
	pending_drop(v);
	return *req != NULL ? VA_REQUEST : VA_REDRAW;
}

/*
 * The text editor: a byte string and a cursor in it.  Keys arrive a
 * byte at a time (UTF-8 for text); the cursor moves and deletes whole
 * characters, whose continuation bytes are 10xxxxxx.
 */
#define CONT(c)	(((unsigned char)(c) & 0xc0) == 0x80)

static void
text_insert(struct vprompt *p, int key)
{
	if (p->len + 2 >= p->cap) {
		p->cap *= 2;
		p->text = xreallocarray(p->text, p->cap, 1);
	}
	memmove(p->text + p->cur + 1, p->text + p->cur, p->len - p->cur + 1);
	p->text[p->cur++] = (char)key;
	p->len++;
}

/* The start of the character before i, or 0. */
static size_t
text_prev(const struct vprompt *p, size_t i)
{
	while (i > 0 && CONT(p->text[i - 1]))
		i--;
	return i > 0 ? i - 1 : 0;
}

/* The start of the character after the one at i, or the end. */
static size_t
text_next(const struct vprompt *p, size_t i)
{
	if (i < p->len)
		i++;
	while (i < p->len && CONT(p->text[i]))
		i++;
	return i;
}

/* Remove bytes [from, to). */
static void
text_cut(struct vprompt *p, size_t from, size_t to)
{
	memmove(p->text + from, p->text + to, p->len - to + 1);
	p->len -= to - from;
	p->cur = from;
}

static void
text_move(struct vprompt *p, int key)
{
	switch (key) {
	case VIEW_KEY_LEFT:
		p->cur = text_prev(p, p->cur);
		break;
	case VIEW_KEY_RIGHT:
		p->cur = text_next(p, p->cur);
		break;
	case VIEW_KEY_HOME:	/* of the line */
		while (p->cur > 0 && p->text[p->cur - 1] != '\n')
			p->cur--;
		break;
	case VIEW_KEY_END:
		while (p->cur < p->len && p->text[p->cur] != '\n')
			p->cur++;
		break;
	case VIEW_KEY_BS:
		if (p->cur > 0)
			text_cut(p, text_prev(p, p->cur), p->cur);
		break;
	case VIEW_KEY_DEL:
		if (p->cur < p->len)
			text_cut(p, p->cur, text_next(p, p->cur));
		break;
	}
}

static enum view_action
prompt_key(struct view *v, int key, cJSON **req)
{
	struct vprompt	*p = &v->prompt;
	int		 a;

	if (key == VIEW_KEY_ESC && p->action == VA_HOTWASH) {
		/* the server waits for every player's answer or pass */
		p->len = p->cur = 0;
		p->text[0] = '\0';
		v->status[0] = '\0';
		a = prompt_done(v, req);
		snprintf(v->status, sizeof v->status, "Skipped.");
		return a;
	}
	if (key == VIEW_KEY_ESC) {
		prompt_close(p);
		pending_drop(v);
		snprintf(v->status, sizeof v->status, "Cancelled.");
		return VA_REDRAW;
	}
	switch (p->kind) {
	case VP_CONFIRM:
		if (key == 'y' || key == 'Y')
			return prompt_done(v, req);
		prompt_close(p);
		return VA_REDRAW;
	case VP_TEXT:
		if (key == VIEW_KEY_SEND || (key == VIEW_KEY_ENTER &&
		    !p->multiline))
			return prompt_done(v, req);
		if (key == VIEW_KEY_ENTER)
			text_insert(p, '\n');
		else if (key == VIEW_KEY_BS || key == VIEW_KEY_DEL ||
		    key == VIEW_KEY_LEFT || key == VIEW_KEY_RIGHT ||
		    key == VIEW_KEY_HOME || key == VIEW_KEY_END)
			text_move(p, key);
		else if (key == VIEW_KEY_TAB)
			text_insert(p, ' ');
		else if (key >= 0x20 && key <= 0xff && key != 0x7f &&
		    p->len < 16000)
			text_insert(p, key);
		return VA_REDRAW;
	default:
		if (key == VIEW_KEY_UP && p->sel > 0)
			p->sel--;
		else if (key == VIEW_KEY_DOWN && p->sel + 1 < p->nopts)
			p->sel++;
		else if (key == ' ' && p->kind == VP_MULTI)
			p->marked[p->sel] = !p->marked[p->sel];
		else if (key >= '1' && key <= '9' && p->kind == VP_PICK &&
		    (size_t)(key - '1') < p->nopts) {
			p->sel = (size_t)(key - '1');
			return prompt_done(v, req);
		} else if (key == VIEW_KEY_ENTER)
			return prompt_done(v, req);
		if (p->action == VA_FIRE)
			fire_notes(v);
		return VA_REDRAW;
	}
}

static enum view_action
control_key(struct view *v, int key, cJSON **req)
{
	cJSON	*r;

	switch (key) {
	case ' ':
		if (strcmp(v->state, "waiting") == 0)
			*req = request(v, "start");
		else if (strcmp(v->state, "running") == 0)
			*req = request(v, "pause");
		else if (strcmp(v->state, "paused") == 0)
			*req = request(v, "resume");
		else
			return VA_NONE;
		return VA_REQUEST;
	case 'n':
		*req = request(v, "jump");
		return VA_REQUEST;
	case '+':
	case '-':
		r = request(v, "speed");
		cJSON_AddNumberToObject(r, "x", key == '+' ? v->speed * 2 :
		    v->speed / 2);
		*req = r;
		return VA_REQUEST;
	case 'f':
		return start_action(v, VA_FIRE, req);
	case 'a':
		return start_action(v, VA_ADHOC, req);
	case 'e':
		return start_action(v, VA_END, req);
	case 'c':
		return start_action(v, VA_CHAT, req);
	}
	return VA_NONE;
}

static enum view_action
player_key(struct view *v, int key, cJSON **req)
{
	switch (key) {
	case 'a':
		return start_action(v, VA_ACK, req);
	case 'd':
		return start_action(v, VA_DECIDE, req);
	case 'n':
		return start_action(v, VA_NOTE, req);
	case 's':
		return start_action(v, VA_SHARE, req);
	case 'c':
		return start_action(v, VA_CHAT, req);
	case 'i':
		return start_action(v, VA_INFO, req);
	}
	return VA_NONE;
}

enum view_action
view_key(struct view *v, int key, int64_t wall, cJSON **req)
{
	enum view_action	a;
	size_t			page = v->page > 0 ? (size_t)v->page : 10;

	(void)wall;
	*req = NULL;
	if (v->prompt.kind != VP_NONE)
		return prompt_key(v, key, req);
	if (v->help) {
		v->help = 0;
		return VA_REDRAW;
	}
	switch (key) {
	case '?':
		v->help = 1;
		return VA_REDRAW;
	case 'q':
		return VA_QUIT;
	case VIEW_KEY_TAB:
		if (v->kind != VK_PLAYER)
			v->pane = !v->pane;
		return VA_SWITCH;
	case VIEW_KEY_UP:
	case 'k':
		if (timeline_pane(v))
			v->tl_back += v->tl_back + 1 < v->nlines;
		else if (v->sel > 0) {
			v->sel--;
			v->scroll = 0;
		}
		break;
	case VIEW_KEY_DOWN:
	case 'j':
		if (timeline_pane(v))
			v->tl_back -= v->tl_back > 0;
		else if (v->sel + 1 < v->nitems) {
			v->sel++;
			v->scroll = 0;
		}
		break;
	case VIEW_KEY_PGUP:
	case 'b':
		if (timeline_pane(v))
			v->tl_back = v->tl_back + page + 1 < v->nlines ?
			    v->tl_back + page : v->nlines ? v->nlines - 1 : 0;
		else
			v->scroll = v->scroll > (int)page ? v->scroll -
			    (int)page : 0;
		return VA_REDRAW;
	case VIEW_KEY_PGDN:
		if (timeline_pane(v)) {
			v->tl_back = v->tl_back > page ? v->tl_back - page : 0;
			return VA_REDRAW;
		}
		v->scroll += (int)page;		/* the drawing bounds it */
		break;
	case VIEW_KEY_END:
		v->tl_back = 0;
		return VA_REDRAW;
	case ' ':
		if (v->kind != VK_PLAYER)
			goto other;	/* the facilitator's clock */
		v->scroll += (int)page;
		break;
	default:
	other:
		if (v->ended)
			return VA_NONE;
		if (v->kind == VK_PLAYER)
			a = player_key(v, key, req);
		else {
			a = key == 'o' ? start_action(v, VA_OBSERVE, req) :
			    key == 'r' ? start_action(v, VA_RATE, req) :
			    v->kind == VK_CONTROL ? control_key(v, key, req) :
			    VA_NONE;
		}
		if (a == VA_REQUEST)
			snprintf(v->status, sizeof v->status, "Sending...");
		return a;
	}
	if (v->nitems > 0 && !timeline_pane(v))
		v->items[v->sel].unread = 0;
	return VA_REDRAW;
}

const char *
view_keyhelp(const struct view *v)
{
	switch (v->prompt.kind) {
	case VP_PICK:
		return "up/down choose  enter select  1-9 pick  esc cancel";
	case VP_MULTI:
		return "up/down move  space mark  enter go on  esc cancel";
	case VP_TEXT:
		return v->prompt.multiline ? "type; enter new line  "
		    "left/right/home/end move  ctrl-d send  esc cancel" :
		    "type; enter send  esc cancel";
	case VP_CONFIRM:
		return "y yes  n no";
	default:
		break;
	}
	if (v->kind == VK_CONTROL)
		return "space clock  n next  +/- speed  f fire  a ad hoc  "
		    "o observe  r rate  c chat  e end  tab inbox  ? help";
	if (v->kind == VK_OBSERVER)
		return "o observe  r rate  tab timeline/inbox  pgup/pgdn  "
		    "? help  q quit";
	return "a ack  d decide  n sitrep  s share  c chat  i ask control  "
	    "space more  ? help";
}
