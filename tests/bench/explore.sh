#!/usr/bin/env bash
# Explore throughput: playthroughs per second of `ttxsim explore' on each
# scenario in SCENARIOS-DIR (but tutorial.lua) that passes `ttxsim check',
# with 1 and 2 workers; beside the default scenario, its SimPy 2 port
# (peer_explore_simpy.py) on as many playthroughs, when SimPy 2 imports.
# Each figure is RUNS over the wall time of the whole command, the median
# of the repetitions (interleaved); cpu_per_s is RUNS over its user +
# system time (children included), cpus that time over the wall time.
# Prints one line per measurement:
#	IMPL SCENARIO JOBS runs=.. per_s=.. min=.. max=.. cpu_per_s=.. cpus=..
#	    reps=..
#	IMPL SCENARIO work deliveries=.. decisions=.. late=.. (per playthrough)
#	IMPL SCENARIO JOBS failed
#	skipped SCENARIO - check
#   usage: explore.sh TTXSIM SCENARIOS-DIR [--quick]
set -euo pipefail
ttxsim=$1
dir=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
default=northern-lights
runs=10000 reps=5
[[ ${3:-} == --quick ]] && runs=1000 reps=1
python=/usr/bin/python3
[[ -x $python ]] || python=python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# once IMPL JOBS CMD...: run CMD once, timed; add "wall cpu" seconds to
# IMPL-JOBS.times.  A run counts only if its report names the runs made
# (explore exits 1 when it finds dead content, as for a crashed worker).
once() {
	local key=$1-$2 t rc=0
	shift 2
	[[ -e $tmp/$key.failed ]] && return 0
	TIMEFORMAT='%3R %3U %3S'
	t=$( { time "$@" >"$tmp/$key.out" 2>"$tmp/err"; } 2>&1 ) || rc=$?
	if ((rc > 1)) || ! grep -q ": $runs runs\$" "$tmp/$key.out"; then
		: >"$tmp/$key.failed"
		sed 's/^/# /' "$tmp/err" | head -n 5 >&2
		return 0
	fi
	awk '{ print $1, $2 + $3 }' <<<"$t" >>"$tmp/$key.times"
}

# line IMPL SCENARIO JOBS: the result line, from the medians of the wall
# and CPU times; cpus: CPU seconds over wall seconds.
line() {
	local key=$1-$3
	if [[ -e $tmp/$key.failed || ! -s $tmp/$key.times ]]; then
		echo "$1 $2 $3 failed"
		return 0
	fi
	{
		cut -d' ' -f1 "$tmp/$key.times" | sort -g
		cut -d' ' -f2 "$tmp/$key.times" | sort -g
	} | awk -v impl="$1" -v name="$2" -v j="$3" -v n="$runs" -v r="$reps" '
		NR <= r { wall[NR] = $1; next }
		{ cpu[NR - r] = $1 }
		END {
			m = int((r + 1) / 2)
			printf "%s %s %d runs=%d per_s=%.0f min=%.0f " \
			    "max=%.0f cpu_per_s=%.0f cpus=%.2f reps=%d\n",
			    impl, name, j, n, n / wall[m], n / wall[r],
			    n / wall[1], n / cpu[m], cpu[m] / wall[m], r
		}'
}

# the work line of ttxsim, from explore --json on stdin
work='import json, sys
x = json.load(sys.stdin)
r, i = x["runs"], x["injects"].values()
print("ttxsim %s work deliveries=%.2f decisions=%.2f late=%.2f" % (
    sys.argv[1], sum(v["deliveries"] for v in i) / r,
    sum(v["in_time"] + v["late"] for v in i) / r,
    sum(v["late"] for v in i) / r))'

have_simpy=0
"$python" -c 'import SimPy.Simulation' 2>/dev/null && have_simpy=1
for f in "$dir"/*.lua; do
	name=$(basename "$f" .lua)
	[[ $name == tutorial ]] && continue
	if ! "$ttxsim" check -q "$f" >/dev/null 2>&1; then
		echo "skipped $name - check"
		continue
	fi
	rm -f "$tmp"/*
	peer=0
	[[ $name == "$default" ]] && ((have_simpy)) && peer=1
	# interleaved, so that other work on the machine falls on each alike
	for ((i = 0; i < reps; i++)); do
		for jobs in 1 2; do
			once ttxsim "$jobs" "$ttxsim" explore --runs "$runs" \
			    --jobs "$jobs" --seed 1 "$f"
		done
		((peer)) && once simpy 1 "$python" \
		    "$here/peer_explore_simpy.py" --runs "$runs" --seed 1
	done
	line ttxsim "$name" 1
	line ttxsim "$name" 2
	[[ $name == "$default" ]] || continue
	# what a playthrough does on average, untimed: as many runs again
	"$ttxsim" explore --runs "$runs" --jobs 2 --seed 1 --json "$f" \
	    2>/dev/null | "$python" -c "$work" "$name" || true
	((peer)) || continue
	line simpy "$name" 1
	sed -n "s/^Per playthrough: /simpy $name work /p" "$tmp/simpy-1.out"
done
