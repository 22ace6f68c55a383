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

# A tally says which runs it counts; --merge refuses to count one twice.
expect_eq "a shard's seeds" '[{"seed": "1", "runs": 300, "shard": "2/3"}]' \
    "$(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["seeds"]))' "$TMP/s2.json")"
expect_eq "the same shard twice" "ttxsim explore: $TMP/s2.json: counts runs \
that $TMP/s2.json counts too (seed 2 in both)
exit 2" "$("$TTXSIM" explore --merge "$TMP/s1.json" "$TMP/s2.json" \
    "$TMP/s2.json" 2>&1; echo "exit $?")"
cp "$TMP/s1.json" "$TMP/s1-again.json"
expect_eq "a shard twice, in two files" "ttxsim explore: $TMP/s1-again.json: \
counts runs that $TMP/s1.json counts too (seed 1 in both)" \
    "$("$TTXSIM" explore --merge "$TMP/s1.json" "$TMP/s3.json" \
    "$TMP/s1-again.json" 2>&1)"
expect_eq "a shard and its sweep" "ttxsim explore: $TMP/s3.json: counts runs \
that $TMP/all.json counts too (seed 3 in both)" \
    "$("$TTXSIM" explore --merge "$TMP/all.json" "$TMP/s3.json" 2>&1)"
"$TTXSIM" explore --runs 100 --seed 250 --json "$F" > "$TMP/from250.json"
expect_eq "another base seed, overlapping" "ttxsim explore: $TMP/from250.json: \
counts runs that $TMP/all.json counts too (seed 250 in both)" \
    "$("$TTXSIM" explore --merge "$TMP/all.json" "$TMP/from250.json" 2>&1)"
"$TTXSIM" explore --runs 100 --seed 301 --json "$F" > "$TMP/from301.json"
"$TTXSIM" explore --merge --json "$TMP/all.json" "$TMP/from301.json" \
    > "$TMP/400.json"
expect_eq "another base seed, disjoint: merged" "400 [{\"seed\": \"1\", \
\"runs\": 300, \"shard\": \"1/1\"}, {\"seed\": \"301\", \"runs\": 100, \
\"shard\": \"1/1\"}]" \
    "$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); print(t["runs"], json.dumps(t["seeds"]))' "$TMP/400.json")"
python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); del t["seeds"]; json.dump(t, open(sys.argv[2], "w"))' \
    "$TMP/s3.json" "$TMP/old.json"
expect_eq "merge: a tally without seeds" "ttxsim explore: $TMP/old.json: no \
field 'seeds': written by an older ttxsim, it cannot say which runs it \
counts (run it again)" \
    "$("$TTXSIM" explore --merge "$TMP/s1.json" "$TMP/old.json" 2>&1)"
sed 's/"shard":[^"]*"3\/3"/"shard": "4\/3"/' "$TMP/s3.json" > "$TMP/bad-shard.json"
expect_eq "merge: a broken seeds field" "ttxsim explore: $TMP/bad-shard.json: \
field 'seeds' is not a list of {\"seed\", \"runs\", \"shard\"}" \
    "$("$TTXSIM" explore --merge "$TMP/s1.json" "$TMP/bad-shard.json" 2>&1)"

# A deadline after ENDEX that nobody answers: no decision, not nothing.
expect_eq "a deadline after ENDEX" "  early                         53.0% /  \
33.0% /  14.0%
  late-call                      0.0% /   0.0% / 100.0%  NEVER MET" \
    "$("$TTXSIM" explore --runs 100 --seed 1 tests/explore/endex.lua |
    sed -n '/^Deadlines/,/^$/p' | sed '1d;$d')"

# Options after the file, as the docs write them.
"$TTXSIM" explore "$F" --runs 300 --seed 1 --json > "$TMP/after.json"
expect_eq "options after the scenario" "$(norm "$TMP/all.json")" \
    "$(norm "$TMP/after.json")"
"$TTXSIM" explore --merge "$TMP/all.json" --json > "$TMP/after.json"
expect_eq "--merge FILE --json" "$(norm "$TMP/all.json")" \
    "$(norm "$TMP/after.json")"

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
