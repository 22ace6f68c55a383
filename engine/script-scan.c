/*
 * A static pass over the scenario's source, done once when it is loaded.
 * A small Lua tokenizer (comments, short and long strings, names) finds:
 * the line of every field of every declaration, so a bad field is reported
 * at its own line; and the ids written literally in fire(), await(),
 * met(), missed() and in `d.choice == "..."' inside on("decision", ...)
 * handlers, so check can report references to ids that do not exist
 * anywhere in the file, including in code that a run may never reach.
 */
#include <ctype.h>
#include <stdlib.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "script-internal.h"
#include "xmalloc.h"

enum tok_kind { TOK_NAME, TOK_STRING, TOK_PUNCT, TOK_EQ, TOK_OTHER };

struct tok {
	enum tok_kind	 kind;
	const char	*text;		/* NUL-terminated, in the scan arena */
	int		 line;
	char		 punct;		/* for TOK_PUNCT */
};

struct lexer {
	const char	*p, *end;
	int		 line;
	struct arena	*a;
};

/* Skip a long bracket body after its opening "[==[" (p just past it);
 * returns the body's start and sets *len. */
static const char *
lex_long(struct lexer *lx, int level, size_t *len)
{
	const char	*start = lx->p, *q;
	int		 k;

	for (q = lx->p; q < lx->end; q++) {
		if (*q == '\n')
			lx->line++;
		if (*q != ']')
			continue;
		for (k = 0; k < level && q + 1 + k < lx->end &&
		    q[1 + k] == '='; k++)
			;
		if (k == level && q + 1 + k < lx->end && q[1 + k] == ']') {
			*len = (size_t)(q - start);
			lx->p = q + 2 + k;
			return start;
		}
	}
	*len = (size_t)(lx->end - start);
	lx->p = lx->end;
	return start;
}

/* If p is at "[" "="* "[", return the level and move past it, else -1. */
static int
lex_long_open(struct lexer *lx)
{
	const char	*q = lx->p + 1;
	int		 level = 0;

	while (q < lx->end && *q == '=') {
		q++;
		level++;
	}
	if (q < lx->end && *q == '[') {
		lx->p = q + 1;
		return level;
	}
	return -1;
}

static int
lex_next(struct lexer *lx, struct tok *t)
{
	const char	*start, *q;
	size_t		 len;
	int		 level;
	char		 quote, *buf, *o;

	for (;;) {
		while (lx->p < lx->end && isspace((unsigned char)*lx->p)) {
			if (*lx->p == '\n')
				lx->line++;
			lx->p++;
		}
		if (lx->p + 1 < lx->end && lx->p[0] == '-' && lx->p[1] == '-') {
			lx->p += 2;
			if (lx->p < lx->end && *lx->p == '[' &&
			    (level = lex_long_open(lx)) >= 0) {
				lex_long(lx, level, &len);
				continue;
			}
			while (lx->p < lx->end && *lx->p != '\n')
				lx->p++;
			continue;
		}
		break;
	}
	if (lx->p >= lx->end)
		return 0;
	t->line = lx->line;
	start = lx->p;
	if (isalpha((unsigned char)*lx->p) || *lx->p == '_') {
		while (lx->p < lx->end && (isalnum((unsigned char)*lx->p) ||
		    *lx->p == '_'))
			lx->p++;
		t->kind = TOK_NAME;
		t->text = arena_strndup(lx->a, start, (size_t)(lx->p - start));
		return 1;
	}
	if (*lx->p == '"' || *lx->p == '\'') {
		quote = *lx->p++;
		/* as long as the literal, not the rest of the file: a file
		 * of many short strings must not cost its length squared */
		for (q = lx->p; q < lx->end && *q != quote && *q != '\n'; q++)
			if (*q == '\\' && q + 1 < lx->end)
				q++;
		o = buf = arena_alloc(lx->a, (size_t)(q - lx->p) + 1);
		while (lx->p < lx->end && *lx->p != quote && *lx->p != '\n') {
			if (*lx->p == '\\' && lx->p + 1 < lx->end) {
				lx->p++;
				switch (*lx->p) {
				case 'n': *o++ = '\n'; break;
				case 't': *o++ = '\t'; break;
				case '\n': *o++ = '\n'; lx->line++; break;
				default: *o++ = *lx->p; break;
				}
				lx->p++;
				continue;
			}
			*o++ = *lx->p++;
		}
		*o = '\0';
		if (lx->p < lx->end && *lx->p == quote)
			lx->p++;
		t->kind = TOK_STRING;
		t->text = buf;
		return 1;
	}
	if (*lx->p == '[' && (level = lex_long_open(lx)) >= 0) {
		start = lex_long(lx, level, &len);
		t->kind = TOK_STRING;
		t->text = arena_strndup(lx->a, start, len);
		return 1;
	}
	if ((lx->p[0] == '=' || lx->p[0] == '~') && lx->p + 1 < lx->end &&
	    lx->p[1] == '=') {
		lx->p += 2;
		t->kind = TOK_EQ;
		t->text = "==";
		return 1;
	}
	if (isdigit((unsigned char)*lx->p)) {
		while (lx->p < lx->end && (isalnum((unsigned char)*lx->p) ||
		    *lx->p == '.'))
			lx->p++;
		t->kind = TOK_OTHER;
		t->text = "";
		return 1;
	}
	t->kind = TOK_PUNCT;
	t->punct = *lx->p++;
	t->text = "";
	return 1;
}

