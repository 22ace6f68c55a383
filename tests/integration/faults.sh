#!/bin/sh
# Faults under a served exercise with a player sending notes fast:
#  - the disk fills up (RLIMIT_FSIZE): the server stops cleanly, the
#    journal ends on a record boundary, and every note acknowledged is in
#    it (nothing is acknowledged after the failure);
#  - fsync fails (an LD_PRELOAD shim): the same, and no retry;
#  - descriptors run out (RLIMIT_NOFILE): no accept spin, and clients are
#    accepted again once descriptors free up.
#   usage: faults.sh TTXSIM TTX-CLIENT FAILSYNC.so
. "$(dirname "$0")/lib.sh"
CLIENT=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
SHIM=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
LOAD=$(dirname "$CLIENT")/ttx-load
S=$ROOT/scenarios/tutorial.lua
cd "$TMP"

# check_stop NAME: after the server NAME stopped on a journal failure
check_stop() {
	expect_has "$1: says why" "journal $1.jsonl: $2 failed" \
	    "$(cat "$1.err")"
	expect_has "$1: resumable, on a record boundary" \
	    "not ended (can be resumed)" "$("$TTXSIM" journal check "$1.jsonl")"
	expect_eq "$1: not torn" "" \
	    "$("$TTXSIM" journal check "$1.jsonl" | grep -i torn)"
	grep -o '"text":"load note [^"]*"' "$1.jsonl" |
	    sed 's/.*note //; s/"$//' | sort > "$1.journaled"
	sort "$1.acked" > "$1.acked.sorted"
	expect_eq "$1: every acknowledged note journaled" "" \
	    "$(comm -23 "$1.acked.sorted" "$1.journaled")"
	[ -s "$1.acked" ] || fail "$1: nothing was acknowledged before"
	echo "$1: $(wc -l < "$1.acked") notes acknowledged, all journaled;" \
	    "$(wc -l < "$1.journaled") journaled"
}

# 1. The disk fills up: 48 KiB for the journal (dash counts 512-byte
# blocks).
sh -c "ulimit -f 96; exec \"$TTXSIM\" serve --journal full.jsonl \
    --listen unix:$TMP/full \"$S\"" > full.out 2> full.err &
pid=$!
wait_text full.out "(mode 0600)"
"$LOAD" -s -a 2 -r 200 -t 4 -o full.acked "$TMP/full" full-tokens.txt \
    > full-load.out 2>&1
wait_exit "$pid"
expect_eq "full: exit 1" "1" "$?"
check_stop full write

# 2. fsync fails after 20 commits.
LD_PRELOAD=$SHIM FAILSYNC_AFTER=20 \
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 \
    "$TTXSIM" serve --journal sync.jsonl --listen "unix:$TMP/sync" "$S" \
    > sync.out 2> sync.err &
pid=$!
wait_text sync.out "(mode 0600)"
"$LOAD" -s -a 2 -r 200 -t 3 -o sync.acked "$TMP/sync" sync-tokens.txt \
    > sync-load.out 2>&1
wait_exit "$pid"
expect_eq "fsync: exit 1" "1" "$?"
check_stop sync fsync
expect_eq "fsync: no retry" "1" "$(grep -c 'failed' sync.err)"

# 3. Out of descriptors: 32 for the server, 60 clients knocking.
sh -c "ulimit -n 32; exec \"$TTXSIM\" serve --journal fd.jsonl \
    --listen unix:$TMP/fd \"$S\"" > fd.out 2> fd.err &
pid=$!
wait_text fd.out "(mode 0600)"
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
before=$(cpu "$pid")
"$LOAD" -O -i 60 -t 3 "$TMP/fd" fd-tokens.txt > fd-load.out 2>&1
after=$(cpu "$pid")
# clock ticks (1/100 s): a spinning accept loop would use ~300
[ $((after - before)) -lt 100 ] ||
    fail "fd: the server used $((after - before)) ticks in 3 s (spinning?)"
expect_has "fd: says it is out of descriptors" \
    "accept: Too many open files; pausing accepts" "$(cat fd.err)"
"$CLIENT" "$TMP/fd" fd-tokens.txt > fd-client.out 2>&1 <<'SCRIPT' ||
conn C control F
expect C "type":"welcome"
send C {"type":"end","id":1}
expect C "type":"end"
SCRIPT
    { fail "fd: no client accepted after the others left"; tail -3 fd-client.out; }
wait_exit "$pid"
echo "fd: $((after - before)) clock ticks of CPU while 60 clients knocked on 32 descriptors"
finish
