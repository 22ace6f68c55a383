/*
 * engine/proto: every request decodes from a minimal line and refuses each
 * of its fields missing or mistyped (generated from the tables in
 * proto.h), who may send what, UTF-8 against a reference decoder, the
 * corpus of bad lines in tests/proto/bad-lines.txt, and replies that go
 * out as one line and parse back.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proto.h"
#include "vis.h"

#define CORPUS_MIN	120

struct tfield {
	enum proto_request_type	 type;
	const char		*name;
	enum proto_field_kind	 kind;
	int			 required;
};

static const struct tfield fields[] = {
#define X(t, n, k, q) { t, n, k, q },
	PROTO_FIELDS(X)
#undef X
};
#define NFIELDS (sizeof fields / sizeof fields[0])

static const char *const type_names[] = {
#define X(e, s, k) s,
	PROTO_REQUESTS(X)
#undef X
};

/* A valid value of each kind, and what the message says of a bad one. */
static const char *
valid_value(enum proto_field_kind kind)
{
	switch (kind) {
	case PF_ID:
		return "\"r-1\"";
	case PF_SHORT:
		return "\"s\"";
	case PF_TEXT:
		return "\"some text\\non two lines\"";
	case PF_INT:
		return "3";
	case PF_POSITIVE:
		return "0.5";
	case PF_SHORTS:
		return "[\"uk-ncsc\"]";
	case PF_TARGET:
		return "{\"role\":\"uk-ncsc\"}";
	case PF_TLP:
		return "\"amber+strict\"";
	case PF_RATING:
		return "\"S\"";
	}
	return NULL;
}

static const char *
wants(enum proto_field_kind kind)
{
	switch (kind) {
	case PF_ID:
		return "must be a string of 1 to 64 bytes or an integer >= 0 "
		    "and <= 2^53";
	case PF_SHORT:
		return "must be a string of 1 to 256 bytes";
	case PF_TEXT:
		return "must be a string of 1 to 16384 bytes";
	case PF_INT:
		return "must be an integer >= 0 and <= 2^53";
	case PF_POSITIVE:
		return "must be a number > 0 and <= 1e9";
	case PF_SHORTS:
		return "must be a list of 1 to 64 strings";
	case PF_TARGET:
		return "must be an object with one of role, org, team or "
		    "control";
	case PF_TLP:
		return "must be one of clear, green, amber, amber+strict, red";
	case PF_RATING:
		return "must be P, S, M or U";
	}
	return NULL;
}

/* A string of n copies of c, in quotes; the caller frees it. */
static char *
quoted(char c, size_t n)
{
	char	*s = malloc(n + 3);

	ck_assert_ptr_nonnull(s);
	s[0] = '"';
	memset(s + 1, c, n);
	s[n + 1] = '"';
	s[n + 2] = '\0';
	return s;
}

/* A JSON list of n strings "r"; the caller frees it. */
static char *
list_of(size_t n)
{
	char	*s = malloc(n * 4 + 3), *p = s;
	size_t	 i;

	ck_assert_ptr_nonnull(s);
	*p++ = '[';
	for (i = 0; i < n; i++) {
		memcpy(p, i == 0 ? "\"r\"" : ",\"r\"", i == 0 ? 3 : 4);
		p += i == 0 ? 3 : 4;
	}
	*p++ = ']';
	*p = '\0';
	return s;
}

/* Wrong values for a kind, NULL-terminated; long ones made by the caller. */
static const char *const *
wrong_values(enum proto_field_kind kind)
{
	static const char *const id[] = { "\"\"", "-1", "1.5", "true", "null",
	    "[]", "{}", "1e16", "-0.001", NULL };
	static const char *const str[] = { "\"\"", "1", "true", "null",
	    "[\"a\"]", "{\"a\":1}", NULL };
	static const char *const num[] = { "\"5\"", "-1", "0.5", "null",
	    "true", "[1]", "1152921504606846976", "9007199254740994", "1e400",
	    NULL };
	static const char *const pos[] = { "0", "-1", "\"2\"", "null",
	    "1e10", "1e400", "-0.0", "[2]", NULL };
	static const char *const list[] = { "[]", "\"uk-ncsc\"", "null", "{}",
	    "3", NULL };
	static const char *const target[] = { "{}", "{\"role\":\"a\","
	    "\"org\":\"b\"}", "{\"user\":\"x\"}", "\"uk-ncsc\"", "[\"role\"]",
	    "null", NULL };
	static const char *const tlp[] = { "\"AMBER\"", "\"white\"", "\"\"",
	    "3", "null", "\"amber+\"", NULL };
	static const char *const rating[] = { "\"p\"", "\"X\"", "\"\"", "1",
	    "\"PS\"", "null", NULL };

	switch (kind) {
	case PF_ID:
		return id;
	case PF_SHORT:
	case PF_TEXT:
		return str;
	case PF_INT:
		return num;
	case PF_POSITIVE:
		return pos;
	case PF_SHORTS:
		return list;
	case PF_TARGET:
		return target;
	case PF_TLP:
		return tlp;
	case PF_RATING:
		return rating;
	}
	return NULL;
}

