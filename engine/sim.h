/*
 * The discrete-event core: a virtual clock and a queue of pending events.
 * Virtual time is an integer count of milliseconds since T+0.  No wall
 * clock, no I/O: the pacer and the server map it onto the real world.
 */
#ifndef TTX_SIM_H
#define TTX_SIM_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t sim_time;		/* milliseconds since T+0 */

#define SIM_MS		((sim_time)1)
#define SIM_SEC		((sim_time)1000)
#define SIM_MIN		(60 * SIM_SEC)
#define SIM_HOUR	(60 * SIM_MIN)
#define SIM_DAY		(24 * SIM_HOUR)
#define SIM_NEVER	INT64_MAX

struct sim;

/* An event's action: called once, at the event's time, with the values
 * given to sim_at.  It may schedule and cancel other events. */
typedef void (*sim_fn)(struct sim *sim, void *arg, uint64_t data);

/* A handle names one scheduled event; 0 is never a valid handle.  A handle
 * goes stale when its event fires or is cancelled, and is never reused. */
typedef uint64_t sim_handle;

struct sim	*sim_new(void);
void		 sim_free(struct sim *sim);	/* sim_free(NULL) is a no-op */

/* Schedule fn(sim, arg, data) at time t (t >= sim_now: asserted).  Events
 * at equal times fire in the order they were scheduled.  At most 2^24
 * events may be pending at once. */
sim_handle	 sim_at(struct sim *sim, sim_time t, sim_fn fn, void *arg,
		     uint64_t data);
/* Cancel a pending event: 0 if it was pending (it will never fire), -1 if
 * the handle is stale or 0.  O(1) amortised. */
int		 sim_cancel(struct sim *sim, sim_handle h);
/* 1 if the handle's event is still pending. */
int		 sim_pending(const struct sim *sim, sim_handle h);

sim_time	 sim_now(const struct sim *sim);
/* The time of the earliest pending event, or SIM_NEVER if there is none.
 * (Not const: it drops cancelled events it finds at the top.) */
sim_time	 sim_next(struct sim *sim);
size_t		 sim_count(const struct sim *sim);	/* pending events */
uint64_t	 sim_fired(const struct sim *sim);	/* events fired so far */

/* Fire the earliest pending event, advancing the clock to its time.
 * Returns 1 if an event fired, 0 if the queue was empty. */
int		 sim_step(struct sim *sim);
/* Fire every event with time <= t in order, then set the clock to t
 * (unless sim_stop was called, which makes it return at once).  Returns
 * the number of events fired. */
uint64_t	 sim_run_until(struct sim *sim, sim_time t);
/* Make a running sim_run_until return after the current event. */
void		 sim_stop(struct sim *sim);
/* Drop every pending event; set the clock and the fired count to 0. */
void		 sim_reset(struct sim *sim);

#endif
