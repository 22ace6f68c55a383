/*
 * The wire protocol: see proto.h and docs/protocol.md.
 *
 * Decoding checks a line in a fixed order, and the first problem found is
 * the one reported: length, UTF-8, a raw scan for what cJSON would let
 * through (NUL and control bytes, bad "\u" escapes, numbers outside JSON's
 * grammar), JSON, object, "\u0000" escapes, "type", then the type's fields
 * in table order.  Fields not in the table are ignored, for forward
 * compatibility; of two equal keys the first counts.  A decoded request has
 * every field in the table either absent (optional ones only) or valid, so
 * its readers need check nothing more than presence.  The error path
 * allocates nothing beyond what cJSON already holds.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"
#include "tlp.h"
#include "xmalloc.h"

#define PROTO_INT_MAX		9007199254740992.0	/* 2^53 */
#define PROTO_INT_MAX_NAME	"2^53"
#define PROTO_POSITIVE_MAX	1e9
#define PROTO_POSITIVE_MAX_NAME	"1e9"
#define PROTO_EXCERPT_MAX	64	/* bytes of a client's string quoted */

static const char *const proto_error_names[] = {
#define X(e, s) s,
	PROTO_ERRORS(X)
#undef X
};
_Static_assert(sizeof proto_error_names / sizeof proto_error_names[0] ==
    PE__COUNT, "one name per protocol error");

static const char *const proto_request_names[] = {
#define X(e, s, k) s,
	PROTO_REQUESTS(X)
#undef X
};
_Static_assert(sizeof proto_request_names / sizeof proto_request_names[0] ==
    PR__COUNT, "one name per request type");

static const int proto_senders[] = {
#define X(e, s, k) k,
	PROTO_REQUESTS(X)
#undef X
};
_Static_assert(sizeof proto_senders / sizeof proto_senders[0] == PR__COUNT,
    "one sender set per request type");

struct proto_field {
	enum proto_request_type	 type;
	const char		*name;
	enum proto_field_kind	 kind;
	int			 required;
};

enum {
#define X(t, n, k, q) + 1
	PROTO_NFIELDS = 0 PROTO_FIELDS(X)
#undef X
};

static const struct proto_field proto_fields[] = {
#define X(t, n, k, q) { t, n, k, q },
	PROTO_FIELDS(X)
#undef X
};
_Static_assert(sizeof proto_fields / sizeof proto_fields[0] == PROTO_NFIELDS,
    "one entry per field");

/* PF_RATING values, and the keys of a PF_TARGET besides "control". */
static const char *const proto_ratings[] = { "P", "S", "M", "U", NULL };
static const char *const proto_target_keys[] = {
	"role", "org", "team", "control", NULL
};

/* What the raw scan of a line found. */
struct proto_scan {
	int	nul;		/* a "\u0000" escape was found */
	size_t	nul_member;	/* in the top-level member with this index */
	int	nul_in_key;	/* in that member's key */
};

static int proto_fail(enum proto_error *, enum proto_error, struct error *,
    const char *, ...) __attribute__((format(printf, 4, 5)));

static int
proto_fail(enum proto_error *code, enum proto_error pe, struct error *e,
    const char *fmt, ...)
{
	char	msg[ERROR_MSG_MAX];
	va_list	ap;

	if (code != NULL)
		*code = pe;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return error_set(e, ERR_INVALID, "%s", msg);
}

static void __attribute__((noreturn))
proto_oom(void)
{
	fprintf(stderr, "ttxsim: out of memory (building a message)\n");
	abort();
}

static cJSON *
proto_must(cJSON *item)
{
	if (item == NULL)
		proto_oom();
	return item;
}

size_t
proto_utf8_seq(const unsigned char *s, size_t len)
{
	unsigned char	lo = 0x80, hi = 0xbf;
	size_t		n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] < 0xc2)	/* a continuation byte, or overlong C0/C1 */
		return 0;
	if (s[0] < 0xe0)
		n = 2;
	else if (s[0] < 0xf0) {
		n = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (s[0] == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (s[0] < 0xf5) {
		n = 4;
		if (s[0] == 0xf0)
			lo = 0x90;	/* overlong */
		else if (s[0] == 0xf4)
			hi = 0x8f;	/* past U+10FFFF */
	} else
		return 0;
	if (len < n || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	}
	return n;
}

/* The offset of the first invalid sequence in s, or len. */
static size_t
proto_utf8_bad(const char *s, size_t len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, n;

	while (i < len) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = proto_utf8_seq(u + i, len - i)) == 0)
			return i;
		i += n;
	}
	return len;
}

