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
        sys.exit("usage: peer_simpy.py [-r reps] [-o ops] [-w warmup] "
                 "{%s} n" % "|".join(WORKLOADS))
    n = int(float(args[1]))
    ops = opts["-o"] or max(2000000, 10 * n)
    warmup = opts["-w"] if opts["-w"] >= 0 else max(n, 100000)
    return args[0], n, opts["-r"], ops, warmup


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
    workload, n, reps, ops, warmup = parse(sys.argv)
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
    ns.sort()
    print("simpy %s %d ns_per_op=%.2f min=%.2f max=%.2f ops=%d reps=%d "
          "warmup=%d end_t=%d table_sum=%d" % (
              workload, n, ns[len(ns) // 2], ns[0], ns[-1], ops, reps,
              warmup, sim.now(), sum(tab)), flush=True)


if __name__ == "__main__":
    main()
