#!/bin/sh
# ttxsim serve with real Unix sockets: a facilitator and two players join
# the tutorial; each sees only what its role may see; TLP refuses and
# allows shares, and forwards of injects, as specified (a RED inject's
# in tlp-forward.lua); a resent request is not applied twice; bad tokens,
# malformed lines and forbidden requests get their errors; the journal
# and report are written at the end.
#   usage: serve.sh TTXSIM TTX-CLIENT
. "$(dirname "$0")/lib.sh"
CLIENT=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")

cd "$TMP"
"$TTXSIM" serve --speed 3600 --seed 7 --journal j.jsonl \
    --listen "unix:$TMP/sock" "$ROOT/scenarios/tutorial.lua" \
    > serve.out 2> serve.err &
pid=$!
wait_socket sock
[ -S sock ] || { fail "the server did not start"; cat serve.err; finish; }

expect_eq "socket mode" "srw-------" "$(ls -l sock | cut -c1-10)"
expect_eq "tokens mode" "-rw-------" "$(ls -l j-tokens.txt | cut -c1-10)"
expect_eq "a live server's socket is not taken" \
    "ttxsim serve: $TMP/sock: in use (another server is listening there, or it is not a socket)" \
    "$("$TTXSIM" serve --journal other.jsonl --listen "unix:$TMP/sock" \
    "$ROOT/scenarios/tutorial.lua" 2>&1 >/dev/null)"

