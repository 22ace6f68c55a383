/*
 * TLP labels: see tlp.h.
 */
#include <stdio.h>
#include <string.h>

#include "tlp.h"

const char *const tlp_names[] = {
#define X(e, s) s,
	TLP_LABELS(X)
#undef X
	NULL
};
_Static_assert(sizeof tlp_names / sizeof tlp_names[0] == TLP__COUNT + 1,
    "one name per label");

static const char *const tlp_banners[] = {
	"TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"
};
_Static_assert(sizeof tlp_banners / sizeof tlp_banners[0] == TLP__COUNT,
    "one banner per label");

int
tlp_parse(const char *name)
{
	int	i;

	for (i = 0; i < TLP__COUNT; i++) {
		if (strcmp(name, tlp_names[i]) == 0)
			return i;
	}
	return -1;
}

const char *
tlp_name(enum tlp t)
{
	return (unsigned)t < TLP__COUNT ? tlp_names[t] : "?";
}

const char *
tlp_banner(enum tlp t)
{
	return (unsigned)t < TLP__COUNT ? tlp_banners[t] : "TLP:?";
}

static int
tlp_same_org(const struct tlp_party *a, const struct tlp_party *b)
{
	return a->org != NULL && b->org != NULL && strcmp(a->org, b->org) == 0;
}

int
tlp_allows(enum tlp label, const struct tlp_party *from,
    const struct tlp_party *to, char *why, size_t len)
{
	size_t	i;

	switch (label) {
	case TLP_CLEAR:
	case TLP_RED:
		return 1;
	case TLP_GREEN:
		if (!to->is_public)
			return 1;
		snprintf(why, len, "TLP:GREEN stays in the exercise community, "
		    "and %s is a public channel", to->role);
		return 0;
	case TLP_AMBER_STRICT:
		if (tlp_same_org(from, to))
			return 1;
		snprintf(why, len, "TLP:AMBER+STRICT stays in your own "
		    "organisation (%s), and %s is in %s", from->org ?
		    from->org : "none", to->role, to->org ? to->org : "none");
		return 0;
	case TLP_AMBER:
		if (tlp_same_org(from, to))
			return 1;
		for (i = 0; to->org != NULL && i < from->nclients; i++) {
			if (strcmp(from->clients[i], to->org) == 0)
				return 1;
		}
		snprintf(why, len, "TLP:AMBER goes to your organisation (%s) "
		    "and its clients only, and %s's organisation (%s) is not "
		    "one of them", from->org ? from->org : "none", to->role,
		    to->org ? to->org : "none");
		return 0;
	default:
		snprintf(why, len, "unknown TLP label");
		return 0;
	}
}

int
tlp_at_least(enum tlp b, enum tlp a)
{
	return (int)b >= (int)a;
}
