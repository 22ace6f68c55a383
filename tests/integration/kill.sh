#!/bin/sh
# SIGKILL the server at random moments of a paced exercise with clients
# connected, resume it each time at the same address, and check:
#  1. with bots playing every role and 100 observers that reconnect on
#     their own, the report equals an uninterrupted run's, byte for byte;
#  2. with 20 players sending notes five times a second and 200 idle
#     players, every acknowledged note is in the journal exactly once,
#     nothing is applied twice, and the report has them all.
# Prints its figures (kills, resume times, latencies) for docs/security.md.
#   usage: kill.sh TTXSIM TTX-LOAD [KILLS]
. "$(dirname "$0")/lib.sh"
LOAD=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
KILLS=${3:-4}
NL=$ROOT/scenarios/northern-lights.lua
# the exercise must outlast the kills (each after 0.15-0.9 s): 72 hours
# of scenario time in about 1.5 s a kill
SPEED=$((172800 / KILLS))
SECS=$((KILLS * 2 + 4))
cd "$TMP"

# serve_bg NAME ARGS...: start a server logging to NAME.out, wait until
# it listens and its tokens file is written; sets $pid.  Up to a minute:
# under the sanitizers, beside scripts/test's allocation-failure test and
# its thousands of fsyncs, a start has been seen to take over 20 s.
serve_bg() {
	_name=$1
	shift
	# emptied here, not only by the redirection: that happens in the
	# background child, and wait_text could read the file an earlier
	# server of the same name left (both phases have a resume-0)
	: > "$_name.out"
	"$TTXSIM" serve "$@" > "$_name.out" 2>&1 &
	pid=$!
	wait_text "$_name.out" "(mode 0600)" 60
}

# random_ms LO HI
random_ms() {
	echo $(( $1 + $(od -An -N2 -tu2 /dev/urandom) % ($2 - $1) ))
}

# kill_and_resume JOURNAL SOCKET SPEED N: N times, let the server run a
# random while, SIGKILL it, and resume it; prints resume times (ms)
kill_and_resume() {
	_k=0
	while [ $_k -lt "$4" ]; do
		sleep "$(printf '0.%03d' "$(random_ms 150 900)")"
		kill -KILL "$pid" 2>/dev/null || break
		wait "$pid" 2>/dev/null
		serve_bg "resume-$_k" --resume "$1" --speed "$3" \
		    --listen "unix:$2"
		if ! grep -q "Listening on" "resume-$_k.out"; then
			fail "resume $_k did not start"
			ls -l "resume-$_k.out"
			cat "resume-$_k.out"
			if kill -0 "$pid" 2>/dev/null; then
				echo "(still running: $(grep State /proc/$pid/status)," \
				    "in $(cat /proc/$pid/wchan 2>/dev/null)," \
				    "syscall $(cut -d' ' -f1 /proc/$pid/syscall 2>/dev/null))"
				ls -l /proc/$pid/fd 2>/dev/null | tail -n +2 | wc -l
			fi
			"$TTXSIM" journal check "$1"
			return
		fi
		sed -n 's/.*after checking \([0-9]*\) records in \([0-9.]*\) ms.*/\1 \2/p' \
		    "resume-$_k.out" >> figures
		_k=$((_k + 1))
	done
}

# 1. Bots and observers: the same report as an uninterrupted run.
serve_bg plain --speed "$SPEED" --seed 11 --bots all --journal u.jsonl \
    --listen "unix:$TMP/u" "$NL"
"$LOAD" -s -e -O -i 100 -t $((SECS * 10)) "$TMP/u" u-tokens.txt > u-load.out 2>&1 ||
    fail "uninterrupted run: $(cat u-load.out)"
wait_exit "$pid"

serve_bg killed --speed "$SPEED" --seed 11 --bots all --journal k.jsonl \
    --listen "unix:$TMP/k" "$NL"
"$LOAD" -s -e -O -i 100 -t $((SECS * 20)) "$TMP/k" k-tokens.txt > k-load.out 2>&1 &
load=$!
kill_and_resume k.jsonl "$TMP/k" "$SPEED" "$KILLS"
wait "$load" || fail "killed run: $(cat k-load.out)"
wait_exit "$pid"

expect_eq "the observers all saw the end" "ended=101/101" \
    "$(grep -o 'ended=[0-9/]*' k-load.out)"
reconnects=$(sed 's/.*reconnects=\([0-9]*\).*/\1/' k-load.out)
[ "$reconnects" -ge $((101 * KILLS)) ] ||
    fail "only $reconnects reconnects for $KILLS kills of 101 clients"
expect_eq "killed and resumed: $KILLS times" "$KILLS" \
    "$(grep -c resumed resume-*.out | awk -F: '{ n += $2 } END { print n }')"
expect_has "the journal is whole" "ended" "$("$TTXSIM" journal check k.jsonl)"
expect_eq "report.md as uninterrupted" "$(sed 's/u\.jsonl/J/g' u-report.md)" \
    "$(sed 's/k\.jsonl/J/g' k-report.md)"
expect_eq "report.html as uninterrupted" \
    "$(sed 's/u\.jsonl/J/g' u-report.html)" \
    "$(sed 's/k\.jsonl/J/g' k-report.html)"
expect_eq "one start" "1" "$(grep -c '"command":"start"' k.jsonl)"

# 2. Players acting under load: nothing lost, nothing applied twice.
serve_bg notes --speed 600 --seed 12 --journal n.jsonl \
    --listen "unix:$TMP/n" "$NL"
"$LOAD" -s -a 20 -r 5 -i 200 -t "$SECS" -o acked.txt "$TMP/n" n-tokens.txt \
    > n-load.out 2>&1 &
load=$!
kill_and_resume n.jsonl "$TMP/n" 600 "$KILLS"
wait "$load" || fail "notes under load: $(cat n-load.out)"
kill -TERM "$pid"
wait_exit "$pid"

grep -o '"text":"load note [^"]*"' n.jsonl | sed 's/.*note //; s/"$//' |
    sort > journaled.txt
sort acked.txt > acked.sorted
expect_eq "no note applied twice" "" "$(uniq -d journaled.txt)"
expect_eq "every acknowledged note journaled" "" \
    "$(comm -23 acked.sorted journaled.txt)"
acked=$(wc -l < acked.txt)
[ "$acked" -gt 200 ] || fail "only $acked notes acknowledged"
"$TTXSIM" report -o n-report.md n.jsonl || fail "report of n.jsonl"
expect_eq "every acknowledged note in the report" "" \
    "$(for id in $(cat acked.txt); do
	grep -q "load note $id\b" n-report.md || echo "$id"; done | head -5)"

echo "kills $KILLS+$KILLS; $(grep -o 'across=[0-9]*' n-load.out) notes" \
    "answered only after a restart"
sort -k2 -n figures | awk '{ n[NR] = $1; ms[NR] = $2 } END {
    printf "resume: median %.1f ms, max %.1f ms (%d resumes, up to %d " \
    "records checked)\n", ms[int((NR + 1) / 2)], ms[NR], NR, n[NR] }'
cat n-load.out
finish
