/*
 * The report as one self-contained HTML file: inline CSS, an inline SVG
 * timeline (one swimlane per role: injects, acknowledgements, decisions
 * and missed deadlines on the scenario's time axis), no scripts and
 * nothing fetched from anywhere, and a print stylesheet.
 */
#include <string.h>

#include "report-internal.h"
#include "vtime.h"

#define SVG_W		1060
#define SVG_X0		190
#define SVG_X1		(SVG_W - 20)
#define SVG_TOP		34
#define SVG_LANE	26

static void
html_text(FILE *f, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default:
			if ((unsigned char)*s < 0x20 && *s != '\n' &&
			    *s != '\t')
				fputc(' ', f);
			else
				fputc(*s, f);
		}
	}
}

static const char *
html_tlp_colour(const char *tlp)
{
	if (tlp == NULL)
		return "#ffffff";
	if (strcmp(tlp, "red") == 0)
		return "#ff2b2b";
	if (strcmp(tlp, "amber+strict") == 0)
		return "#e07000";
	if (strcmp(tlp, "amber") == 0)
		return "#ffc000";
	if (strcmp(tlp, "green") == 0)
		return "#33a532";
	return "#ffffff";
}

static void
html_items(FILE *f, const struct report *r, const struct rp_item *v,
    size_t n, const char *none)
{
	char	b[VTIME_BUFSZ];
	size_t	i;

	fprintf(f, "<ul>\n");
	if (n == 0)
		fprintf(f, "<li>%s</li>\n", none);
	for (i = 0; i < n; i++) {
		fprintf(f, "<li>");
		html_text(f, v[i].text);
		if (v[i].seq >= 0)
			fprintf(f, " <a href=\"#r%lld\">%s</a>",
			    (long long)v[i].seq, vtime_format(report_t_of(r,
			    v[i].seq), b, sizeof b));
		fprintf(f, "</li>\n");
	}
	fprintf(f, "</ul>\n");
}

static int
html_x(const struct report *r, sim_time span, sim_time t)
{
	(void)r;
	return SVG_X0 + (int)((double)(SVG_X1 - SVG_X0) * (double)t /
	    (double)span);
}