"$CLIENT" "$TMP/sock" j-tokens.txt > client.out 2>&1 <<'SCRIPT'
conn C control Facilitator
expect C "type":"welcome"
conn P control-room Olu
expect P "kind":"player","role":"control-room"
conn N ncsc-im Ana
expect N "type":"welcome"
# control sees who is connected; players never do
expect C {"role":"ncsc-im","players":["Ana"],"connected":1}],"control":1,"observers":0}
# control is told the held injects and the objectives
expect C {"id":"ncsc-call","title":"Water utility reports a remote setpoint change","held":true,"contingency":false,"fired":0}
expect C "objectives":[{"id":"report-early"
# a bad token is refused and the connection closed
hello X 0123456789abcdef0123456789abcdef Mallory
expect X "code":"auth"
closed X
send C {"type":"start","id":1}
expect C {"type":"ok","re":1}
expect P "title":"Sodium hydroxide setpoint raised 100x"
send P {"type":"ack","id":"a1","delivery":0}
expect P {"type":"ok","re":"a1"}
send P {"type":"decide","id":"d1","delivery":0,"choice":"report"}
expect P {"type":"ok","re":"d1"}
# a resent request is answered again, not applied twice
send P {"type":"decide","id":"d1","delivery":0,"choice":"report"}
# the decision fires the held inject to NCSC
expect N "title":"Water utility reports a remote setpoint change"
# an inject forwarded (naming its delivery) is held to the inject's
# label, TLP:AMBER: not lower; at AMBER it reaches the utility, a client
send N {"type":"share","id":"w1","to":["control-room"],"tlp":"clear","title":"Utility report","text":"x","delivery":1}
expect N "re":"w1","code":"tlp-refused","message":"a forward may not lower the label: the item is TLP:AMBER"
send N {"type":"share","id":"w2","to":["control-room"],"tlp":"amber","title":"Utility report as received","text":"x","delivery":1}
expect N {"type":"ok","re":"w2"}
expect P "title":"Utility report as received"
# only a delivery the role received may be named
send N {"type":"share","id":"w3","to":["control-room"],"tlp":"amber","title":"Fwd","text":"x","delivery":0}
expect N "re":"w3","code":"not-found","message":"inject delivery 0 was not sent to ncsc-im"
send N {"type":"share","id":"w4","to":["control-room"],"tlp":"amber","title":"Fwd","text":"x","delivery":9}
expect N "re":"w4","code":"not-found","message":"no inject delivery 9 to forward"
send N {"type":"share","id":"w5","to":["control-room"],"tlp":"amber","title":"Fwd","text":"x","delivery":9007199254740992}
expect N "re":"w5","code":"not-found"
# TLP:AMBER+STRICT stays in the utility: refused, and never delivered
send P {"type":"share","id":"s1","to":["ncsc-im"],"tlp":"amber+strict","title":"Logs","text":"x"}
expect P "code":"tlp-refused","message":"TLP:AMBER+STRICT stays in your own organisation (utility), and ncsc-im is in ncsc"
# TLP:AMBER from the utility: NCSC is not one of its clients
send P {"type":"share","id":"s2","to":["ncsc-im"],"tlp":"amber","title":"Logs 2","text":"x"}
expect P "code":"tlp-refused"
# TLP:GREEN reaches the community
send P {"type":"share","id":"s3","to":["ncsc-im"],"tlp":"green","title":"IOCs","text":"203.0.113.7"}
expect P {"type":"ok","re":"s3"}
expect N "title":"IOCs"
send N {"type":"note","id":"n1","text":"Calling the utility back"}
expect N {"type":"ok","re":"n1"}
# players may not act as the facilitator
send P {"type":"fire","id":"f1","inject":"press-query"}
expect P "re":"f1","code":"forbidden"
# malformed lines get errors and change nothing
raw P {not json
expect P "code":"bad-json"
raw P {"type":"decide","id":"x","delivery":-1,"choice":"a"}
expect P "code":"bad-field"
raw P {"type":"teleport","id":"t"}
expect P "code":"unknown-type"
raw P \xff\xfe
expect P "code":"bad-utf8"
# a reconnect restores the view, and a resent request is not applied
# twice
drop P
conn P2 control-room Olu
expect P2 "choice":"report"
expect P2 "title":"IOCs"
send P2 {"type":"decide","id":"d1","delivery":0,"choice":"report"}
expect P2 {"type":"ok","re":"d1"}
send C {"type":"end","id":2,"summary":"done"}
expect C "type":"end"
expect P2 "type":"end"
expect N "summary":"done","wall":
expect N "hotwash":["When would your team have called the national CSIRT in real life?"
# the hot wash, after the end
send N {"type":"hotwash","id":"h1","question":1,"text":"The duty engineer"}
expect N {"type":"ok","re":"h1"}
send N {"type":"hotwash","id":"h2","question":9,"text":"x"}
expect N "re":"h2","code":"not-found","message":"no such hot-wash question"
# what NCSC must never have seen
never N Sodium hydroxide
never N "type":"roster"
never P "injects":[
never N "title":"Logs"
SCRIPT
status=$?
[ $status -eq 0 ] || { fail "client script"; tail -30 client.out; }

i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.05; i=$((i + 1))
done
kill -0 "$pid" 2>/dev/null && { fail "the server did not stop"; kill "$pid"; }
wait_exit "$pid"
expect_eq "server exit" "0" "$?"
expect_eq "one decision journaled" "1" \
    "$(grep -c '"type":"decision"' j.jsonl)"
expect_eq "three refused shares journaled" "3" \
    "$(grep -c '"refused":true' j.jsonl)"
expect_has "the forward of an inject names it" \
    '"type":"share","inject":"ncsc-call","delivery":1,' \
    "$(grep '"title":"Utility report"' j.jsonl)"
expect_has "journal ends" "ended" "$("$TTXSIM" journal check j.jsonl)"
expect_has "report written" "report: j-report.html" "$(cat serve.out)"
expect_has "report: sharing" "3 refused by their TLP label" \
    "$(cat j-report.md)"
expect_has "report: a forward of an inject, refused" \
    "| \`ncsc-im\` | control-room | clear | Utility report (a forward of inject \`ncsc-call\`) | refused: a forward may not lower the label: the item is TLP:AMBER |" \
    "$(cat j-report.md)"
expect_has "report: a forward of an inject, delivered" \
    "| amber | Utility report as received (a forward of inject \`ncsc-call\`) | delivered |" \
    "$(cat j-report.md)"
expect_has "report: notes" "ncsc-im wrote a note: Calling the utility back" \
    "$(cat j-report.md)"
expect_has "report: the hot wash" "   - \`ncsc-im\` (Ana): The duty engineer" \
    "$(cat j-report.md)"
[ -e sock ] && fail "the socket was not removed"

# An overlong line is refused, and the next line is read as usual.
python3 - "$TMP/sock2" "$ROOT/scenarios/tutorial.lua" "$TTXSIM" <<'PY' \
    > long.out 2>&1 || { fail "overlong line"; cat long.out; }
import json, os, re, socket, subprocess, sys, time
sock, scen, ttxsim = sys.argv[1:4]
srv = subprocess.Popen([ttxsim, "serve", "--journal", "long.jsonl",
                        "--listen", "unix:" + sock, scen],
                       stdout=subprocess.PIPE, text=True)
out = ""
while "observer" not in out:
    out += srv.stdout.readline()
tok = dict(re.findall(r"^\s+(\S+)\s+([0-9a-f]{32})$", out, re.M))
s = socket.socket(socket.AF_UNIX)
s.connect(sock)
f = s.makefile("rw")
f.write(json.dumps({"type": "hello", "version": 1,
                    "token": tok["control"], "name": "F"}) + "\n")
f.flush()
assert json.loads(f.readline())["type"] == "welcome"
assert json.loads(f.readline())["type"] == "roster"
f.write('{"type":"ping","id":"' + "x" * 70000 + '"}\n')
f.write('{"type":"ping","id":7}\n')
f.flush()
err = json.loads(f.readline())
assert err["code"] == "too-long", err
assert json.loads(f.readline()) == {"type": "pong", "re": 7}
f.write(json.dumps({"type": "end", "id": 8}) + "\n")
f.flush()
srv.wait(timeout=10)
print("overlong line refused, connection kept")
PY

# A slow reader is dropped; the others are still answered.
"$TTXSIM" serve --speed 1 --seed 7 --journal slow.jsonl --client-buffer 65536 \
    --listen "unix:$TMP/slow" "$ROOT/scenarios/tutorial.lua" \
    > slow.out 2> slow.err &
pid=$!
wait_socket slow
text=$(printf '%01000d' 0)
{
	echo 'conn C control Facilitator'
	echo 'expect C "type":"welcome"'
	echo 'conn P control-room Olu'
	echo 'expect P "type":"welcome"'
	echo 'conn S ncsc-im Sleepy'
	echo 'send C {"type":"start","id":1}'
	echo 'expect C {"type":"ok","re":1}'
	echo 'drop C'
	n=1
	while [ $n -le 600 ]; do
		echo "send P {\"type\":\"share\",\"id\":$n,\"to\":[\"ncsc-im\"],\"tlp\":\"green\",\"title\":\"Item $n\",\"text\":\"$text\"}"
		# P reads as a console does; S never reads
		echo "expect P {\"type\":\"ok\",\"re\":$n}"
		n=$((n + 1))
	done
	echo 'conn C2 control Facilitator'
	echo 'expect C2 "type":"welcome"'
	echo 'send C2 {"type":"end","id":2}'
	echo 'expect P "type":"end"'
} > slow.script
"$CLIENT" "$TMP/slow" slow-tokens.txt < slow.script 2>&1 | tail -3 \
    > slow-client.out
grep -q "script passed" slow-client.out ||
    { fail "slow-reader script"; tail -5 slow-client.out; }
wait_exit "$pid"
expect_has "slow reader dropped" "dropping a slow reader (Sleepy" \
    "$(cat slow.err)"
expect_eq "every share journaled" "600" \
    "$(grep -c '"type":"share"' slow.jsonl)"

# Kill the server with SIGKILL mid-exercise and resume it: the same
# tokens work, the backlog is restored, nothing is applied twice, and the
# journal ends intact.
"$TTXSIM" serve --speed 60 --seed 7 --journal k.jsonl \
    --listen "unix:$TMP/k1" "$ROOT/scenarios/tutorial.lua" > k1.out 2>&1 &
pid=$!
wait_socket k1
"$CLIENT" "$TMP/k1" k-tokens.txt > kc1.out 2>&1 <<'SCRIPT' ||
conn C control F
conn P control-room Olu
conn N ncsc-im Ana
send C {"type":"start","id":1}
send C {"type":"jump","id":2}
expect P "title":"Sodium hydroxide
send P {"type":"ack","id":"a1","delivery":0}
expect P {"type":"ok","re":"a1"}
send C {"type":"chat","id":5,"to":{"role":"control-room"},"text":"How is it going?"}
expect P How is it going
send P {"type":"share","id":"s1","to":["ncsc-im"],"tlp":"green","title":"IOCs","text":"x"}
expect N "title":"IOCs"
send P {"type":"note","id":"n1","text":"Dosing pumps isolated."}
expect P {"type":"ok","re":"n1"}
send P {"type":"share","id":"s2","to":["ncsc-im"],"tlp":"amber+strict","title":"Logs","text":"x"}
expect P "re":"s2","code":"tlp-refused"
SCRIPT
    { fail "before the kill"; tail -5 kc1.out; }
kill -KILL "$pid"
wait "$pid" 2>/dev/null
expect_has "killed: resumable" "not ended (can be resumed)" \
    "$("$TTXSIM" journal check k.jsonl)"
# at the same address: the killed server's socket file is taken over
"$TTXSIM" serve --resume k.jsonl --speed 60 --listen "unix:$TMP/k1" \
    > k2.out 2>&1 &
pid=$!
wait_text k2.out "Listening on unix:"
"$CLIENT" "$TMP/k1" k-tokens.txt > kc2.out 2>&1 <<'SCRIPT' ||
conn C control F
expect C "type":"welcome"
conn P control-room Olu
expect P "title":"IOCs"
expect P How is it going
# resent after the crash: answered as before, not applied twice
send P {"type":"ack","id":"a1","delivery":0}
expect P {"type":"ok","re":"a1"}
send P {"type":"note","id":"n1","text":"Dosing pumps isolated."}
expect P {"type":"ok","re":"n1"}
send P {"type":"share","id":"s2","to":["ncsc-im"],"tlp":"amber+strict","title":"Logs","text":"x"}
expect P "re":"s2","code":"tlp-refused"
send P {"type":"decide","id":"d1","delivery":0,"choice":"report"}
expect P {"type":"ok","re":"d1"}
conn N ncsc-im Ana
expect N "title":"Water utility reports
send C {"type":"end","id":9}
expect P "type":"end"
SCRIPT
    { fail "after the resume"; tail -5 kc2.out; }
wait_exit "$pid"
# at the jump to T+10m, or a moment after it (the players acted then)
expect_has "resumed" "resumed at T+00:10:0" "$(cat k2.out)"
expect_has "resumed: ended" "ended" "$("$TTXSIM" journal check k.jsonl)"
expect_eq "resumed: one ack" "1" "$(grep -c '"type":"ack"' k.jsonl)"
expect_eq "resumed: one decision" "1" \
    "$(grep -c '"type":"decision"' k.jsonl)"
expect_eq "resumed: one note" "1" "$(grep -c '"type":"note"' k.jsonl)"
expect_eq "resumed: two shares" "2" "$(grep -c '"type":"share"' k.jsonl)"

# A TLP:RED inject is never forwarded, even within its recipient's
# organisation and as RED; an AMBER one is, at AMBER.  The server is
# killed and resumed: the resume re-makes each forward and checks it
# against the journal, and a resent one is answered as before.
"$TTXSIM" serve --seed 7 --journal fw.jsonl --listen "unix:$TMP/fw" \
    "$ROOT/tests/integration/tlp-forward.lua" > fw1.out 2>&1 &
pid=$!
wait_socket fw
"$CLIENT" "$TMP/fw" fw-tokens.txt > fwc1.out 2>&1 <<'SCRIPT' ||
conn C control F
conn I ncsc-im Ana
send C {"type":"start","id":1}
expect I "inject":"source","delivery":1
send I {"type":"share","id":"r1","to":["ncsc-ops"],"tlp":"red","title":"Source","text":"x","delivery":1}
expect I "re":"r1","code":"tlp-refused","message":"TLP:RED is for its named recipients only: it may not be forwarded"
send I {"type":"share","id":"r2","to":["ncsc-ops"],"tlp":"clear","title":"IOCs","text":"x","delivery":0}
expect I "re":"r2","code":"tlp-refused","message":"a forward may not lower the label: the item is TLP:AMBER"
send I {"type":"share","id":"r3","to":["ncsc-ops"],"tlp":"amber","title":"IOCs as received","text":"203.0.113.7","delivery":0}
expect I {"type":"ok","re":"r3"}
SCRIPT
    { fail "forwards before the kill"; tail -5 fwc1.out; }
kill -KILL "$pid"
wait "$pid" 2>/dev/null
"$TTXSIM" serve --resume fw.jsonl --listen "unix:$TMP/fw" > fw2.out 2>&1 &
pid=$!
wait_text fw2.out "Listening on unix:"
"$CLIENT" "$TMP/fw" fw-tokens.txt > fwc2.out 2>&1 <<'SCRIPT' ||
conn C control F
expect C "type":"welcome"
conn O ncsc-ops Sam
expect O "title":"IOCs as received"
conn I ncsc-im Ana
send I {"type":"share","id":"r1","to":["ncsc-ops"],"tlp":"red","title":"Source","text":"x","delivery":1}
expect I "re":"r1","code":"tlp-refused","message":"TLP:RED is for its named recipients only: it may not be forwarded"
send I {"type":"share","id":"r3","to":["ncsc-ops"],"tlp":"amber","title":"IOCs as received","text":"203.0.113.7","delivery":0}
expect I {"type":"ok","re":"r3"}
send C {"type":"end","id":2}
expect I "type":"end"
never O Named in confidence
SCRIPT
    { fail "forwards after the resume"; tail -5 fwc2.out; }
wait_exit "$pid"
expect_has "forwards resumed" "resumed at" "$(cat fw2.out)"
expect_has "forwards: journal ends" "ended" \
    "$("$TTXSIM" journal check fw.jsonl)"
expect_eq "forwards: three shares, once each" "3" \
    "$(grep -c '"type":"share"' fw.jsonl)"
expect_has "forwards: RED refused in the report" \
    "| \`ncsc-im\` | ncsc-ops | red | Source (a forward of inject \`source\`) | refused: TLP:RED is for its named recipients only: it may not be forwarded |" \
    "$(cat fw-report.md)"

# A journal that ends with the server's own record (a chat) resumes.
# The start and the chat arrive in one write, so one pass reads both: the
# start's T+0 events must be journaled before the chat, as a resume
# replays them (they were after it, and the resume refused the journal).
"$TTXSIM" serve --journal c.jsonl --listen "unix:$TMP/c1" \
    "$ROOT/scenarios/tutorial.lua" > c1.out 2>&1 &
pid=$!
wait_text c1.out "(mode 0600)"
"$CLIENT" "$TMP/c1" c-tokens.txt > cc.out 2>&1 <<'SCRIPT' ||
conn C control F
raw C {"type":"start","id":1}\x0a{"type":"chat","id":2,"to":{"role":"ncsc-im"},"text":"Last words"}
expect C {"type":"ok","re":2}
SCRIPT
    fail "chat before the kill"
kill -KILL "$pid"
wait "$pid" 2>/dev/null
"$TTXSIM" serve --resume c.jsonl --listen "unix:$TMP/c1" > c2.out 2>&1 &
pid=$!
wait_text c2.out "Resumed: consoles may reconnect."
expect_has "resumed after a final chat" "after checking 4 records" \
    "$(cat c2.out)"
expect_eq "T+0 before the chat read with the start" "command start phase chat" \
    "$(sed 1d c.jsonl | sed -n 's/.*"type":"\([a-z]*\)".*/\1/p' | head -4 |
    tr '\n' ' ' | sed 's/ $//')"
kill -TERM "$pid"
wait_exit "$pid"

# The hot wash across a reconnect: what a player answered or passed over
# before the link dropped counts (the console does not ask again), so the
# server ends when the last question is answered, not at --hotwash's end.
"$TTXSIM" serve --journal hw.jsonl --listen "unix:$TMP/hw" \
    "$ROOT/scenarios/tutorial.lua" > hw.out 2>&1 &
pid=$!
wait_text hw.out "(mode 0600)"
"$CLIENT" "$TMP/hw" hw-tokens.txt > hwc.out 2>&1 <<'SCRIPT' ||
conn C control F
conn P control-room Olu
conn N ncsc-im Ana
expect P "type":"welcome"
expect N "type":"welcome"
send C {"type":"end","id":1}
expect P "hotwash":[
send P {"type":"hotwash","id":"a0","question":0,"text":"Sooner"}
expect P {"type":"ok","re":"a0"}
drop P
conn P2 control-room Olu
send P2 {"type":"hotwash","id":"a1","question":1}
expect P2 {"type":"ok","re":"a1"}
send N {"type":"hotwash","id":"b0","question":0}
send N {"type":"hotwash","id":"b1","question":1,"text":"The duty engineer"}
expect N {"type":"ok","re":"b1"}
closed C
SCRIPT
    { fail "hot wash across a reconnect"; tail -5 hwc.out; }
wait_exit "$pid"
expect_eq "hot wash: the answers, not the passes" "2" \
    "$(grep -c '"type":"hotwash"' hw.jsonl)"

# TCP on loopback, beside a Unix socket.
port=$((20000 + $$ % 20000))
"$TTXSIM" serve --speed 3600 --seed 7 --journal tcp.jsonl \
    --listen "unix:$TMP/tcp-unix" --listen "127.0.0.1:$port" \
    "$ROOT/scenarios/tutorial.lua" > tcp.out 2>&1 &
pid=$!
wait_socket tcp-unix
"$CLIENT" "tcp:127.0.0.1:$port" tcp-tokens.txt > tcpc.out 2>&1 <<'SCRIPT' ||
conn C control F
expect C "type":"welcome"
send C {"type":"ping","id":3}
expect C {"type":"pong","re":3}
send C {"type":"end","id":4}
expect C "type":"end"
SCRIPT
    { fail "tcp"; tail -5 tcpc.out; }
wait_exit "$pid"
expect_has "tcp listener" "Listening on 127.0.0.1:$port" "$(cat tcp.out)"

# Bots play the roles nobody took; the facilitator only starts.
"$TTXSIM" serve --speed 100000 --seed 7 --journal bots.jsonl --stats \
    --bots control-room,ncsc-im --listen "unix:$TMP/bots" \
    "$ROOT/scenarios/tutorial.lua" > bots.out 2> bots.err &
pid=$!
wait_socket bots
"$CLIENT" "$TMP/bots" bots-tokens.txt > bots-client.out 2>&1 <<'SCRIPT' ||
conn C control Facilitator
send C {"type":"start","id":1}
expect C "type":"decision"
expect C "type":"end"
SCRIPT
    { fail "bots script"; tail -5 bots-client.out; }
wait_exit "$pid"
expect_has "bots decided" '"player":"bot"' "$(grep decision bots.jsonl)"
# --stats: one wake-up for each time the clock had to wait for an event
expect_has "pacing figures" "wake-ups for events, late by p50" \
    "$(grep -E '^pacing: [1-9][0-9]* wake-ups' bots.out)"
finish
