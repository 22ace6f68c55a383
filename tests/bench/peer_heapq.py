#!/usr/bin/python3
"""Peer for bench-sim: the hold model on Python's heapq.

Events are (time, seq, payload) tuples; the dispatch loop pops the earliest,
sets the clock and calls the payload, which pushes the next event, as the
engine's sim_step calls an event's callback.  Same increment table as
bench-sim (splitmix64, seed 42, read cyclically), same output line.

usage: peer_heapq.py [-r REPS] [-o OPS] [-w WARMUP] WORKLOAD N
"""
import heapq
import sys
import time

TAB_BITS = 16
TAB_MASK = (1 << TAB_BITS) - 1
SEED = 42
MEAN = 1000000
M64 = (1 << 64) - 1
WORKLOADS = ("hold-smooth", "hold-ties")


def splitmix64(state):
    """Return (next state, output), all arithmetic modulo 2**64."""
    state = (state + 0x9E3779B97F4A7C15) & M64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return state, z ^ (z >> 31)


def table(workload):
    """The increments, exactly as bench-sim draws them."""
    tab = []
    x = SEED
    for _ in range(TAB_MASK + 1):
        x, r = splitmix64(x)
        if workload == "hold-ties":
            tab.append((r % 11) * 60000)
        else:
            tab.append(r % (2 * MEAN))
    return tab


def parse(argv):
    opts = {"-r": 5, "-o": 0, "-w": -1}
    args = argv[1:]
    while len(args) > 2 and args[0] in opts:
        opts[args[0]] = int(float(args[1]))
        args = args[2:]
    if len(args) != 2 or args[0] not in WORKLOADS:
        sys.exit("usage: peer_heapq.py [-r reps] [-o ops] [-w warmup] "
                 "{%s} n" % "|".join(WORKLOADS))
    n = int(float(args[1]))
    ops = opts["-o"] or max(2000000, 10 * n)
    warmup = opts["-w"] if opts["-w"] >= 0 else max(n, 100000)
    return args[0], n, opts["-r"], ops, warmup


class Hold:
    """The queue, the clock and the hold model's one kind of event."""

    def __init__(self, tab):
        self.heap = []
        self.now = 0
        self.seq = 0
        self.tab = tab
        self.i = 0
        self.fired = 0

    def at(self, t, fn):
        heapq.heappush(self.heap, (t, self.seq, fn))
        self.seq += 1

    def fire(self, now):
        self.fired += 1
        i = self.i
        self.i = i + 1
        heapq.heappush(self.heap, (now + self.tab[i & TAB_MASK], self.seq,
                                   self.fire))
        self.seq += 1

    def run(self, count):
        heap = self.heap
        pop = heapq.heappop
        for _ in range(count):
            t, _seq, fn = pop(heap)
            self.now = t
            fn(t)


def main():
    workload, n, reps, ops, warmup = parse(sys.argv)
    tab = table(workload)
    h = Hold(tab)
    for _ in range(n):
        h.at(tab[h.i & TAB_MASK], h.fire)
        h.i += 1
    h.run(warmup)
    ns = []
    for _ in range(reps):
        t0 = time.perf_counter_ns()
        h.run(ops)
        ns.append((time.perf_counter_ns() - t0) / ops)
    assert h.fired == warmup + ops * reps and len(h.heap) == n
    ns.sort()
    print("heapq %s %d ns_per_op=%.2f min=%.2f max=%.2f ops=%d reps=%d "
          "warmup=%d end_t=%d table_sum=%d" % (
              workload, n, ns[len(ns) // 2], ns[0], ns[-1], ops,
              reps, warmup, h.now, sum(tab)), flush=True)


if __name__ == "__main__":
    main()