/*
 * A line of type t with its required fields (and its optional ones if
 * all), where field index subst (if not -1) has value instead (or is left
 * out if value is NULL).  The caller frees it.
 */
static char *
build(enum proto_request_type t, int all, int subst, const char *value)
{
	size_t	 i, size = 64;
	char	*s, *p;

	for (i = 0; i < NFIELDS; i++)
		size += strlen(fields[i].name) + 8 + 64;
	if (value != NULL)
		size += strlen(value);
	s = p = malloc(size);
	ck_assert_ptr_nonnull(s);
	p += sprintf(p, "{\"type\":\"%s\"", type_names[t]);
	for (i = 0; i < NFIELDS; i++) {
		if (fields[i].type != t)
			continue;
		if ((int)i == subst) {
			if (value != NULL)
				p += sprintf(p, ",\"%s\":%s", fields[i].name,
				    value);
			continue;
		}
		if (fields[i].required || all)
			p += sprintf(p, ",\"%s\":%s", fields[i].name,
			    valid_value(fields[i].kind));
	}
	strcpy(p, "}");
	return s;
}

/* proto_decode on an exact-size copy, so that reading past len shows up
 * under the address sanitizer. */
static int
decode(const char *line, size_t len, size_t limit, struct proto_request *r,
    enum proto_error *code, struct error *e)
{
	char	*copy = malloc(len == 0 ? 1 : len);
	int	 rc;

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, line, len);
	rc = proto_decode(len == 0 ? copy + 1 : copy, len, limit, r, code, e);
	free(copy);
	return rc;
}

static enum proto_request_type
good(const char *line)
{
	struct proto_request	r;
	enum proto_error	code;
	struct error		e;
	enum proto_request_type	t;

	ck_assert_msg(decode(line, strlen(line), PROTO_LINE_MAX, &r, &code,
	    &e) == 0, "%s: %s", line, e.msg);
	ck_assert_ptr_nonnull(r.json);
	t = r.type;
	proto_request_free(&r);
	return t;
}

/* Refused with code and exactly message. */
static void
bad(const char *line, enum proto_error want, const char *message)
{
	struct proto_request	r;
	enum proto_error	code;
	struct error		e;

	ck_assert_msg(decode(line, strlen(line), PROTO_LINE_MAX, &r, &code,
	    &e) == -1, "%.200s: decoded", line);
	ck_assert_msg(code == want, "%.200s: %s, not %s (%s)", line,
	    proto_error_name(code), proto_error_name(want), e.msg);
	ck_assert_int_eq(e.code, ERR_INVALID);
	ck_assert_msg(strcmp(e.msg, message) == 0, "%.200s: \"%s\", not "
	    "\"%s\"", line, e.msg, message);
	proto_request_free(&r);
}

START_TEST(test_names)
{
	ck_assert_str_eq(proto_request_name(PR_HELLO), "hello");
	ck_assert_str_eq(proto_request_name(PR_REQUEST_INFO), "request-info");
	ck_assert_str_eq(proto_request_name(PR_PING), "ping");
	ck_assert_str_eq(proto_request_name(PR__COUNT), "?");
	ck_assert_str_eq(proto_request_name((enum proto_request_type)-1),
	    "?");
	ck_assert_str_eq(proto_error_name(PE_TOO_LONG), "too-long");
	ck_assert_str_eq(proto_error_name(PE_BAD_FIELD), "bad-field");
	ck_assert_str_eq(proto_error_name(PE_TLP_REFUSED), "tlp-refused");
	ck_assert_str_eq(proto_error_name(PE_LIMIT), "limit");
	ck_assert_str_eq(proto_error_name(PE__COUNT), "?");
}
END_TEST

START_TEST(test_table)
{
	size_t	i, j;
	int	t, n, has_id;

	for (t = 0; t < PR__COUNT; t++) {
		n = has_id = 0;
		for (i = 0; i < NFIELDS; i++) {
			if (fields[i].type != (enum proto_request_type)t)
				continue;
			n++;
			ck_assert_str_ne(fields[i].name, "type");
			for (j = i + 1; j < NFIELDS; j++) {
				ck_assert_msg(fields[j].type !=
				    fields[i].type || strcmp(fields[j].name,
				    fields[i].name) != 0, "%s: '%s' twice",
				    type_names[t], fields[i].name);
			}
			if (strcmp(fields[i].name, "id") == 0) {
				ck_assert_int_eq(fields[i].kind, PF_ID);
				ck_assert_int_eq(fields[i].required, 1);
				has_id = 1;
			}
		}
		ck_assert_msg(n > 0, "%s has no fields", type_names[t]);
		/* hello is answered by welcome, with "re": null */
		ck_assert_int_eq(has_id, t != PR_HELLO);
	}
}
END_TEST

