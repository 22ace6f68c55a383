/*
 * Headless players: see bot.h.
 */
#include <stdlib.h>

#include "bot.h"
#include "exercise.h"
#include "rng.h"
#include "xmalloc.h"

struct bot {
	struct exercise	*ex;
	enum bot_mode	 mode;
	struct rng	 rng;
	int		*forced;	/* per inject: choice index or -1 */
	size_t		 nforced;
	unsigned char	*plays;		/* per role, or NULL: every role */
};

/* sim data: delivery << 17 | recipient << 1 | decide */
#define BOT_DATA(dv, k, decide) \
	(((uint64_t)(dv) << 17) | ((uint64_t)(k) << 1) | (decide))

static void
bot_act(struct sim *sim, void *arg, uint64_t data)
{
	struct bot		*b = arg;
	struct exercise		*ex = b->ex;
	int			 dv = (int)(data >> 17);
	int			 k = (int)((data >> 1) & 0xffff);
	struct ex_delivery	*d = &ex->deliveries[dv];
	struct ex_inject	*in = &ex->injects[d->inject];
	int			 choice;

	if (!(data & 1)) {
		exercise_ack(ex, dv, d->to[k], "bot", NULL);
		return;
	}
	if (d->choice != -1)
		return;
	if ((size_t)d->inject < b->nforced && b->forced[d->inject] != -1)
		choice = b->forced[d->inject];
	else if (b->mode == BOT_FIRST)
		choice = 0;
	else
		choice = (int)rng_range(&b->rng, 0, (int64_t)in->nchoices - 1);
	exercise_decide(ex, dv, d->to[k], choice, "bot", NULL);
}

/* Whole seconds: a person's reaction, and a readable timeline. */
static sim_time
bot_delay(struct bot *b, const struct ex_role *r)
{
	return rng_range(&b->rng, r->delay_lo / SIM_SEC,
	    r->delay_hi / SIM_SEC) * SIM_SEC;
}

static void
bot_listen(struct exercise *ex, const struct ex_record *r, void *arg)
{
	struct bot		*b = arg;
	struct ex_delivery	*d;
	sim_time		 ack;
	size_t			 k;

	if (r->kind != REC_INJECT)
		return;
	d = &ex->deliveries[r->delivery];
	for (k = 0; k < d->nto && k < 0xffff; k++) {
		if (b->plays != NULL && !b->plays[d->to[k]])
			continue;
		ack = r->t + bot_delay(b, &ex->roles[d->to[k]]);
		sim_at(ex->sim, ack, bot_act, b, BOT_DATA(r->delivery, k, 0));
		if (k == 0 && ex->injects[d->inject].nchoices > 0)
			sim_at(ex->sim, ack + bot_delay(b,
			    &ex->roles[d->to[k]]), bot_act, b,
			    BOT_DATA(r->delivery, k, 1));
	}
}

struct bot *
bot_new(struct exercise *ex, enum bot_mode mode, uint64_t seed)
{
	struct bot	*b;
	size_t		 i;

	b = xcalloc(1, sizeof *b);
	b->ex = ex;
	b->mode = mode;
	rng_seed(&b->rng, seed ^ 0x626f7473ULL);	/* "bots" */
	b->nforced = ex->ninjects;
	b->forced = xcalloc(b->nforced + 1, sizeof *b->forced);
	for (i = 0; i < b->nforced; i++)
		b->forced[i] = -1;
	exercise_listen(ex, bot_listen, b);
	return b;
}

void
bot_free(struct bot *b)
{
	if (b == NULL)
		return;
	free(b->forced);
	free(b->plays);
	free(b);
}

int
bot_play(struct bot *b, const char *role, struct error *e)
{
	int	r;

	if ((r = exercise_role(b->ex, role)) == -1)
		return error_set(e, ERR_NOT_FOUND, "no role '%s'", role);
	if (b->plays == NULL)
		b->plays = xcalloc(b->ex->nroles + 1, 1);
	b->plays[r] = 1;
	return 0;
}

int
bot_force(struct bot *b, const char *inject, const char *choice,
    struct error *e)
{
	int	i, c;

	if ((i = exercise_inject(b->ex, inject)) == -1)
		return error_set(e, ERR_NOT_FOUND, "no inject '%s'", inject);
	if (b->ex->injects[i].nchoices == 0)
		return error_set(e, ERR_INVALID, "inject '%s' has no choices",
		    inject);
	if ((c = exercise_choice(b->ex, i, choice)) == -1)
		return error_set(e, ERR_NOT_FOUND, "inject '%s' has no choice "
		    "'%s'", inject, choice);
	b->forced[i] = c;
	return 0;
}
