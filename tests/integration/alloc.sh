#!/bin/sh
# Allocation failure at every point of a reference run: the tutorial
# loaded, played with bots and its report written.  For each k from 1 to
# the number of allocations the run makes, fail the k-th (a build with
# -Dalloc_fail=true; scripts/test's sanitizer build) and check that
# ttxsim exits 0, 1, 2 or 3 (out of memory: "ttxsim: out of memory") and
# never dies of a signal; that the sanitizers report nothing (no leak on
# the paths that go on); and that the journal left behind is intact or
# torn at a record boundary, never damaged.  Prints the figures.
#   usage: alloc.sh TTXSIM
. "$(dirname "$0")/lib.sh"
cd "$TMP"
S=$ROOT/scenarios/tutorial.lua

n=$(TTXSIM_COUNT_ALLOC=1 "$TTXSIM" run --headless --seed 7 --journal ref.jsonl \
    "$S" 2>&1 >/dev/null | sed -n 's/^allocations: //p')
if [ -z "$n" ]; then
	echo "not a -Dalloc_fail=true build: skipped"
	exit 77
fi
oom=0 handled=0 crashes=0 leaks=0 damaged=0
k=1
while [ "$k" -le "$n" ]; do
	rm -f j.jsonl j-report.*
	TTXSIM_FAIL_ALLOC=$k "$TTXSIM" run --headless --seed 7 --journal j.jsonl \
	    "$S" > out 2> err
	rc=$?
	if [ $rc -gt 3 ]; then
		crashes=$((crashes + 1))
		[ $crashes -le 3 ] && { fail "k=$k: exit $rc"; tail -5 err; }
	elif grep -q "Sanitizer" err; then
		leaks=$((leaks + 1))
		[ $leaks -le 3 ] && { fail "k=$k: sanitizer"; grep -m3 -A3 Sanitizer err; }
	elif [ $rc -eq 3 ]; then
		oom=$((oom + 1))
		grep -qx "ttxsim: out of memory" err ||
		    fail "k=$k: exit 3 without the message"
	else
		handled=$((handled + 1))
	fi
	if [ -s j.jsonl ] && "$TTXSIM" journal check j.jsonl 2>&1 |
	    grep -q "damaged"; then
		damaged=$((damaged + 1))
		[ $damaged -le 3 ] && fail "k=$k: damaged journal"
	fi
	k=$((k + 1))
done
echo "allocation failures: $n points tried, $oom clean out-of-memory" \
    "exits, $handled handled and went on, $crashes crashes, $leaks" \
    "sanitizer reports, $damaged damaged journals"
finish
