/*
 * Traffic Light Protocol 2.0 labels.  The sharing rules arrive with the
 * live server; for now this is the one list of labels and their names.
 */
#ifndef TTX_TLP_H
#define TTX_TLP_H

/* X(enum, name as written in scenarios and shown to players) */
#define TLP_LABELS(X)				\
	X(TLP_CLEAR, "clear")			\
	X(TLP_GREEN, "green")			\
	X(TLP_AMBER, "amber")			\
	X(TLP_AMBER_STRICT, "amber+strict")	\
	X(TLP_RED, "red")

enum tlp {
#define X(e, s) e,
	TLP_LABELS(X)
#undef X
	TLP__COUNT
};

/* "clear", ...; NULL-terminated, in enum order (for luaL_checkoption). */
extern const char *const tlp_names[];

/* The label for a name (case-sensitive), or -1. */
int		 tlp_parse(const char *name);
const char	*tlp_name(enum tlp t);
/* "TLP:AMBER+STRICT" */
const char	*tlp_banner(enum tlp t);

#endif
