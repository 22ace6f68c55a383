#!/bin/sh
# ttxsim explore on a scenario with known flaws (tests/explore/flaws.lua)
# reports exactly those; shards merged equal one run of the same seeds;
# a reported seed replays with run --headless; usage errors.
#   usage: explore.sh TTXSIM
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
F=tests/explore/flaws.lua

out=$("$TTXSIM" explore --runs 300 --jobs 2 --seed 1 "$F" 2>&1)
expect_eq "exit 1: flaws found" "1" "$("$TTXSIM" explore --runs 50 "$F" \
    >/dev/null 2>&1; echo $?)"
expect_has "the dead inject" "  inject forgotten never fired (held: only a \
handler or the facilitator fires it)" "$out"
expect_has "the unreachable deadline" "  quick                          0.0% \
/ 100.0% /   0.0%  NEVER MET" "$out"
expect_has "the never-met objective" "  never                          0.0% \
/   0.0% / 100.0%  NEVER MET" "$out"
expect_has "the error, with file and line" "tests/explore/flaws.lua:33: \
attempt to index a nil value (local 't')" "$out"
expect_has "every run counted" "flaws: 300 runs" "$out"
# nothing else is dead: every choice of alert was taken
expect_eq "dead content: only that, and its handler" "  inject forgotten \
never fired (held: only a handler or the facilitator fires it)
  handler on(\"ack\", \"forgotten\") at line 40 never ran" \
    "$(printf '%s\n' "$out" | sed -n '/^Dead content/,/^$/p' | sed '1d;$d')"
# a timeout handler no bot can reach says why
expect_has "a timeout no bot reaches" "  handler on(\"timeout\", \"setpoint\") \
at line 64 never ran (no bot missed the deadline: the roles' delay ranges \
are shorter)" "$("$TTXSIM" explore --runs 200 scenarios/tutorial.lua)"

# The reported seed replays the error exactly.
seed=$(printf '%s\n' "$out" | sed -n 's/.*replay: ttxsim run --headless --seed \([0-9]*\)$/\1/p' | head -1)
[ -n "$seed" ] || fail "no seed to replay"
expect_has "the seed replays the error" "flaws.lua:33: attempt to index" \
    "$("$TTXSIM" run --headless --no-journal --seed "$seed" "$F" 2>&1)"

# Shards add up to the whole: the same tallies, key for key.
"$TTXSIM" explore --runs 300 --seed 1 --jobs 1 --json "$F" > "$TMP/all.json"
"$TTXSIM" explore --runs 300 --seed 1 --jobs 2 --shard 1/3 --json "$F" \
    > "$TMP/s1.json"
"$TTXSIM" explore --runs 300 --seed 1 --shard 2/3 --json "$F" > "$TMP/s2.json"
"$TTXSIM" explore --runs 300 --seed 1 --shard 3/3 --json "$F" > "$TMP/s3.json"
"$TTXSIM" explore --merge --json "$TMP/s1.json" "$TMP/s2.json" \
    "$TMP/s3.json" > "$TMP/merged.json"
norm() { python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), sort_keys=True))' "$1"; }
expect_eq "shards merged = one run" "$(norm "$TMP/all.json")" \
    "$(norm "$TMP/merged.json")"
"$TTXSIM" explore --runs 300 --seed 1 --jobs 2 --json "$F" > "$TMP/j2.json"
expect_eq "2 jobs = 1 job" "$(norm "$TMP/all.json")" "$(norm "$TMP/j2.json")"
expect_eq "the merged text equals the whole's" \
    "$("$TTXSIM" explore --merge "$TMP/all.json")" \
    "$("$TTXSIM" explore --merge "$TMP/s3.json" "$TMP/s1.json" "$TMP/s2.json")"

# Usage errors name the problem.
expect_eq "bad --shard" "ttxsim explore: --shard: expected I/N with 1 <= I \
<= N, got '0/3'" "$("$TTXSIM" explore --shard 0/3 "$F" 2>&1 | head -1)"
echo '{"format":"other"}' > "$TMP/bad.json"
expect_eq "merge: not a tally" "ttxsim explore: $TMP/bad.json: not the \
output of ttxsim explore --json (format ttxsim-explore, version 1)" \
    "$("$TTXSIM" explore --merge "$TMP/all.json" "$TMP/bad.json" 2>&1)"
printf '{"format":"ttxsim-explore","version":1,"scenario":"flaws","paths":5}' \
    > "$TMP/odd.json"
expect_eq "merge: a tally with a broken field" "ttxsim explore: \
$TMP/odd.json: field 'paths' is not an object" \
    "$("$TTXSIM" explore --merge "$TMP/all.json" "$TMP/odd.json" 2>&1)"
"$TTXSIM" explore --runs 10 --json scenarios/tutorial.lua > "$TMP/tut.json"
expect_eq "merge: another scenario" "ttxsim explore: $TMP/tut.json: \
scenario 'tutorial', not 'flaws'" \
    "$("$TTXSIM" explore --merge "$TMP/all.json" "$TMP/tut.json" 2>&1)"
finish
