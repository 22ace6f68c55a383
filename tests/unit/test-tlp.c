/*
 * engine/tlp and exercise_share: the TLP 2.0 matrix (each label to a role
 * of the same organisation, a client organisation, the wider community,
 * and a public channel), forwards, and the refusal messages players read.
 */
#include <check.h>

#include "harness.h"
#include "journal.h"
#include "report.h"

static const char scenario[] =
	"scenario { id = 't', title = 'T', duration = '10h' }\n"
	"org 'ncsc' { name = 'NCSC', team = 'uk', clients = { 'grid' } }\n"
	"org 'grid' { name = 'Grid', team = 'uk' }\n"
	"org 'cisa' { name = 'CISA', team = 'us' }\n"
	"role 'uk-ncsc' { org = 'ncsc' }\n"
	"role 'uk-ncsc-2' { org = 'ncsc' }\n"
	"role 'grid-soc' { org = 'grid' }\n"
	"role 'us-cisa' { org = 'cisa' }\n"
	"role 'press' { org = 'cisa', public = true }\n"
	"inject 'iocs' { to = 'uk-ncsc', title = 'IOCs', body = 'x', "
	"tlp = 'amber' }\n"
	"inject 'source' { to = 'uk-ncsc', title = 'Source', body = 'x', "
	"tlp = 'red' }\n";

enum { SAME, CLIENT, COMMUNITY, PUBLIC };

/* Who may receive what NCSC shares: [label][recipient kind]. */
static const int matrix[TLP__COUNT][4] = {
	[TLP_CLEAR]		= { 1, 1, 1, 1 },
	[TLP_GREEN]		= { 1, 1, 1, 0 },
	[TLP_AMBER]		= { 1, 1, 0, 0 },
	[TLP_AMBER_STRICT]	= { 1, 0, 0, 0 },
	[TLP_RED]		= { 1, 1, 1, 1 },	/* named recipients */
};

START_TEST(test_matrix)
{
	static const char *to[4] = { "uk-ncsc-2", "grid-soc", "us-cisa",
	    "press" };
	struct harness	h;
	struct error	e;
	int		label, k, from, rcpt, rc;

	ck_assert_int_eq(h_load(&h, scenario, NULL), 0);
	from = exercise_role(h.ex, "uk-ncsc");
	for (label = 0; label < TLP__COUNT; label++) {
		for (k = 0; k < 4; k++) {
			rcpt = exercise_role(h.ex, to[k]);
			rc = exercise_share(h.ex, from, &rcpt, 1, label,
			    "Indicators", "203.0.113.77", -1, -1, "Alex", &e);
			ck_assert_msg((rc >= 0) == matrix[label][k],
			    "%s to %s: %s", tlp_banner(label), to[k],
			    rc >= 0 ? "allowed" : e.msg);
			if (rc < 0)
				ck_assert_int_eq(e.code, ERR_TLP_REFUSED);
		}
	}
	/* every attempt is kept, refused ones with their reason */
	ck_assert_uint_eq(h.ex->nshares, TLP__COUNT * 4);
	h_free(&h);
}
END_TEST

