#!/usr/bin/python3
"""Peer for `ttxsim explore': Operation Northern Lights
(scenarios/northern-lights.lua) ported to SimPy 2 (Debian's python3-simpy),
played N times with seeds S, S+1, ... as explore plays it, and tallied.

The same work per playthrough: the declarations are made afresh (roles,
objectives, phases, injects); every phase and timed inject is scheduled at
its time; each delivery's recipients are bots that acknowledge after a
delay drawn uniformly (whole seconds) from the role's range, and the first
recipient of an inject with choices decides after a second such delay,
choosing uniformly; deadlines are timers cancelled by the decision, and
a timeout still lets a late decision through; the scenario's on("decision")
and on("timeout") handlers, at(), after() and cancellable timers, its
random() draws and its extortion process (wait, await with a timeout) are
the Lua's, line for line; objectives are rated once; ENDEX rates the rest
and finishes.  Each playthrough is tallied as explore tallies it (per
inject: runs, deliveries, decisions in time or late, timeouts, choices;
objectives; end; length; the path through the decisions).  Not modelled:
Lua itself, inject texts (titles and bodies are not carried), records to
a journal (explore keeps none either), TLP and sharing checks (no shares
in a headless run), scenario errors.  Different random numbers from
ttxsim (Python's Mersenne Twister), so the same seed gives another path;
the proportions agree.

Prints a summary like explore's to stdout; time the whole command.  Run
it with /usr/bin/python3: SimPy 2 is a Debian package.

usage: peer_explore_simpy.py [--runs N] [--seed S]
"""
import random
import sys

from SimPy.Simulation import Process, SimEvent, Simulation, hold, waitevent

MIN = 60
HOUR = 3600
BOTS = 0x626f7473		# "bots": the bots' stream, apart from random()

# --- The declarations (northern-lights.lua) ------------------------------

DURATION = 72 * HOUR

# id, delay range in seconds
ROLES = (
    ("uk-ncsc", 5 * MIN, 40 * MIN),
    ("uk-nca", 15 * MIN, HOUR),
    ("grid-soc", 5 * MIN, 40 * MIN),
    ("bank-soc", 10 * MIN, HOUR + 15 * MIN),
    ("us-cisa", 10 * MIN, 45 * MIN),
    ("us-fbi", 15 * MIN, HOUR),
    ("bank-us", 15 * MIN, HOUR),
    ("press", 5 * MIN, 45 * MIN),
)
ALL = tuple(r[0] for r in ROLES)

OBJECTIVES = ("report-early", "share-partner", "protect-ot", "situational",
              "extortion", "public-info", "attribution")

PHASES = (("detection", 0), ("escalation", 8 * HOUR),
          ("response", 26 * HOUR), ("recovery", 48 * HOUR))

