#!/bin/sh
# The consoles in real terminals under tmux: a facilitator and three
# players run tests/integration/three-roles.lua from start to report by
# keys alone (send-keys) and what each screen shows is checked
# (capture-pane): acknowledge and decide, a share under TLP:AMBER that
# goes through and a forward of TLP:RED that is refused with its reason,
# pause, a held inject fired, an observation, the end and the report.
# Then: a resize storm, hostile message text, signals that must give the
# terminal back, and a server killed and resumed under the consoles.
#   usage: console.sh TTXSIM TTX-CLIENT
. "$(dirname "$0")/lib.sh"
CLIENT=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 77; }
cd "$TMP"
TM="tmux -S $TMP/tmux"
trap '$TM kill-server 2>/dev/null; rm -rf "$TMP"' EXIT

# console NAME COMMAND...: a console in its own 100x30 terminal; the
# shell around it says how it exited
console() {
	_n=$1
	shift
	$TM new-session -d -s "$_n" -x 100 -y 30 \
	    "$* ; echo console-exit=\$?; stty -a | grep -o ' -icanon\\| icanon'; exec sleep 600"
}
screen() { $TM capture-pane -p -t "$1"; }
keys() { _s=$1; shift; $TM send-keys -t "$_s" "$@"; }
# wait_screen NAME TEXT: until the screen shows TEXT (at most 15 s)
wait_screen() {
	_i=0
	while ! screen "$1" | grep -qF -- "$2" && [ $_i -lt 300 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	screen "$1" | grep -qF -- "$2" || {
		fail "$1 never showed '$2'"
		screen "$1" | sed 's/^/    | /'
	}
}

"$TTXSIM" serve --speed 1 --seed 3 --journal c.jsonl \
    --listen "unix:$TMP/s" "$ROOT/tests/integration/three-roles.lua" \
    > serve.out 2>&1 &
pid=$!
wait_text serve.out "(mode 0600)"
J="$TTXSIM join --tokens $TMP/c-tokens.txt"
console F "$TTXSIM facilitate --tokens $TMP/c-tokens.txt --name Fay $TMP/s"
console P1 "$J --role control-room --name Olu $TMP/s"
console P2 "$J --role ncsc-im --name Ana $TMP/s"
console P3 "$J --role us-cisa --name Sam $TMP/s"
console O "$J --role observer --name Eve $TMP/s"
wait_screen F "+ us-cisa        Sam"
# what `n' will bring, in order
wait_screen F "00:10 alert"
wait_screen F "00:20 ncsc-brief"
wait_screen F "00:30 cisa-brief"
wait_screen P1 "control-room (Olu)"
wait_screen P1 "waiting x1 | connected"

# start, and jump to each inject; each player acknowledges and decides
keys F Space
wait_screen F "running x1"
keys F n
wait_screen P1 "Dosing setpoint changed remotely"
wait_screen P1 "1h00m left"
keys P1 a
wait_screen P1 "acked, 1h00m left"
keys P1 d
wait_screen P1 "Report to NCSC"
keys P1 1
wait_screen P1 "decided"
wait_screen F "control-room (Olu) decided alert: report"
keys F n
wait_screen P2 "Utility intrusion: brief the team"
keys P2 a d 1
wait_screen P2 "decided"
keys F n
wait_screen P3 "UK partner reports a water intrusion"
keys P3 a d 2
wait_screen P3 "decided"
wait_screen F "us-cisa (Sam) decided cisa-brief: hold"

# NCSC shares with its client utility under AMBER (allowed), then under
# RED to the control room only; the control room may not pass RED on
keys P2 s
wait_screen P2 "[ ] control-room"
keys P2 Space Enter
wait_screen P2 "TLP:AMBER+STRICT"
keys P2 Enter
wait_screen P2 "Done."
keys P2 s Space Enter Down Down Enter
wait_screen F "ncsc-im shared TLP:RED to control-room: Utility"
wait_screen P1 "2 unread"
wait_screen P1 "RED          ncsc-im        Utility intrusion"
# each label in its colour: RED red, AMBER yellow (the colour pair used
# to be dropped when a character was put, leaving only bold)
colours=$($TM capture-pane -e -p -t P1 | sed -n 2,4p)
expect_has "TLP:RED in red" "$(printf '\033[31mRED')" "$colours"
expect_has "TLP:AMBER in yellow" "$(printf '\033[33mAMBER')" "$colours"
keys P1 Down Down
wait_screen P1 "TLP:RED"
keys P1 s
wait_screen P1 "[ ] us-cisa"
keys P1 Down Space Enter Enter
wait_screen P1 "Refused:"
screen P1 > p1-refused.txt
expect_has "the refusal says why" "Refused: TLP:RED" "$(cat p1-refused.txt)"
wait_screen F "control-room share REFUSED (TLP:AMBER to us-cisa)"
# the observer sees everything (the UK's RED share too), read-only, and
# records observations
wait_screen O "OBSERVER (Eve)"
wait_screen O "ncsc-im shared TLP:RED to control-room"
keys O a
sleep 0.2
expect_eq "the observer cannot act for a player" "" \
    "$(screen O | grep -F 'Acknowledged')"
keys O o Down Enter
wait_screen O "Observation"
keys O "CISA was not told" C-d
wait_screen F "Observation on coordinate"
keys O q
wait_screen O "console-exit=0"
# what the US must never have seen
expect_eq "CISA saw no UK share" "" \
    "$(screen P3 | grep -F 'Utility intrusion')"

# pause, fire the held inject, observe, end
keys F Space
wait_screen F "paused x1"
keys F f
wait_screen F "press-call"
keys F Enter
wait_screen P3 "Journalist asks about"
wait_screen P1 "Journalist asks about"
keys F o Down Enter
wait_screen F "Observation"
keys F "The control room reported within minutes" C-d
wait_screen F "Observation on coordinate at press-call: The control"
keys F e
wait_screen F "End the exercise for everyone?"
keys F y
wait_screen F "players are in the hot wash.  The report follows in c-report.md"
wait_screen P2 "The exercise has ended. Report: c-report.md"
# the hot wash: each player is asked the scenario's questions
wait_screen P2 "Hot wash 1/2: What would you do differently?"
keys P2 "Call CISA in the first hour" C-d
wait_screen P2 "Hot wash 2/2: Who else should have been told?"
keys P2 Escape
wait_screen P2 "a ack  d decide"
keys P2 q
wait_screen P2 "console-exit=0"
keys P1 Escape Escape q
keys P3 Escape Escape q
wait_screen P3 "console-exit=0"
wait_exit "$pid"
r=$(cat c-report.md)
expect_has "report: the decisions" "control-room decided report on alert" "$r"
expect_has "report: CISA's decision" "us-cisa decided hold on cisa-brief" "$r"
expect_has "report: the refused forward" "refused" "$r"
expect_has "report: the fired inject" "Journalist asks about poisoned water" "$r"
expect_has "report: the observation" "Observation by Fay on press-call: The control room reported within minutes" "$r"
expect_has "report: the hot wash" "- \`ncsc-im\` (Ana): Call CISA in the first hour" "$r"

# A resize storm: every size from tiny to huge, and the console lives.
for size in 20x6 300x100 19x5 80x24 120x40 1x1 200x50 40x10 100x30; do
	$TM resize-window -t F -x "${size%x*}" -y "${size#*x}"
	sleep 0.05
done
wait_screen F "CONTROL (Fay)"
expect_eq "F alive after the resize storm" "" \
    "$(screen F | grep console-exit)"

# Hostile text: escape sequences, bad UTF-8 and wide characters in a
# message are shown, inert.
"$TTXSIM" serve --speed 1 --seed 3 --journal h.jsonl \
    --listen "unix:$TMP/h" "$ROOT/tests/integration/three-roles.lua" \
    > h.out 2>&1 &
pid=$!
wait_text h.out "(mode 0600)"
console H "$TTXSIM join --tokens $TMP/h-tokens.txt --role control-room --name Olu $TMP/h"
wait_screen H "connected"
"$CLIENT" "$TMP/h" h-tokens.txt > h-client.out 2>&1 <<'SCRIPT' ||
conn C control F
send C {"type":"start","id":1}
send C {"type":"chat","id":2,"to":{"role":"control-room"},"text":"\u001b]2;pwned\u0007\u001b[2J\u001b[31mred \u9632\u707d\u8a13\u7df4 \u00e9t\u00e9 \u200f\u202e\u0008\u0009end"}
expect C {"type":"ok","re":2}
SCRIPT
    fail "hostile chat not sent"
keys H Down
wait_screen H "防災訓練 été"
screen H > hostile.txt
expect_has "escape sequences shown as U+FFFD" "�]2;pwned��[2J�[31mred" \
    "$(cat hostile.txt)"
expect_eq "the terminal's title is untouched" "" \
    "$($TM display -p -t H '#{pane_title}' | grep pwned)"

# Colours, and none with NO_COLOR (the header is then reverse video).
expect_has "colour header" "[44m" "$($TM capture-pane -e -p -t H | head -1)"
console NC "NO_COLOR=1 $TTXSIM join --tokens $TMP/h-tokens.txt --role ncsc-im --name Mono $TMP/h"
wait_screen NC "connected"
expect_eq "NO_COLOR: no colour" "" \
    "$($TM capture-pane -e -p -t NC | grep -E '\[(3[0-7]|4[0-7])m')"
expect_has "NO_COLOR: reverse video" "[1;7m" "$($TM capture-pane -e -p -t NC | head -1)"
$TM kill-session -t NC

# SIGTERM, SIGINT, SIGHUP and SIGQUIT end the console and give the
# terminal back; so does each crash signal (SEGV, ABRT, BUS, FPE, ILL).
for sig in TERM INT HUP QUIT SEGV ABRT BUS FPE ILL; do
	console "S$sig" "$TTXSIM join --tokens $TMP/h-tokens.txt --role us-cisa --name Sig $TMP/h"
	wait_screen "S$sig" "connected"
	cpid=$(pgrep -f "^$TTXSIM join .*--name Sig ")
	kill -"$sig" "$cpid"
	wait_screen "S$sig" "console-exit="
	expect_has "SIG$sig: canonical mode back" " icanon" \
	    "$(screen "S$sig")"
	$TM kill-session -t "S$sig"
done

# The server is killed and resumed: the console says so and reconnects.
kill -KILL "$pid"
wait "$pid" 2>/dev/null
wait_screen H "reconnecting"
"$TTXSIM" serve --resume h.jsonl --listen "unix:$TMP/h" > h2.out 2>&1 &
pid=$!
wait_text h2.out "(mode 0600)"
grep -q "Listening on" h2.out || { fail "resume"; cat h2.out; }
wait_screen H "running x1 | connected"
expect_eq "no duplicate after the reconnect" "1" \
    "$(screen H | grep -cE '^.00:00 .* Chat')"
kill -TERM "$pid"
wait "$pid" 2>/dev/null

# ttxsim run --solo: the server in the background, one terminal with
# control and every role; > switches.
console SOLO "$TTXSIM run --solo --seed 5 --journal $TMP/solo.jsonl $ROOT/scenarios/tutorial.lua"
wait_screen SOLO "CONTROL ("
wait_screen SOLO "+ ncsc-im        solo"
keys SOLO Space n
wait_screen SOLO "Inject setpoint to control-room"
keys SOLO ">"
wait_screen SOLO "control-room (solo)"
wait_screen SOLO "[control-room: >/< role"
# which other roles have something unread
wait_screen SOLO "; new: control 1]"
keys SOLO a d 1
wait_screen SOLO "decided"
keys SOLO ">" ">"
wait_screen SOLO "control-room (solo) decided setpoint: report"
keys SOLO e y
wait_screen SOLO "The report follows in"
wait_screen SOLO "solo-report.md.  q leaves."
keys SOLO q
wait_screen SOLO "console-exit=0"
expect_has "solo: where the report is" "report: $TMP/solo-report.md" \
    "$(screen SOLO)"
[ -s "$TMP/solo-report.md" ] || fail "solo: no report"

# No ADDRESS: the one server of ours with its own socket, found as tmux
# finds its server ($TMPDIR/ttxsim-*/socket); none, and it says so.
mkdir "$TMP/own" "$TMP/none"
TMPDIR=$TMP/own "$TTXSIM" serve --journal own.jsonl \
    "$ROOT/scenarios/tutorial.lua" > own.out 2>&1 &
pid=$!
wait_text own.out "(mode 0600)"
console OWN "TMPDIR=$TMP/own $TTXSIM join --tokens $TMP/own-tokens.txt --role control-room --name Olu"
wait_screen OWN "control-room (Olu)"
wait_screen OWN "| connected"
kill -TERM "$pid"
wait "$pid" 2>/dev/null
$TM kill-session -t OWN
expect_eq "no server of ours" "ttxsim join: no server of yours has its own \
socket in $TMP/none: give the ADDRESS \`ttxsim serve' printed" \
    "$(TMPDIR=$TMP/none "$TTXSIM" join --token x 2>&1)"

# ttxsim run: the facilitator's console says how players join, while it
# has the terminal, and ? says it again
console RUN "$TTXSIM run --seed 5 --journal $TMP/run.jsonl $ROOT/scenarios/tutorial.lua"
wait_screen RUN "Players join: ttxsim join --token TOKEN unix:"
keys RUN "?"
wait_screen RUN "Keys (any key closes)"
expect_has "the help says how players join" "join --token TOKEN" \
    "$(screen RUN)"
keys RUN Escape e y
wait_screen RUN "The report follows in"
keys RUN q
wait_screen RUN "console-exit=0"
expect_has "run: how players join, after" "Players join: ttxsim join" \
    "$(screen RUN)"
finish
