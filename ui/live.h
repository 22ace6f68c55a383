/*
 * A live exercise in one command, as tmux does it: `ttxsim run SCENARIO'
 * starts `ttxsim serve' in the background and attaches the facilitator's
 * console; --solo attaches one console holding every role too.
 */
#ifndef TTX_LIVE_H
#define TTX_LIVE_H

#define LIVE_MAX_LISTEN	4

struct live_opts {
	const char	*scenario;
	const char	*journal;	/* NULL: serve's default */
	const char	*speed;		/* as given, or NULL */
	const char	*seed;
	int		 solo;
	const char	*listen[LIVE_MAX_LISTEN];	/* HOST:PORT, besides
							 * a private socket */
	int		 nlisten;
};

/* Run it; the process's exit status. */
int	live_run(const struct live_opts *o);

#endif
