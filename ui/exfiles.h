/*
 * The files an exercise leaves, shared by `run' and `serve': the journal
 * (runs/ID-STAMP-SEED.jsonl unless named) and the reports beside it.
 */
#ifndef TTX_EXFILES_H
#define TTX_EXFILES_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

struct exercise;
struct journal;
struct script;

/* A fresh random seed, short enough to type back with --seed. */
uint64_t	 exfiles_fresh_seed(void);
/* Create the journal at path (NULL: the default name, made under runs/)
 * and write its header; the path used is copied into buf.  NULL with a
 * message on failure, leaving no empty file behind. */
struct journal	*exfiles_journal(const char *path, char *buf, size_t len,
		     struct script *s, struct exercise *ex, const char *bots,
		     const char *const *choose, size_t nchoose,
		     struct error *e);
/* Write JOURNAL-report.md and JOURNAL-report.html beside the journal,
 * saying where (or why not) on stdout / stderr prefixed with who. */
void		 exfiles_reports(const char *who, const char *journal);
/* The path of the journal's report with extension ext (".md") in buf. */
void		 exfiles_report_path(const char *journal, const char *ext,
		     char *buf, size_t len);

#endif