START_TEST(test_allowed)
{
	/* docs/protocol.md, "Requests": p player, c control, o observer */
	static const struct {
		enum proto_request_type	 t;
		const char		*who;
	} want[] = {
		{ PR_HELLO, "pco" }, { PR_ACK, "p" }, { PR_DECIDE, "p" },
		{ PR_NOTE, "p" }, { PR_SHARE, "p" }, { PR_CHAT, "pc" },
		{ PR_REQUEST_INFO, "p" }, { PR_START, "c" }, { PR_PAUSE, "c" },
		{ PR_RESUME, "c" }, { PR_SPEED, "c" }, { PR_JUMP, "c" },
		{ PR_FIRE, "c" }, { PR_ADHOC, "c" }, { PR_END, "c" },
		{ PR_OBSERVE, "co" }, { PR_RATE, "co" }, { PR_HOTWASH, "p" },
		{ PR_PING, "pco" },
	};
	size_t	i;

	ck_assert_uint_eq(sizeof want / sizeof want[0], PR__COUNT);
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		ck_assert_int_eq(want[i].t, i);
		ck_assert_int_eq(proto_allowed(want[i].t, PK_PLAYER),
		    strchr(want[i].who, 'p') != NULL);
		ck_assert_int_eq(proto_allowed(want[i].t, PK_CONTROL),
		    strchr(want[i].who, 'c') != NULL);
		ck_assert_int_eq(proto_allowed(want[i].t, PK_OBSERVER),
		    strchr(want[i].who, 'o') != NULL);
		ck_assert_int_eq(proto_allowed(want[i].t, 0), 0);
		ck_assert_int_eq(proto_allowed(want[i].t, PK_ANY), 1);
	}
	ck_assert_int_eq(proto_allowed(PR_FIRE, PK_PLAYER), 0);
	ck_assert_int_eq(proto_allowed(PR_ACK, PK_OBSERVER), 0);
	ck_assert_int_eq(proto_allowed(PR_ACK, PK_CONTROL), 0);
	ck_assert_int_eq(proto_allowed(PR_RATE, PK_PLAYER), 0);
	ck_assert_int_eq(proto_allowed(PR_CHAT, PK_OBSERVER), 0);
	ck_assert_int_eq(proto_allowed(PR__COUNT, PK_ANY), 0);
}
END_TEST

START_TEST(test_minimal)
{
	char	*line;
	int	 t;

	for (t = 0; t < PR__COUNT; t++) {
		line = build(t, 0, -1, NULL);
		ck_assert_int_eq(good(line), t);
		free(line);
		line = build(t, 1, -1, NULL);
		ck_assert_int_eq(good(line), t);
		free(line);
	}
}
END_TEST

START_TEST(test_missing)
{
	char	*line, want[128];
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < NFIELDS; i++) {
		line = build(fields[i].type, 1, i, NULL);
		if (fields[i].required) {
			snprintf(want, sizeof want, "field '%s': missing",
			    fields[i].name);
			bad(line, PE_BAD_FIELD, want);
			n++;
		} else
			ck_assert_int_eq(good(line), fields[i].type);
		free(line);
	}
	ck_assert_int_gt(n, PR__COUNT);
}
END_TEST

START_TEST(test_mistyped)
{
	const char *const	*v;
	char			*line, *value, want[256];
	size_t			 i, j, max;

	for (i = 0; i < NFIELDS; i++) {
		snprintf(want, sizeof want, "field '%s': %s", fields[i].name,
		    wants(fields[i].kind));
		v = wrong_values(fields[i].kind);
		ck_assert_ptr_nonnull(v);
		for (; *v != NULL; v++) {
			line = build(fields[i].type, 1, i, *v);
			bad(line, PE_BAD_FIELD, want);
			free(line);
		}

		/* one byte too long, and just long enough */
		max = 0;
		switch (fields[i].kind) {
		case PF_ID:
			max = PROTO_ID_MAX;
			break;
		case PF_SHORT:
			max = PROTO_SHORT_MAX;
			break;
		case PF_TEXT:
			max = PROTO_TEXT_MAX;
			break;
		default:
			break;
		}
		for (j = max; j != 0 && j <= max + 1; j++) {
			value = quoted('x', j);
			line = build(fields[i].type, 1, i, value);
			if (j > max)
				bad(line, PE_BAD_FIELD, want);
			else
				ck_assert_int_eq(good(line), fields[i].type);
			free(line);
			free(value);
		}
		if (fields[i].kind == PF_SHORTS) {
			for (j = PROTO_LIST_MAX; j <= PROTO_LIST_MAX + 1; j++) {
				value = list_of(j);
				line = build(fields[i].type, 1, i, value);
				if (j > PROTO_LIST_MAX)
					bad(line, PE_BAD_FIELD, want);
				else
					ck_assert_int_eq(good(line),
					    fields[i].type);
				free(line);
				free(value);
			}
		}
	}
}
END_TEST

