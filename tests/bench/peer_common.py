"""What the Python peers of bench-sim share: the increment table drawn as
bench-sim draws it (splitmix64, seed 42, read cyclically), the command
line, and the result line scripts/bench reads."""
import sys

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


def parse(argv, prog):
    """WORKLOAD, N, REPS, OPS, WARMUP from the command line."""
    opts = {"-r": 5, "-o": 0, "-w": -1}
    args = argv[1:]
    while len(args) > 2 and args[0] in opts:
        opts[args[0]] = int(float(args[1]))
        args = args[2:]
    if len(args) != 2 or args[0] not in WORKLOADS:
        sys.exit("usage: %s [-r reps] [-o ops] [-w warmup] " % prog +
                 
                 "{%s} n" % "|".join(WORKLOADS))
    n = int(float(args[1]))
    ops = opts["-o"] or max(2000000, 10 * n)
    warmup = opts["-w"] if opts["-w"] >= 0 else max(n, 100000)
    return args[0], n, opts["-r"], ops, warmup



def report(name, workload, n, ns, ops, reps, warmup, end_t, tab):
    """Print the result line: the median window first, then the spread."""
    ns.sort()
    print("%s %s %d ns_per_op=%.2f min=%.2f max=%.2f ops=%d reps=%d "
          "warmup=%d end_t=%d table_sum=%d" % (
              name, workload, n, ns[len(ns) // 2], ns[0], ns[-1], ops,
              reps, warmup, end_t, sum(tab)), flush=True)
