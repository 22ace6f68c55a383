/*
 * Discrete-event core: a 4-ary min-heap of pending events.
 *
 * Invariant: events fire in order of (time, sequence), where sequence is
 * a counter taken when the event is scheduled, so ties fire first in,
 * first out.  The heap holds small entries (time, sequence, slot) so that
 * comparisons never leave the heap array; a slot holds the event's action
 * and its current heap position, which is what makes cancel O(log n).
 * Handles are (generation << 32 | slot): a slot's generation changes when
 * its event fires or is cancelled, so a stale handle is recognised.
 */
#include <assert.h>
#include <stdlib.h>

#include "sim.h"
#include "xmalloc.h"

#define SIM_ARITY	4
#define SIM_NOPOS	UINT32_MAX

struct sim_entry {
	sim_time	t;
	uint64_t	seq;
	uint32_t	slot;
};

struct sim_slot {
	sim_fn		fn;
	void		*arg;
	uint64_t	data;
	uint32_t	pos;		/* heap index, or SIM_NOPOS if free */
	uint32_t	gen;
	uint32_t	next_free;
};

struct sim {
	sim_time	 now;
	uint64_t	 seq;
	uint64_t	 fired;
	int		 stopped;

	struct sim_entry *heap;
	uint32_t	 n, cap;

	struct sim_slot	*slots;
	uint32_t	 nslots, free_head;
};

static inline int
sim_less(const struct sim_entry *a, const struct sim_entry *b)
{
	if (a->t != b->t)
		return a->t < b->t;
	return a->seq < b->seq;
}

static inline void
sim_place(struct sim *sim, uint32_t i, struct sim_entry e)
{
	sim->heap[i] = e;
	sim->slots[e.slot].pos = i;
}

static void
sim_sift_up(struct sim *sim, uint32_t i, struct sim_entry e)
{
	uint32_t	parent;

	while (i > 0) {
		parent = (i - 1) / SIM_ARITY;
		if (!sim_less(&e, &sim->heap[parent]))
			break;
		sim_place(sim, i, sim->heap[parent]);
		i = parent;
	}
	sim_place(sim, i, e);
}

static void
sim_sift_down(struct sim *sim, uint32_t i, struct sim_entry e)
{
	uint32_t	 c, end, best, k;

	for (;;) {
		c = i * SIM_ARITY + 1;
		if (c >= sim->n)
			break;
		end = c + SIM_ARITY;
		if (end > sim->n)
			end = sim->n;
		best = c;
		for (k = c + 1; k < end; k++) {
			if (sim_less(&sim->heap[k], &sim->heap[best]))
				best = k;
		}
		if (!sim_less(&sim->heap[best], &e))
			break;
		sim_place(sim, i, sim->heap[best]);
		i = best;
	}
	sim_place(sim, i, e);
}

/* Remove the entry at heap index i, keeping the heap ordered. */
static void
sim_remove_at(struct sim *sim, uint32_t i)
{
	struct sim_entry	last;

	last = sim->heap[--sim->n];
	if (i == sim->n)
		return;
	if (i > 0 && sim_less(&last, &sim->heap[(i - 1) / SIM_ARITY]))
		sim_sift_up(sim, i, last);
	else
		sim_sift_down(sim, i, last);
}

static void
sim_release(struct sim *sim, uint32_t slot)
{
	struct sim_slot	*s = &sim->slots[slot];

	s->pos = SIM_NOPOS;
	s->fn = NULL;
	s->gen++;
	if (s->gen == 0)
		s->gen = 1;
	s->next_free = sim->free_head;
	sim->free_head = slot;
}

struct sim *
sim_new(void)
{
	struct sim	*sim;

	sim = xcalloc(1, sizeof *sim);
	sim->free_head = SIM_NOPOS;
	return sim;
}

void
sim_free(struct sim *sim)
{
	if (sim == NULL)
		return;
	free(sim->heap);
	free(sim->slots);
	free(sim);
}

sim_handle
sim_at(struct sim *sim, sim_time t, sim_fn fn, void *arg, uint64_t data)
{
	struct sim_slot		*s;
	struct sim_entry	 e;
	uint32_t		 slot;

	assert(t >= sim->now);
	assert(fn != NULL);

	if (sim->free_head != SIM_NOPOS) {
		slot = sim->free_head;
		sim->free_head = sim->slots[slot].next_free;
	} else {
		assert(sim->nslots < SIM_NOPOS - 1);
		sim->slots = xreallocarray(sim->slots, sim->nslots + 1,
		    sizeof *sim->slots);
		slot = sim->nslots++;
		sim->slots[slot].gen = 1;
	}
	s = &sim->slots[slot];
	s->fn = fn;
	s->arg = arg;
	s->data = data;

	if (sim->n == sim->cap) {
		sim->cap = sim->cap == 0 ? 64 : sim->cap * 2;
		sim->heap = xreallocarray(sim->heap, sim->cap,
		    sizeof *sim->heap);
	}
	e.t = t;
	e.seq = sim->seq++;
	e.slot = slot;
	sim_sift_up(sim, sim->n++, e);
	return ((uint64_t)s->gen << 32) | slot;
}

static struct sim_slot *
sim_lookup(const struct sim *sim, sim_handle h)
{
	uint32_t	 slot = (uint32_t)h;
	uint32_t	 gen = (uint32_t)(h >> 32);

	if (h == 0 || slot >= sim->nslots)
		return NULL;
	if (sim->slots[slot].gen != gen ||
	    sim->slots[slot].pos == SIM_NOPOS)
		return NULL;
	return &sim->slots[slot];
}

int
sim_cancel(struct sim *sim, sim_handle h)
{
	struct sim_slot	*s;

	if ((s = sim_lookup(sim, h)) == NULL)
		return -1;
	sim_remove_at(sim, s->pos);
	sim_release(sim, (uint32_t)h);
	return 0;
}

int
sim_pending(const struct sim *sim, sim_handle h)
{
	return sim_lookup(sim, h) != NULL;
}

sim_time
sim_now(const struct sim *sim)
{
	return sim->now;
}

sim_time
sim_next(const struct sim *sim)
{
	return sim->n == 0 ? SIM_NEVER : sim->heap[0].t;
}

size_t
sim_count(const struct sim *sim)
{
	return sim->n;
}

uint64_t
sim_fired(const struct sim *sim)
{
	return sim->fired;
}

int
sim_step(struct sim *sim)
{
	struct sim_entry	 top;
	struct sim_slot		*s;
	sim_fn			 fn;
	void			*arg;
	uint64_t		 data;

	if (sim->n == 0)
		return 0;
	top = sim->heap[0];
	sim_remove_at(sim, 0);
	s = &sim->slots[top.slot];
	fn = s->fn;
	arg = s->arg;
	data = s->data;
	sim_release(sim, top.slot);

	sim->now = top.t;
	sim->fired++;
	fn(sim, arg, data);
	return 1;
}

uint64_t
sim_run_until(struct sim *sim, sim_time t)
{
	uint64_t	before = sim->fired;

	sim->stopped = 0;
	while (!sim->stopped && sim->n > 0 && sim->heap[0].t <= t)
		sim_step(sim);
	if (!sim->stopped && t > sim->now && t != SIM_NEVER)
		sim->now = t;
	return sim->fired - before;
}

void
sim_stop(struct sim *sim)
{
	sim->stopped = 1;
}

void
sim_reset(struct sim *sim)
{
	while (sim->n > 0)
		sim_release(sim, sim->heap[--sim->n].slot);
	sim->now = 0;
	sim->fired = 0;
	sim->stopped = 0;
}
