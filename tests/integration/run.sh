#!/bin/sh
# ttxsim run --headless: golden runs of the tutorial (every path), forced
# choices, and the errors a user can make on the command line.
. "$(dirname "$0")/lib.sh"

cd "$ROOT"
for case in report revert; do
	got=$("$TTXSIM" run --headless --no-journal -v --seed 7 --choose setpoint=$case \
	    scenarios/tutorial.lua 2>&1; echo "exit $?")
	expect_eq "tutorial, setpoint=$case" \
	    "$(cat tests/integration/tutorial-$case.expected)" "$got"
done

# The golden journal: scenario + seed + forced choice give exactly the
# checked-in journal behind the golden reports (wall times aside).
"$TTXSIM" run --headless --seed 7 --choose setpoint=revert \
    --journal "$TMP/golden.jsonl" scenarios/tutorial.lua >/dev/null
expect_eq "golden journal" \
    "$(sed 's/,"wall":"[^"]*"//' tests/report/tutorial-revert.jsonl)" \
    "$(sed 's/,"wall":"[^"]*"//' "$TMP/golden.jsonl")"

# --bots first takes the first choice listed (sorted by key: report)
got=$("$TTXSIM" run --headless --no-journal --bots first --seed 3 scenarios/tutorial.lua)
expect_has "--bots first" "path: setpoint=report" "$got"

# A scenario error is reported with file:line and a traceback, the run goes
# on, and the exit status is 1.
cat > "$TMP/broken.lua" <<'LUA'
scenario { id = "broken", title = "Broken", duration = "2h" }
role "r" { name = "R" }
at("1h", function()
  local t = nil
  return t.field
end)
at("90m", function() log("still running") end)
LUA
got=$("$TTXSIM" run --headless --no-journal -v --seed 1 "$TMP/broken.lua" 2>&1; \
    echo "exit $?")
expect_has "scenario error" "T+01:00:00 scenario error: $TMP/broken.lua:5: \
attempt to index a nil value (local 't')
stack traceback:" "$got"
expect_has "goes on" "T+01:30:00  log       still running" "$got"
expect_has "exit 1" "scenario errors 1" "$got"
expect_has "exit 1" "exit 1" "$got"

# Usage errors: exit 2 and a message that names the problem.
got=$("$TTXSIM" run --headless --no-journal --choose setpoint=nope \
    scenarios/tutorial.lua 2>&1; echo "exit $?")
expect_eq "bad --choose" "ttxsim run: --choose setpoint=nope: inject \
'setpoint' has no choice 'nope'
usage: ttxsim run [--solo] [--listen HOST:PORT]... [--seed N] [--speed X] [--journal FILE] FILE
       ttxsim run --headless [-v] [--seed N] [--bots random|first] \
[--choose INJECT=CHOICE]... [--journal FILE | --no-journal] [--speed X] FILE
       ttxsim run --headless --resume JOURNAL [-v] [--speed X] [FILE]
exit 2" "$got"
got=$("$TTXSIM" run --headless --no-journal --seed x scenarios/tutorial.lua 2>&1 | head -1)
expect_eq "bad --seed" "ttxsim run: --seed: expected a number from 0 to \
18446744073709551615, got 'x'" "$got"
got=$("$TTXSIM" run --headless --no-journal nosuch.lua 2>&1; echo "exit $?")
expect_eq "missing file" "ttxsim run: nosuch.lua: No such file or directory
exit 2" "$got"
got=$("$TTXSIM" run scenarios/tutorial.lua 2>&1 < /dev/null | head -1)
expect_eq "live needs a terminal" "ttxsim run: a live exercise needs a \
terminal (or use --headless)" "$got"
got=$("$TTXSIM" run --choose setpoint=report scenarios/tutorial.lua 2>&1 |
    head -1)
expect_eq "live: headless options" "ttxsim run: --resume, --choose, --bots, \
-v and --no-journal go with --headless (a live exercise is resumed with \
\`ttxsim serve --resume')" "$got"
got=$("$TTXSIM" run --headless --solo scenarios/tutorial.lua 2>&1 | head -1)
expect_eq "solo is live" "ttxsim run: --solo and --listen are for a live \
exercise: not with --headless" "$got"
got=$("$TTXSIM" run --headless --no-journal --bots clever scenarios/tutorial.lua 2>&1 |
    head -1)
expect_eq "bad --bots" "ttxsim run: --bots: expected random or first, got \
'clever'" "$got"

# Options after the file, as the docs write them; "--" ends the options.
got=$("$TTXSIM" run --headless scenarios/tutorial.lua --no-journal -v \
    --seed 7 --choose setpoint=report 2>&1; echo "exit $?")
expect_eq "run: options after the file" \
    "$(cat tests/integration/tutorial-report.expected)" "$got"
got=$("$TTXSIM" check scenarios/tutorial.lua -q 2>&1; echo "exit $?")
expect_eq "check: -q after the file" "exit 0" "$got"
got=$("$TTXSIM" check -- -q 2>&1; echo "exit $?")
expect_eq "check: -- ends the options" "ttxsim check: -q: No such file or \
directory
exit 2" "$got"
got=$(cd tests/report && "$TTXSIM" report tutorial-revert.jsonl \
    --format json -o "$TMP/r.json" 2>&1; echo "exit $?")
expect_eq "report: options after the journal" "exit 0" "$got"
cmp -s "$TMP/r.json" tests/report/tutorial-revert.json ||
    fail "report: options after the journal: not the golden report"
got=$("$TTXSIM" serve scenarios/tutorial.lua --speed 0 2>&1 | head -1)
expect_eq "serve: options after the file" "ttxsim serve: --speed: expected \
a number more than 0, got '0'" "$got"
for cmd in join facilitate; do
	got=$("$TTXSIM" $cmd "$TMP/no.sock" --bogus 2>&1 | head -1)
	expect_eq "$cmd: options after the address" "ttxsim $cmd: unknown \
option '--bogus'" "$got"
done
# an option missing its value is named as such, in every command (it
# was "unknown option" in most)
for args in "run scenarios/tutorial.lua --listen" "explore --runs" \
    "msel export scenarios/tutorial.lua -o" "report --format" \
    "serve --speed" "check --bogus"; do
	got=$("$TTXSIM" $args 2>&1 | head -1)
	opt=${args##* }
	cmd=${args%% *}
	want="ttxsim $cmd: $opt needs a value"
	[ "$opt" = --bogus ] && want="ttxsim $cmd: unknown option '--bogus'"
	expect_eq "$cmd $opt" "$want" "$got"
done

# --help on every subcommand, and --version
for cmd in check explore facilitate join journal msel report run serve; do
	got=$("$TTXSIM" $cmd --help; echo "exit $?")
	expect_has "$cmd --help" "usage: ttxsim $cmd" "$got"
	expect_has "$cmd --help exit" "exit 0" "$got"
done
got=$("$TTXSIM" --version)
expect_has "--version" "ttxsim 0." "$got"
got=$("$TTXSIM" frobnicate 2>&1; echo "exit $?")
expect_has "unknown command" "ttxsim: unknown command 'frobnicate'" "$got"
expect_has "unknown command exit" "exit 2" "$got"

# Every bundled scenario passes check.
for f in scenarios/*.lua; do
	got=$("$TTXSIM" check "$f" 2>&1; echo "exit $?")
	expect_has "check $f" "exit 0" "$got"
done
finish
