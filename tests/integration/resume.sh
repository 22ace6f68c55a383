#!/bin/sh
# Kill and resume: a paced run of the default scenario is killed with
# SIGKILL at several moments and resumed from its journal; the final
# journal (wall times aside) and report equal an uninterrupted run's.
# Resume refuses a changed scenario, an ended exercise and a journal that
# the re-run contradicts; it drops a torn last line and goes on.
. "$(dirname "$0")/lib.sh"

scen="$ROOT/scenarios/northern-lights.lua"
cd "$TMP"
nowall() {
	sed 's/,"wall":"[^"]*"//' "$1"
}
report_of() {
	"$TTXSIM" report --format json "$1" | grep -v '"journal":'
}

"$TTXSIM" run --headless --seed 5 --journal full.jsonl "$scen" >/dev/null
expect_has "uninterrupted run" "ended" "$("$TTXSIM" journal check full.jsonl)"

# 72 h at 100,000x: about 2.6 s of wall time
cuts=0
for at in 0.4 0.9 1.4 1.9; do
	j="cut-$at.jsonl"
	"$TTXSIM" run --headless --seed 5 --speed 100000 --journal "$j" \
	    "$scen" >/dev/null 2>&1 &
	pid=$!
	sleep "$at"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	state=$("$TTXSIM" journal check "$j" 2>&1)
	case $state in
	*"not ended"*) cuts=$((cuts + 1)) ;;
	*) continue ;;	# finished before the kill: nothing to resume
	esac
	out=$("$TTXSIM" run --headless --resume "$j" 2>&1; echo "exit $?")
	expect_has "resume after $at s" "resumed at T+" "$out"
	expect_has "resume after $at s: exit" "exit 0" "$out"
	expect_eq "journal after a kill at $at s" "$(nowall full.jsonl)" \
	    "$(nowall "$j")"
	expect_eq "report after a kill at $at s" "$(report_of full.jsonl)" \
	    "$(report_of "$j")"
done
[ "$cuts" -ge 2 ] || fail "only $cuts of 4 kills landed mid-run"
echo "kills resumed: $cuts"

# A torn last line is dropped, with a warning, and the run goes on.
head -40 full.jsonl > torn.jsonl
sed -n 41p full.jsonl | head -c 50 >> torn.jsonl
out=$("$TTXSIM" run --headless --resume torn.jsonl 2>&1; echo "exit $?")
expect_has "torn: warning" "warning: dropping the torn last record" "$out"
expect_has "torn: exit" "exit 0" "$out"
expect_eq "torn: journal" "$(nowall full.jsonl)" "$(nowall torn.jsonl)"

# An ended exercise has nothing to resume.
out=$("$TTXSIM" run --headless --resume full.jsonl 2>&1; echo "exit $?")
expect_eq "ended" "ttxsim run: full.jsonl: the exercise has already ended; \
nothing to resume
exit 1" "$out"

# A changed scenario file is refused.
head -30 full.jsonl > changed.jsonl
cp "$scen" changed.lua
printf '\n-- an edit\n' >> changed.lua
out=$("$TTXSIM" run --headless --resume changed.jsonl changed.lua 2>&1; \
    echo "exit $?")
expect_has "changed scenario" "ttxsim run: cannot resume changed.jsonl: \
changed.lua has changed since the journal was written" "$out"
expect_has "changed scenario: exit" "exit 1" "$out"

# A journal the re-run contradicts is refused, naming the record.
line=$(head -60 full.jsonl | grep -n '"type":"decision"' | head -1 | cut -d: -f1)
head -60 full.jsonl | sed "${line}s/\"choice\":\"[^\"]*\"/\"choice\":\"other\"/" \
    > diverged.jsonl
cp diverged.jsonl diverged.before
out=$("$TTXSIM" run --headless --resume diverged.jsonl 2>&1; echo "exit $?")
expect_has "diverged" "ttxsim run: cannot resume diverged.jsonl: record \
$((line - 1)) (line $line) differs: the journal has" "$out"
expect_has "diverged: exit" "exit 1" "$out"
expect_eq "diverged: journal untouched" "$(cat diverged.before)" \
    "$(cat diverged.jsonl)"

# A full disk (here a file size limit) stops the run cleanly: the journal
# ends on a record boundary, the error says so, and it can be resumed.
out=$(sh -c "ulimit -f 64; exec '$TTXSIM' run --headless --speed 1e9 \
    --seed 5 --journal full-disk.jsonl '$scen'" 2>&1; echo "exit $?")
expect_has "disk full: message" "ttxsim run: journal full-disk.jsonl: write \
failed: File too large; the exercise stopped with its records up to the \
last commit on disk (it can be resumed)" "$out"
expect_has "disk full: exit" "exit 1" "$out"
state=$("$TTXSIM" journal check full-disk.jsonl 2>&1)
expect_has "disk full: a clean journal" "full-disk.jsonl: ok:" "$state"
expect_has "disk full: not ended" "not ended" "$state"
"$TTXSIM" run --headless --resume full-disk.jsonl >/dev/null 2>&1
expect_eq "disk full: resumed journal" "$(nowall full.jsonl)" \
    "$(nowall full-disk.jsonl)"

# A run with a journal exits 0 (and says where its files went).
out=$("$TTXSIM" run --headless --seed 9 --journal ok.jsonl "$scen" 2>&1; \
    echo "exit $?")
expect_has "journaled run: exit" "exit 0" "$out"
expect_has "journaled run: report" "report: ok-report.html" "$out"
finish
