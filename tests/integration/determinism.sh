#!/bin/sh
# Determinism: the same scenario and seed give byte-identical output in
# separate processes (different address layouts, different Lua string hash
# seeds, different environments), including a scenario that iterates pairs
# over string keys, prints tables and uses random; a different seed gives a
# different run.
. "$(dirname "$0")/lib.sh"

cd "$ROOT"
for scen in tests/integration/pairs-random.lua scenarios/tutorial.lua \
    scenarios/northern-lights.lua; do
	a=$("$TTXSIM" run --headless -v --seed 42 "$scen" 2>&1; echo "exit $?")
	b=$(env -i PATH="$PATH" PADDING=$(printf '%0999d' 0) \
	    "$TTXSIM" run --headless -v --seed 42 "$scen" 2>&1; echo "exit $?")
	c=$(setarch "$(uname -m)" -R "$TTXSIM" run --headless -v --seed 42 \
	    "$scen" 2>&1; echo "exit $?")
	expect_eq "$scen: two runs, seed 42" "$a" "$b"
	expect_eq "$scen: a third run, no ASLR" "$a" "$c"
	expect_has "$scen: ran without errors" "exit 0" "$a"
	d=$("$TTXSIM" run --headless -v --seed 43 "$scen" 2>&1)
	if [ "$scen" != scenarios/tutorial.lua ] && [ "$a" = "$d" ]; then
		fail "$scen: seeds 42 and 43 gave the same run"
	fi
done

# The pairs order is the sorted one, whatever the hash seed.
out=$("$TTXSIM" run --headless -v --seed 1 tests/integration/pairs-random.lua)
expect_has "pairs order" "log       alpha bravo charlie delta echo foxtrot" \
    "$out"
finish
