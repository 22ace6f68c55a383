#!/usr/bin/env bash
# Broadcast latency of `ttxsim serve' beside redis-server pub/sub (when
# installed), driven by the same harness (bench-broadcast) on Unix sockets
# and TCP loopback.  Prints one line per measurement:
#	SERVER TRANSPORT N p50_ms=.. p99_ms=.. last_ms=..
#   usage: broadcast.sh TTXSIM BENCH-BROADCAST SCENARIO [--quick]
set -euo pipefail
ttxsim=$1
harness=$2
scenario=$3
sizes="1000 5000"
[[ ${4:-} == --quick ]] && sizes=100
tmp=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)"
port=$((30000 + $$ % 20000))

"$ttxsim" serve --speed 1 --journal "$tmp/j.jsonl" \
    --listen "unix:$tmp/ttx" --listen "127.0.0.1:$port" "$scenario" \
    >/dev/null 2>&1 &
pids+=($!)
have_redis=0
if command -v redis-server >/dev/null; then
	redis-server --port $((port + 1)) --bind 127.0.0.1 \
	    --unixsocket "$tmp/redis" --save "" --appendonly no \
	    --maxclients 20000 >/dev/null 2>&1 &
	pids+=($!)
	have_redis=1
fi
for _ in $(seq 50); do
	[[ -S $tmp/ttx && ( $have_redis == 0 || -S $tmp/redis ) ]] && break
	sleep 0.1
done

run() {	# SERVER TRANSPORT N ROUNDS ADDRESS TOKENS
	local out
	if out=$("$harness" "$1" "$5" "$6" "$3" "$4" 2>&1); then
		echo "$1 $2 $3 ${out#* broadcast * }"
	else
		echo "$1 $2 $3 failed"
	fi
}
for n in $sizes; do
	rounds=$((n >= 5000 ? 10 : 20))
	run ttxsim unix "$n" "$rounds" "$tmp/ttx" "$tmp/j-tokens.txt"
	run ttxsim tcp "$n" 5 "tcp:127.0.0.1:$port" "$tmp/j-tokens.txt"
	if ((have_redis)); then
		run redis unix "$n" "$rounds" "$tmp/redis" -
		run redis tcp "$n" 5 "tcp:127.0.0.1:$((port + 1))" -
	fi
done