# id, at (None: held), to, choices, deadline, objective, contingency
INJECTS = (
    ("grid-siem-alert", 30 * MIN, ("grid-soc",), ("escalate", "monitor"),
     HOUR, "report-early", False),
    ("bank-idp-alert", HOUR + 15 * MIN, ("bank-soc",), (), 0, None, False),
    ("partner-relay-report", 3 * HOUR, ("uk-ncsc", "us-cisa"), (), 0,
     "share-partner", False),
    ("cisa-jcdc-tip", 4 * HOUR, ("us-cisa",), (), 0, "share-partner", False),
    ("bank-us-anomaly", 5 * HOUR, ("bank-us",), (), 0, None, False),
    ("grid-monitor-findings", None, ("grid-soc",), ("report", "monitor"),
     HOUR, "report-early", False),
    ("ncsc-own-detection", None, ("uk-ncsc", "grid-soc"), (), 0,
     "report-early", True),
    ("grid-ncsc-report", None, ("uk-ncsc",), ("cat2", "cat3"), HOUR,
     "situational", False),
    ("ncsc-share", None, ("uk-ncsc",), ("amber", "strict", "wait"), HOUR,
     "share-partner", False),
    ("partner-pressure", None, ("uk-ncsc",), ("amber", "strict"), HOUR,
     "share-partner", True),
    ("cisa-match", None, ("us-cisa",), (), 0, "share-partner", False),
    ("bank-us-hunt-hit", None, ("bank-us", "bank-soc"), (), 0, None, False),
    ("fbi-ncijtf", 10 * HOUR, ("us-fbi",), (), 0, None, False),
    ("grid-ot-access", 14 * HOUR, ("grid-soc",), ("isolate", "keep"), HOUR,
     "protect-ot", False),
    ("actor-reacts", None, ("grid-soc", "uk-ncsc"), (), 0, None, False),
    ("ot-isolation-holds", None, ("grid-soc", "uk-ncsc"), (), 0, None,
     False),
    ("ot-hmi-anomaly", None, ("grid-soc", "uk-ncsc"), (), 0, "protect-ot",
     False),
    ("ucg-stand-up", 16 * HOUR, ("us-cisa", "us-fbi"), (), 0, None, False),
    ("nca-hosting-lead", 18 * HOUR, ("uk-nca",), (), 0, None, False),
    ("doe-ceser", 20 * HOUR, ("us-cisa",), (), 0, None, False),
    ("media-query", 22 * HOUR, ("press",), ("holding", "decline"), HOUR,
     "public-info", False),
    ("social-rumour", None, ("press",), (), 0, "public-info", False),
    ("cabinet-office-query", None, ("uk-ncsc",), (), 0, "situational", True),
    ("cobr-sitrep", None, ("uk-ncsc",), ("brief", "defer"), HOUR,
     "situational", False),
    ("ofgem-nis", 26 * HOUR, ("grid-soc",), (), 0, None, False),
    ("bank-extortion", None, ("bank-soc", "bank-us"),
     ("refuse", "negotiate", "pay"), 2 * HOUR, "extortion", False),
    ("insurer-contact", None, ("bank-soc",), (), 0, None, False),
    ("le-extortion-brief", None, ("uk-nca", "us-fbi"), (), 0, "extortion",
     False),
    ("fbi-tracing", None, ("us-fbi",), (), 0, "extortion", False),
    ("ofac-check", None, ("bank-soc", "bank-us"), (), 0, "extortion", False),
    ("leak-sample", None, ("bank-soc", "bank-us"), (), 0, None, False),
    ("media-bank-query", None, ("press",), (), 0, "public-info", False),
    ("pra-fca-query", 36 * HOUR, ("bank-soc",), (), 0, None, False),
    ("nydfs-clock", 38 * HOUR, ("bank-us",), (), 0, None, False),
    ("grid-restoration", 48 * HOUR, ("grid-soc",), (), 0, None, False),
    ("attribution", 54 * HOUR, ("uk-ncsc", "us-cisa"),
     ("now", "advisory", "wait"), HOUR, "attribution", False),
    ("joint-advisory", None, ALL, (), 0, "attribution", False),
    ("attribution-leak", None, ("press", "uk-ncsc", "us-cisa"), (), 0,
     "attribution", True),
    ("endex", 71 * HOUR, ALL, (), 0, None, False),
)

# --- The exercise: what engine/exercise.c and engine/bot.c do ------------


class Role:
    __slots__ = ("id", "lo", "hi")

    def __init__(self, rid, lo, hi):
        self.id, self.lo, self.hi = rid, lo, hi


class Inject:
    __slots__ = ("id", "at", "to", "choices", "deadline", "objective",
                 "phase", "contingency", "last", "fired", "awaited")

    def __init__(self, ex, decl):
        (self.id, self.at, to, self.choices, self.deadline, obj,
         self.contingency) = decl
        self.to = tuple(ex.role_index[r] for r in to)
        self.objective = obj and ex.objective_index[obj]
        self.phase = None
        self.last = -1
        self.fired = 0
        self.awaited = None	# a SimEvent, once a process awaits


class Delivery:
    __slots__ = ("inject", "t", "to", "over", "due", "acked", "choice",
                 "decided_by", "decided_t", "late", "timed_out", "timer")

    def __init__(self, inject, t, over):
        self.inject = inject
        self.t = t
        self.to = inject.to
        self.over = over
        self.due = None
        self.acked = [-1] * len(self.to)
        self.choice = -1
        self.decided_by = -1
        self.decided_t = 0
        self.late = False
        self.timed_out = False
        self.timer = None


class Decision:
    """What a decision handler is given: the Lua's `d' table."""
    __slots__ = ("inject", "role", "choice", "t", "late")

    def __init__(self, ex, dv):
        self.inject = dv.inject.id
        self.role = ex.roles[dv.decided_by].id
        self.choice = dv.inject.choices[dv.choice]
        self.t = dv.decided_t
        self.late = dv.late


class Call(Process):
    """One event on the clock (sim_at): activated at its time, it calls
    fn(*args) and ends."""

    def run(self, fn, args):
        fn(*args)
        return
        yield		# a generator, as SimPy needs