static void
html_svg(FILE *f, const struct report *r)
{
	sim_time	span, step;
	char		b[VTIME_BUFSZ];
	size_t		i, k;
	int		h, x, y, xe;

	span = r->duration != SIM_NEVER ? r->duration : r->end_t;
	if (span < SIM_HOUR)
		span = SIM_HOUR;
	step = span <= 6 * SIM_HOUR ? SIM_HOUR : span <= 24 * SIM_HOUR ?
	    3 * SIM_HOUR : span <= 96 * SIM_HOUR ? 6 * SIM_HOUR : SIM_DAY;
	h = SVG_TOP + (int)r->nroles * SVG_LANE + 10;
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
	    "aria-label=\"Timeline of the exercise, one lane per role\">\n",
	    SVG_W, h);
	/* phases as bands */
	for (i = 0; i < r->nphases; i++) {
		x = html_x(r, span, r->phase_at[i]);
		xe = i + 1 < r->nphases ? html_x(r, span, r->phase_at[i + 1]) :
		    SVG_X1;
		fprintf(f, "<rect x=\"%d\" y=\"14\" width=\"%d\" height=\"%d\" "
		    "fill=\"%s\"/>\n<text x=\"%d\" y=\"11\" class=\"ph\">",
		    x, xe > x ? xe - x : 0, h - 14, i % 2 ? "#f3f3f3" :
		    "#e8eef7", x + 3);
		html_text(f, r->phase_titles[i] ? r->phase_titles[i] :
		    r->phases[i]);
		fprintf(f, "</text>\n");
	}
	/* lanes */
	for (i = 0; i < r->nroles; i++) {
		y = SVG_TOP + (int)i * SVG_LANE + SVG_LANE / 2;
		fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "class=\"lane\"/>\n<text x=\"%d\" y=\"%d\" "
		    "class=\"lab\">", SVG_X0, y, SVG_X1, y, SVG_X0 - 8, y + 4);
		html_text(f, r->roles[i].id);
		fprintf(f, "</text>\n");
	}
	/* time axis */
	for (k = 0; (sim_time)k * step <= span; k++) {
		x = html_x(r, span, (sim_time)k * step);
		fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "class=\"tick\"/>\n<text x=\"%d\" y=\"%d\" class=\"ax\">"
		    "T+%lldh</text>\n", x, SVG_TOP - 6, x, h - 6, x,
		    SVG_TOP - 9, (long long)((sim_time)k * step / SIM_HOUR));
	}
	/* what happened, lane by lane */
	for (i = 0; i < r->nevents; i++) {
		const struct rp_event *ev = &r->events[i];
		const struct rp_delivery *dv = ev->delivery >= 0 ?
		    &r->deliveries[ev->delivery] : NULL;

		if (ev->role < 0)
			continue;
		x = html_x(r, span, ev->t);
		y = SVG_TOP + ev->role * SVG_LANE + SVG_LANE / 2;
		fprintf(f, "<a href=\"#r%lld\"><title>%s ", (long long)ev->seq,
		    vtime_format(ev->t, b, sizeof b));
		html_text(f, ev->text);
		fprintf(f, "</title>");
		if (strcmp(ev->type, "inject") == 0)
			fprintf(f, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" "
			    "fill=\"%s\" class=\"inj\"/>", x, y,
			    html_tlp_colour(dv ? dv->tlp : NULL));
		else if (strcmp(ev->type, "ack") == 0)
			fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" "
			    "y2=\"%d\" class=\"ack\"/>", x, y - 7, x, y + 7);
		else if (strcmp(ev->type, "decision") == 0)
			fprintf(f, "<polygon points=\"%d,%d %d,%d %d,%d %d,%d\""
			    " class=\"%s\"/>", x, y - 7, x + 7, y, x, y + 7,
			    x - 7, y, dv && dv->late ? "late" : "dec");
		else if (strcmp(ev->type, "timeout") == 0)
			fprintf(f, "<path d=\"M%d %dL%d %dM%d %dL%d %d\" "
			    "class=\"miss\"/>", x - 5, y - 5, x + 5, y + 5,
			    x - 5, y + 5, x + 5, y - 5);
		fprintf(f, "</a>\n");
	}
	fprintf(f, "</svg>\n");
	fprintf(f, "<p class=\"legend\"><svg width=\"14\" height=\"14\">"
	    "<circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"#ffc000\" "
	    "class=\"inj\"/></svg> inject (colour: its TLP) "
	    "<svg width=\"14\" height=\"14\"><line x1=\"7\" y1=\"0\" x2=\"7\" "
	    "y2=\"14\" class=\"ack\"/></svg> acknowledged "
	    "<svg width=\"16\" height=\"16\"><polygon points=\"8,1 15,8 8,15 "
	    "1,8\" class=\"dec\"/></svg> decided "
	    "<svg width=\"16\" height=\"16\"><polygon points=\"8,1 15,8 8,15 "
	    "1,8\" class=\"late\"/></svg> decided late "
	    "<svg width=\"14\" height=\"14\"><path d=\"M2 2L12 12M2 12L12 2\" "
	    "class=\"miss\"/></svg> deadline missed</p>\n");
}

