/*
 * Time parsing and formatting: see vtime.h.  Calendar arithmetic is done
 * here (days from a civil date) rather than with timegm(), which is not
 * POSIX and would read the process's time zone database.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "vtime.h"

#define VTIME_MAX	(100LL * 365 * SIM_DAY)	/* a century is plenty */

static int
vtime_digits(const char **sp, int64_t *out)
{
	const char	*s = *sp;
	int64_t		 v = 0;

	if (!isdigit((unsigned char)*s))
		return -1;
	while (isdigit((unsigned char)*s)) {
		v = v * 10 + (*s - '0');
		if (v > VTIME_MAX)
			return -1;
		s++;
	}
	*sp = s;
	*out = v;
	return 0;
}

/* "H:MM" or "H:MM:SS". */
static int
vtime_parse_clock(const char *s, sim_time *out)
{
	int64_t	h, m, sec = 0;

	if (vtime_digits(&s, &h) != 0 || *s++ != ':')
		return -1;
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
		return -1;
	if (vtime_digits(&s, &m) != 0 || m > 59)
		return -1;
	if (*s == ':') {
		s++;
		if (!isdigit((unsigned char)s[0]) ||
		    !isdigit((unsigned char)s[1]) ||
		    vtime_digits(&s, &sec) != 0 || sec > 59)
			return -1;
	}
	if (*s != '\0')
		return -1;
	*out = h * SIM_HOUR + m * SIM_MIN + sec * SIM_SEC;
	return 0;
}

int
vtime_parse(const char *s, sim_time *out, struct error *e)
{
	static const struct {
		char		unit;
		sim_time	scale;
	} units[] = {
		{ 'd', SIM_DAY }, { 'h', SIM_HOUR }, { 'm', SIM_MIN },
		{ 's', SIM_SEC },
	};
	const size_t	 nunits = sizeof units / sizeof units[0];
	size_t		 next = 0, i;
	sim_time	 total = 0;
	int64_t		 v;
	int		 parts = 0;

	if (s[0] == 'T' && s[1] == '+')
		s += 2;
	while (*s == ' ')
		s++;
	if (strchr(s, ':') != NULL) {
		if (vtime_parse_clock(s, out) == 0)
			return 0;
		return error_set(e, ERR_INVALID,
		    "expected H:MM or H:MM:SS");
	}
	while (*s != '\0') {
		if (vtime_digits(&s, &v) != 0)
			goto bad;
		for (i = next; i < nunits; i++) {
			if (*s == units[i].unit)
				break;
		}
		if (i == nunits)
			goto bad;
		total += v * units[i].scale;
		if (total > VTIME_MAX)
			return error_set(e, ERR_INVALID, "too long");
		next = i + 1;
		s++;
		parts++;
		while (*s == ' ')
			s++;
	}
	if (parts == 0)
		goto bad;
	*out = total;
	return 0;
bad:
	return error_set(e, ERR_INVALID,
	    "expected a number of seconds or a string like "
	    "\"45s\", \"90m\", \"1h30m\", \"2d\" or \"T+1h\"");
}

char *
vtime_format(sim_time t, char *buf, size_t len)
{
	const char	*sign = "+";
	int64_t		 h, m, s, ms;

	if (t < 0) {
		sign = "-";
		t = -t;
	}
	h = t / SIM_HOUR;
	m = t / SIM_MIN % 60;
	s = t / SIM_SEC % 60;
	ms = t % SIM_SEC;
	if (ms != 0)
		snprintf(buf, len, "T%s%02" PRId64 ":%02" PRId64 ":%02" PRId64
		    ".%03" PRId64, sign, h, m, s, ms);
	else
		snprintf(buf, len, "T%s%02" PRId64 ":%02" PRId64 ":%02" PRId64,
		    sign, h, m, s);
	return buf;
}

char *
vtime_format_short(sim_time t, char *buf, size_t len)
{
	static const struct {
		char		unit;
		sim_time	scale;
	} units[] = {
		{ 'd', SIM_DAY }, { 'h', SIM_HOUR }, { 'm', SIM_MIN },
		{ 's', SIM_SEC },
	};
	size_t	i, off = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof units / sizeof units[0] && off < len; i++) {
		if (t >= units[i].scale) {
			off += snprintf(buf + off, len - off, "%" PRId64 "%c",
			    t / units[i].scale, units[i].unit);
			t %= units[i].scale;
		}
	}
	if (off < len && (t != 0 || off == 0))
		snprintf(buf + off, len - off, t == 0 ? "0s" : "%" PRId64 "ms",
		    t);
	return buf;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int64_t
vtime_days(int64_t y, int64_t m, int64_t d)
{
	int64_t	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
vtime_civil(int64_t z, int64_t *y, int64_t *m, int64_t *d)
{
	int64_t	era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int
vtime_field(const char **sp, int width, int64_t lo, int64_t hi, int64_t *out)
{
	const char	*s = *sp;
	int64_t		 v = 0;
	int		 i;

	for (i = 0; i < width; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v < lo || v > hi)
		return -1;
	*sp = s + width;
	*out = v;
	return 0;
}

int
vtime_parse_iso(const char *s, int64_t *out, struct error *e)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int64_t	y, mo, d, h, mi, sec = 0, oh = 0, om = 0;
	int	sign = 0;

	if (vtime_field(&s, 4, 1900, 9999, &y) || *s++ != '-' ||
	    vtime_field(&s, 2, 1, 12, &mo) || *s++ != '-' ||
	    vtime_field(&s, 2, 1, mdays[mo - 1], &d) ||
	    (*s != 'T' && *s != ' ') || !*s++ ||
	    vtime_field(&s, 2, 0, 23, &h) || *s++ != ':' ||
	    vtime_field(&s, 2, 0, 59, &mi))
		goto bad;
	if (*s == ':' && (s++, vtime_field(&s, 2, 0, 60, &sec)))
		goto bad;
	if (*s == 'Z')
		s++;
	else if (*s == '+' || *s == '-') {
		sign = *s++ == '+' ? 1 : -1;
		if (vtime_field(&s, 2, 0, 23, &oh) || *s++ != ':' ||
		    vtime_field(&s, 2, 0, 59, &om))
			goto bad;
	} else
		goto bad;
	if (*s != '\0')
		goto bad;
	*out = vtime_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
	    sign * (oh * 3600 + om * 60);
	return 0;
bad:
	return error_set(e, ERR_INVALID,
	    "expected a UTC date and time like \"2026-03-14T08:00:00Z\"");
}

char *
vtime_format_iso(int64_t epoch, char *buf, size_t len)
{
	int64_t	days, secs, y, m, d;

	days = epoch / 86400;
	secs = epoch % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	vtime_civil(days, &y, &m, &d);
	snprintf(buf, len, "%04" PRId64 "-%02" PRId64 "-%02" PRId64
	    " %02" PRId64 ":%02" PRId64 "Z", y, m, d, secs / 3600,
	    secs / 60 % 60);
	return buf;
}
