/*
 * The pacer maps virtual time onto wall time for a live exercise: a speed
 * factor (virtual seconds per wall second), pause and resume, and jumps
 * forward to the next event.  It never reads a clock: every call is given
 * the wall time, in nanoseconds from any fixed origin, so it is tested on
 * a fake clock.
 */
#ifndef TTX_PACER_H
#define TTX_PACER_H

#include <stdint.h>

#include "sim.h"

#define PACER_NEVER	INT64_MAX

struct pacer {
	double		speed;		/* virtual per wall; > 0 */
	int		paused;
	int64_t		wall0;		/* wall ns at the anchor */
	sim_time	virt0;		/* virtual ms at the anchor */
};

/* Start paused at virtual time virt, with the given speed (> 0). */
void		pacer_init(struct pacer *p, int64_t wall, sim_time virt,
		    double speed);
/* The virtual time at wall time `wall' (never less than at the anchor). */
sim_time	pacer_virtual(const struct pacer *p, int64_t wall);
/* The wall time at which virtual time reaches `virt', or PACER_NEVER if
 * the pacer is paused; at most `wall' when it has already been reached
 * (then it is the present). */
int64_t		pacer_wall(const struct pacer *p, int64_t wall, sim_time virt);
/* Milliseconds of wall time from `wall' until virtual time `virt' (for a
 * poll timeout): 0 if due, -1 if paused or virt is SIM_NEVER. */
int		pacer_timeout(const struct pacer *p, int64_t wall,
		    sim_time virt);

void		pacer_pause(struct pacer *p, int64_t wall);
void		pacer_resume(struct pacer *p, int64_t wall);
/* Change speed (> 0) without moving virtual time. */
void		pacer_set_speed(struct pacer *p, int64_t wall, double speed);
/* Move virtual time forward to `virt' now (no-op if it is in the past). */
void		pacer_jump(struct pacer *p, int64_t wall, sim_time virt);

#endif