/*
 * Copy a client's string into buf for a message: at most
 * PROTO_EXCERPT_MAX bytes, cut on a character boundary with "..." after,
 * control characters and invalid bytes as '?'.
 */
static const char *
proto_excerpt(char *buf, size_t size, const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, o = 0, n, len = strlen(s);

	while (i < len) {
		n = proto_utf8_seq(u + i, len - i);
		if (o + (n == 0 ? 1 : n) > PROTO_EXCERPT_MAX ||
		    o + (n == 0 ? 1 : n) + 4 > size) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		if (n == 0 || u[i] < 0x20 || u[i] == 0x7f) {
			buf[o++] = '?';
			i += n == 0 ? 1 : n;
		} else {
			memcpy(buf + o, s + i, n);
			o += n;
			i += n;
		}
	}
	buf[o] = '\0';
	return buf;
}

/* Join a NULL-terminated list as "a, b, c" and the last with sep. */
static const char *
proto_join(char *buf, size_t size, const char *const *names, const char *sep)
{
	size_t	i, o = 0;

	buf[0] = '\0';
	for (i = 0; names[i] != NULL && o < size; i++) {
		o += snprintf(buf + o, size - o, "%s%s", i == 0 ? "" :
		    names[i + 1] == NULL ? sep : ", ", names[i]);
	}
	return buf;
}

/*
 * Check a "\u" escape at s has its four hex digits: cJSON 1.7.15 reads a
 * bad digit as the value 0, so "\u12G4" would become a NUL, unseen.
 */
static int
proto_scan_escape(const char *s, size_t len, size_t at,
    enum proto_error *code, struct error *e)
{
	size_t	i;

	for (i = 2; i < 6; i++) {
		if (i >= len || s[i] == '\0' ||
		    strchr("0123456789abcdefABCDEF", s[i]) == NULL) {
			return proto_fail(code, PE_BAD_JSON, e,
			    "bad unicode escape at byte %zu", at);
		}
	}
	return 0;
}

static int
proto_digit(const unsigned char *s, size_t len, size_t i)
{
	return i < len && s[i] >= '0' && s[i] <= '9';
}

/*
 * The length of the JSON number at s, or 0 if it is not one: cJSON takes
 * "01", "1." and "1.e5" as well.
 */