START_TEST(test_edges)
{
	/* numbers at their limits */
	good("{\"type\":\"ack\",\"id\":9007199254740992,\"delivery\":0}");
	good("{\"type\":\"ack\",\"id\":0,\"delivery\":9007199254740992}");
	good("{\"type\":\"ack\",\"id\":1,\"delivery\":-0}");
	good("{\"type\":\"ack\",\"id\":1,\"delivery\":2.0}");
	good("{\"type\":\"ack\",\"id\":1,\"delivery\":1e3}");
	good("{\"type\":\"speed\",\"id\":1,\"x\":1e9}");
	good("{\"type\":\"speed\",\"id\":1,\"x\":1e-300}");
	good("{\"type\":\"speed\",\"id\":1,\"x\":60}");
	bad("{\"type\":\"speed\",\"id\":1,\"x\":1000000001}", PE_BAD_FIELD,
	    "field 'x': must be a number > 0 and <= 1e9");

	/* strings: bytes, not characters; escapes count once decoded */
	good("{\"type\":\"ping\",\"id\":\"\\u00e9\\u00e9\"}");
	good("{\"type\":\"note\",\"id\":1,\"text\":\"\\ud83d\\ude00 \xf0\x9f"
	    "\x98\x80 \\\"quoted\\\" \\\\u0000\"}");
	good("{\"type\":\"note\",\"id\":1,\"text\":\"\\u0001\"}");
	good("{\"type\":\"note\",\"id\":1,\"text\":\"\x7f\"}");

	/* targets */
	good("{\"type\":\"chat\",\"id\":1,\"to\":{\"control\":true},"
	    "\"text\":\"t\"}");
	good("{\"type\":\"chat\",\"id\":1,\"to\":{\"org\":\"ncsc\"},"
	    "\"text\":\"t\"}");
	good("{\"type\":\"chat\",\"id\":1,\"to\":{\"team\":\"blue\"},"
	    "\"text\":\"t\"}");
	bad("{\"type\":\"chat\",\"id\":1,\"to\":{\"team\":[]},\"text\":\"t\"}",
	    PE_BAD_FIELD,
	    "field 'to': 'team' must be a string of 1 to 256 bytes");
	bad("{\"type\":\"share\",\"id\":1,\"to\":[\"a\",2],\"tlp\":\"red\","
	    "\"title\":\"t\",\"text\":\"x\"}", PE_BAD_FIELD,
	    "field 'to': item 2 must be a string of 1 to 256 bytes");

	/* every label and rating */
	good("{\"type\":\"adhoc\",\"id\":1,\"to\":[\"a\"],\"title\":\"t\","
	    "\"body\":\"b\",\"tlp\":\"clear\"}");
	good("{\"type\":\"adhoc\",\"id\":1,\"to\":[\"a\"],\"title\":\"t\","
	    "\"body\":\"b\",\"tlp\":\"green\"}");
	good("{\"type\":\"adhoc\",\"id\":1,\"to\":[\"a\"],\"title\":\"t\","
	    "\"body\":\"b\",\"tlp\":\"amber\"}");
	good("{\"type\":\"adhoc\",\"id\":1,\"to\":[\"a\"],\"title\":\"t\","
	    "\"body\":\"b\",\"tlp\":\"red\"}");
	good("{\"type\":\"rate\",\"id\":1,\"objective\":\"o\",\"rating\":"
	    "\"P\"}");
	good("{\"type\":\"rate\",\"id\":1,\"objective\":\"o\",\"rating\":"
	    "\"M\"}");
	good("{\"type\":\"rate\",\"id\":1,\"objective\":\"o\",\"rating\":"
	    "\"U\"}");

	/* JSON whitespace around, unknown fields ignored, keys in any order;
	 * the first of two equal keys counts (as cJSON reads it) */
	good(" \t{ \"id\" : 1 , \"type\" : \"ping\" }\r\n ");
	good("{\"type\":\"ping\",\"id\":1,\"future\":{\"x\":[1,{\"y\":null}]},"
	    "\"type2\":3}");
	ck_assert_int_eq(good("{\"type\":\"ping\",\"type\":\"fire\","
	    "\"id\":1}"), PR_PING);
	/* a UTF-8 byte order mark is skipped (RFC 8259 allows either) */
	good("\xef\xbb\xbf{\"type\":\"ping\",\"id\":1}");
	/* keys are case-sensitive */
	bad("{\"type\":\"ping\",\"ID\":1}", PE_BAD_FIELD,
	    "field 'id': missing");
	/* a backslash before "u0000" that is itself escaped is no NUL */
	good("{\"type\":\"ping\",\"id\":\"\\\\u0000\"}");
}
END_TEST

