#!/usr/bin/python3
"""Peer for bench-sim: the hold model in SimPy 2 (Debian's python3-simpy).

N processes, each forever `yield hold, self, increment`; one operation is
one Simulation.step(), which resumes the earliest process, whose hold posts
its next event.  Same increment table as bench-sim (splitmix64, seed 42,
read cyclically in the order the holds are made), same output line.  Run it
with /usr/bin/python3: SimPy 2 is a Debian package.

usage: peer_simpy.py [-r REPS] [-o OPS] [-w WARMUP] WORKLOAD N
"""
import sys
import time

from SimPy.Simulation import Process, Simulation, hold

from peer_common import TAB_MASK, parse, report, table

class Draw:
    """The shared position in the increment table."""

    def __init__(self, tab):
        self.tab = tab
        self.i = 0

    def next(self):
        i = self.i
        self.i = i + 1
        return self.tab[i & TAB_MASK]


class Holder(Process):
    def run(self, draw):
        while True:
            yield hold, self, draw.next()


def main():
    workload, n, reps, ops, warmup = parse(sys.argv, "peer_simpy.py")
    tab = table(workload)
    draw = Draw(tab)
    sim = Simulation()
    sim.initialize()
    # Each process first wakes at a drawn time and then holds for drawn
    # increments: the events of bench-sim's hold model, in the same order.
    for _ in range(n):
        p = Holder(name="h", sim=sim)
        sim.activate(p, p.run(draw), at=draw.next())
    # One step fires the earliest event: the process resumes and its next
    # hold posts the next event, so every step is one hold operation.
    step = sim.step
    for _ in range(warmup):
        step()
    ns = []
    for _ in range(reps):
        t0 = time.perf_counter_ns()
        for _ in range(ops):
            step()
        ns.append((time.perf_counter_ns() - t0) / ops)
    assert sim.peek() is not None
    report("simpy", workload, n, ns, ops, reps, warmup, sim.now(), tab)

if __name__ == "__main__":
    main()
