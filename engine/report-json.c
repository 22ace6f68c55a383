/*
 * The report as JSON, with the same content as the other formats, for
 * other tools (a program's tracker, a dashboard).
 */
#include <stdlib.h>

#include <cJSON.h>

#include "report-internal.h"

static void
json_items(cJSON *o, const char *name, const struct rp_item *v, size_t n)
{
	cJSON	*a = cJSON_AddArrayToObject(o, name), *x;
	size_t	 i;

	for (i = 0; i < n; i++) {
		x = cJSON_CreateObject();
		cJSON_AddStringToObject(x, "text", v[i].text);
		if (v[i].seq >= 0)
			cJSON_AddNumberToObject(x, "record", (double)v[i].seq);
		cJSON_AddItemToArray(a, x);
	}
}

static void
json_str(cJSON *o, const char *k, const char *v)
{
	if (v != NULL)
		cJSON_AddStringToObject(o, k, v);
	else
		cJSON_AddNullToObject(o, k);
}

void
report_write_json(struct report *r, FILE *f)
{
	cJSON	*root, *o, *a, *x, *y, *ans;
	char	*text;
	size_t	 i, ai;
	int64_t	 last;

	root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "report", "ttxsim-aar");
	cJSON_AddNumberToObject(root, "version", 1);
	cJSON_AddStringToObject(root, "marking", report_marking(r));
	o = cJSON_AddObjectToObject(root, "exercise");
	json_str(o, "id", r->id);
	json_str(o, "title", r->title);
	json_str(o, "summary", r->summary);
	json_str(o, "start", r->start);
	cJSON_AddNumberToObject(o, "end_t", (double)r->end_t);
	cJSON_AddBoolToObject(o, "ended", r->ended);
	json_str(o, "end_reason", r->end_reason);
	json_str(o, "end_summary", r->end_summary);
	json_str(o, "file", r->file);
	json_str(o, "sha256", r->sha256);
	json_str(o, "seed", r->seed);
	json_str(o, "journal", r->path);
	cJSON_AddBoolToObject(o, "journal_torn", r->torn);

	a = cJSON_AddArrayToObject(root, "roles");
	for (i = 0; i < r->nroles; i++) {
		struct rp_role *ro = &r->roles[i];
		x = cJSON_CreateObject();
		json_str(x, "id", ro->id);
		json_str(x, "name", ro->name);
		json_str(x, "org", report_org_of(r, (int)i));
		cJSON_AddBoolToObject(x, "public", ro->is_public);
		cJSON_AddNumberToObject(x, "received", ro->nreceived);
		cJSON_AddNumberToObject(x, "acknowledged", ro->nack);
		cJSON_AddNumberToObject(x, "ack_mean_ms", ro->nack ?
		    (double)(ro->ack_sum / ro->nack) : 0);
		cJSON_AddNumberToObject(x, "ack_max_ms", (double)ro->ack_max);
		cJSON_AddNumberToObject(x, "decisions", ro->ndec);
		cJSON_AddNumberToObject(x, "decide_mean_ms", ro->ndec ?
		    (double)(ro->dec_sum / ro->ndec) : 0);
		cJSON_AddNumberToObject(x, "decide_max_ms",
		    (double)ro->dec_max);
		cJSON_AddNumberToObject(x, "late", ro->nlate);
		cJSON_AddNumberToObject(x, "deadlines_missed", ro->nmissed);
		cJSON_AddNumberToObject(x, "notes", ro->nnotes);
		cJSON_AddNumberToObject(x, "shares", ro->nshares);
		cJSON_AddItemToArray(a, x);
	}

	a = cJSON_AddArrayToObject(root, "objectives");
	for (i = 0; i < r->nobjectives; i++) {
		struct rp_objective *ob = &r->objectives[i];
		x = cJSON_CreateObject();
		json_str(x, "id", ob->id);
		json_str(x, "text", ob->text);
		json_str(x, "capability", ob->capability);
		json_str(x, "rating", ob->rating);
		json_str(x, "rating_name", report_rating_name(ob->rating));
		json_str(x, "rating_source", ob->rating_source);
		json_str(x, "verdict", ob->verdict);
		json_str(x, "note", ob->note);
		json_items(x, "reasons", ob->reasons, ob->nreasons);
		json_items(x, "strengths", ob->strengths, ob->nstrengths);
		json_items(x, "areas_for_improvement", ob->afi, ob->nafi);
		cJSON_AddItemToArray(a, x);
	}

	a = cJSON_AddArrayToObject(root, "path");
	for (i = 0; i < r->ndeliveries; i++) {
		struct rp_delivery *dv = &r->deliveries[i];
		if (dv->decider == -1 && !dv->timed_out)
			continue;
		x = cJSON_CreateObject();
		json_str(x, "inject", r->injects[dv->inject].id);
		if (dv->decider != -1) {
			cJSON_AddNumberToObject(x, "t", (double)dv->dt);
			json_str(x, "choice", dv->choice);
			json_str(x, "role", r->roles[dv->decider].id);
			cJSON_AddBoolToObject(x, "late", dv->late);
			cJSON_AddNumberToObject(x, "record", (double)dv->dseq);
		} else {
			cJSON_AddNullToObject(x, "choice");
			cJSON_AddNumberToObject(x, "record", (double)dv->tseq);
		}
		cJSON_AddItemToArray(a, x);
	}
	a = cJSON_AddArrayToObject(root, "shares");
	for (i = 0; i < r->nshares; i++) {
		const struct rp_share *sh = &r->shares[i];
		x = cJSON_CreateObject();
		cJSON_AddNumberToObject(x, "record", (double)sh->seq);
		cJSON_AddNumberToObject(x, "t", (double)sh->t);
		json_str(x, "from", r->roles[sh->from].id);
		json_str(x, "to", sh->to);
		json_str(x, "tlp", sh->tlp);
		json_str(x, "title", sh->title);
		json_str(x, "inject", sh->inject);
		cJSON_AddBoolToObject(x, "refused", sh->refused);
		json_str(x, "reason", sh->reason);
		cJSON_AddBoolToObject(x, "cross_border", sh->cross_border);
		cJSON_AddItemToArray(a, x);
	}
	{
		const struct rp_share *cb = report_first_cross_border(r);

		if (cb != NULL && r->first_inject != SIM_NEVER)
			cJSON_AddNumberToObject(root,
			    "first_cross_border_share_after_ms",
			    (double)(cb->t - r->first_inject));
		else
			cJSON_AddNullToObject(root,
			    "first_cross_border_share_after_ms");
	}
	json_items(root, "errors", r->errors, r->nerrors);
	a = cJSON_AddArrayToObject(root, "hotwash");
	for (i = 0; i < r->nhotwash; i++) {
		x = cJSON_CreateObject();
		json_str(x, "question", r->hotwash[i]);
		ans = cJSON_AddArrayToObject(x, "answers");
		for (ai = 0; ai < r->nanswers; ai++) {
			if (r->answers[ai].q != i)
				continue;
			y = cJSON_CreateObject();
			json_str(y, "role", r->answers[ai].role);
			json_str(y, "player", r->answers[ai].player);
			json_str(y, "text", r->answers[ai].text);
			cJSON_AddNumberToObject(y, "record",
			    (double)r->answers[ai].seq);
			cJSON_AddItemToArray(ans, y);
		}
		cJSON_AddItemToArray(a, x);
	}
	a = cJSON_AddArrayToObject(root, "timeline");
	for (i = 0, last = -1; i < r->nevents; i++) {
		if (r->events[i].seq == last)
			continue;
		last = r->events[i].seq;
		x = cJSON_CreateObject();
		cJSON_AddNumberToObject(x, "record", (double)last);
		cJSON_AddNumberToObject(x, "t", (double)r->events[i].t);
		json_str(x, "type", r->events[i].type);
		json_str(x, "text", r->events[i].text);
		cJSON_AddItemToArray(a, x);
	}
	a = cJSON_AddArrayToObject(root, "improvement_plan");
	for (i = 0; i < r->nobjectives; i++) {
		struct rp_objective *ob = &r->objectives[i];
		size_t k;
		for (k = 0; k < ob->nafi; k++) {
			x = cJSON_CreateObject();
			json_str(x, "objective", ob->id);
			json_str(x, "capability", ob->capability);
			json_str(x, "issue", ob->afi[k].text);
			cJSON_AddNullToObject(x, "corrective_action");
			cJSON_AddNullToObject(x, "capability_element");
			cJSON_AddNullToObject(x, "responsible_org");
			cJSON_AddNullToObject(x, "start");
			cJSON_AddNullToObject(x, "completion");
			cJSON_AddItemToArray(a, x);
		}
	}
	if ((text = cJSON_Print(root)) == NULL)
		abort();
	fputs(text, f);
	fputc('\n', f);
	cJSON_free(text);
	cJSON_Delete(root);
}