START_TEST(test_too_long)
{
	struct proto_request	r;
	enum proto_error	code;
	struct error		e;
	char			*line;
	size_t			 n;

	/* a hello of exactly the limit passes; one byte more does not */
	line = malloc(PROTO_LINE_MAX + 2);
	ck_assert_ptr_nonnull(line);
	n = (size_t)sprintf(line, "{\"type\":\"hello\",\"version\":1,"
	    "\"token\":\"t\",\"name\":\"n\"}");
	memset(line + n, ' ', PROTO_LINE_MAX + 1 - n);
	ck_assert_int_eq(decode(line, PROTO_LINE_HELLO, PROTO_LINE_HELLO, &r,
	    &code, &e), 0);
	proto_request_free(&r);
	ck_assert_int_eq(decode(line, PROTO_LINE_HELLO + 1, PROTO_LINE_HELLO,
	    &r, &code, &e), -1);
	ck_assert_int_eq(code, PE_TOO_LONG);
	ck_assert_str_eq(e.msg, "line of 1025 bytes; the limit is 1024");
	ck_assert_ptr_null(r.json);
	proto_request_free(&r);
	ck_assert_int_eq(decode(line, PROTO_LINE_MAX, PROTO_LINE_MAX, &r,
	    &code, &e), 0);
	proto_request_free(&r);
	ck_assert_int_eq(decode(line, PROTO_LINE_MAX + 1, PROTO_LINE_MAX, &r,
	    &code, &e), -1);
	ck_assert_int_eq(code, PE_TOO_LONG);
	ck_assert_str_eq(e.msg, "line of 65537 bytes; the limit is 65536");
	proto_request_free(&r);

	/* the length is checked first: nothing else is looked at */
	memset(line, 0xff, PROTO_LINE_HELLO + 1);
	ck_assert_int_eq(decode(line, PROTO_LINE_HELLO + 1, PROTO_LINE_HELLO,
	    &r, &code, &e), -1);
	ck_assert_int_eq(code, PE_TOO_LONG);
	proto_request_free(&r);
	free(line);
}
END_TEST

START_TEST(test_id_on_error)
{
	struct proto_request	r;
	enum proto_error	code;
	struct error		e;
	const char		*line;

	line = "{\"type\":\"nope\",\"id\":\"r7\"}";
	ck_assert_int_eq(decode(line, strlen(line), PROTO_LINE_MAX, &r, &code,
	    &e), -1);
	ck_assert_int_eq(code, PE_UNKNOWN_TYPE);
	ck_assert_ptr_nonnull(r.id);
	ck_assert_str_eq(r.id->valuestring, "r7");
	proto_request_free(&r);
	ck_assert_ptr_null(r.json);
	ck_assert_ptr_null(r.id);

	line = "{\"type\":\"ack\",\"id\":5}";
	ck_assert_int_eq(decode(line, strlen(line), PROTO_LINE_MAX, &r, &code,
	    &e), -1);
	ck_assert_int_eq(code, PE_BAD_FIELD);
	ck_assert_int_eq(r.type, PR_ACK);
	ck_assert_ptr_nonnull(r.id);
	ck_assert(cJSON_IsNumber(r.id) && r.id->valuedouble == 5);
	proto_request_free(&r);

	/* a bad id is never echoed */
	line = "{\"type\":\"ping\",\"id\":-5}";
	ck_assert_int_eq(decode(line, strlen(line), PROTO_LINE_MAX, &r, &code,
	    &e), -1);
	ck_assert_ptr_nonnull(r.json);
	ck_assert_ptr_null(r.id);
	proto_request_free(&r);

	line = "{\"type\":\"ping\",\"id\":1";
	ck_assert_int_eq(decode(line, strlen(line), PROTO_LINE_MAX, &r, &code,
	    &e), -1);
	ck_assert_ptr_null(r.json);
	ck_assert_ptr_null(r.id);
	ck_assert_int_eq(r.type, PR__COUNT);
	proto_request_free(&r);

	/* hello has no id; it may be sent without one */
	line = "{\"type\":\"hello\",\"version\":1,\"token\":\"t\","
	    "\"name\":\"n\"}";
	ck_assert_int_eq(decode(line, strlen(line), PROTO_LINE_MAX, &r, &code,
	    &e), 0);
	ck_assert_ptr_null(r.id);
	proto_request_free(&r);
	proto_request_free(NULL);

	/* code and e are optional */
	ck_assert_int_eq(proto_decode("{}", 2, 10, &r, NULL, NULL), -1);
	proto_request_free(&r);
}
END_TEST

/* UTF-8 by the definition: decode, then refuse what is not minimal, a
 * surrogate or past U+10FFFF. */