static size_t
proto_scan_number(const unsigned char *s, size_t len)
{
	size_t	i = 0;

	if (s[i] == '-')
		i++;
	if (!proto_digit(s, len, i))
		return 0;
	if (s[i++] != '0') {
		while (proto_digit(s, len, i))
			i++;
	}
	if (i < len && s[i] == '.') {
		if (!proto_digit(s, len, ++i))
			return 0;
		while (proto_digit(s, len, i))
			i++;
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		if (++i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		if (!proto_digit(s, len, i))
			return 0;
		while (proto_digit(s, len, i))
			i++;
	}
	if (i < len && (proto_digit(s, len, i) || s[i] == '.' ||
	    s[i] == 'e' || s[i] == 'E' || s[i] == '+' || s[i] == '-'))
		return 0;
	return i;
}

/*
 * Scan the raw line for what cJSON lets through: NUL bytes, control
 * characters other than JSON whitespace (cJSON takes any byte <= 32 as
 * whitespace and lets control characters into strings), "\u" escapes
 * without four hex digits, numbers outside JSON's grammar.  Note where the
 * first "\u0000" escape is, as cJSON would cut its string there, unseen.
 * What is noted matters only on a line that then parses, so this need not
 * know JSON's grammar beyond strings, numbers and nesting.
 */
static int
proto_scan(const char *line, size_t len, struct proto_scan *sc,
    enum proto_error *code, struct error *e)
{
	const unsigned char	*u = (const unsigned char *)line;
	size_t			 i, n, depth = 0, members = 0;
	int			 in_string = 0, in_key = 0, expect_key = 0;
	int			 top_object = 0;

	memset(sc, 0, sizeof *sc);
	for (i = 0; i < len; i++) {
		if (u[i] == '\0') {
			return proto_fail(code, PE_BAD_JSON, e,
			    "NUL byte at byte %zu", i);
		}
		if (in_string) {
			if (u[i] < 0x20) {
				return proto_fail(code, PE_BAD_JSON, e,
				    "control character 0x%02X in a string at "
				    "byte %zu", u[i], i);
			}
			if (u[i] == '"')
				in_string = 0;
			else if (u[i] == '\\' && i + 1 < len) {
				if (line[i + 1] == 'u' && proto_scan_escape(
				    line + i, len - i, i, code, e) != 0)
					return -1;
				if (line[i + 1] == 'u' && !sc->nul &&
				    memcmp(line + i + 2, "0000", 4) == 0 &&
				    top_object && depth >= 1 && members > 0) {
					sc->nul = 1;
					sc->nul_member = members - 1;
					sc->nul_in_key = depth == 1 && in_key;
				}
				i++;	/* the escaped character */
			}
			continue;
		}
		if (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' &&
		    u[i] != '\r') {
			return proto_fail(code, PE_BAD_JSON, e,
			    "control character 0x%02X at byte %zu", u[i], i);
		}
		switch (u[i]) {
		case '"':
			in_string = 1;
			in_key = depth == 1 && expect_key;
			if (in_key) {
				members++;
				expect_key = 0;
			}
			break;
		case '{':
		case '[':
			if (depth == 0 && u[i] == '{')
				top_object = 1;
			if (++depth == 1)
				expect_key = top_object;
			break;
		case '}':
		case ']':
			if (depth > 0)
				depth--;
			break;
		case ',':
			if (depth == 1)
				expect_key = top_object;
			break;
		case '-':
		case '0': case '1': case '2': case '3': case '4':
		case '5': case '6': case '7': case '8': case '9':
			if ((n = proto_scan_number(u + i, len - i)) == 0) {
				return proto_fail(code, PE_BAD_JSON, e,
				    "bad number at byte %zu", i);
			}
			i += n - 1;
			break;
		}
	}
	return 0;
}

/* JSON's whitespace. */
static int
proto_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* What a field of kind must be, for messages: "must be <this>". */
static const char *
proto_wants(enum proto_field_kind kind, char *buf, size_t size)
{
	char	list[128];

	switch (kind) {
	case PF_ID:
		snprintf(buf, size, "a string of 1 to %d bytes or an integer "
		    ">= 0 and <= %s", PROTO_ID_MAX, PROTO_INT_MAX_NAME);
		break;
	case PF_SHORT:
		snprintf(buf, size, "a string of 1 to %d bytes",
		    PROTO_SHORT_MAX);
		break;
	case PF_TEXT:
		snprintf(buf, size, "a string of 1 to %d bytes",
		    PROTO_TEXT_MAX);
		break;
	case PF_INT:
		snprintf(buf, size, "an integer >= 0 and <= %s",
		    PROTO_INT_MAX_NAME);
		break;
	case PF_POSITIVE:
		snprintf(buf, size, "a number > 0 and <= %s",
		    PROTO_POSITIVE_MAX_NAME);
		break;
	case PF_SHORTS:
		snprintf(buf, size, "a list of 1 to %d strings",
		    PROTO_LIST_MAX);
		break;
	case PF_TARGET:
		snprintf(buf, size, "an object with one of %s",
		    proto_join(list, sizeof list, proto_target_keys, " or "));
		break;
	case PF_TLP:
		snprintf(buf, size, "one of %s",
		    proto_join(list, sizeof list, tlp_names, ", "));
		break;
	case PF_RATING:
		snprintf(buf, size, "%s",
		    proto_join(list, sizeof list, proto_ratings, " or "));
		break;
	}
	return buf;
}

static int
proto_string_ok(const cJSON *v, size_t max)
{
	size_t	n;

	if (!cJSON_IsString(v) || v->valuestring == NULL)
		return 0;
	n = strnlen(v->valuestring, max + 1);
	return n >= 1 && n <= max;
}

static int
proto_int_ok(const cJSON *v)
{
	double	d;

	if (!cJSON_IsNumber(v))
		return 0;
	d = v->valuedouble;
	return isfinite(d) && d >= 0 && d <= PROTO_INT_MAX && floor(d) == d;
}

static int
proto_one_of(const cJSON *v, const char *const *names)
{
	size_t	i;

	if (!cJSON_IsString(v) || v->valuestring == NULL)
		return 0;
	for (i = 0; names[i] != NULL; i++) {
		if (strcmp(v->valuestring, names[i]) == 0)
			return 1;
	}
	return 0;
}

/* Check a PF_SHORTS list; 0, or -1 with the message. */
static int
proto_check_list(const cJSON *v, const char *name, enum proto_error *code,
    struct error *e)
{
	const cJSON	*item;
	char		 want[256];
	size_t		 n = 0;

	if (cJSON_IsArray(v)) {
		for (item = v->child; item != NULL; item = item->next) {
			if (++n > PROTO_LIST_MAX)
				break;
		}
	}
	if (n < 1 || n > PROTO_LIST_MAX) {
		return proto_fail(code, PE_BAD_FIELD, e,
		    "field '%s': must be %s", name,
		    proto_wants(PF_SHORTS, want, sizeof want));
	}
	n = 0;
	for (item = v->child; item != NULL; item = item->next) {
		n++;
		if (!proto_string_ok(item, PROTO_SHORT_MAX)) {
			return proto_fail(code, PE_BAD_FIELD, e,
			    "field '%s': item %zu must be %s", name, n,
			    proto_wants(PF_SHORT, want, sizeof want));
		}
	}
	return 0;
}

/* Check a PF_TARGET object; 0, or -1 with the message. */
static int
proto_check_target(const cJSON *v, const char *name, enum proto_error *code,
    struct error *e)
{
	const cJSON	*m;
	char		 want[256];

	if (!cJSON_IsObject(v) || (m = v->child) == NULL || m->next != NULL ||
	    m->string == NULL)
		goto bad;
	if (strcmp(m->string, "control") == 0) {
		if (cJSON_IsTrue(m))
			return 0;
		return proto_fail(code, PE_BAD_FIELD, e,
		    "field '%s': 'control' must be true", name);
	}
	if (strcmp(m->string, "role") != 0 && strcmp(m->string, "org") != 0 &&
	    strcmp(m->string, "team") != 0)
		goto bad;
	if (proto_string_ok(m, PROTO_SHORT_MAX))
		return 0;
	return proto_fail(code, PE_BAD_FIELD, e, "field '%s': '%s' must be %s",
	    name, m->string, proto_wants(PF_SHORT, want, sizeof want));

bad:
	return proto_fail(code, PE_BAD_FIELD, e, "field '%s': must be %s", name,
	    proto_wants(PF_TARGET, want, sizeof want));
}

/* Check a field's value against its kind; 0, or -1 with the message. */
static int
proto_check(const cJSON *v, enum proto_field_kind kind, const char *name,
    enum proto_error *code, struct error *e)
{
	char	want[256];
	int	ok = 0;

	switch (kind) {
	case PF_ID:
		ok = proto_string_ok(v, PROTO_ID_MAX) || proto_int_ok(v);
		break;
	case PF_SHORT:
		ok = proto_string_ok(v, PROTO_SHORT_MAX);
		break;
	case PF_TEXT:
		ok = proto_string_ok(v, PROTO_TEXT_MAX);
		break;
	case PF_INT:
		ok = proto_int_ok(v);
		break;
	case PF_POSITIVE:
		ok = cJSON_IsNumber(v) && isfinite(v->valuedouble) &&
		    v->valuedouble > 0 &&
		    v->valuedouble <= PROTO_POSITIVE_MAX;
		break;
	case PF_SHORTS:
		return proto_check_list(v, name, code, e);
	case PF_TARGET:
		return proto_check_target(v, name, code, e);
	case PF_TLP:
		ok = proto_one_of(v, tlp_names);
		break;
	case PF_RATING:
		ok = proto_one_of(v, proto_ratings);
		break;
	}
	if (ok)
		return 0;
	return proto_fail(code, PE_BAD_FIELD, e, "field '%s': must be %s", name,
	    proto_wants(kind, want, sizeof want));
}

/* Refuse a line whose scan found a "\u0000", naming the member. */
static int
proto_check_nul(const cJSON *json, const struct proto_scan *sc,
    enum proto_error *code, struct error *e)
{
	const cJSON	*m;
	char		 buf[PROTO_EXCERPT_MAX + 4];
	size_t		 i;

	if (!sc->nul)
		return 0;
	m = json->child;
	for (i = 0; m != NULL && i < sc->nul_member; i++)
		m = m->next;
	if (m == NULL || m->string == NULL || sc->nul_in_key) {
		return proto_fail(code, PE_BAD_FIELD, e,
		    "a field name: NUL characters are not allowed");
	}
	return proto_fail(code, PE_BAD_FIELD, e,
	    "field '%s': NUL characters are not allowed",
	    proto_excerpt(buf, sizeof buf, m->string));
}

/*
 * Decode one line into r: see proto.h.  r->type is PR__COUNT until the
 * type is known, and r->id is set only to a valid id, so an error reply
 * never echoes a bad one.
 */
int
proto_decode(const char *line, size_t len, size_t limit,
    struct proto_request *r, enum proto_error *code, struct error *e)
{
	struct proto_scan	 sc;
	const cJSON		*type, *id, *v;
	const char		*end = NULL;
	char			 buf[PROTO_EXCERPT_MAX + 4];
	size_t			 i, bad, at;
	int			 t;

	r->type = PR__COUNT;
	r->json = NULL;
	r->id = NULL;

	if (len > limit) {
		return proto_fail(code, PE_TOO_LONG, e,
		    "line of %zu bytes; the limit is %zu", len, limit);
	}
	if ((bad = proto_utf8_bad(line, len)) != len) {
		return proto_fail(code, PE_BAD_UTF8, e,
		    "not valid UTF-8 at byte %zu", bad);
	}
	if (proto_scan(line, len, &sc, code, e) != 0)
		return -1;
	i = 0;
	while (i < len && proto_space(line[i]))
		i++;
	if (i == len)
		return proto_fail(code, PE_BAD_JSON, e, "empty line");

	r->json = cJSON_ParseWithLengthOpts(line, len, &end, 0);
	at = end != NULL && end >= line ? (size_t)(end - line) : 0;
	if (r->json == NULL) {
		return proto_fail(code, PE_BAD_JSON, e,
		    "not JSON (error at byte %zu)", at < len ? at : len);
	}
	while (at < len && proto_space(line[at]))
		at++;
	if (at < len) {
		return proto_fail(code, PE_BAD_JSON, e,
		    "not JSON (trailing data at byte %zu)", at);
	}
	if (!cJSON_IsObject(r->json))
		return proto_fail(code, PE_BAD_JSON, e, "not a JSON object");
	if (proto_check_nul(r->json, &sc, code, e) != 0)
		return -1;

	id = cJSON_GetObjectItemCaseSensitive(r->json, "id");
	if (id != NULL && proto_check(id, PF_ID, "id", NULL, NULL) == 0)
		r->id = id;

	type = cJSON_GetObjectItemCaseSensitive(r->json, "type");
	if (type == NULL) {
		return proto_fail(code, PE_BAD_FIELD, e,
		    "field 'type': missing");
	}
	if (!cJSON_IsString(type) || type->valuestring == NULL) {
		return proto_fail(code, PE_BAD_FIELD, e,
		    "field 'type': must be a string");
	}
	for (t = 0; t < PR__COUNT; t++) {
		if (strcmp(type->valuestring, proto_request_names[t]) == 0)
			break;
	}
	if (t == PR__COUNT) {
		return proto_fail(code, PE_UNKNOWN_TYPE, e,
		    "unknown message type '%s'",
		    proto_excerpt(buf, sizeof buf, type->valuestring));
	}
	r->type = t;

	for (i = 0; i < PROTO_NFIELDS; i++) {
		if (proto_fields[i].type != r->type)
			continue;
		v = cJSON_GetObjectItemCaseSensitive(r->json,
		    proto_fields[i].name);
		if (v == NULL) {
			if (!proto_fields[i].required)
				continue;
			return proto_fail(code, PE_BAD_FIELD, e,
			    "field '%s': missing", proto_fields[i].name);
		}
		if (proto_check(v, proto_fields[i].kind, proto_fields[i].name,
		    code, e) != 0)
			return -1;
	}
	return 0;
}

/* Free what proto_decode left in r (not r itself); r may be NULL. */
void
proto_request_free(struct proto_request *r)
{
	if (r == NULL)
		return;
	cJSON_Delete(r->json);
	r->json = NULL;
	r->id = NULL;
}

/* 1 if a client of kind may send type; 0 for an unknown type. */
int
proto_allowed(enum proto_request_type type, int kind)
{
	if ((unsigned)type >= PR__COUNT)
		return 0;
	return (proto_senders[type] & kind) != 0;
}

/* "ack", ...; "?" for an unknown type.  Static strings. */
const char *
proto_request_name(enum proto_request_type type)
{
	if ((unsigned)type >= PR__COUNT)
		return "?";
	return proto_request_names[type];
}

/* "bad-field", ...; "?" for an unknown code.  Static strings. */
const char *
proto_error_name(enum proto_error code)
{
	if ((unsigned)code >= PE__COUNT)
		return "?";
	return proto_error_names[code];
}

/* 1 if s[0..len) is valid UTF-8. */
int
proto_utf8_valid(const char *s, size_t len)
{
	return proto_utf8_bad(s, len) == len;
}

char *
proto_utf8_fix(const char *s, size_t *len)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, n, o = 0;
	char			*out;

	if (proto_utf8_bad(s, *len) == *len)
		return NULL;
	out = xmalloc(*len * 3 + 1);	/* each bad byte: 3 bytes of U+FFFD */
	for (i = 0; i < *len; i += n) {
		if ((n = proto_utf8_seq(u + i, *len - i)) == 0) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			n = 1;
		} else {
			memcpy(out + o, s + i, n);
			o += n;
		}
	}
	out[o] = '\0';
	*len = o;
	return out;
}