START_TEST(test_reasons)
{
	struct harness	h;
	struct error	e;
	int		from, rcpt[2];

	ck_assert_int_eq(h_load(&h, scenario, NULL), 0);
	from = exercise_role(h.ex, "uk-ncsc");
	rcpt[0] = exercise_role(h.ex, "grid-soc");
	rcpt[1] = exercise_role(h.ex, "us-cisa");
	ck_assert_int_eq(exercise_share(h.ex, from, rcpt, 2, TLP_AMBER, "x",
	    "y", -1, -1, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "TLP:AMBER goes to your organisation (ncsc) "
	    "and its clients only, and us-cisa's organisation (cisa) is not "
	    "one of them");
	ck_assert_int_eq(h.ex->shares[0].refused, 1);
	ck_assert_str_eq(h.ex->shares[0].reason, e.msg);
	rcpt[0] = exercise_role(h.ex, "press");
	ck_assert_int_eq(exercise_share(h.ex, from, rcpt, 1, TLP_GREEN, "x",
	    "y", -1, -1, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "TLP:GREEN stays in the exercise community, "
	    "and press is a public channel");
	rcpt[0] = exercise_role(h.ex, "grid-soc");
	ck_assert_int_eq(exercise_share(h.ex, from, rcpt, 1, TLP_AMBER_STRICT,
	    "x", "y", -1, -1, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "TLP:AMBER+STRICT stays in your own "
	    "organisation (ncsc), and grid-soc is in grid");
	h_free(&h);
}
END_TEST

START_TEST(test_forwards)
{
	struct harness	h;
	struct error	e;
	int		ncsc, grid, cisa, red, amber;

	ck_assert_int_eq(h_load(&h, scenario, NULL), 0);
	ncsc = exercise_role(h.ex, "uk-ncsc");
	grid = exercise_role(h.ex, "grid-soc");
	cisa = exercise_role(h.ex, "us-cisa");
	red = exercise_share(h.ex, ncsc, &grid, 1, TLP_RED, "Source", "x",
	    -1, -1, NULL, &e);
	amber = exercise_share(h.ex, ncsc, &grid, 1, TLP_AMBER, "IOCs", "x",
	    -1, -1, NULL, &e);
	ck_assert_int_ge(red, 0);
	ck_assert_int_ge(amber, 0);
	/* RED is never forwarded */
	ck_assert_int_eq(exercise_share(h.ex, grid, &cisa, 1, TLP_RED, "Fwd",
	    "x", red, -1, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "TLP:RED is for its named recipients only: "
	    "it may not be forwarded");
	/* a forward may not lower the label */
	ck_assert_int_eq(exercise_share(h.ex, grid, &cisa, 1, TLP_GREEN,
	    "Fwd", "x", amber, -1, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "a forward may not lower the label: the item "
	    "is TLP:AMBER");
	/* the grid's own org is fine at the same label */
	ck_assert_int_ge(exercise_share(h.ex, grid, &grid, 1, TLP_AMBER,
	    "Fwd", "x", amber, -1, NULL, &e), 0);
	/* only what you received can be forwarded */
	ck_assert_int_eq(exercise_share(h.ex, cisa, &grid, 1, TLP_AMBER,
	    "Fwd", "x", amber, -1, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "share 1 was not sent to us-cisa");
	ck_assert_int_eq(e.code, ERR_NOT_FOUND);
	h_free(&h);
}
END_TEST

/* An inject a role received is forwarded as a share is: never lower, and
 * never at all if RED; and only by a role it was sent to. */
START_TEST(test_forward_injects)
{
	struct harness	h;
	struct error	e;
	int		ncsc, ncsc2, grid, cisa, amber, red, rcpt[2];

	ck_assert_int_eq(h_load(&h, scenario, NULL), 0);
	ncsc = exercise_role(h.ex, "uk-ncsc");
	ncsc2 = exercise_role(h.ex, "uk-ncsc-2");
	grid = exercise_role(h.ex, "grid-soc");
	cisa = exercise_role(h.ex, "us-cisa");
	exercise_start(h.ex);
	amber = exercise_fire(h.ex, exercise_inject(h.ex, "iocs"), NULL);
	red = exercise_fire(h.ex, exercise_inject(h.ex, "source"), NULL);
	ck_assert_int_eq(amber, 0);
	ck_assert_int_eq(red, 1);

	/* lower than the inject's label: refused, and kept */
	ck_assert_int_eq(exercise_share(h.ex, ncsc, &grid, 1, TLP_CLEAR,
	    "IOCs", "x", -1, amber, "Alex", &e), -1);
	ck_assert_int_eq(e.code, ERR_TLP_REFUSED);
	ck_assert_str_eq(e.msg, "a forward may not lower the label: the item "
	    "is TLP:AMBER");
	ck_assert_uint_eq(h.ex->nshares, 1);
	ck_assert_int_eq(h.ex->shares[0].refused, 1);
	ck_assert_int_eq(h.ex->shares[0].delivery, amber);
	ck_assert_int_eq(exercise_share(h.ex, ncsc, &grid, 1, TLP_GREEN,
	    "IOCs", "x", -1, amber, "Alex", &e), -1);
	ck_assert_str_eq(e.msg, "a forward may not lower the label: the item "
	    "is TLP:AMBER");
	/* at its label, or above, to whom that label allows */
	ck_assert_int_eq(exercise_share(h.ex, ncsc, &grid, 1, TLP_AMBER,
	    "IOCs", "x", -1, amber, "Alex", &e), 2);
	ck_assert_int_eq(h.ex->shares[2].refused, 0);
	ck_assert_int_eq(exercise_share(h.ex, ncsc, &ncsc2, 1,
	    TLP_AMBER_STRICT, "IOCs", "x", -1, amber, "Alex", &e), 3);
	/* the label's own rule still holds on a forward */
	rcpt[0] = grid;
	rcpt[1] = cisa;
	ck_assert_int_eq(exercise_share(h.ex, ncsc, rcpt, 2, TLP_AMBER,
	    "IOCs", "x", -1, amber, "Alex", &e), -1);
	ck_assert_str_eq(e.msg, "TLP:AMBER goes to your organisation (ncsc) "
	    "and its clients only, and us-cisa's organisation (cisa) is not "
	    "one of them");
	/* nor past it by raising the label: RED names anyone, but the
	 * item is still AMBER */
	ck_assert_int_eq(exercise_share(h.ex, ncsc, &cisa, 1, TLP_RED,
	    "IOCs", "x", -1, amber, "Alex", &e), -1);
	ck_assert_str_eq(e.msg, "TLP:AMBER goes to your organisation (ncsc) "
	    "and its clients only, and us-cisa's organisation (cisa) is not "
	    "one of them");
	/* RED: not even to the sharer's own organisation, nor as RED */
	ck_assert_int_eq(exercise_share(h.ex, ncsc, &ncsc2, 1, TLP_RED,
	    "Source", "x", -1, red, "Alex", &e), -1);
	ck_assert_int_eq(e.code, ERR_TLP_REFUSED);
	ck_assert_str_eq(e.msg, "TLP:RED is for its named recipients only: "
	    "it may not be forwarded");
	ck_assert_uint_eq(h.ex->nshares, 7);

	/* what the role never received: refused, and not kept */
	ck_assert_int_eq(exercise_share(h.ex, grid, &ncsc, 1, TLP_AMBER,
	    "IOCs", "x", -1, amber, "Olu", &e), -1);
	ck_assert_int_eq(e.code, ERR_NOT_FOUND);
	ck_assert_str_eq(e.msg, "inject delivery 0 was not sent to grid-soc");
	ck_assert_int_eq(exercise_share(h.ex, ncsc, &grid, 1, TLP_AMBER,
	    "IOCs", "x", -1, 2, "Alex", &e), -1);
	ck_assert_int_eq(e.code, ERR_NOT_FOUND);
	ck_assert_str_eq(e.msg, "no inject delivery 2 to forward");
	/* a share forwards one item */
	ck_assert_int_eq(exercise_share(h.ex, ncsc, &grid, 1, TLP_AMBER,
	    "IOCs", "x", 2, amber, "Alex", &e), -1);
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_uint_eq(h.ex->nshares, 7);
	h_free(&h);
}
END_TEST

START_TEST(test_at_least)
{
	ck_assert(tlp_at_least(TLP_RED, TLP_AMBER));
	ck_assert(tlp_at_least(TLP_AMBER, TLP_AMBER));
	ck_assert(!tlp_at_least(TLP_GREEN, TLP_AMBER));
	ck_assert(tlp_at_least(TLP_AMBER_STRICT, TLP_AMBER));
	ck_assert_int_eq(tlp_parse("amber+strict"), TLP_AMBER_STRICT);
	ck_assert_int_eq(tlp_parse("AMBER"), -1);
}
END_TEST

static void
journal_sink(struct exercise *ex, const struct ex_record *r, void *arg)
{
	struct error	e;

	ck_assert_int_eq(journal_record(arg, ex, r, &e), 0);
}

/* Shares and notes go to the journal, and the report tells them. */
START_TEST(test_journal_and_report)
{
	struct harness	 h;
	struct journal	*j;
	struct report	*rep;
	struct error	 e;
	char		 path[] = "/tmp/ttx-tlp-XXXXXX", *md = NULL;
	size_t		 len, mdlen;
	const char	*src;
	int		 ncsc, cisa, press, grid, fd;
	FILE		*f;
	char		*journal = NULL;
	size_t		 jlen;

	ck_assert_int_eq(h_load(&h, scenario, NULL), 0);
	fd = mkstemp(path);
	close(fd);
	unlink(path);
	j = journal_create(path, NULL, NULL, &e);
	ck_assert_ptr_nonnull(j);
	src = script_source(h.s, &len);
	ck_assert_int_eq(journal_header(j, h.ex, "t.lua", src, len, "random",
	    NULL, 0, &e), 0);
	exercise_set_sink(h.ex, journal_sink, j);
	exercise_start(h.ex);
	exercise_run(h.ex, 2 * SIM_HOUR);
	ncsc = exercise_role(h.ex, "uk-ncsc");
	cisa = exercise_role(h.ex, "us-cisa");
	press = exercise_role(h.ex, "press");
	ck_assert_int_eq(exercise_share(h.ex, ncsc, &press, 1, TLP_GREEN,
	    "Heads-up", "x", -1, -1, "Alex", &e), -1);
	ck_assert_int_eq(exercise_share(h.ex, ncsc, &cisa, 1, TLP_GREEN,
	    "Relay IPs", "203.0.113.77", -1, -1, "Alex", &e), 1);
	ck_assert_int_eq(exercise_note(h.ex, cisa, -1, "Hunting now", "Sam",
	    &e), 0);
	/* a forward of an inject names it */
	grid = exercise_role(h.ex, "grid-soc");
	ck_assert_int_eq(exercise_fire(h.ex, exercise_inject(h.ex, "iocs"),
	    NULL), 0);
	ck_assert_int_eq(exercise_share(h.ex, ncsc, &grid, 1, TLP_AMBER,
	    "IOCs", "x", -1, 0, "Alex", &e), 2);
	exercise_finish(h.ex, NULL);
	ck_assert_int_eq(journal_close(j, &e), 0);

	f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_gt(getdelim(&journal, &jlen, '\0', f), 0);
	fclose(f);
	ck_assert_msg(strstr(journal, "\"type\":\"share\",\"inject\":\"iocs\","
	    "\"delivery\":0,\"share\":2,\"role\":\"uk-ncsc\",") != NULL, "%s",
	    journal);
	free(journal);

	rep = report_load(path, &e);
	ck_assert_msg(rep != NULL, "%s", e.msg);
	f = open_memstream(&md, &mdlen);
	ck_assert_int_eq(report_write(rep, REPORT_MD, f, &e), 0);
	fclose(f);
	ck_assert_msg(strstr(md, "2 shares, 1 refused by their TLP label. "
	    "First cross-border share at T+02:00:00 by `uk-ncsc` to us-cisa")
	    != NULL, "%s", md);
	ck_assert_msg(strstr(md, "| `uk-ncsc` | press | green | Heads-up | "
	    "refused: TLP:GREEN stays in the exercise community, and press is "
	    "a public channel |") != NULL, "%s", md);
	ck_assert_msg(strstr(md, "| `uk-ncsc` | grid-soc | amber | IOCs (a "
	    "forward of inject `iocs`) | delivered |") != NULL, "%s", md);
	ck_assert_msg(strstr(md, "uk-ncsc shared 'IOCs' \\[TLP:amber\\] with "
	    "grid-soc (a forward of inject iocs) |") != NULL, "%s", md);
	ck_assert_msg(strstr(md, "| `us-cisa` | 0 | 0 | - / - | 0 | - / - | "
	    "0 | 0 | 1 |") != NULL, "notes written: %s", md);
	ck_assert_msg(strstr(md, "us-cisa wrote a note: Hunting now") !=
	    NULL, "%s", md);
	free(md);
	report_free(rep);
	unlink(path);
	h_free(&h);
}
END_TEST

static void
add_tests(TCase *tc)
{
	tcase_add_test(tc, test_matrix);
	tcase_add_test(tc, test_reasons);
	tcase_add_test(tc, test_forwards);
	tcase_add_test(tc, test_forward_injects);
	tcase_add_test(tc, test_at_least);
	tcase_add_test(tc, test_journal_and_report);
}

#define SUITE_NAME "tlp"
#include "tcheck.h"