static int
utf8_reference(const unsigned char *s, size_t len)
{
	size_t		i = 0, n, k;
	uint32_t	cp, min;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((s[i] & 0xe0) == 0xc0) {
			n = 2;
			cp = s[i] & 0x1f;
			min = 0x80;
		} else if ((s[i] & 0xf0) == 0xe0) {
			n = 3;
			cp = s[i] & 0x0f;
			min = 0x800;
		} else if ((s[i] & 0xf8) == 0xf0) {
			n = 4;
			cp = s[i] & 0x07;
			min = 0x10000;
		} else
			return 0;
		if (len - i < n)
			return 0;
		for (k = 1; k < n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += n;
	}
	return 1;
}

START_TEST(test_utf8)
{
	static const unsigned char	last[] = { 0x00, 0x41, 0x7f, 0x80, 0x8f,
	    0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff };
	unsigned char			s[4];
	unsigned			a, b, c, d;
	size_t				k;

	ck_assert_int_eq(proto_utf8_valid("", 0), 1);
	ck_assert_int_eq(proto_utf8_valid("\0", 1), 1);	/* U+0000 is UTF-8 */
	ck_assert_int_eq(proto_utf8_valid("\xf4\x8f\xbf\xbf", 4), 1);
	ck_assert_int_eq(proto_utf8_valid("\xf4\x90\x80\x80", 4), 0);
	ck_assert_int_eq(proto_utf8_valid("\xed\x9f\xbf", 3), 1);
	ck_assert_int_eq(proto_utf8_valid("\xed\xa0\x80", 3), 0);
	ck_assert_int_eq(proto_utf8_valid("\xee\x80\x80", 3), 1);
	ck_assert_int_eq(proto_utf8_valid("\xe0\x9f\xbf", 3), 0);
	ck_assert_int_eq(proto_utf8_valid("\xe0\xa0\x80", 3), 1);
	ck_assert_int_eq(proto_utf8_valid("\xc3\xa9", 1), 0);	/* cut */

	/* every sequence of 1 to 3 bytes; 4 bytes with the last from a
	 * list of boundaries */
	for (a = 0; a < 256; a++) {
		s[0] = a;
		ck_assert_int_eq(proto_utf8_valid((char *)s, 1),
		    utf8_reference(s, 1));
		for (b = 0; b < 256; b++) {
			s[1] = b;
			ck_assert_int_eq(proto_utf8_valid((char *)s, 2),
			    utf8_reference(s, 2));
			if (a < 0xc0)
				continue;
			for (c = 0; c < 256; c++) {
				s[2] = c;
				if (proto_utf8_valid((char *)s, 3) !=
				    utf8_reference(s, 3))
					ck_abort_msg("%02x %02x %02x", a, b, c);
				if (a < 0xf0)
					continue;
				for (k = 0; k < sizeof last; k++) {
					s[3] = d = last[k];
					if (proto_utf8_valid((char *)s, 4) !=
					    utf8_reference(s, 4))
						ck_abort_msg("%02x %02x %02x "
						    "%02x", a, b, c, d);
				}
			}
		}
	}
}
END_TEST

/*
 * Where the corpus is: $TTX_PROTO_CORPUS if set; else beside this file,
 * whose name the compiler got relative to the build directory (meson's
 * working directory for tests), found from the working directory or from
 * this program's (build/tests/test-proto); else from the source root.
 */