/*
 * A copy of a request's id to send back.  cJSON 1.7.15 prints some
 * integers of 16 digits in 15 (9007199254740991 as 9.00719925474099e+15:
 * its round-trip check allows an error of one epsilon), so an integral id
 * goes out as its exact digits instead.
 */
static cJSON *
proto_copy_id(const cJSON *re)
{
	char	buf[32];
	double	d;

	if (cJSON_IsNumber(re)) {
		d = re->valuedouble;
		if (isfinite(d) && floor(d) == d && fabs(d) <= PROTO_INT_MAX) {
			snprintf(buf, sizeof buf, "%.0f", d == 0 ? 0.0 : d);
			return proto_must(cJSON_CreateRaw(buf));
		}
	}
	return proto_must(cJSON_Duplicate(re, 1));
}

/* {"type":type,"re":copy of re or null}; aborts if out of memory.  An
 * integral "re" is a cJSON raw item (see proto_copy_id). */
static cJSON *
proto_reply(const char *type, const cJSON *re)
{
	cJSON	*msg;

	msg = proto_must(cJSON_CreateObject());
	proto_must(cJSON_AddStringToObject(msg, "type", type));
	if (re != NULL) {
		if (!cJSON_AddItemToObject(msg, "re", proto_copy_id(re)))
			proto_oom();
	} else
		proto_must(cJSON_AddNullToObject(msg, "re"));
	return msg;
}

