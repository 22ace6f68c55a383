/*
 * The report as Markdown: reads well in a terminal and renders on common
 * git hosts.  Timeline entries carry anchors (#r<seq>) that the evidence
 * links point to.
 */
#include <string.h>

#include "report-internal.h"
#include "vtime.h"

/* Text for a table cell or a list item: no newlines, no bare pipes. */
static void
md_text(FILE *f, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t')
			fputc(' ', f);
		else if (*s == '|' || *s == '<' || *s == '*' || *s == '_' ||
		    *s == '`' || *s == '[' || *s == ']')
			fprintf(f, "\\%c", *s);
		else
			fputc(*s, f);
	}
}

static void
md_link(FILE *f, int64_t seq, sim_time t)
{
	char	b[VTIME_BUFSZ];

	if (seq >= 0)
		fprintf(f, " ([%s](#r%lld))", vtime_format(t, b, sizeof b),
		    (long long)seq);
}

static void
md_items(FILE *f, const struct report *r, const struct rp_item *v, size_t n,
    const char *none)
{
	size_t	i;

	if (n == 0)
		fprintf(f, "- %s\n", none);
	for (i = 0; i < n; i++) {
		fprintf(f, "- ");
		md_text(f, v[i].text);
		md_link(f, v[i].seq, report_t_of(r, v[i].seq));
		fprintf(f, "\n");
	}
}

static void
md_sharing(FILE *f, const struct report *r)
{
	const struct rp_share	*cb = report_first_cross_border(r);
	char			 b1[VTIME_BUFSZ], b2[VTIME_BUFSZ];
	size_t			 i, refused = 0;

	if (r->nshares == 0) {
		fprintf(f, "No shares between players were recorded, so the "
		    "time from first detection to the first cross-border "
		    "share is not measured.\n\n");
		return;
	}
	for (i = 0; i < r->nshares; i++)
		refused += r->shares[i].refused;
	fprintf(f, "%zu shares, %zu refused by their TLP label. ",
	    r->nshares - refused, refused);
	if (cb == NULL)
		fprintf(f, "No share crossed between teams.\n\n");
	else {
		fprintf(f, "First cross-border share at %s by `%s` to ",
		    vtime_format(cb->t, b1, sizeof b1), r->roles[cb->from].id);
		md_text(f, cb->to);
		if (r->first_inject != SIM_NEVER && cb->t >= r->first_inject)
			fprintf(f, ", %s after the first inject (%s)",
			    report_avg(cb->t - r->first_inject, 1, b1,
			    sizeof b1), vtime_format(r->first_inject, b2,
			    sizeof b2));
		fprintf(f, ".\n\n");
	}
	fprintf(f, "| Time | From | To | TLP | Item | Outcome |\n"
	    "|---|---|---|---|---|---|\n");
	for (i = 0; i < r->nshares; i++) {
		const struct rp_share *sh = &r->shares[i];
		fprintf(f, "| [%s](#r%lld) | `%s` | ", vtime_format(sh->t, b1,
		    sizeof b1), (long long)sh->seq, r->roles[sh->from].id);
		md_text(f, sh->to);
		fprintf(f, " | %s | ", sh->tlp ? sh->tlp : "?");
		md_text(f, sh->title);
		if (sh->inject != NULL)
			fprintf(f, " (a forward of inject `%s`)", sh->inject);
		fprintf(f, " | %s", sh->refused ? "refused: " : "delivered");
		if (sh->refused)
			md_text(f, sh->reason);
		fprintf(f, " |\n");
	}
	fprintf(f, "\n");
}

