/*
 * Discrete-event core: a 4-ary min-heap of pending events.
 *
 * Invariant: events fire in order of (time, sequence), where sequence is
 * a counter taken when the event is scheduled, so ties fire first in,
 * first out.
 *
 * Layout, for speed: a heap entry is 16 bytes, the time and a key that
 * packs (sequence << 24 | slot), so comparing two entries never leaves the
 * heap array and one comparison orders ties (sequences are unique).  The
 * array starts 3 entries before a 64-byte boundary, so the four children
 * of a node share one cache line.  A slot holds the event's action.
 *
 * Cancel is lazy, as Redis's event loop deletes: the slot is marked and
 * its entry is dropped when it reaches the top; when cancelled entries
 * outnumber live ones the heap is swept and rebuilt, so a cancel costs
 * O(1) amortised and memory stays within twice the live events.
 *
 * Handles are (generation << 32 | slot): a slot's generation changes when
 * it is released, so a stale handle is recognised.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"
#include "xmalloc.h"

#define SIM_SLOT_BITS	24
#define SIM_MAX_SLOTS	((uint32_t)1 << SIM_SLOT_BITS)	/* pending, max */
#define SIM_SLOT_MASK	((uint64_t)SIM_MAX_SLOTS - 1)
#define SIM_SEQ_LIMIT	((uint64_t)1 << (64 - SIM_SLOT_BITS))
#define SIM_PAD		3	/* entries before the aligned children */
#define SIM_LINE	64

/* A slot's link: the next free slot, or one of these. */
#define SIM_PENDING	UINT32_MAX
#define SIM_CANCELLED	(UINT32_MAX - 1)
#define SIM_NONE	(UINT32_MAX - 2)

/*
 * An entry is its sort key: time in the high 64 bits, sequence and slot in
 * the low 64, so that ordering by (time, sequence) is one unsigned 128-bit
 * comparison, which compilers emit without branches.
 */
#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 sim_key;
#define SIM_ENTRY(t, k)	(((sim_key)(uint64_t)(t) << 64) | (sim_key)(k))
#define SIM_E_T(e)	((sim_time)(uint64_t)((e) >> 64))
#define SIM_E_K(e)	((uint64_t)(e))
#define SIM_LESS(a, b)	((a) < (b))
#else
typedef struct {
	uint64_t	hi, lo;
} sim_key;
static inline sim_key
sim_entry_make(sim_time t, uint64_t k)
{
	sim_key	e = { (uint64_t)t, k };

	return e;
}
#define SIM_ENTRY(t, k)	sim_entry_make((t), (k))
#define SIM_E_T(e)	((sim_time)(e).hi)
#define SIM_E_K(e)	((e).lo)
#define SIM_LESS(a, b)	((a).hi < (b).hi || ((a).hi == (b).hi && (a).lo < (b).lo))
#endif

struct sim_slot {
	sim_fn		 fn;
	void		*arg;
	uint64_t	 data;
	uint32_t	 gen;
	uint32_t	 link;
};

struct sim {
	sim_time	 now;
	uint64_t	 seq;
	uint64_t	 fired;
	int		 stopped;

	void		*base;		/* allocation of heap, aligned */
	sim_key		*heap;
	uint32_t	 n, cap;		/* entries, live and cancelled */
	uint32_t	 ncancelled;

	struct sim_slot	*slots;
	uint32_t	 nslots, cslots, free_head;
};

static inline uint32_t
sim_slot_of(sim_key e)
{
	return (uint32_t)(SIM_E_K(e) & SIM_SLOT_MASK);
}

static inline void
sim_prefetch(const sim_key *p)
{
#if defined(__GNUC__)
	const char	*c = (const char *)p;

	__builtin_prefetch(c);
	__builtin_prefetch(c + 64);
	__builtin_prefetch(c + 128);
	__builtin_prefetch(c + 192);
#else
	(void)p;
#endif
}

static void
sim_sift_up(sim_key *h, uint32_t i, sim_key e)
{
	uint32_t	parent;

	while (i > 0) {
		parent = (i - 1) / 4;
		if (!SIM_LESS(e, h[parent]))
			break;
		h[i] = h[parent];
		i = parent;
	}
	h[i] = e;
}