/* {"type":"ok","re":...}; the caller owns it. */
cJSON *
proto_ok(const cJSON *re)
{
	return proto_reply("ok", re);
}

/*
 * {"type":"error","re":...,"code":...,"message":...}; the caller owns
 * it.  Bytes of message that are not valid UTF-8 are sent as '?', so the
 * reply stays valid whatever the message quotes.
 */
cJSON *
proto_error_reply(const cJSON *re, enum proto_error code, const char *message)
{
	const unsigned char	*u;
	cJSON			*msg;
	char			*copy;
	size_t			 len, i, n;

	msg = proto_reply("error", re);
	proto_must(cJSON_AddStringToObject(msg, "code",
	    proto_error_name(code)));
	if (message == NULL)
		message = "";
	len = strlen(message);
	if (proto_utf8_valid(message, len)) {
		proto_must(cJSON_AddStringToObject(msg, "message", message));
		return msg;
	}
	copy = xstrdup(message);
	u = (const unsigned char *)message;
	for (i = 0; i < len; i += n) {
		if ((n = proto_utf8_seq(u + i, len - i)) == 0) {
			copy[i] = '?';
			n = 1;
		}
	}
	proto_must(cJSON_AddStringToObject(msg, "message", copy));
	free(copy);
	return msg;
}

/* msg as one line with its '\n'; *len is its length.  The caller frees it
 * with free(). */
char *
proto_encode(const cJSON *msg, size_t *len)
{
	char	*s, *out, *fixed;
	size_t	 n;

	if ((s = cJSON_PrintUnformatted(msg)) == NULL)
		proto_oom();
	n = strlen(s);
	/* text from a scenario may hold any bytes: a line is UTF-8 */
	if ((fixed = proto_utf8_fix(s, &n)) != NULL) {
		cJSON_free(s);
		s = fixed;
	}
	out = xmalloc(n + 2);
	memcpy(out, s, n);
	out[n] = '\n';
	out[n + 1] = '\0';
	cJSON_free(s);
	if (len != NULL)
		*len = n + 1;
	return out;
}
