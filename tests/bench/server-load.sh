#!/usr/bin/env bash
# The server under load, each figure beside its peer measured right after
# it on the same machine: `ttxsim serve' and redis-server on Unix sockets,
# driven by the same harnesses (bench-broadcast, ttx-load), and the pacing
# floor (bench-floor, SimPy's real time).  Prints one line per
# measurement, SERVER SECTION N then key=value pairs:
#	burst	B messages in one write to N clients (bench-broadcast burst)
#	memory	VmRSS before and after N idle connections
#	ack	a note's acknowledgement under load (ttx-load), journal or
#		append-only file fsync'd before the reply
#	pacing	lateness of the wake-ups of a 10 ms schedule
# Journals and sockets are made in a directory under BUILD, so that the
# fsyncs are the build disk's (a /tmp on tmpfs would make them free).
#   usage: server-load.sh burst|memory|ack|pacing BUILD SOURCE [--quick]
set -euo pipefail
section=$1
build=$(cd "$2" && pwd)
root=$(cd "$3" && pwd)
quick=0
[[ ${4:-} == --quick ]] && quick=1
ttxsim=$build/ui/ttxsim
load=$build/tests/ttx-load
python=/usr/bin/python3
[[ -x $python ]] || python=python3

tmp=$(mktemp -d "$build/server-load.XXXXXX")
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)"
have_redis=0
command -v redis-server >/dev/null && have_redis=1

# wait_for CMD...: until CMD succeeds (at most 30 s)
wait_for() {
	local i
	for ((i = 0; i < 600; i++)); do
		"$@" && return 0
		sleep 0.05
	done
	echo "server-load: gave up waiting for: $*" >&2
	return 1
}

# at_least N CMD...: CMD prints a number, N or more
at_least() {
	local v
	v=$("${@:2}" 2>/dev/null) || true
	((${v:-0} >= $1))
}

# ttxsim_bg NAME ARGS...: serve with journal NAME.jsonl, logs in NAME.out
# and NAME.err; wait until the tokens file is written; sets $pid
ttxsim_bg() {
	local name=$1
	shift
	"$ttxsim" serve --journal "$tmp/$name.jsonl" "$@" \
	    >"$tmp/$name.out" 2>"$tmp/$name.err" &
	pid=$!
	pids+=("$pid")
	wait_for grep -q "mode 0600" "$tmp/$name.out"
}

# redis_bg NAME ARGS...: redis-server on the socket NAME, files in a
# directory of its own; wait until it listens; sets $pid
redis_bg() {
	local name=$1
	shift
	mkdir "$tmp/$name.d"
	redis-server --port 0 --unixsocket "$tmp/$name" --dir "$tmp/$name.d" \
	    --save "" --maxclients 20000 "$@" >"$tmp/$name.log" 2>&1 &
	pid=$!
	pids+=("$pid")
	wait_for test -S "$tmp/$name"
}

stop() {	# PID: stop a server and wait for it
	kill "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

rss_kib() {
	awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}

nfds() {
	find "/proc/$1/fd" -mindepth 1 -maxdepth 1 | wc -l
}

# Burst fan-out: N observers (subscribers), B ad hoc injects (PUBLISHes)
# in one write, until every client has all B; the median of ROUNDS.
burst() {
	local n=1000 b=200 rounds=7 harness=$build/tests/bench/bench-broadcast
	((quick)) && n=100 rounds=3
	ttxsim_bg burst --speed 1 --listen "unix:$tmp/ttx" \
	    "$root/scenarios/tutorial.lua"
	"$harness" ttxsim "$tmp/ttx" "$tmp/burst-tokens.txt" "$n" "$rounds" \
	    burst "$b" || echo "ttxsim burst $n failed"
	stop "$pid"
	((have_redis)) || return 0
	redis_bg redis --appendonly no
	"$harness" redis "$tmp/redis" - "$n" "$rounds" burst "$b" ||
	    echo "redis burst $n failed"
	stop "$pid"
}

# memory_of NAME PID N WHAT LOAD-ARGS...: hold N idle connections with
# ttx-load, wait until the server has them all (ttxsim: welcomed, as its
# log says; redis: accepted, as its descriptors say), and print the growth
# of its resident memory
memory_of() {
	local name=$1 spid=$2 n=$3 what=$4 before after fds lp
	shift 4
	sleep 0.5
	before=$(rss_kib "$spid")
	fds=$(nfds "$spid")
	"$load" -t 60 -i "$n" "$@" >/dev/null &
	lp=$!
	if [[ $name == redis ]]; then
		wait_for at_least $((fds + n)) nfds "$spid"
	else
		wait_for at_least "$n" grep -c "joined as" "$tmp/$what.err"
	fi
	sleep 0.5	# the welcomes written, nothing else to do
	after=$(rss_kib "$spid")
	kill "$lp"
	wait "$lp" 2>/dev/null || true
	awk -v s="$name" -v n="$n" -v w="$what" -v a="$before" -v b="$after" \
	    'BEGIN { printf "%s memory %d clients=%s before_kib=%d " \
	    "after_kib=%d bytes_per_client=%.0f\n", s, n, w, a, b,
	    (b - a) * 1024 / n }'
}