/* The index of the least child of i, or 0 if i is a leaf. */
static inline uint32_t
sim_least_child(const sim_key *h, uint32_t n, uint32_t i)
{
	uint32_t	c = 4 * i + 1, a, b, k;

	if (c + 3 < n) {
		a = SIM_LESS(h[c + 1], h[c]) ? c + 1 : c;
		b = SIM_LESS(h[c + 3], h[c + 2]) ? c + 3 : c + 2;
		return SIM_LESS(h[b], h[a]) ? b : a;
	}
	if (c >= n)
		return 0;
	for (a = c, k = c + 1; k < n; k++) {
		if (SIM_LESS(h[k], h[a]))
			a = k;
	}
	return a;
}

static void
sim_sift_down(sim_key *h, uint32_t n, uint32_t i, sim_key e)
{
	uint32_t	c;

	while ((c = sim_least_child(h, n, i)) != 0 && SIM_LESS(h[c], e)) {
		h[i] = h[c];
		i = c;
	}
	h[i] = e;
}

/* Remove the root: move the hole down to a leaf along the least children,
 * then put the last entry in it and sift it up (it rarely rises far, so
 * this takes fewer comparisons than a plain sift-down). */
static void
sim_pop_root(struct sim *sim)
{
	sim_key		*h = sim->heap, last;
	uint32_t	 i = 0, c, n;

	last = h[--sim->n];
	n = sim->n;
	if (n == 0)
		return;
	for (;;) {
		/* the next level is one of four cache lines: fetch them while
		 * this level is compared (hides most of a miss at large n) */
		if (16 * i + 20 < n)
			sim_prefetch(&h[16 * i + 5]);
		if ((c = sim_least_child(h, n, i)) == 0)
			break;
		h[i] = h[c];
		i = c;
	}
	sim_sift_up(h, i, last);
}

static void
sim_release(struct sim *sim, uint32_t slot)
{
	struct sim_slot	*s = &sim->slots[slot];

	s->fn = NULL;
	if (++s->gen == 0)
		s->gen = 1;
	s->link = sim->free_head;
	sim->free_head = slot;
}

static void
sim_heap_alloc(struct sim *sim, uint32_t cap)
{
	size_t	 bytes;
	void	*base;

	bytes = ((size_t)cap + SIM_PAD) * sizeof(sim_key);
	bytes = (bytes + SIM_LINE - 1) / SIM_LINE * SIM_LINE;
	if ((base = aligned_alloc(SIM_LINE, bytes)) == NULL)
		base = xmalloc(bytes);	/* aborts: never returns NULL */
	if (sim->n > 0)
		memcpy((sim_key *)base + SIM_PAD, sim->heap,
		    sim->n * sizeof *sim->heap);
	free(sim->base);
	sim->base = base;
	sim->heap = (sim_key *)base + SIM_PAD;
	sim->cap = cap;
}

/* Rebuild the heap in place from its entries (Floyd), dropping cancelled
 * ones and releasing their slots. */
static void
sim_sweep(struct sim *sim)
{
	sim_key		*h = sim->heap;
	uint32_t	 i, j, slot;

	for (i = j = 0; i < sim->n; i++) {
		slot = sim_slot_of(h[i]);
		if (sim->slots[slot].link == SIM_CANCELLED)
			sim_release(sim, slot);
		else
			h[j++] = h[i];
	}
	sim->n = j;
	sim->ncancelled = 0;
	for (i = sim->n / 4 + 1; i-- > 0;)
		sim_sift_down(h, sim->n, i, h[i]);
}

static int
sim_key_cmp(const void *pa, const void *pb)
{
	sim_key	a = *(const sim_key *)pa, b = *(const sim_key *)pb;

	return SIM_LESS(a, b) ? -1 : SIM_LESS(b, a);
}

/* Sequences ran out (after 2^40 events): renumber the pending ones in
 * order.  A sorted array is a heap. */
static void
sim_renumber(struct sim *sim)
{
	uint32_t	i;

	qsort(sim->heap, sim->n, sizeof *sim->heap, sim_key_cmp);
	for (i = 0; i < sim->n; i++)
		sim->heap[i] = SIM_ENTRY(SIM_E_T(sim->heap[i]),
		    ((uint64_t)i << SIM_SLOT_BITS) | sim_slot_of(sim->heap[i]));
	sim->seq = sim->n;
}

struct sim *
sim_new(void)
{
	struct sim	*sim;

	sim = xcalloc(1, sizeof *sim);
	sim->free_head = SIM_NONE;
	sim_heap_alloc(sim, 64);
	return sim;
}

