#!/usr/bin/python3
"""Peer for the pacing benchmark: SimPy 2's real-time simulation
(SimPy.SimulationRT, Debian's python3-simpy) on the schedule of
tests/bench/pacing.lua served at --speed 100: one process holds for one
time unit, COUNT times, with rel_speed making a unit PERIOD microseconds
of wall time.  Each wake-up's lateness is the wall clock (rtnow) past the
unit's due time; percentiles are taken as `ttxsim serve --stats' takes
them.  SimPy sleeps with time.sleep and the default timer slack, as a
Python program gets them.  Run it with /usr/bin/python3.

usage: peer_simpy_rt.py [-n COUNT] [-p PERIOD_US]
"""
import sys

from SimPy.SimulationRT import Process, SimulationRT, hold


class Tick(Process):
    def run(self, late):
        sim = self.sim
        while True:
            yield hold, self, 1
            late.append(sim.rtnow() - sim.now() / sim.rel_speed)


def main():
    opts = {"-n": 1200, "-p": 10000}
    args = sys.argv[1:]
    while len(args) >= 2 and args[0] in opts:
        opts[args[0]] = int(args[1])
        args = args[2:]
    if args or opts["-n"] < 1 or opts["-p"] < 1:
        sys.exit("usage: peer_simpy_rt.py [-n COUNT] [-p PERIOD_US]")
    count, period = opts["-n"], opts["-p"]
    late = []
    sim = SimulationRT()
    sim.initialize()
    tick = Tick(sim=sim)
    sim.activate(tick, tick.run(late))
    sim.simulate(until=count, real_time=True, rel_speed=1e6 / period)
    late.sort()
    n = len(late)
    print("simpy-rt pacing %d p50_us=%.1f p99_us=%.1f max_us=%.1f "
          "period_us=%d" % (n, late[(n - 1) // 2] * 1e6,
                            late[int((n - 1) * 0.99 + 0.5)] * 1e6,
                            late[-1] * 1e6, period), flush=True)


if __name__ == "__main__":
    main()