# Memory per idle client: observers, then players, each on a fresh
# server waiting for its start; then bare redis connections.
memory() {
	local n=1000 nl=$root/scenarios/northern-lights.lua
	((quick)) && n=200
	ttxsim_bg observers --listen "unix:$tmp/o" "$nl"
	memory_of ttxsim "$pid" "$n" observers -O "$tmp/o" \
	    "$tmp/observers-tokens.txt"
	stop "$pid"
	ttxsim_bg players --listen "unix:$tmp/p" "$nl"
	memory_of ttxsim "$pid" "$n" players "$tmp/p" \
	    "$tmp/players-tokens.txt"
	stop "$pid"
	((have_redis)) || return 0
	redis_bg redis --appendonly no
	memory_of redis "$pid" "$n" connections -R "$tmp/redis" -
	stop "$pid"
}

# Action to acknowledgement: active players send a note a second each
# among idle players; ttxsim journals and fsyncs each pass, redis with
# appendfsync always.
ack() {
	local active=50 idle=1000 secs=20 slow=10 args out
	((quick)) && active=10 idle=100 secs=5 slow=2
	args=(-a "$active" -r 1 -i "$idle" -t "$secs")
	ttxsim_bg ack --speed 60 --listen "unix:$tmp/ttx" \
	    "$root/scenarios/northern-lights.lua"
	out=$("$load" -s "${args[@]}" "$tmp/ttx" "$tmp/ack-tokens.txt") ||
	    out="failed"
	echo "ttxsim ack $idle ${out#load }"
	stop "$pid"
	# the same with slow readers beside them: observers that never
	# read, dropped when their queue passes --client-buffer, while the
	# others must still be answered
	ttxsim_bg ackslow --speed 60 --client-buffer 16384 \
	    --listen "unix:$tmp/ttx" "$root/scenarios/northern-lights.lua"
	out=$("$load" -s -S "$slow" "${args[@]}" "$tmp/ttx" \
	    "$tmp/ackslow-tokens.txt") || out="failed"
	echo "ttxsim-slow ack $idle ${out#load }"
	stop "$pid"
	((have_redis)) || return 0
	redis_bg redis --appendonly yes --appendfsync always
	out=$("$load" -R "${args[@]}" "$tmp/redis" -) || out="failed"
	echo "redis ack $idle ${out#load }"
	stop "$pid"
}

# Pacing: an event every 10 ms (tests/bench/pacing.lua at --speed 100)
# with ten idle players connected, until the end; then the floor of this
# machine and SimPy's real time on the same schedule.
pacing() {
	local scenario=$root/tests/bench/pacing.lua count=1200 line
	if ((quick)); then
		count=120
		sed 's/duration = "20m"/duration = "2m"/' "$scenario" \
		    >"$tmp/pacing.lua"
		scenario=$tmp/pacing.lua
	fi
	ttxsim_bg pacing --stats --speed 100 --listen "unix:$tmp/ttx" \
	    "$scenario"
	"$load" -s -e -i 10 -t 60 "$tmp/ttx" "$tmp/pacing-tokens.txt" \
	    >/dev/null || echo "server-load: pacing: the end not seen" >&2
	wait "$pid" || true
	# "pacing: N wake-ups for events, late by p50 X us, p99 Y us,
	# max Z us" in the line of the others
	line=$(grep '^pacing:' "$tmp/pacing.out" || echo "pacing: failed")
	awk '{ if (NF == 16) printf "ttxsim pacing %s p50_us=%s " \
	    "p99_us=%s max_us=%s period_us=10000\n", $2, $9, $12, $15;
	    else print "ttxsim pacing 0 failed" }' <<<"${line//,/}"
	"$build/tests/bench/bench-floor" -n "$count" -p 10000
	if "$python" -c 'import SimPy.SimulationRT' 2>/dev/null; then
		"$python" "$root/tests/bench/peer_simpy_rt.py" -n "$count" \
		    -p 10000 || echo "simpy-rt pacing $count failed"
	fi
}

case $section in
burst | memory | ack | pacing) "$section" ;;
*)
	echo "usage: server-load.sh burst|memory|ack|pacing BUILD SOURCE" \
	    "[--quick]" >&2
	exit 2
	;;
esac