void
sim_free(struct sim *sim)
{
	if (sim == NULL)
		return;
	free(sim->base);
	free(sim->slots);
	free(sim);
}

sim_handle
sim_at(struct sim *sim, sim_time t, sim_fn fn, void *arg, uint64_t data)
{
	struct sim_slot	*s;
	uint32_t	 slot;

	assert(t >= sim->now);
	assert(fn != NULL);

	if (sim->free_head != SIM_NONE) {
		slot = sim->free_head;
		sim->free_head = sim->slots[slot].link;
	} else {
		if (sim->nslots == SIM_MAX_SLOTS) {
			sim_sweep(sim);		/* frees cancelled slots */
			if (sim->free_head == SIM_NONE)
				abort();	/* 16M events pending */
			return sim_at(sim, t, fn, arg, data);
		}
		if (sim->nslots == sim->cslots) {
			sim->cslots = sim->cslots ? sim->cslots * 2 : 64;
			if (sim->cslots > SIM_MAX_SLOTS)
				sim->cslots = SIM_MAX_SLOTS;
			sim->slots = xreallocarray(sim->slots, sim->cslots,
			    sizeof *sim->slots);
		}
		slot = sim->nslots++;
		sim->slots[slot].gen = 1;
	}
	s = &sim->slots[slot];
	s->fn = fn;
	s->arg = arg;
	s->data = data;
	s->link = SIM_PENDING;

	if (sim->n == sim->cap)
		sim_heap_alloc(sim, sim->cap * 2);
	if (sim->seq == SIM_SEQ_LIMIT)
		sim_renumber(sim);
	sim_sift_up(sim->heap, sim->n++,
	    SIM_ENTRY(t, (sim->seq++ << SIM_SLOT_BITS) | slot));
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
	    sim->slots[slot].link != SIM_PENDING)
		return NULL;
	return &sim->slots[slot];
}

int
sim_cancel(struct sim *sim, sim_handle h)
{
	struct sim_slot	*s;

	if ((s = sim_lookup(sim, h)) == NULL)
		return -1;
	s->link = SIM_CANCELLED;
	s->fn = NULL;
	sim->ncancelled++;
	if (sim->ncancelled > 32 && sim->ncancelled > sim->n / 2)
		sim_sweep(sim);
	return 0;
}

int
sim_pending(const struct sim *sim, sim_handle h)
{
	return sim_lookup(sim, h) != NULL;
}

/* Drop cancelled entries from the top, so heap[0] (if any) is live. */
static void
sim_skip_cancelled(struct sim *sim)
{
	uint32_t	slot;

	while (sim->n > 0 && sim->ncancelled > 0) {
		slot = sim_slot_of(sim->heap[0]);
		if (sim->slots[slot].link != SIM_CANCELLED)
			break;
		sim_pop_root(sim);
		sim_release(sim, slot);
		sim->ncancelled--;
	}
}

sim_time
sim_now(const struct sim *sim)
{
	return sim->now;
}

sim_time
sim_next(struct sim *sim)
{
	sim_skip_cancelled(sim);
	return sim->n == 0 ? SIM_NEVER : SIM_E_T(sim->heap[0]);
}

size_t
sim_count(const struct sim *sim)
{
	return sim->n - sim->ncancelled;
}

uint64_t
sim_fired(const struct sim *sim)
{
	return sim->fired;
}

int
sim_step(struct sim *sim)
{
	struct sim_slot	*s;
	sim_fn		 fn;
	void		*arg;
	uint64_t	 data;
	uint32_t	 slot;

	sim_skip_cancelled(sim);
	if (sim->n == 0)
		return 0;
	sim->now = SIM_E_T(sim->heap[0]);
	slot = sim_slot_of(sim->heap[0]);
	sim_pop_root(sim);
	s = &sim->slots[slot];
	fn = s->fn;
	arg = s->arg;
	data = s->data;
	sim_release(sim, slot);

	sim->fired++;
	fn(sim, arg, data);
	return 1;
}

uint64_t
sim_run_until(struct sim *sim, sim_time t)
{
	uint64_t	before = sim->fired;

	sim->stopped = 0;
	while (!sim->stopped && sim_next(sim) <= t && sim->n > 0)
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
		sim_release(sim, sim_slot_of(sim->heap[--sim->n]));
	sim->ncancelled = 0;
	sim->now = 0;
	sim->fired = 0;
	sim->stopped = 0;
}