static FILE *
corpus_open(char *path, size_t size)
{
	const char	*slash = strrchr(__FILE__, '/');
	char		 exe[512], *p;
	ssize_t		 n;
	FILE		*f;

	if (getenv("TTX_PROTO_CORPUS") != NULL) {
		snprintf(path, size, "%s", getenv("TTX_PROTO_CORPUS"));
		return fopen(path, "r");
	}
	if (slash != NULL) {
		snprintf(path, size, "%.*s/../proto/bad-lines.txt",
		    (int)(slash - __FILE__), __FILE__);
		if ((f = fopen(path, "r")) != NULL)
			return f;
		n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (__FILE__[0] != '/' && n > 0) {
			exe[n] = '\0';
			if ((p = strrchr(exe, '/')) != NULL)
				*p = '\0';	/* build/tests */
			snprintf(path, size, "%s/../%.*s/../proto/"
			    "bad-lines.txt", exe, (int)(slash - __FILE__),
			    __FILE__);
			if ((f = fopen(path, "r")) != NULL)
				return f;
		}
	}
	snprintf(path, size, "tests/proto/bad-lines.txt");
	if ((f = fopen(path, "r")) != NULL)
		return f;
	snprintf(path, size, "../tests/proto/bad-lines.txt");
	return fopen(path, "r");
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Undo the corpus escapes in place; the decoded length, or -1. */
static long
unescape(char *s)
{
	char	*start = s, *o = s;
	int	 hi, lo;

	while (*s != '\0') {
		if (*s != '\\') {
			*o++ = *s++;
			continue;
		}
		if (s[1] == '\\' || s[1] == 't') {
			*o++ = s[1] == 't' ? '\t' : '\\';
			s += 2;
		} else if (s[1] == 'x' && (hi = hexval(s[2])) != -1 &&
		    (lo = hexval(s[3])) != -1) {
			*o++ = (char)(hi << 4 | lo);
			s += 4;
		} else
			return -1;
	}
	*o = '\0';
	return (long)(o - start);
}

START_TEST(test_corpus)
{
	struct proto_request	 r;
	enum proto_error	 code, want;
	struct error		 e;
	char			 path[1024], *buf = NULL, *sub, *line, *tab;
	size_t			 bufsz = 0;
	ssize_t			 n;
	long			 len;
	int			 lineno = 0, cases = 0;
	FILE			*f;

	f = corpus_open(path, sizeof path);
	ck_assert_msg(f != NULL, "cannot open the corpus (last tried %s)",
	    path);
	while ((n = getline(&buf, &bufsz, f)) != -1) {
		lineno++;
		if (n > 0 && buf[n - 1] == '\n')
			buf[--n] = '\0';
		if (buf[0] == '\0' || buf[0] == '#')
			continue;
		tab = strchr(buf, '\t');
		ck_assert_msg(tab != NULL, "%s:%d: no tab", path, lineno);
		*tab = '\0';
		sub = tab + 1;
		tab = strchr(sub, '\t');
		ck_assert_msg(tab != NULL, "%s:%d: one tab", path, lineno);
		*tab = '\0';
		line = tab + 1;

		for (want = 0; want < PE__COUNT; want++) {
			if (strcmp(buf, proto_error_name(want)) == 0)
				break;
		}
		ck_assert_msg(want < PE__COUNT, "%s:%d: no code %s", path,
		    lineno, buf);
		len = unescape(line);
		ck_assert_msg(len >= 0, "%s:%d: bad escape", path, lineno);

		ck_assert_msg(decode(line, (size_t)len, PROTO_LINE_MAX, &r,
		    &code, &e) == -1, "%s:%d: decoded", path, lineno);
		ck_assert_msg(code == want, "%s:%d: %s, not %s (%s)", path,
		    lineno, proto_error_name(code), buf, e.msg);
		ck_assert_msg(strstr(e.msg, sub) != NULL, "%s:%d: \"%s\" has "
		    "no \"%s\"", path, lineno, e.msg, sub);
		proto_request_free(&r);
		cases++;
	}
	free(buf);
	fclose(f);
	printf("proto: %d bad lines refused, from %s\n", cases, path);
	ck_assert_int_ge(cases, CORPUS_MIN);
}
END_TEST

/* The message as sent: one line, ending in '\n', that parses back.  The
 * caller deletes the result. */
static cJSON *
sent(const cJSON *msg)
{
	cJSON	*back;
	char	*s;
	size_t	 len;

	s = proto_encode(msg, &len);
	ck_assert_uint_eq(len, strlen(s));
	ck_assert_uint_gt(len, 1);
	ck_assert_int_eq(s[len - 1], '\n');
	ck_assert_ptr_eq(strchr(s, '\n'), s + len - 1);
	ck_assert_msg(proto_utf8_valid(s, len), "%s", s);
	back = cJSON_ParseWithLength(s, len);
	ck_assert_msg(back != NULL, "%s", s);
	free(s);
	return back;
}

START_TEST(test_encode)
{
	struct proto_request	 r;
	enum proto_error	 code;
	struct error		 e;
	static const char *const ids[] = { "0", "-0", "7", "2147483648",
	    "1000000000000001", "9007199254740991", "9007199254740992",
	    "\"9007199254740991\"", "\"r-1\"" };
	cJSON			*msg, *back, *re;
	char			*s, want[128];
	size_t			 len, i;
	const char		*line;

	msg = proto_ok(NULL);
	s = proto_encode(msg, &len);
	ck_assert_str_eq(s, "{\"type\":\"ok\",\"re\":null}\n");
	ck_assert_uint_eq(len, strlen(s));
	free(s);
	cJSON_Delete(msg);

	/* integral ids come back digit for digit (cJSON alone would send
	 * 9007199254740991 as 9.00719925474099e+15) */
	for (i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		snprintf(want, sizeof want, "{\"type\":\"ping\",\"id\":%s}",
		    ids[i]);
		ck_assert_int_eq(decode(want, strlen(want), PROTO_LINE_MAX, &r,
		    &code, &e), 0);
		msg = proto_ok(r.id);
		proto_request_free(&r);
		s = proto_encode(msg, NULL);
		snprintf(want, sizeof want, "{\"type\":\"ok\",\"re\":%s}\n",
		    strcmp(ids[i], "-0") == 0 ? "0" : ids[i]);
		ck_assert_str_eq(s, want);
		free(s);
		cJSON_Delete(msg);
	}

	/* a message that needs escaping stays one line and comes back */
	re = cJSON_CreateString("r-1");
	msg = proto_error_reply(re, PE_BAD_FIELD, "field 'x': \"q\"\nnext\t"
	    "\x1b[2J \\ \xc3\xa9");
	cJSON_Delete(re);
	back = sent(msg);
	ck_assert_str_eq(cJSON_GetObjectItem(back, "type")->valuestring,
	    "error");
	ck_assert_str_eq(cJSON_GetObjectItem(back, "re")->valuestring, "r-1");
	ck_assert_str_eq(cJSON_GetObjectItem(back, "code")->valuestring,
	    "bad-field");
	ck_assert_str_eq(cJSON_GetObjectItem(back, "message")->valuestring,
	    "field 'x': \"q\"\nnext\t\x1b[2J \\ \xc3\xa9");
	cJSON_Delete(back);
	cJSON_Delete(msg);

	/* bytes that are not UTF-8 do not go out as they are */
	msg = proto_error_reply(NULL, PE_STATE, "caf\xe9 \xed\xa0\x80!");
	back = sent(msg);
	ck_assert_str_eq(cJSON_GetObjectItem(back, "message")->valuestring,
	    "caf? ??" "?!");
	ck_assert(cJSON_IsNull(cJSON_GetObjectItem(back, "re")));
	cJSON_Delete(back);
	cJSON_Delete(msg);

	/* a refused request answered with its own id and message */
	line = "{\"type\":\"speed\",\"id\":\"s-9\",\"x\":0}";
	ck_assert_int_eq(decode(line, strlen(line), PROTO_LINE_MAX, &r, &code,
	    &e), -1);
	msg = proto_error_reply(r.id, code, e.msg);
	proto_request_free(&r);
	back = sent(msg);
	ck_assert_str_eq(cJSON_GetObjectItem(back, "re")->valuestring, "s-9");
	ck_assert_str_eq(cJSON_GetObjectItem(back, "code")->valuestring,
	    "bad-field");
	ck_assert_str_eq(cJSON_GetObjectItem(back, "message")->valuestring,
	    "field 'x': must be a number > 0 and <= 1e9");
	cJSON_Delete(back);
	cJSON_Delete(msg);

	/* and what a client sends decodes */
	msg = proto_ok(NULL);
	cJSON_ReplaceItemInObject(msg, "type", cJSON_CreateString("ping"));
	cJSON_AddStringToObject(msg, "id", "p-1");
	s = proto_encode(msg, &len);
	ck_assert_int_eq(decode(s, len - 1, PROTO_LINE_HELLO, &r, &code, &e),
	    0);
	ck_assert_int_eq(r.type, PR_PING);
	proto_request_free(&r);
	free(s);
	cJSON_Delete(msg);
}
END_TEST

START_TEST(test_utf8_fix)
{
	size_t	 n = 3;
	char	*f;

	ck_assert_ptr_null(proto_utf8_fix("a\xc3\xa9", &n));
	n = 5;
	/* a stray byte, then half a surrogate: three U+FFFD */
	f = proto_utf8_fix("a\xff\xed\xa0" "b", &n);
	ck_assert_str_eq(f, "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b");
	ck_assert_uint_eq(n, 11);
	free(f);
}
END_TEST

/* What reaches a terminal: controls but newline and tab, and bad bytes,
 * as U+FFFD; every printable character, in any script, as it is. */
START_TEST(test_vis)
{
	static const char in[] = "t\tn\n esc\x1b[2J bel\a del\x7f "
	    "c1\xc2\x9b nbsp\xc2\xa0 \xc3\xa9\xe4\xb8\xad\xf0\x9f\x94\x92 "
	    "bad\xff\xc3";
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*f = open_memstream(&buf, &len);

	vis_write(f, in, sizeof in - 1);
	vis_printf(f, "|%s|%d\n", "\x1b]0;x\a", 7);
	fclose(f);
	ck_assert_str_eq(buf, "t\tn\n esc\xef\xbf\xbd[2J bel\xef\xbf\xbd "
	    "del\xef\xbf\xbd c1\xef\xbf\xbd nbsp\xc2\xa0 "
	    "\xc3\xa9\xe4\xb8\xad\xf0\x9f\x94\x92 "
	    "bad\xef\xbf\xbd\xef\xbf\xbd"
	    "|\xef\xbf\xbd]0;x\xef\xbf\xbd|7\n");
	free(buf);
}
END_TEST

static void
add_tests(TCase *tc)
{
	tcase_add_test(tc, test_utf8_fix);
	tcase_add_test(tc, test_vis);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_table);
	tcase_add_test(tc, test_allowed);
	tcase_add_test(tc, test_minimal);
	tcase_add_test(tc, test_missing);
	tcase_add_test(tc, test_mistyped);
	tcase_add_test(tc, test_edges);
	tcase_add_test(tc, test_too_long);
	tcase_add_test(tc, test_id_on_error);
	tcase_add_test(tc, test_utf8);
	tcase_add_test(tc, test_corpus);
	tcase_add_test(tc, test_encode);
}

#define SUITE_NAME "proto"
#include "tcheck.h"
