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

from peer_common import TAB_MASK, parse, report, table

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
    workload, n, reps, ops, warmup = parse(sys.argv, "peer_heapq.py")
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
    report("heapq", workload, n, ns, ops, reps, warmup, h.now, tab)

if __name__ == "__main__":
    main()
