/*
 * engine/journal: what is written reads back; a journal cut at any byte
 * of its last records recovers exactly its longest valid prefix; damage
 * before the last line is refused with its line number; a write that hits
 * the file size limit stops cleanly on a record boundary.
 */
#include <check.h>
#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "harness.h"
#include "journal.h"

static char	dir[64];

static void
setup(void)
{
	strcpy(dir, "/tmp/ttx-journal-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void
teardown(void)
{
	char	cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static int64_t
fixed_clock(void *arg)
{
	return 1773475200LL * 1000000000LL;	/* 2026-03-14T08:00:00Z */
}

struct jrun {
	struct journal	*j;
	int		 every;		/* commit after this many records */
	int		 failed;
	struct error	 e;
	size_t		 records;
};

static void
jrun_sink(struct exercise *ex, const struct ex_record *r, void *arg)
{
	struct jrun	*jr = arg;

	if (jr->failed)
		return;
	if (journal_record(jr->j, ex, r, &jr->e) != 0 ||
	    (journal_seq(jr->j) % jr->every == 0 &&
	    journal_commit(jr->j, &jr->e) != 0)) {
		jr->failed = 1;
		exercise_halt(ex);
		return;
	}
	jr->records++;
}

static const char scenario[] =
	"inject 'q' { at = '10m', to = 'r', title = 'Q', choices = "
	"{ yes = 'Y', no = 'N' }, deadline = '90s' }\n"
	"every('20m', function() log('tick', now()) end)\n";

/* Run the scenario with a journal at path; returns what happened. */
static struct jrun
write_journal(const char *path, int every)
{
	struct harness	 h;
	struct jrun	 jr;
	const char	*src;
	size_t		 len;

	memset(&jr, 0, sizeof jr);
	jr.every = every;
	ck_assert_int_eq(h_load(&h, scenario, NULL), 0);
	h.bots = bot_new(h.ex, BOT_FIRST, 1);
	jr.j = journal_create(path, fixed_clock, NULL, &jr.e);
	ck_assert_msg(jr.j != NULL, "%s", jr.e.msg);
	src = script_source(h.s, &len);
	if (journal_header(jr.j, h.ex, "t.lua", src, len, "first", NULL, 0,
	    &jr.e) != 0 || journal_commit(jr.j, &jr.e) != 0)
		jr.failed = 1;
	exercise_set_sink(h.ex, jrun_sink, &jr);
	if (!jr.failed) {
		exercise_start(h.ex);
		exercise_run(h.ex, SIM_NEVER);
	}
	if (journal_close(jr.j, &jr.e) != 0)
		jr.failed = 1;
	h_free(&h);
	return jr;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*buf = malloc(1 << 20);

	ck_assert_ptr_nonnull(f);
	*len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

static void
spit(const char *path, const char *buf, size_t len)
{
	FILE	*f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(buf, 1, len, f), len);
	fclose(f);
}

START_TEST(test_roundtrip)
{
	struct journal_info	info;
	struct error		e;
	struct jrun		jr;
	char			path[128];

	snprintf(path, sizeof path, "%s/a.jsonl", dir);
	jr = write_journal(path, 1);
	ck_assert_int_eq(jr.failed, 0);
	ck_assert_int_eq(journal_read(path, NULL, NULL, &info, &e), 0);
	ck_assert_uint_eq(info.records, jr.records);
	ck_assert_int_eq(info.ended, 1);
	ck_assert_int_eq(info.torn, 0);
	ck_assert_uint_eq(info.valid_bytes, info.file_bytes);
	ck_assert_int_eq(info.last_t, 10 * SIM_HOUR);
	/* never overwritten */
	ck_assert_ptr_null(journal_create(path, NULL, NULL, &e));
	ck_assert_msg(strstr(e.msg, "File exists (a journal is never "
	    "overwritten") != NULL, "%s", e.msg);
}
END_TEST

START_TEST(test_cut_at_every_byte)
{
	struct journal_info	 info, full;
	struct journal		*j;
	struct error		 e;
	char			 path[128], cut[128], *buf;
	size_t			 len, off, start, boundary, nl;
	cJSON			*rec;

	snprintf(path, sizeof path, "%s/a.jsonl", dir);
	snprintf(cut, sizeof cut, "%s/cut.jsonl", dir);
	write_journal(path, 1);
	ck_assert_int_eq(journal_read(path, NULL, NULL, &full, &e), 0);
	buf = slurp(path, &len);
	/* inside the header: refused, never taken for an empty journal */
	start = (size_t)(strchr(buf, '\n') + 1 - buf);
	for (off = 0; off < start; off++) {
		spit(cut, buf, off);
		ck_assert_msg(journal_read(cut, NULL, NULL, &info, &e) == -1,
		    "cut at %zu in the header was accepted", off);
	}
	(void)nl;
	/* from the first record to the end, every byte */
	for (off = start; off <= len; off++) {
		spit(cut, buf, off);
		ck_assert_msg(journal_read(cut, NULL, NULL, &info, &e) == 0,
		    "cut at %zu: %s", off, e.msg);
		for (boundary = off; boundary > 0 && buf[boundary - 1] != '\n';
		    boundary--)
			;
		ck_assert_uint_eq(info.valid_bytes, boundary);
		ck_assert_int_eq(info.torn, off != boundary);
		if (info.torn)
			ck_assert_uint_eq(info.torn_offset, boundary);
		ck_assert_int_eq(info.ended, off == len);
		/* and the exercise can go on from there */
		if (off % 7 == 0) {
			j = journal_reopen(cut, info.valid_bytes,
			    info.last_seq + 1, fixed_clock, NULL, &e);
			ck_assert_ptr_nonnull(j);
			rec = cJSON_Parse("{\"t\":36000000,\"type\":\"log\","
			    "\"text\":\"resumed\"}");
			ck_assert_int_eq(journal_append(j, rec, &e), 0);
			cJSON_Delete(rec);
			ck_assert_int_eq(journal_close(j, &e), 0);
			ck_assert_int_eq(journal_read(cut, NULL, NULL, &info,
			    &e), 0);
			ck_assert_int_eq(info.torn, 0);
		}
	}
	ck_assert_uint_eq(full.records, info.records);
	printf("journal: %zu cuts tried (every byte), 0 wrong recoveries\n",
	    len + 1);
	free(buf);
}
END_TEST

START_TEST(test_damage_refused)
{
	struct journal_info	 info;
	struct error		 e;
	char			 path[128], bad[128], *buf, *p;
	size_t			 len;
	int			 line;

	snprintf(path, sizeof path, "%s/a.jsonl", dir);
	snprintf(bad, sizeof bad, "%s/bad.jsonl", dir);
	write_journal(path, 1);
	buf = slurp(path, &len);
	/* a flipped byte in line 5 */
	for (p = buf, line = 1; line < 5; p++)
		if (*p == '\n')
			line++;
	p[0] = 'x';
	spit(bad, buf, len);
	ck_assert_int_eq(journal_read(bad, NULL, NULL, &info, &e), -1);
	ck_assert_str_eq(e.msg, "line 5: not a JSON object (the journal is "
	    "damaged before its last line; it is not repaired)");
	p[0] = '{';
	/* a line lost from the middle */
	{
		char	*l5 = p, *l6 = strchr(p, '\n') + 1;

		memmove(l5, l6, len - (size_t)(l6 - buf));
		spit(bad, buf, len - (size_t)(l6 - l5));
	}
	ck_assert_int_eq(journal_read(bad, NULL, NULL, &info, &e), -1);
	ck_assert_str_eq(e.msg, "line 5: sequence number 5 where 4 was "
	    "expected (records are missing or out of order)");
	/* not a journal at all */
	spit(bad, "hello\n", 6);
	ck_assert_int_eq(journal_read(bad, NULL, NULL, &info, &e), -1);
	ck_assert_str_eq(e.msg, "line 1: not a ttxsim journal (not JSON)");
	spit(bad, "{\"format\":\"ttxsim-journal\",\"version\":9,\"seq\":0}\n",
	    48);
	ck_assert_int_eq(journal_read(bad, NULL, NULL, &info, &e), -1);
	ck_assert_str_eq(e.msg, "line 1: journal format version 9; this "
	    "ttxsim reads version 1");
	spit(bad, "", 0);
	ck_assert_int_eq(journal_read(bad, NULL, NULL, &info, &e), -1);
	ck_assert_str_eq(e.msg, "empty: no header");
	free(buf);
}
END_TEST

START_TEST(test_file_size_limit)
{
	struct journal_info	info;
	struct error		e;
	char			path[128];
	pid_t			pid;
	int			status;

	snprintf(path, sizeof path, "%s/full.jsonl", dir);
	if ((pid = fork()) == 0) {
		struct rlimit	rl = { 2500, 2500 };
		struct jrun	jr;

		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		jr = write_journal(path, 1);
		/* 3: it failed, and said why */
		if (jr.failed && strstr(jr.e.msg, "write failed: File too "
		    "large; the exercise stopped with its records up to the "
		    "last commit on disk (it can be resumed)") != NULL)
			_exit(3);
		fprintf(stderr, "failed %d: %s\n", jr.failed, jr.e.msg);
		_exit(1);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_int_eq(WEXITSTATUS(status), 3);
	ck_assert_int_eq(journal_read(path, NULL, NULL, &info, &e), 0);
	ck_assert_int_eq(info.torn, 0);		/* on a record boundary */
	ck_assert_uint_eq(info.valid_bytes, info.file_bytes);
	ck_assert_uint_le(info.file_bytes, 2500);
	ck_assert_uint_gt(info.records, 0);
	ck_assert_int_eq(info.ended, 0);
}
END_TEST

START_TEST(test_sha256)
{
	char	out[65];

	journal_sha256("abc", 3, out);
	ck_assert_str_eq(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9c"
	    "b410ff61f20015ad");
}
END_TEST

static void
add_tests(TCase *tc)
{
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_roundtrip);
	tcase_add_test(tc, test_cut_at_every_byte);
	tcase_add_test(tc, test_damage_refused);
	tcase_add_test(tc, test_file_size_limit);
	tcase_add_test(tc, test_sha256);
}

#define SUITE_NAME "journal"
#include "tcheck.h"