class Player(Process):
    """A bot answering one delivery in one role: activated when it
    acknowledges, then (first recipient, inject with choices) decides
    after a second delay."""

    def run(self, ex, dv, k, decide_after):
        ex.ack(dv, k)
        if decide_after is not None:
            yield hold, self, decide_after
            ex.bot_decide(dv, k)


class Exercise:
    def __init__(self, sim, seed):
        self.sim = sim
        self.rng = random.Random(seed)
        self.bots = random.Random(seed ^ BOTS)
        self.roles = [Role(*r) for r in ROLES]
        self.role_index = {r.id: i for i, r in enumerate(self.roles)}
        self.objective_index = {o: i for i, o in enumerate(OBJECTIVES)}
        self.verdicts = [None] * len(OBJECTIVES)
        self.notes = [None] * len(OBJECTIVES)
        self.injects = [Inject(self, d) for d in INJECTS]
        self.inject_index = {i.id: i for i in self.injects}
        for i in self.injects:
            if i.at is not None:
                for p, (_, at) in enumerate(PHASES):
                    if at <= i.at:
                        i.phase = p
        self.deliveries = []
        self.handlers = {}
        self.logs = []
        self.phase = -1
        self.ended = False
        self.end_t = 0
        self.end_reason = None
        self.nacks = self.ndecisions = self.nlate = self.ntimeouts = 0

    def now(self):
        return self.sim.now()

    def after(self, delay, fn, *args):
        """A timer; cancel it with cancel(handle)."""
        p = Call(sim=self.sim)
        self.sim.activate(p, p.run(fn, args), delay=delay)
        return p

    def at(self, t, fn, *args):
        return self.after(t - self.sim.now(), fn, *args)

    def cancel(self, p):
        p.cancel(p)

    def on(self, kind, inject, fn):
        self.handlers.setdefault((kind, inject), []).append(fn)

    def start(self):
        for p, (_, at) in enumerate(PHASES):
            self.at(at, self.begin_phase, p)
        for i in self.injects:
            if i.at is not None:
                self.at(i.at, self.fire_timed, i)
        self.at(DURATION, self.finish, None)

    def begin_phase(self, p):
        if not self.ended:
            self.phase = p

    def fire_timed(self, inject):
        if not self.ended:
            self.fire(inject.id)

    def fire(self, iid, over=None):
        if self.ended:
            return
        inject = self.inject_index[iid]
        dv = Delivery(inject, self.sim.now(), over)
        inject.fired += 1
        inject.last = len(self.deliveries)
        self.deliveries.append(dv)
        if inject.deadline:
            dv.due = dv.t + inject.deadline
            dv.timer = self.after(inject.deadline, self.timeout, dv)
        # the bots' listener
        bots = self.bots
        roles = self.roles
        for k, r in enumerate(dv.to):
            role = roles[r]
            ack = bots.randint(role.lo, role.hi)
            decide = None
            if k == 0 and inject.choices:
                decide = bots.randint(role.lo, role.hi)
            p = Player(sim=self.sim)
            self.sim.activate(p, p.run(self, dv, k, decide), delay=ack)

    def timeout(self, dv):
        dv.timer = None
        if self.ended or dv.choice != -1:
            return
        dv.timed_out = True
        self.ntimeouts += 1
        for fn in self.handlers.get(("timeout", dv.inject.id), ()):
            fn(dv)
            if self.ended:
                break

    def ack(self, dv, k):
        if self.ended or dv.acked[k] != -1:
            return
        dv.acked[k] = self.sim.now()
        self.nacks += 1
        for fn in self.handlers.get(("ack", dv.inject.id), ()):
            fn(dv)

    def bot_decide(self, dv, k):
        if dv.choice != -1:
            return
        choice = self.bots.randint(0, len(dv.inject.choices) - 1)
        self.decide(dv, k, choice)

    def decide(self, dv, k, choice):
        if self.ended or dv.choice != -1:
            return
        dv.choice = choice
        dv.decided_by = dv.to[k]
        dv.decided_t = self.sim.now()
        dv.late = dv.timed_out
        if dv.timer is not None:
            self.cancel(dv.timer)
            dv.timer = None
        self.ndecisions += 1
        self.nlate += dv.late
        for fn in self.handlers.get(("decision", dv.inject.id), ()):
            fn(Decision(self, dv))
            if self.ended:
                return
        # processes in await()
        ev = dv.inject.awaited
        if ev is not None and ev.waits:
            ev.signal(dv)

    def await_decision(self, proc, iid, timeout=None):
        """The process proc's await(iid[, timeout]): yields SimPy
        commands, returns the Decision or None on a timeout."""
        inject = self.inject_index[iid]
        if inject.last != -1 and self.deliveries[inject.last].choice != -1:
            return Decision(self, self.deliveries[inject.last])
        if inject.awaited is None:
            inject.awaited = SimEvent(name=iid, sim=self.sim)
        ev = inject.awaited
        if timeout is None:
            yield waitevent, proc, ev
            return Decision(self, ev.signalparam)
        late = SimEvent(name="await", sim=self.sim)
        timer = self.after(timeout, late.signal)
        yield waitevent, proc, (ev, late)
        if ev in proc.eventsFired:
            self.cancel(timer)
            return Decision(self, ev.signalparam)
        return None

    def verdict(self, obj, met, note):
        if self.ended:
            return
        o = self.objective_index[obj]
        self.verdicts[o] = "met" if met else "missed"
        self.notes[o] = note

    def log(self, text):
        if not self.ended:
            self.logs.append((self.sim.now(), text))

    def finish(self, reason):
        if self.ended:
            return
        self.ended = True
        self.end_t = self.sim.now()
        self.end_reason = reason
        self.sim.stopSimulation()


