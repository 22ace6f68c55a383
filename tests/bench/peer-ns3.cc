/*
 * Peer for bench-sim: the hold model on ns-3's event schedulers, used
 * directly through ns3::Scheduler (Insert / RemoveNext on Event with
 * EventKey {m_ts, m_uid}), without the Simulator around them.  Each
 * operation pops the earliest event and calls, through a function pointer,
 * a handler that inserts the next one, as the engine's sim_step calls an
 * event's callback.  Same increment table as bench-sim (splitmix64, seed
 * 42, read cyclically), same output line.  Built by scripts/bench when
 * libns3-dev is installed; not part of the meson build.
 *
 * usage: peer-ns3 [-r reps] [-o ops] [-w warmup] map|heap|calendar
 *	      workload n
 */
#include <ns3/calendar-scheduler.h>
#include <ns3/heap-scheduler.h>
#include <ns3/map-scheduler.h>
#include <ns3/object.h>
#include <ns3/ptr.h>
#include <ns3/scheduler.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

const size_t	TAB_SIZE = size_t(1) << 16;
const size_t	TAB_MASK = TAB_SIZE - 1;
const uint64_t	SEED = 42;
const uint64_t	MEAN = 1000000;
const uint64_t	MINUTE = 60000;

struct hold {
	ns3::Ptr<ns3::Scheduler>	 sched;
	std::vector<uint64_t>		 tab;
	size_t				 i = 0;
	uint32_t			 uid = 0;
	uint64_t			 now = 0;
	uint64_t			 fired = 0;
};

uint64_t
splitmix64(uint64_t *x)
{
	uint64_t	z;

	z = (*x += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

void
insert(hold *h, uint64_t t)
{
	ns3::Scheduler::Event	ev;

	ev.impl = nullptr;
	ev.key.m_ts = t;
	ev.key.m_uid = h->uid++;
	ev.key.m_context = 0;
	h->sched->Insert(ev);
}

void
fire(hold *h)
{
	h->fired++;
	insert(h, h->now + h->tab[h->i++ & TAB_MASK]);
}

/* The handler, called through a pointer the compiler cannot see through. */
void (*volatile handler)(hold *) = fire;

void
run(hold *h, uint64_t count)
{
	void	(*fn)(hold *);

	for (uint64_t j = 0; j < count; j++) {
		ns3::Scheduler::Event ev = h->sched->RemoveNext();
		h->now = ev.key.m_ts;
		fn = handler;
		fn(h);
	}
}

[[noreturn]] void
usage()
{
	std::fprintf(stderr, "usage: peer-ns3 [-r reps] [-o ops] [-w warmup] "
	    "map|heap|calendar hold-smooth|hold-ties n\n");
	std::exit(2);
}

uint64_t
number(const char *s)
{
	char	*end;
	double	 d = std::strtod(s, &end);

	if (*s == '\0' || *end != '\0' || d < 0)
		usage();
	return uint64_t(d);
}

}

int
main(int argc, char **argv)
{
	hold		 h;
	int		 reps = 5, a;
	uint64_t	 ops = 0, warmup = UINT64_MAX, n, x = SEED, sum = 0;

	for (a = 1; a + 1 < argc && argv[a][0] == '-'; a += 2) {
		if (std::strcmp(argv[a], "-r") == 0)
			reps = int(number(argv[a + 1]));
		else if (std::strcmp(argv[a], "-o") == 0)
			ops = number(argv[a + 1]);
		else if (std::strcmp(argv[a], "-w") == 0)
			warmup = number(argv[a + 1]);
		else
			usage();
	}
	if (argc - a != 3 || reps < 1)
		usage();
	std::string kind = argv[a], workload = argv[a + 1];
	n = number(argv[a + 2]);
	if (workload != "hold-smooth" && workload != "hold-ties")
		usage();
	if (kind == "map")
		h.sched = ns3::CreateObject<ns3::MapScheduler>();
	else if (kind == "heap")
		h.sched = ns3::CreateObject<ns3::HeapScheduler>();
	else if (kind == "calendar")
		h.sched = ns3::CreateObject<ns3::CalendarScheduler>();
	else
		usage();
	if (ops == 0)
		ops = std::max<uint64_t>(2000000, 2 * n);
	if (warmup == UINT64_MAX)
		warmup = std::max<uint64_t>(100000, n);

	h.tab.resize(TAB_SIZE);
	for (size_t i = 0; i < TAB_SIZE; i++) {
		uint64_t r = splitmix64(&x);
		h.tab[i] = workload == "hold-ties" ? (r % 11) * MINUTE :
		    r % (2 * MEAN);
		sum += h.tab[i];
	}
	for (uint64_t j = 0; j < n; j++)
		insert(&h, h.tab[h.i++ & TAB_MASK]);
	run(&h, warmup);

	std::vector<double> ns;
	for (int r = 0; r < reps; r++) {
		auto t0 = std::chrono::steady_clock::now();
		run(&h, ops);
		std::chrono::duration<double, std::nano> d =
		    std::chrono::steady_clock::now() - t0;
		ns.push_back(d.count() / double(ops));
	}
	if (h.fired != warmup + ops * uint64_t(reps)) {
		std::fprintf(stderr, "peer-ns3: lost events\n");
		return 1;
	}
	std::sort(ns.begin(), ns.end());
	std::printf("ns3-%s %s %llu ns_per_op=%.2f min=%.2f max=%.2f ops=%llu "
	    "reps=%d warmup=%llu end_t=%llu table_sum=%llu\n", kind.c_str(),
	    workload.c_str(), (unsigned long long)n, ns[ns.size() / 2],
	    ns.front(), ns.back(), (unsigned long long)ops, reps,
	    (unsigned long long)warmup, (unsigned long long)h.now,
	    (unsigned long long)sum);
	return 0;
}
