/*
 * Virtual-to-wall time mapping: see pacer.h.
 *
 * Invariant: while running, virtual(w) = virt0 + (w - wall0) * speed, in
 * milliseconds; while paused, virtual(w) = virt0.  Every change of state
 * re-anchors at the present, so virtual time never jumps backwards.
 */
#include <assert.h>
#include <limits.h>
#include <math.h>

#include "pacer.h"

#define NS_PER_MS	1000000.0

static void
pacer_anchor(struct pacer *p, int64_t wall)
{
	p->virt0 = pacer_virtual(p, wall);
	p->wall0 = wall;
}

void
pacer_init(struct pacer *p, int64_t wall, sim_time virt, double speed)
{
	assert(speed > 0);
	p->speed = speed;
	p->paused = 1;
	p->wall0 = wall;
	p->virt0 = virt;
}

sim_time
pacer_virtual(const struct pacer *p, int64_t wall)
{
	double	elapsed;

	if (p->paused || wall <= p->wall0)
		return p->virt0;
	elapsed = (double)(wall - p->wall0) / NS_PER_MS * p->speed;
	return p->virt0 + (sim_time)floor(elapsed);
}

int64_t
pacer_wall(const struct pacer *p, int64_t wall, sim_time virt)
{
	double	ns;

	if (virt <= pacer_virtual(p, wall))
		return wall;
	if (p->paused || virt == SIM_NEVER)
		return PACER_NEVER;
	ns = ceil((double)(virt - p->virt0) * NS_PER_MS / p->speed);
	if (ns >= (double)(INT64_MAX - p->wall0))
		return PACER_NEVER;
	return p->wall0 + (int64_t)ns;
}

int
pacer_timeout(const struct pacer *p, int64_t wall, sim_time virt)
{
	int64_t	at, ms;

	if ((at = pacer_wall(p, wall, virt)) == PACER_NEVER)
		return -1;
	if (at <= wall)
		return 0;
	ms = (at - wall + 999999) / 1000000;
	return ms > INT_MAX ? INT_MAX : (int)ms;
}

void
pacer_pause(struct pacer *p, int64_t wall)
{
	if (p->paused)
		return;
	pacer_anchor(p, wall);
	p->paused = 1;
}

void
pacer_resume(struct pacer *p, int64_t wall)
{
	if (!p->paused)
		return;
	p->wall0 = wall;
	p->paused = 0;
}

void
pacer_set_speed(struct pacer *p, int64_t wall, double speed)
{
	assert(speed > 0);
	pacer_anchor(p, wall);
	p->speed = speed;
}

void
pacer_jump(struct pacer *p, int64_t wall, sim_time virt)
{
	pacer_anchor(p, wall);
	if (virt > p->virt0)
		p->virt0 = virt;
}