# --- The scenario's logic (northern-lights.lua, in its order) ------------

FBI_ROUTE = "THB USA threat hunting (using FBI-provided indicators)"
STRICT_MATCH = "(cisa-match body for TLP:AMBER+STRICT)"
EARLY_EXTORTION = "(bank-extortion body: 180 GB)"
ADVISORY_ONLY = "(joint-advisory body without attribution)"


class Extortion(Process):
    """The Lua's process(): when the demand comes and what follows."""

    def run(self, nl):
        ex = nl.ex
        st = nl.state
        yield hold, self, 28 * HOUR
        if not st.get("actor_alerted"):
            yield hold, self, 6 * HOUR
        warned = st.get("bank_warned")
        early = warned is not None and warned < 10 * HOUR
        st["bank_early"] = early
        if early:
            ex.fire("bank-extortion", {"body": EARLY_EXTORTION})
        else:
            ex.fire("bank-extortion")
        ex.log("SABLE LEDGER extortion: 180 GB, the early joint eviction "
               "limited the theft" if early else
               "SABLE LEDGER extortion: 1.2 TB, THB USA hunted too late to "
               "stop the Saturday pull")
        nl.later("insurer", HOUR, lambda: nl.fire_once("insurer-contact"))
        nl.later("le-brief", 2 * HOUR,
                 lambda: nl.fire_once("le-extortion-brief"))
        d = yield from ex.await_decision(self, "bank-extortion", 2 * HOUR)
        if d is None:
            st["extortion"] = "none"
            nl.rate("extortion", False, "no board decision by the deadline")
            ex.log("No decision from THB: SABLE LEDGER publishes a sample "
                   "to push the board")
            nl.leak_after(HOUR)
            d = yield from ex.await_decision(self, "bank-extortion")
        if d.choice == "refuse":
            st["extortion"] = "refused"
            nl.rate("extortion", not d.late,
                    "refused, with NCA and FBI engaged")
            nl.leak_after(8 * HOUR)
        elif d.choice == "negotiate":
            st["extortion"] = "negotiated"
            nl.rate("extortion", not d.late,
                    "engaged to buy time under LE guidance; no payment")
            nl.fire_once("fbi-tracing")
            ex.after(14 * HOUR, ex.log,
                     "NCA and FBI take down the SABLE LEDGER leak site")
        else:
            st["extortion"] = "paid"
            nl.rate("extortion", False, "the board chose to pay")
            nl.fire_once("ofac-check")
            if ex.rng.randint(1, 100) <= 50:
                nl.leak_after(6 * HOUR)


