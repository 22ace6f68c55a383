/*
 * Traffic Light Protocol 2.0: the labels, and the rule that says who may
 * receive an item a role shares under a label.
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

/* A role as the sharing rules see it. */
struct tlp_party {
	const char		*role;
	const char		*org;		/* NULL: in no organisation */
	int			 is_public;	/* press, social media */
	const char *const	*clients;	/* its org's client orgs */
	size_t			 nclients;
};

/*
 * May `from' share an item labelled `label' with `to'?  1 if so; 0 if not,
 * with the reason in why (a sentence a player reads, naming the rule).
 *	RED		only the named recipients (every recipient of a share
 *			is named by its sharer; a RED item is never forwarded)
 *	AMBER+STRICT	the sharer's own organisation
 *	AMBER		the sharer's organisation and its client organisations
 *	GREEN		the exercise community: not roles marked public
 *	CLEAR		anyone
 */
int		 tlp_allows(enum tlp label, const struct tlp_party *from,
		     const struct tlp_party *to, char *why, size_t len);
/* 1 if `b' is at least as restrictive as `a' (a forward may not lower a
 * label). */
int		 tlp_at_least(enum tlp b, enum tlp a);

#endif
