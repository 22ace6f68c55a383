#!/bin/sh
# Determinism: the same scenario and seed give byte-identical output and
# journals (wall times aside) in separate processes with different address
# layouts, Lua string hash seeds and environments, including a scenario
# that iterates pairs over string keys, prints tables and uses random; a
# different seed gives a different run.
. "$(dirname "$0")/lib.sh"

cd "$ROOT"
nowall() {
	sed 's/,"wall":"[^"]*"//' "$1"
}
n=0
for scen in tests/integration/pairs-random.lua scenarios/tutorial.lua \
    scenarios/northern-lights.lua; do
	n=$((n + 1))
	a=$("$TTXSIM" run --headless -v --seed 42 --journal "$TMP/$n-a.jsonl" \
	    "$scen" 2>&1 | grep -vE '^(journal|report):'; echo "exit $?")
	b=$(env -i PATH="$PATH" PADDING=$(printf '%0999d' 0) \
	    "$TTXSIM" run --headless -v --seed 42 --journal "$TMP/$n-b.jsonl" \
	    "$scen" 2>&1 | grep -vE '^(journal|report):'; echo "exit $?")
	c=$(setarch "$(uname -m)" -R "$TTXSIM" run --headless -v --seed 42 \
	    --journal "$TMP/$n-c.jsonl" "$scen" 2>&1 | grep -vE '^(journal|report):'; \
	    echo "exit $?")
	expect_eq "$scen: two runs, seed 42" "$a" "$b"
	expect_eq "$scen: a third run, no ASLR" "$a" "$c"
	expect_has "$scen: ran without errors" "scenario errors 0" "$a"
	expect_eq "$scen: journals a and b" "$(nowall "$TMP/$n-a.jsonl")" \
	    "$(nowall "$TMP/$n-b.jsonl")"
	expect_eq "$scen: journals a and c" "$(nowall "$TMP/$n-a.jsonl")" \
	    "$(nowall "$TMP/$n-c.jsonl")"
	d=$("$TTXSIM" run --headless --no-journal -v --seed 43 "$scen" 2>&1)
	if [ "$scen" != scenarios/tutorial.lua ] && [ "$a" = "$d" ]; then
		fail "$scen: seeds 42 and 43 gave the same run"
	fi
done

# The pairs order is the sorted one, whatever the hash seed.
out=$("$TTXSIM" run --headless --no-journal -v --seed 1 \
    tests/integration/pairs-random.lua)
expect_has "pairs order" "log       alpha bravo charlie delta echo foxtrot" \
    "$out"
finish