static int
tok_punct(const struct tok *t, char c)
{
	return t->kind == TOK_PUNCT && t->punct == c;
}

static int
tok_name(const struct tok *t, const char *name)
{
	return t->kind == TOK_NAME && strcmp(t->text, name) == 0;
}

static void
scan_ref(struct script *s, char kind, int line, const char *id,
    const char *inject, const char *what)
{
	struct script_ref	*r;

	if (s->nrefs == s->crefs) {
		s->crefs = s->crefs ? s->crefs * 2 : 32;
		s->refs = xreallocarray(s->refs, s->crefs, sizeof *s->refs);
	}
	r = &s->refs[s->nrefs++];
	r->kind = kind;
	r->line = line;
	r->id = id;
	r->inject = inject;
	r->what = what;
}

static void
scan_field(struct script *s, const char *kind, const char *id,
    const struct tok *t)
{
	struct script_field	*f;

	if (s->nfields == s->cfields) {
		s->cfields = s->cfields ? s->cfields * 2 : 64;
		s->fields = xreallocarray(s->fields, s->cfields,
		    sizeof *s->fields);
	}
	f = &s->fields[s->nfields++];
	f->kind = kind;
	f->id = id;
	f->field = t->text;
	f->line = t->line;
}

static int	scan_field_cmp(const void *, const void *);

/* The index just past the bracket that closes the one at i. */
static size_t
scan_close(const struct tok *v, size_t n, size_t i)
{
	int	depth = 0;

	for (; i < n; i++) {
		if (tok_punct(&v[i], '{') || tok_punct(&v[i], '(') ||
		    tok_punct(&v[i], '['))
			depth++;
		else if (tok_punct(&v[i], '}') || tok_punct(&v[i], ')') ||
		    tok_punct(&v[i], ']')) {
			if (--depth == 0)
				return i + 1;
		}
	}
	return n;
}

/* Fields at depth 1 of the table starting at v[open]. */
static void
scan_decl(struct script *s, const struct tok *v, size_t n, size_t open,
    const char *kind, const char *id)
{
	size_t	end = scan_close(v, n, open), i;
	int	depth = 0;

	for (i = open; i < end; i++) {
		if (tok_punct(&v[i], '{') || tok_punct(&v[i], '(') ||
		    tok_punct(&v[i], '['))
			depth++;
		else if (tok_punct(&v[i], '}') || tok_punct(&v[i], ')') ||
		    tok_punct(&v[i], ']'))
			depth--;
		else if (depth == 1 && v[i].kind == TOK_NAME && i + 1 < end &&
		    tok_punct(&v[i + 1], '='))
			scan_field(s, kind, id, &v[i]);
	}
}

/* `d.choice == "x"' (either way round) inside on("decision", "inj", ...) */
static void
scan_choices(struct script *s, const struct tok *v, size_t from, size_t to,
    const char *inject)
{
	size_t	i;

	for (i = from; i + 2 < to; i++) {
		if (tok_punct(&v[i], '.') && tok_name(&v[i + 1], "choice") &&
		    v[i + 2].kind == TOK_EQ && i + 3 < to &&
		    v[i + 3].kind == TOK_STRING)
			scan_ref(s, 'c', v[i + 3].line, v[i + 3].text, inject,
			    "on");
		if (v[i].kind == TOK_STRING && v[i + 1].kind == TOK_EQ &&
		    i + 3 < to && v[i + 2].kind == TOK_NAME &&
		    tok_punct(&v[i + 3], '.') && i + 4 < to &&
		    tok_name(&v[i + 4], "choice"))
			scan_ref(s, 'c', v[i].line, v[i].text, inject, "on");
	}
}