class NorthernLights:
    def __init__(self, ex):
        self.ex = ex
        self.state = {}
        self.pending = {}
        on = ex.on
        on("decision", "grid-siem-alert", self.siem_decision)
        on("timeout", "grid-siem-alert", self.siem_timeout)
        on("decision", "grid-monitor-findings", self.monitor_decision)
        on("timeout", "grid-monitor-findings", self.monitor_timeout)
        ex.at(8 * HOUR, self.own_detection)
        on("decision", "grid-ncsc-report", self.report_decision)
        on("timeout", "grid-ncsc-report", self.report_timeout)
        on("decision", "ncsc-share", self.share_decision)
        on("decision", "partner-pressure", self.pressure_decision)
        on("timeout", "partner-pressure", self.pressure_timeout)
        on("timeout", "ncsc-share", self.share_timeout)
        on("decision", "grid-ot-access", self.ot_decision)
        on("timeout", "grid-ot-access", self.ot_timeout)
        on("decision", "media-query", self.media_decision)
        on("timeout", "media-query", self.media_timeout)
        on("decision", "cobr-sitrep", self.cobr_decision)
        on("timeout", "cobr-sitrep", self.cobr_timeout)
        p = Extortion(sim=ex.sim)
        ex.sim.activate(p, p.run(self))
        on("decision", "attribution", self.attribution_decision)
        on("timeout", "attribution", self.attribution_timeout)
        ex.at(71 * HOUR + 45 * MIN, self.endex)

    # helpers

    def rate(self, oid, ok, note):
        rated = self.state.setdefault("rated", {})
        if oid in rated:
            return
        rated[oid] = "met" if ok else "missed"
        self.ex.verdict(oid, ok, note)

    def fire_once(self, iid, over=None):
        fired = self.state.setdefault("fired", {})
        if iid in fired:
            return False
        fired[iid] = True
        self.ex.fire(iid, over)
        return True

    def cancel(self, name):
        t = self.pending.pop(name, None)
        if t is not None:
            self.ex.cancel(t)

    def later(self, name, dur, fn):
        self.cancel(name)

        def run():
            self.pending.pop(name, None)
            fn()
        self.pending[name] = self.ex.after(dur, run)

    # phase 1

    def ncsc_learns(self, how):
        st = self.state
        if st.get("ncsc_aware") is not None:
            return
        st["ncsc_aware"] = self.ex.now()
        st["ncsc_learned_via"] = how
        self.ex.log("NCSC is aware of the Albion intrusion (" + how + ")")
        if how == "own detection":
            self.later("albion-confirms", HOUR, lambda: self.fire_once(
                "grid-ncsc-report",
                {"title": "Albion Grid confirms intrusion after NCSC call"}))
        else:
            self.fire_once("grid-ncsc-report")

    def siem_decision(self, d):
        st = self.state
        if st.get("soc_choice"):
            if d.choice == "escalate":
                self.ncsc_learns("late report by Albion SOC")
            return
        st["soc_choice"] = d.choice
        if d.choice == "escalate":
            self.rate("report-early", not d.late,
                      "Albion reported %d minutes after the alert" %
                      ((d.t - 30 * 60) // 60))
            self.ncsc_learns("report by Albion SOC")
        else:
            self.ex.log("Albion SOC chose to monitor quietly rather than "
                        "report")
            self.later("monitor-findings", 3 * HOUR,
                       lambda: self.fire_once("grid-monitor-findings"))

    def siem_timeout(self, ev):
        self.state["soc_choice"] = "none"
        self.rate("report-early", False,
                  "SIEM alert sat unanswered past its one-hour deadline")

    def monitor_decision(self, d):
        if d.choice == "report":
            self.rate("report-early", False,
                      "Albion reported only after further monitoring")
            self.ncsc_learns("late report by Albion SOC")
        else:
            self.state["monitor_extended"] = True
            self.rate("report-early", False,
                      "Albion kept monitoring after seeing OT reconnaissance")
            self.ex.log("Albion SOC keeps watching; actor completes OT "
                        "reconnaissance")

    def monitor_timeout(self, ev):
        self.state["monitor_extended"] = True
        self.rate("report-early", False, "no decision on the hunt findings")

    def own_detection(self):
        if self.state.get("ncsc_aware") is None:
            self.fire_once("ncsc-own-detection")
            self.rate("report-early", False, "NCSC found the intrusion itself")
            self.ncsc_learns("own detection")

    # phase 2

    def warn_bank(self, secs, source=None):
        st = self.state
        when = self.ex.now() + secs
        at = st.get("bank_warn_at")
        if st.get("bank_warned") is not None or (at is not None and
                                                 at <= when):
            return
        st["bank_warn_at"] = when

        def warn():
            st["bank_warned"] = self.ex.now()
            self.ex.log("THB USA hunts with government indicators")
            if source:
                self.fire_once("bank-us-hunt-hit", {"from": source})
            else:
                self.fire_once("bank-us-hunt-hit")
        self.later("warn-bank", secs, warn)

    def ask_ncsc_to_share(self):
        st = self.state
        if st.get("share_asked"):
            return
        st["share_asked"] = True
        self.later("share-ask", max(30 * 60, 4 * HOUR + 30 * 60 -
                                    self.ex.now()),
                   lambda: self.fire_once("ncsc-share"))

    def categorise(self, cat):
        self.state["category"] = cat
        if cat == 2:
            self.ex.log("NCSC declares a Category 2 incident")
            self.cancel("cabinet-query")
            self.later("cobr", 3 * HOUR,
                       lambda: self.fire_once("cobr-sitrep"))
        else:
            def query():
                self.fire_once("cabinet-office-query")
                self.later("cobr", HOUR,
                           lambda: self.fire_once("cobr-sitrep"))
            self.later("cabinet-query", 8 * HOUR, query)

    def report_decision(self, d):
        if self.state.get("category"):
            if d.choice == "cat2":
                self.categorise(2)
            return
        self.categorise(2 if d.choice == "cat2" else 3)
        self.ask_ncsc_to_share()

    def report_timeout(self, ev):
        self.ex.log("NCSC left the Albion report uncategorised past its "
                    "deadline")
        self.categorise(3)
        self.ask_ncsc_to_share()

    def share_effects(self, choice, late):
        self.state["share"] = choice
        self.cancel("partner-pressure")
        if choice == "amber":
            self.ex.log("NCSC shares indicators with CISA at TLP:AMBER")
            self.rate("share-partner", not late, "shared at TLP:AMBER")
            self.fire_once("cisa-match")
            self.warn_bank(1 * HOUR)
        else:
            self.ex.log("NCSC shares indicators with CISA at "
                        "TLP:AMBER+STRICT")
            self.rate("share-partner", not late,
                      "shared at AMBER+STRICT; CISA had to ask before "
                      "telling THB USA")
            self.fire_once("cisa-match", {"body": STRICT_MATCH})
            self.warn_bank(6 * HOUR)

    def share_decision(self, d):
        st = self.state
        if d.choice != "wait":
            self.share_effects(d.choice, d.late)
            return
        if st.get("share"):
            return
        st["share"] = "wait"
        self.rate("share-partner", False,
                  "NCSC held indicators pending attribution")
        self.later("partner-pressure", 4 * HOUR,
                   lambda: self.fire_once("partner-pressure"))
        self.warn_bank(18 * HOUR, FBI_ROUTE)

    def pressure_decision(self, d):
        if self.state.get("share") == "wait":
            self.share_effects(d.choice, True)

    def pressure_timeout(self, ev):
        self.ex.log("NCSC still holding indicators; CISA relies on the "
                    "FBI's route to THB USA")

    def share_timeout(self, ev):
        self.state["share"] = "wait"
        self.rate("share-partner", False, "no sharing decision within the "
                  "hour")
        self.later("partner-pressure", 2 * HOUR,
                   lambda: self.fire_once("partner-pressure"))
        self.warn_bank(18 * HOUR, FBI_ROUTE)

    def isolate(self, late):
        st = self.state
        st["ot"] = "isolated"
        self.cancel("hmi")
        self.rate("protect-ot", not late, "isolated after the deadline"
                  if late else "vendor access cut in time")
        if self.ex.rng.randint(1, 100) <= 40:
            st["actor_alerted"] = True
            self.ex.log("Actor noticed the OT isolation")
            self.later("actor-reacts", 2 * HOUR,
                       lambda: self.fire_once("actor-reacts"))
        else:
            self.later("isolation-holds", 3 * HOUR,
                       lambda: self.fire_once("ot-isolation-holds"))

    def keep_access(self):
        st = self.state
        st["ot"] = "kept"
        wait_for = 4 * HOUR if st.get("monitor_extended") else 8 * HOUR

        def session():
            st["ot"] = "hmi-session"
            self.fire_once("ot-hmi-anomaly")
            self.rate("protect-ot", False, "actor reached a substation HMI "
                      "through the kept gateway")
            self.ex.log("Actor opened breaker-control screens at Calder "
                        "Moor")
            if st.get("category") != 2:
                self.cancel("cabinet-query")
                self.fire_once("cabinet-office-query")
                self.later("cobr", HOUR,
                           lambda: self.fire_once("cobr-sitrep"))
        self.later("hmi", wait_for, session)

    def ot_decision(self, d):
        ot = self.state.get("ot")
        if ot == "isolated" or ot == "hmi-session":
            return
        if d.choice == "isolate":
            self.isolate(d.late)
        elif not ot:
            self.keep_access()

    def ot_timeout(self, ev):
        self.ex.log("No OT decision by the deadline: the gateway stays up "
                    "by default")
        self.keep_access()

    def media_decision(self, d):
        st = self.state
        if d.choice == "holding":
            self.cancel("rumour")
            st["press"] = "holding"
            self.rate("public-info", not d.late, "holding statement issued")
        elif not st.get("press"):
            st["press"] = "declined"
            self.rate("public-info", False,
                      "declined to comment; the rumour filled the gap")
            self.later("rumour", 3 * HOUR,
                       lambda: self.fire_once("social-rumour"))

    def media_timeout(self, ev):
        self.state["press"] = "silent"
        self.rate("public-info", False, "no reply before the bulletin")
        self.later("rumour", 3 * HOUR,
                   lambda: self.fire_once("social-rumour"))

    def cobr_decision(self, d):
        self.state["sitrep"] = d.choice
        if d.choice == "brief":
            self.rate("situational", not d.late, "sitrep delivered")
        else:
            self.rate("situational", False,
                      "COBR met without NCSC's picture")
            self.ex.log("COBR (officials) meets without an NCSC sitrep")

    def cobr_timeout(self, ev):
        self.state["sitrep"] = "none"
        self.rate("situational", False, "no sitrep before COBR met")

    # phase 3

    def leak_after(self, dur):
        st = self.state
        if st.get("leak_planned"):
            return
        st["leak_planned"] = True

        def leak():
            self.fire_once("leak-sample")
            self.ex.log("Customer data sample published")
            self.later("leak-press", 2 * HOUR,
                       lambda: self.fire_once("media-bank-query"))
        self.later("leak", dur, leak)

    # phase 4

    def publish(self, choice, late):
        self.state["attribution"] = choice
        self.cancel("attribution-leak")
        if choice == "now":
            self.ex.log("UK and US agree joint attribution")
            self.rate("attribution", not late,
                      "joint attribution with Five Eyes co-seal")
            self.later("publish", 2 * HOUR,
                       lambda: self.fire_once("joint-advisory"))
        else:
            self.ex.log("UK and US agree a joint advisory without "
                        "attribution")
            self.rate("attribution", not late, "joint technical advisory; "
                      "attribution deferred by agreement")
            self.later("publish", 2 * HOUR, lambda: self.fire_once(
                "joint-advisory", {"title": "Joint advisory AA26-075A: "
                                   "living-off-the-land activity in energy "
                                   "and finance", "body": ADVISORY_ONLY}))

    def hold_attribution(self, note):
        self.state["attribution"] = "hold"
        self.rate("attribution", False, note)

        def leak():
            self.fire_once("attribution-leak")
            self.ex.log("Attribution leaks to the press before allies agree")
        self.later("attribution-leak", 6 * HOUR, leak)

    def attribution_decision(self, d):
        a = self.state.get("attribution")
        if a and a != "hold":
            return
        if d.choice == "wait":
            if not a:
                self.hold_attribution("held all public statements; the "
                                      "story leaked")
        else:
            self.publish(d.choice, d.late or a == "hold")

    def attribution_timeout(self, ev):
        self.hold_attribution("no joint position within the deadline")

    def endex(self):
        st = self.state
        rated = st.setdefault("rated", {})
        n = 0
        for oid in OBJECTIVES:
            if oid not in rated:
                self.rate(oid, False, "not demonstrated before ENDEX")
            if rated[oid] == "met":
                n += 1
        path = ("SOC %s; NCSC heard via %s; Cat %s; sharing %s; OT %s%s; "
                "press %s; extortion %s; attribution %s. Objectives met: "
                "%d of %d." % (
                    st.get("soc_choice") or "?",
                    st.get("ncsc_learned_via") or "?",
                    st.get("category") or "?", st.get("share") or "?",
                    st.get("ot") or "?",
                    " (actor alerted)" if st.get("actor_alerted") else "",
                    st.get("press") or "?", st.get("extortion") or "?",
                    st.get("attribution") or "?", n, len(OBJECTIVES)))
        self.ex.log(path)
        self.ex.finish("Operation Northern Lights complete. " + path)


# --- Exploring: N playthroughs, tallied as engine/explore.c tallies ------


class Tally:
    def __init__(self):
        self.runs = 0
        self.deliveries = self.decisions = self.late = self.acks = 0
        # per inject: runs, deliveries, in time, late, timeouts
        self.injects = {d[0]: [0, 0, 0, 0, 0] for d in INJECTS}
        self.choices = {d[0]: {c: 0 for c in d[3]} for d in INJECTS}
        self.objectives = {o: {"met": 0, "missed": 0, "undecided": 0}
                           for o in OBJECTIVES}
        self.end = {}
        self.minutes = {}
        self.paths = {}

    def add(self, ex, seed):
        self.runs += 1
        self.deliveries += len(ex.deliveries)
        self.decisions += ex.ndecisions
        self.late += ex.nlate
        self.acks += ex.nacks
        fired = set()
        path = []
        for dv in ex.deliveries:
            iid = dv.inject.id
            c = self.injects[iid]
            c[1] += 1
            fired.add(iid)
            if dv.timed_out and dv.choice == -1:
                c[4] += 1
            if dv.choice == -1:
                continue
            choice = dv.inject.choices[dv.choice]
            self.choices[iid][choice] += 1
            c[3 if dv.late else 2] += 1
            path.append(iid + "=" + choice)
        for iid in fired:
            self.injects[iid][0] += 1
        for o, v in zip(OBJECTIVES, ex.verdicts):
            self.objectives[o][v or "undecided"] += 1
        end = ("finish" if ex.end_reason is not None else
               "duration" if ex.end_t >= DURATION else "idle")
        self.end[end] = self.end.get(end, 0) + 1
        m = ex.end_t // MIN
        self.minutes[m] = self.minutes.get(m, 0) + 1
        key = " ".join(path) or "(no decisions)"
        seen = self.paths.get(key)
        if seen is None:
            self.paths[key] = [1, seed]
        else:
            seen[0] += 1
            seen[1] = min(seen[1], seed)

    def print(self, f):
        r = self.runs

        def pct(n, d):
            return 100.0 * n / d if d else 0.0
        f.write("northern-lights (SimPy 2 port): %d runs\n\n" % r)
        f.write("Injects (runs in which each fired; choices taken):\n")
        for d in INJECTS:
            c = self.injects[d[0]]
            f.write("  %-28s %6.1f%%\n" % (d[0], pct(c[0], r)))
            n = sum(self.choices[d[0]].values())
            for ch in d[3]:
                f.write("    %-26s %6.1f%% of decisions\n" % (
                    ch, pct(self.choices[d[0]][ch], n)))
        f.write("\nDeadlines (decisions in time / late / no decision):\n")
        for d in INJECTS:
            if d[4]:
                c = self.injects[d[0]]
                f.write("  %-28s %5.1f%% / %5.1f%% / %5.1f%%\n" % (
                    d[0], pct(c[2], c[1]), pct(c[3], c[1]),
                    pct(c[4], c[1])))
        f.write("\nObjectives (met / missed / undecided):\n")
        for o in OBJECTIVES:
            v = self.objectives[o]
            f.write("  %-28s %5.1f%% / %5.1f%% / %5.1f%%\n" % (
                o, pct(v["met"], r), pct(v["missed"], r),
                pct(v["undecided"], r)))
        f.write("\nEnded: %s; lengths (minutes): %s\n" % (
            ", ".join("%s %d" % kv for kv in sorted(self.end.items())),
            ", ".join("%d: %d" % kv for kv in sorted(self.minutes.items()))))
        f.write("Paths through the decisions: %d different\n" %
                len(self.paths))
        f.write("Per playthrough: deliveries=%.2f decisions=%.2f late=%.2f "
                "acks=%.2f\n" % (self.deliveries / r, self.decisions / r,
                                  self.late / r, self.acks / r))


def playthrough(seed, tally):
    sim = Simulation()
    ex = Exercise(sim, seed)
    NorthernLights(ex)		# the chunk: handlers, at(), process()
    ex.start()
    sim.simulate(until=DURATION + 1)
    if not ex.ended:
        ex.finish(None)
    tally.add(ex, seed)


def main():
    opts = {"--runs": 1000, "--seed": 1}
    args = sys.argv[1:]
    while len(args) >= 2 and args[0] in opts:
        opts[args[0]] = int(args[1])
        args = args[2:]
    if args or opts["--runs"] < 1:
        sys.exit("usage: peer_explore_simpy.py [--runs N] [--seed S]")
    tally = Tally()
    for i in range(opts["--runs"]):
        playthrough(opts["--seed"] + i, tally)
    tally.print(sys.stdout)


if __name__ == "__main__":
    main()