static const char html_css[] =
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;"
	"color:#1a1a1a;max-width:1100px;margin:2em auto;padding:0 1em}"
	"h1{font-size:1.7em;margin:.3em 0}h2{border-bottom:2px solid #1f3a60;"
	"padding-bottom:.2em;margin-top:2em;color:#1f3a60}h3{margin-bottom:.3em}"
	"table{border-collapse:collapse;width:100%;margin:.6em 0}"
	"th,td{border:1px solid #c8c8c8;padding:.3em .5em;text-align:left;"
	"vertical-align:top}th{background:#eef2f7}"
	".tlp{display:inline-block;background:#000;font-weight:bold;"
	"padding:.15em .6em;letter-spacing:.05em}"
	".tlp-clear{color:#fff}.tlp-green{color:#33ff00}.tlp-amber,"
	".tlp-amber\\+strict{color:#ffc000}.tlp-red{color:#ff2b2b}"
	".r{display:inline-block;min-width:1.6em;text-align:center;"
	"font-weight:bold;border-radius:3px;padding:0 .3em}"
	".rP{background:#c9ecc3}.rS{background:#fff1b3}.rM{background:#ffd1a3}"
	".rU{background:#ffb3b3}.r-{background:#ddd}"
	"svg .lane{stroke:#bbb;stroke-width:1}svg .tick{stroke:#ddd}"
	"svg .lab{font-size:12px;text-anchor:end;fill:#333}"
	"svg .ax{font-size:11px;text-anchor:middle;fill:#555}"
	"svg .ph{font-size:11px;fill:#1f3a60}"
	".inj{stroke:#333;stroke-width:1}.ack{stroke:#666;stroke-width:2}"
	".dec{fill:#1f5fbf}.late{fill:#b0006e}"
	".miss{stroke:#d00000;stroke-width:2.5;fill:none}"
	".legend{font-size:13px;color:#444}.legend svg{vertical-align:middle}"
	"td.t{white-space:nowrap;font-variant-numeric:tabular-nums}"
	":target{background:#fff3a0}"
	"@media print{body{margin:0;max-width:none;font-size:11pt}"
	"h2{page-break-after:avoid}tr,li{page-break-inside:avoid}"
	"a{color:inherit;text-decoration:none}}";

static void
html_sharing(FILE *f, const struct report *r)
{
	const struct rp_share	*cb = report_first_cross_border(r);
	char			 b1[VTIME_BUFSZ], b2[VTIME_BUFSZ];
	size_t			 i, refused = 0;

	if (r->nshares == 0) {
		fprintf(f, "<p>No shares between players were recorded, so "
		    "the time from first detection to the first cross-border "
		    "share is not measured.</p>\n");
		return;
	}
	for (i = 0; i < r->nshares; i++)
		refused += r->shares[i].refused;
	fprintf(f, "<p>%zu shares, %zu refused by their TLP label. ",
	    r->nshares - refused, refused);
	if (cb == NULL)
		fprintf(f, "No share crossed between teams.</p>\n");
	else {
		fprintf(f, "First cross-border share at <a href=\"#r%lld\">%s"
		    "</a> by <code>", (long long)cb->seq, vtime_format(cb->t,
		    b1, sizeof b1));
		html_text(f, r->roles[cb->from].id);
		fprintf(f, "</code> to ");
		html_text(f, cb->to);
		if (r->first_inject != SIM_NEVER && cb->t >= r->first_inject)
			fprintf(f, ", %s after the first inject (%s)",
			    report_avg(cb->t - r->first_inject, 1, b1,
			    sizeof b1), vtime_format(r->first_inject, b2,
			    sizeof b2));
		fprintf(f, ".</p>\n");
	}
	fprintf(f, "<table>\n<tr><th>Time</th><th>From</th><th>To</th>"
	    "<th>TLP</th><th>Item</th><th>Outcome</th></tr>\n");
	for (i = 0; i < r->nshares; i++) {
		const struct rp_share *sh = &r->shares[i];
		fprintf(f, "<tr><td class=\"t\"><a href=\"#r%lld\">%s</a></td>"
		    "<td><code>", (long long)sh->seq, vtime_format(sh->t, b1,
		    sizeof b1));
		html_text(f, r->roles[sh->from].id);
		fprintf(f, "</code></td><td>");
		html_text(f, sh->to);
		fprintf(f, "</td><td>");
		html_text(f, sh->tlp);
		fprintf(f, "</td><td>");
		html_text(f, sh->title);
		if (sh->inject != NULL) {
			fprintf(f, " (a forward of inject <code>");
			html_text(f, sh->inject);
			fprintf(f, "</code>)");
		}
		fprintf(f, "</td><td>%s", sh->refused ? "refused: " :
		    "delivered");
		if (sh->refused)
			html_text(f, sh->reason);
		fprintf(f, "</td></tr>\n");
	}
	fprintf(f, "</table>\n");
}