void
script_scan(struct script *s)
{
	static const char *const kinds[] = { "org", "role", "objective",
	    "phase", "inject", NULL };
	static const struct {
		const char	*fn;
		char		 kind;
	} calls[] = {
		{ "fire", 'i' }, { "await", 'i' }, { "met", 'o' },
		{ "missed", 'o' },
	};
	struct lexer		 lx;
	struct tok		*v = NULL;
	size_t			 n = 0, cap = 0, i, k, arg;
	const char *const	*kd;

	lx.p = s->source;
	lx.end = s->source + s->source_len;
	lx.line = 1;
	lx.a = s->scan_arena;
	if (lx.p + 1 < lx.end && lx.p[0] == '#') {	/* a #! line */
		while (lx.p < lx.end && *lx.p != '\n')
			lx.p++;
	}
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			v = xreallocarray(v, cap, sizeof *v);
		}
		if (!lex_next(&lx, &v[n]))
			break;
		n++;
	}

	for (i = 0; i < n; i++) {
		if (v[i].kind != TOK_NAME || (i > 0 && (tok_punct(&v[i - 1],
		    '.') || tok_punct(&v[i - 1], ':'))))
			continue;
		if (strcmp(v[i].text, "scenario") == 0 && i + 1 < n &&
		    tok_punct(&v[i + 1], '{')) {
			scan_decl(s, v, n, i + 1, "scenario", NULL);
			continue;
		}
		for (kd = kinds; *kd != NULL; kd++) {
			if (strcmp(v[i].text, *kd) != 0)
				continue;
			k = i + 1;
			if (k < n && tok_punct(&v[k], '('))
				k++;
			if (k >= n || v[k].kind != TOK_STRING)
				break;
			arg = k++;
			if (k < n && tok_punct(&v[k], ')'))
				k++;
			if (k < n && tok_punct(&v[k], '{'))
				scan_decl(s, v, n, k, *kd, v[arg].text);
			break;
		}
		for (k = 0; k < sizeof calls / sizeof calls[0]; k++) {
			if (strcmp(v[i].text, calls[k].fn) != 0)
				continue;
			arg = i + 1;
			/* in f("id", ...) the literal must be the whole
			 * argument, not the start of "a" .. b */
			if (arg < n && tok_punct(&v[arg], '(') &&
			    (arg + 2 >= n || !(tok_punct(&v[arg + 2], ')') ||
			    tok_punct(&v[arg + 2], ','))))
				continue;
			if (arg < n && tok_punct(&v[arg], '('))
				arg++;
			if (arg < n && v[arg].kind == TOK_STRING)
				scan_ref(s, calls[k].kind, v[arg].line,
				    v[arg].text, NULL, calls[k].fn);
		}
		if (strcmp(v[i].text, "on") == 0 && i + 5 < n &&
		    tok_punct(&v[i + 1], '(') &&
		    v[i + 2].kind == TOK_STRING &&
		    strcmp(v[i + 2].text, "decision") == 0 &&
		    tok_punct(&v[i + 3], ',') && v[i + 4].kind == TOK_STRING &&
		    tok_punct(&v[i + 5], ','))
			scan_choices(s, v, i + 5, scan_close(v, n, i + 1),
			    v[i + 4].text);
	}
	free(v);
	if (s->nfields > 0)
		qsort(s->fields, s->nfields, sizeof *s->fields,
		    scan_field_cmp);
}

/* Order fields by (kind, id, field); a NULL id (the scenario) first. */
static int
scan_decl_cmp(const char *kind_a, const char *id_a, const char *kind_b,
    const char *id_b)
{
	int	c;

	if ((c = strcmp(kind_a, kind_b)) != 0)
		return c;
	if (id_a == NULL || id_b == NULL)
		return (id_a != NULL) - (id_b != NULL);
	return strcmp(id_a, id_b);
}

static int
scan_field_cmp(const void *pa, const void *pb)
{
	const struct script_field	*a = pa, *b = pb;
	int				 c;

	if ((c = scan_decl_cmp(a->kind, a->id, b->kind, b->id)) != 0)
		return c;
	if ((c = strcmp(a->field, b->field)) != 0)
		return c;
	return a->line - b->line;
}

void
script_scan_fields(const struct script *s, const char *kind, const char *id,
    size_t *lo, size_t *hi)
{
	size_t	l = 0, h = s->nfields, m;

	while (l < h) {				/* first >= (kind, id) */
		m = l + (h - l) / 2;
		if (scan_decl_cmp(s->fields[m].kind, s->fields[m].id, kind,
		    id) < 0)
			l = m + 1;
		else
			h = m;
	}
	*lo = l;
	while (l < s->nfields &&
	    scan_decl_cmp(s->fields[l].kind, s->fields[l].id, kind, id) == 0)
		l++;
	*hi = l;
}
