/*
 * TLP labels: see tlp.h.
 */
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