void
report_write_html(struct report *r, FILE *f)
{
	const char	*marking = report_marking(r);
	char		 b1[VTIME_BUFSZ], b2[VTIME_BUFSZ];
	char		 a1[VTIME_BUFSZ], a2[VTIME_BUFSZ];
	size_t		 i, k, n;
	int64_t		 last;

	fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>After-Action Report: ");
	html_text(f, r->title);
	fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n", html_css);
	fprintf(f, "<p><span class=\"tlp tlp-%s\">%s</span> handle as the most "
	    "restrictive inject delivered in this exercise</p>\n", marking,
	    report_banner(r));
	fprintf(f, "<h1>After-Action Report / Improvement Plan</h1>\n<p><b>");
	html_text(f, r->title);
	fprintf(f, "</b></p>\n");

	fprintf(f, "<h2>1. Exercise overview</h2>\n<table>\n");
	fprintf(f, "<tr><th>Exercise</th><td>");
	html_text(f, r->title);
	fprintf(f, " (<code>");
	html_text(f, r->id);
	fprintf(f, "</code>)</td></tr>\n");
	if (r->start != NULL)
		fprintf(f, "<tr><th>Scenario time</th><td>T+0 = %s</td></tr>\n",
		    r->start);
	fprintf(f, "<tr><th>Played</th><td>%s to %s%s</td></tr>\n",
	    vtime_format(0, b1, sizeof b1), vtime_format(r->end_t, b2,
	    sizeof b2), r->ended ? "" : " (not ended)");
	if (r->end_reason != NULL) {
		fprintf(f, "<tr><th>Ended by</th><td>");
		html_text(f, r->end_reason);
		if (r->end_summary != NULL) {
			fprintf(f, ": ");
			html_text(f, r->end_summary);
		}
		fprintf(f, "</td></tr>\n");
	}
	fprintf(f, "<tr><th>Scope</th><td>%zu organisations, %zu roles, %zu "
	    "objectives, %zu phases; %zu of %zu injects delivered (%zu "
	    "deliveries)</td></tr>\n", r->norgs, r->nroles, r->nobjectives,
	    r->nphases, report_injects_fired(r), r->ninjects, r->ndeliveries);
	fprintf(f, "<tr><th>Scenario file</th><td><code>");
	html_text(f, r->file);
	fprintf(f, "</code>, SHA-256 <code>");
	html_text(f, r->sha256);
	fprintf(f, "</code></td></tr>\n<tr><th>Seed</th><td>");
	html_text(f, r->seed);
	fprintf(f, "</td></tr>\n<tr><th>Journal</th><td><code>");
	html_text(f, r->path);
	fprintf(f, "</code>%s</td></tr>\n</table>\n", r->torn ?
	    " (its torn last line was dropped)" : "");
	if (r->summary != NULL) {
		fprintf(f, "<p>");
		html_text(f, r->summary);
		fprintf(f, "</p>\n");
	}
	fprintf(f, "<table>\n<tr><th>Role</th><th>Name</th><th>Organisation"
	    "</th><th>Team</th></tr>\n");
	for (i = 0; i < r->nroles; i++) {
		fprintf(f, "<tr><td><code>");
		html_text(f, r->roles[i].id);
		fprintf(f, "</code></td><td>");
		html_text(f, r->roles[i].name);
		fprintf(f, "%s</td><td>", r->roles[i].is_public ?
		    " (public)" : "");
		html_text(f, report_org_of(r, (int)i));
		fprintf(f, "</td><td>");
		html_text(f, report_team_of(r, (int)i));
		fprintf(f, "</td></tr>\n");
	}
	fprintf(f, "</table>\n");

	fprintf(f, "<h2>2. Timeline</h2>\n");
	html_svg(f, r);

	fprintf(f, "<h2>3. Objectives and capabilities</h2>\n<p>Ratings: "
	    "<b>P</b> performed without challenges, <b>S</b> with some "
	    "challenges, <b>M</b> with major challenges, <b>U</b> unable to be "
	    "performed. Drafted from the journal unless an evaluator rated "
	    "the objective.</p>\n<table>\n<tr><th>Objective</th><th>Capability"
	    "</th><th>Rating</th><th>Why</th></tr>\n");
	for (i = 0; i < r->nobjectives; i++) {
		struct rp_objective *o = &r->objectives[i];
		fprintf(f, "<tr><td><a href=\"#o-%zu\"><code>", i);
		html_text(f, o->id);
		fprintf(f, "</code></a> ");
		html_text(f, o->text);
		fprintf(f, "</td><td>");
		html_text(f, o->capability);
		fprintf(f, "</td><td><span class=\"r r%s\">%s</span> %s</td>"
		    "<td>", o->rating, o->rating, o->rating_source);
		for (k = 0; k < o->nreasons; k++) {
			if (k > 0)
				fprintf(f, "; ");
			html_text(f, o->reasons[k].text);
		}
		fprintf(f, "</td></tr>\n");
	}
	fprintf(f, "</table>\n");
	for (i = 0; i < r->nobjectives; i++) {
		struct rp_objective *o = &r->objectives[i];
		fprintf(f, "<h3 id=\"o-%zu\"><code>", i);
		html_text(f, o->id);
		fprintf(f, "</code> ");
		html_text(f, o->text);
		fprintf(f, "</h3>\n<p>");
		html_text(f, o->capability ? o->capability :
		    "No capability named");
		fprintf(f, " — <span class=\"r r%s\">%s</span> %s (%s)</p>\n",
		    o->rating, o->rating, report_rating_name(o->rating),
		    o->rating_source);
		fprintf(f, "<p><b>Strengths</b></p>\n");
		html_items(f, r, o->strengths, o->nstrengths, "None recorded.");
		fprintf(f, "<p><b>Areas for improvement</b></p>\n");
		html_items(f, r, o->afi, o->nafi, "None recorded.");
	}

	fprintf(f, "<h2>4. Per-role metrics</h2>\n<table>\n<tr><th>Role</th>"
	    "<th>Injects received</th><th>Acknowledged</th><th>Time to "
	    "acknowledge (mean / max)</th><th>Decisions</th><th>Time to "
	    "decide (mean / max)</th><th>Late</th><th>Deadlines missed</th>"
	    "<th>Notes written</th></tr>\n");
	for (i = 0; i < r->nroles; i++) {
		struct rp_role *ro = &r->roles[i];
		fprintf(f, "<tr><td><code>");
		html_text(f, ro->id);
		fprintf(f, "</code></td><td>%u</td><td>%u</td><td>%s / %s</td>"
		    "<td>%u</td><td>%s / %s</td><td>%u</td><td>%u</td>"
		    "<td>%u</td></tr>\n", ro->nreceived, ro->nack,
		    report_avg(ro->ack_sum, ro->nack, b1, sizeof b1),
		    report_max(ro->ack_max, ro->nack, b2, sizeof b2), ro->ndec,
		    report_avg(ro->dec_sum, ro->ndec, a1, sizeof a1),
		    report_max(ro->dec_max, ro->ndec, a2, sizeof a2),
		    ro->nlate, ro->nmissed, ro->nnotes);
	}
	fprintf(f, "</table>\n");

	fprintf(f, "<h2>5. Information sharing</h2>\n");
	html_sharing(f, r);
	fprintf(f, "<p>Injects delivered, by handling label:</p>\n<table>\n"
	    "<tr><th>TLP</th><th>Deliveries</th></tr>\n");
	for (k = 0; k < 5; k++)
		fprintf(f, "<tr><td>%s</td><td>%zu</td></tr>\n",
		    report_tlp_labels[k], report_tlp_count(r,
		    report_tlp_labels[k]));
	fprintf(f, "</table>\n");

	fprintf(f, "<h2>6. Path through the scenario</h2>\n<ol>\n");
	for (i = n = 0; i < r->ndeliveries; i++) {
		struct rp_delivery *dv = &r->deliveries[i];
		int64_t	seq = dv->decider != -1 ? dv->dseq : dv->tseq;
		if (dv->decider == -1 && !dv->timed_out)
			continue;
		n++;
		fprintf(f, "<li><a href=\"#r%lld\">%s</a> <code>",
		    (long long)seq, vtime_format(report_t_of(r, seq), b1,
		    sizeof b1));
		html_text(f, r->injects[dv->inject].id);
		fprintf(f, "</code>: ");
		if (dv->decider != -1) {
			fprintf(f, "<b>");
			html_text(f, dv->choice);
			fprintf(f, "</b> by <code>");
			html_text(f, r->roles[dv->decider].id);
			fprintf(f, "</code>%s", dv->late ? " (late)" : "");
		} else
			fprintf(f, "no decision by the deadline");
		fprintf(f, "</li>\n");
	}
	fprintf(f, "</ol>\n%s", n == 0 ? "<p>No decisions were asked for.</p>\n"
	    : "");

	fprintf(f, "<h2>7. Scenario errors</h2>\n");
	if (r->nerrors == 0)
		fprintf(f, "<p>None.</p>\n");
	else
		html_items(f, r, r->errors, r->nerrors, "");

	fprintf(f, "<h2>8. Hot wash</h2>\n");
	if (r->nhotwash == 0)
		fprintf(f, "<p>The scenario asked no hot-wash questions.</p>\n");
	fprintf(f, "<ol>\n");
	for (i = 0; i < r->nhotwash; i++) {
		size_t	ai, any = 0;

		fprintf(f, "<li>");
		html_text(f, r->hotwash[i]);
		for (ai = 0; ai < r->nanswers; ai++) {
			if (r->answers[ai].q != i)
				continue;
			fprintf(f, "%s<li><code>", any++ ? "" : "<ul>");
			html_text(f, r->answers[ai].role);
			fprintf(f, "</code> (");
			html_text(f, r->answers[ai].player);
			fprintf(f, "): ");
			html_text(f, r->answers[ai].text);
			fprintf(f, "</li>");
		}
		fprintf(f, "%s</li>\n", any ? "</ul>" :
		    " — <i>no answers recorded</i>");
	}
	fprintf(f, "</ol>\n");

	fprintf(f, "<h2>9. Timeline entries</h2>\n<table>\n<tr><th>Time</th>"
	    "<th>#</th><th>Event</th></tr>\n");
	for (i = 0, last = -1; i < r->nevents; i++) {
		if (r->events[i].seq == last)
			continue;
		last = r->events[i].seq;
		fprintf(f, "<tr id=\"r%lld\"><td class=\"t\">%s</td><td>%lld"
		    "</td><td>", (long long)last, vtime_format(r->events[i].t,
		    b1, sizeof b1), (long long)last);
		html_text(f, r->events[i].text);
		fprintf(f, "</td></tr>\n");
	}
	fprintf(f, "</table>\n");

	fprintf(f, "<h2>Appendix A: Improvement plan</h2>\n<p>One row per area "
	    "for improvement. Corrective actions, capability elements "
	    "(Planning, Organization, Equipment, Training, Exercise), "
	    "responsible organisations and dates are for the exercise program "
	    "to agree.</p>\n<table>\n<tr><th>Objective / capability</th>"
	    "<th>Issue</th><th>Corrective action</th><th>Capability element"
	    "</th><th>Responsible org</th><th>Start</th><th>Completion</th>"
	    "</tr>\n");
	for (i = n = 0; i < r->nobjectives; i++) {
		struct rp_objective *o = &r->objectives[i];
		for (k = 0; k < o->nafi; k++, n++) {
			fprintf(f, "<tr><td><code>");
			html_text(f, o->id);
			fprintf(f, "</code> / ");
			html_text(f, o->capability ? o->capability : "-");
			fprintf(f, "</td><td>");
			html_text(f, o->afi[k].text);
			fprintf(f, "</td><td></td><td></td><td></td><td></td>"
			    "<td></td></tr>\n");
		}
	}
	if (n == 0)
		fprintf(f, "<tr><td></td><td>No areas for improvement were "
		    "recorded.</td><td></td><td></td><td></td><td></td><td></td>"
		    "</tr>\n");
	fprintf(f, "</table>\n<p><span class=\"tlp tlp-%s\">%s</span> "
	    "Generated by ttxsim from the journal alone (written by ttxsim ",
	    marking, report_banner(r));
	html_text(f, r->engine);
	fprintf(f, ").</p>\n</body>\n</html>\n");
}
