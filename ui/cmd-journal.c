/*
 * ttxsim journal check FILE...: say whether each journal is intact, torn
 * by a crash (its last partial line is dropped on resume), or damaged.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "journal.h"
#include "vis.h"
#include "vtime.h"

static int	cmd_journal_exec(int, char **);

const struct cmd_entry cmd_journal_entry = {
	.name = "journal",
	.usage = "check FILE...",
	.summary = "check journals: intact, torn by a crash, or damaged",
	.help =
	    "  check FILE...   read each journal and report its state: intact;\n"
	    "                  torn (a crash cut its last line: that partial\n"
	    "                  record is dropped on resume, nothing else is\n"
	    "                  lost); or damaged before its last line (refused,\n"
	    "                  with the line number: it is never repaired).\n\n"
	    "Exit status 0 if every journal is intact or only torn, 1 if any\n"
	    "is damaged, 2 on bad usage or an unreadable file.\n",
	.exec = cmd_journal_exec,
};

struct journal_check {
	char	id[128];
	char	seed[32];
};

static int
journal_check_header(const cJSON *rec, size_t line, void *arg)
{
	struct journal_check	*c = arg;
	const cJSON		*sc, *id, *seed;

	if (line != 1)
		return 0;
	sc = cJSON_GetObjectItemCaseSensitive(rec, "scenario");
	id = cJSON_GetObjectItemCaseSensitive(sc, "id");
	seed = cJSON_GetObjectItemCaseSensitive(rec, "seed");
	snprintf(c->id, sizeof c->id, "%s", cJSON_IsString(id) ?
	    id->valuestring : "?");
	snprintf(c->seed, sizeof c->seed, "%s", cJSON_IsString(seed) ?
	    seed->valuestring : "?");
	return 0;
}

static int
cmd_journal_check(const char *path)
{
	struct journal_check	c;
	struct journal_info	info;
	struct error		e;
	char			t[VTIME_BUFSZ];

	memset(&c, 0, sizeof c);
	if (journal_read(path, journal_check_header, &c, &info, &e) != 0) {
		if (e.code == ERR_IO) {
			vis_printf(stderr, "ttxsim journal: %s\n", e.msg);
			return EXIT_USAGE;
		}
		if (strncmp(e.msg, "line ", 5) == 0)
			vis_printf(stderr, "%s:%s\n", path, e.msg + 5);
		else
			vis_printf(stderr, "%s: %s\n", path, e.msg);
		return EXIT_PROBLEM;
	}
	vis_printf(stdout, "%s: %s: scenario '%s', seed %s, %zu records to %s, %s\n", path,
	    info.torn ? "torn" : "ok", c.id, c.seed, info.records,
	    vtime_format(info.last_t, t, sizeof t),
	    info.ended ? "ended" : "not ended (can be resumed)");
	if (info.torn)
		vis_printf(stderr, "%s: warning: the last record is torn (a crash "
		    "mid-write): %zu bytes at byte offset %zu will be dropped; "
		    "the %zu records before it are intact\n", path,
		    info.torn_len, info.torn_offset, info.records);
	return 0;
}

static int
cmd_journal_exec(int argc, char **argv)
{
	int	i, rc = 0, r;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		cmd_usage(&cmd_journal_entry, stdout);
		return 0;
	}
	if (argc < 2 || strcmp(argv[1], "check") != 0)
		return cmd_usage_error(&cmd_journal_entry, argc < 2 ?
		    "no subcommand" : "unknown subcommand '%s'", argv[1]);
	if (argc < 3)
		return cmd_usage_error(&cmd_journal_entry, "no journal file");
	for (i = 2; i < argc; i++) {
		r = cmd_journal_check(argv[i]);
		if (r > rc)
			rc = r;
	}
	return rc;
}
