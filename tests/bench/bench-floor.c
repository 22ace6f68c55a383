/*
 * The floor of pacing on this machine, the peer of `ttxsim serve --stats':
 * sleep to a fixed schedule (a wake-up every PERIOD microseconds, COUNT
 * times) as the server's loop does, with ppoll to the nanosecond and the
 * timer slack at 1 ns, and measure how late each wake-up is.  Nothing else
 * runs in the loop, so the lateness is the kernel's and the scheduler's
 * alone: what no server could beat.  Prints
 *	floor pacing COUNT p50_us=.. p99_us=.. max_us=.. period_us=..
 * with the percentiles taken as server_stats takes them.
 *	usage: bench-floor [-n COUNT] [-p PERIOD_US]
 */
#define _GNU_SOURCE		/* ppoll */
#include <sys/prctl.h>

#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define NS_PER_SEC	INT64_C(1000000000)

static int64_t
now_ns(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

static int
cmp_ns(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Sleep until due (monotonic ns) as the server does: ppoll, no fds. */
static void
sleep_until(int64_t due)
{
	struct timespec	ts;
	int64_t		left = due - now_ns();

	if (left < 0)
		left = 0;
	ts.tv_sec = left / NS_PER_SEC;
	ts.tv_nsec = left % NS_PER_SEC;
	ppoll(NULL, 0, &ts, NULL);
}

int
main(int argc, char **argv)
{
	int64_t	*late, t0, due, period = 10000;
	size_t	 count = 1200, k;
	int	 ch;

	while ((ch = getopt(argc, argv, "n:p:")) != -1) {
		switch (ch) {
		case 'n': count = (size_t)atol(optarg); break;
		case 'p': period = atol(optarg); break;
		default: goto usage;
		}
	}
	if (optind != argc || count < 1 || period < 1)
		goto usage;
	period *= 1000;
#ifdef PR_SET_TIMERSLACK
	prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
#endif
	if ((late = calloc(count, sizeof *late)) == NULL)
		return 2;
	t0 = now_ns();
	for (k = 0; k < count; k++) {
		due = t0 + (int64_t)(k + 1) * period;
		sleep_until(due);
		late[k] = now_ns() - due;
	}
	qsort(late, count, sizeof *late, cmp_ns);
	printf("floor pacing %zu p50_us=%.1f p99_us=%.1f max_us=%.1f "
	    "period_us=%lld\n", count, (double)late[(count - 1) / 2] / 1e3,
	    (double)late[(size_t)((double)(count - 1) * 0.99 + 0.5)] / 1e3,
	    (double)late[count - 1] / 1e3, (long long)(period / 1000));
	free(late);
	return 0;
usage:
	fprintf(stderr, "usage: bench-floor [-n COUNT] [-p PERIOD_US]\n");
	return 2;
}