void
report_write_md(struct report *r, FILE *f)
{
	char	 b1[VTIME_BUFSZ], b2[VTIME_BUFSZ];
	size_t	 i, k, n;
	int64_t	 last;

	fprintf(f, "**%s** — handle as the most restrictive inject delivered "
	    "in this exercise.\n\n", report_banner(r));
	fprintf(f, "# After-Action Report / Improvement Plan: ");
	md_text(f, r->title);
	fprintf(f, "\n\n");

	fprintf(f, "## 1. Exercise overview\n\n");
	fprintf(f, "| | |\n|---|---|\n");
	fprintf(f, "| Exercise | ");
	md_text(f, r->title);
	fprintf(f, " (`%s`) |\n", r->id ? r->id : "?");
	if (r->start != NULL)
		fprintf(f, "| Scenario time | T+0 = %s |\n", r->start);
	fprintf(f, "| Played | %s to %s%s |\n", vtime_format(0, b1, sizeof b1),
	    vtime_format(r->end_t, b2, sizeof b2), r->ended ? "" :
	    " (not ended)");
	if (r->end_reason != NULL) {
		fprintf(f, "| Ended by | %s", r->end_reason);
		if (r->end_summary != NULL) {
			fprintf(f, ": ");
			md_text(f, r->end_summary);
		}
		fprintf(f, " |\n");
	}
	fprintf(f, "| Scope | %zu organisations, %zu roles, %zu objectives, "
	    "%zu phases; %zu of %zu injects delivered (%zu deliveries) |\n",
	    r->norgs, r->nroles, r->nobjectives, r->nphases,
	    report_injects_fired(r), r->ninjects, r->ndeliveries);
	fprintf(f, "| Scenario file | `");
	md_text(f, r->file);
	fprintf(f, "`, SHA-256 `%s` |\n", r->sha256 ? r->sha256 : "?");
	fprintf(f, "| Seed | %s |\n", r->seed ? r->seed : "?");
	fprintf(f, "| Journal | `");
	md_text(f, r->path);
	fprintf(f, "`%s |\n\n", r->torn ? " (its torn last line was dropped)"
	    : "");
	if (r->summary != NULL) {
		md_text(f, r->summary);
		fprintf(f, "\n\n");
	}
	fprintf(f, "**Participants**\n\n| Role | Name | Organisation | Team |"
	    "\n|---|---|---|---|\n");
	for (i = 0; i < r->nroles; i++) {
		fprintf(f, "| `%s` | ", r->roles[i].id);
		md_text(f, r->roles[i].name);
		fprintf(f, "%s | ", r->roles[i].is_public ? " (public)" : "");
		md_text(f, report_org_of(r, (int)i));
		fprintf(f, " | %s |\n", report_team_of(r, (int)i));
	}

	fprintf(f, "\n## 2. Objectives and capabilities\n\n");
	fprintf(f, "Ratings: **P** performed without challenges, **S** with "
	    "some challenges, **M** with major challenges, **U** unable to be "
	    "performed. Drafted from the journal unless an evaluator rated "
	    "the objective.\n\n");
	fprintf(f, "| Objective | Capability | Rating | Why |\n"
	    "|---|---|---|---|\n");
	for (i = 0; i < r->nobjectives; i++) {
		struct rp_objective *o = &r->objectives[i];
		fprintf(f, "| `%s` ", o->id);
		md_text(f, o->text);
		fprintf(f, " | ");
		md_text(f, o->capability);
		fprintf(f, " | **%s** (%s) | ", o->rating, o->rating_source);
		for (k = 0; k < o->nreasons; k++) {
			if (k > 0)
				fprintf(f, "; ");
			md_text(f, o->reasons[k].text);
		}
		fprintf(f, " |\n");
	}
	for (i = 0; i < r->nobjectives; i++) {
		struct rp_objective *o = &r->objectives[i];
		fprintf(f, "\n### %s: ", o->id);
		md_text(f, o->text);
		fprintf(f, "\n\n%s — rated **%s**, %s (%s).\n\n",
		    o->capability ? o->capability : "No capability named",
		    o->rating, report_rating_name(o->rating),
		    o->rating_source);
		fprintf(f, "**Strengths**\n\n");
		md_items(f, r, o->strengths, o->nstrengths, "None recorded.");
		fprintf(f, "\n**Areas for improvement**\n\n");
		md_items(f, r, o->afi, o->nafi, "None recorded.");
	}

	fprintf(f, "\n## 3. Per-role metrics\n\n");
	fprintf(f, "| Role | Injects received | Acknowledged | Time to "
	    "acknowledge (mean / max) | Decisions | Time to decide (mean / "
	    "max) | Late | Deadlines missed | Notes written |\n"
	    "|---|---|---|---|---|---|---|---|---|\n");
	for (i = 0; i < r->nroles; i++) {
		struct rp_role *ro = &r->roles[i];
		char	a1[VTIME_BUFSZ], a2[VTIME_BUFSZ];

		fprintf(f, "| `%s` | %u | %u | %s / %s | %u | %s / %s | %u | "
		    "%u | %u |\n", ro->id, ro->nreceived, ro->nack,
		    report_avg(ro->ack_sum, ro->nack, b1, sizeof b1),
		    report_max(ro->ack_max, ro->nack, b2, sizeof b2),
		    ro->ndec, report_avg(ro->dec_sum, ro->ndec, a1, sizeof a1),
		    report_max(ro->dec_max, ro->ndec, a2, sizeof a2),
		    ro->nlate, ro->nmissed, ro->nnotes);
	}

	fprintf(f, "\n## 4. Information sharing\n\n");
	md_sharing(f, r);
	fprintf(f, "Injects delivered, by handling label:\n\n| TLP | "
	    "Deliveries |\n|---|---|\n");
	for (k = 0; k < 5; k++)
		fprintf(f, "| %s | %zu |\n", report_tlp_labels[k],
		    report_tlp_count(r, report_tlp_labels[k]));

	fprintf(f, "\n## 5. Path through the scenario\n\n");
	for (i = n = 0; i < r->ndeliveries; i++) {
		struct rp_delivery *dv = &r->deliveries[i];
		if (dv->decider == -1 && !dv->timed_out)
			continue;
		n++;
		fprintf(f, "%zu. %s `%s`: ", n, vtime_format(dv->decider != -1
		    ? dv->dt : dv->t, b1, sizeof b1), r->injects[dv->inject].id);
		if (dv->decider != -1)
			fprintf(f, "**%s** by `%s`%s", dv->choice,
			    r->roles[dv->decider].id, dv->late ? " (late)" :
			    "");
		else
			fprintf(f, "no decision by the deadline");
		md_link(f, dv->decider != -1 ? dv->dseq : dv->tseq,
		    dv->decider != -1 ? dv->dt : report_t_of(r, dv->tseq));
		fprintf(f, "\n");
	}
	if (n == 0)
		fprintf(f, "No decisions were asked for.\n");

	fprintf(f, "\n## 6. Scenario errors\n\n");
	if (r->nerrors == 0)
		fprintf(f, "None.\n");
	for (i = 0; i < r->nerrors; i++) {
		fprintf(f, "- ");
		md_text(f, r->errors[i].text);
		md_link(f, r->errors[i].seq, report_t_of(r, r->errors[i].seq));
		fprintf(f, "\n");
	}

	fprintf(f, "\n## 7. Hot wash\n\n");
	if (r->nhotwash == 0)
		fprintf(f, "The scenario asked no hot-wash questions.\n");
	for (i = 0; i < r->nhotwash; i++) {
		size_t	ai, any = 0;

		fprintf(f, "%zu. ", i + 1);
		md_text(f, r->hotwash[i]);
		for (ai = 0; ai < r->nanswers; ai++) {
			if (r->answers[ai].q != i)
				continue;
			fprintf(f, "\n   - `%s` (", r->answers[ai].role);
			md_text(f, r->answers[ai].player);
			fprintf(f, "): ");
			md_text(f, r->answers[ai].text);
			any++;
		}
		fprintf(f, "%s\n", any ? "" : " — no answers recorded.");
	}

	fprintf(f, "\n## 8. Timeline\n\n| Time | # | Event |\n|---|---|---|\n");
	for (i = 0, last = -1; i < r->nevents; i++) {
		if (r->events[i].seq == last)
			continue;	/* one line per record */
		last = r->events[i].seq;
		fprintf(f, "| <a id=\"r%lld\"></a>%s | %lld | ",
		    (long long)last, vtime_format(r->events[i].t, b1, sizeof b1),
		    (long long)last);
		md_text(f, r->events[i].text);
		fprintf(f, " |\n");
	}

	fprintf(f, "\n## Appendix A: Improvement plan\n\n");
	fprintf(f, "One row per area for improvement. Corrective actions, "
	    "capability elements (Planning, Organization, Equipment, "
	    "Training, Exercise), responsible organisations and dates are "
	    "for the exercise program to agree.\n\n");
	fprintf(f, "| Objective / capability | Issue | Corrective action | "
	    "Capability element | Responsible org | Start | Completion |\n"
	    "|---|---|---|---|---|---|---|\n");
	for (i = n = 0; i < r->nobjectives; i++) {
		struct rp_objective *o = &r->objectives[i];
		for (k = 0; k < o->nafi; k++, n++) {
			fprintf(f, "| `%s` / ", o->id);
			md_text(f, o->capability ? o->capability : "-");
			fprintf(f, " | ");
			md_text(f, o->afi[k].text);
			fprintf(f, " | | | | | |\n");
		}
	}
	if (n == 0)
		fprintf(f, "| | No areas for improvement were recorded. | | | | "
		    "| |\n");
	fprintf(f, "\n---\nGenerated by ttxsim from the journal alone "
	    "(written by ttxsim %s).\n", r->engine ? r->engine : "?");
}
