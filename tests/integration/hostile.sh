#!/bin/sh
# The hostile-scenario corpus, tests/hostile/NN-name.lua: scripts that try
# to escape or stall the sandbox (bytecode, metatables, coroutines,
# recursion, memory and pattern bombs, C-side stalls, attacks from
# handlers and timers...).  Each runs as
#   ttxsim run --headless -v --seed 1 --journal J NN-name.lua
# from the source tree, under `timeout 60' (HOSTILE_TIMEOUT) and a cap on
# virtual memory (HOSTILE_VMEM_KB, default 512 MiB, 0 for none: sanitizer
# builds need it off), and must:
#  - exit 0 or 1: never a signal, never out of memory, never the timeout
#    (a stall must be stopped by the sandbox's budget, within its budget);
#  - give the outcome in NN-name.expected, line for line (below);
#  - leave, if it wrote a journal, one that `ttxsim journal check' finds
#    intact and ended, in valid UTF-8 (checked if iconv is there);
#  - if it failed to load, make `ttxsim check' print the same problems;
#  - write no control character but newline and tab to stdout or stderr
#    (escape sequences from scenario text must arrive inert).
# A failure is an ESCAPE (a stall, or an outcome other than expected) or
# a CRASH (a signal, an exit status other than 0 and 1, out of memory, or
# a JOURNAL that is not intact).  Prints one figure line; exit status 1
# if any script failed.  Scripts listed in tests/hostile/KNOWN-OPEN are
# open bugs: they run with a 10 s timeout (HOSTILE_KNOWN_TIMEOUT), are
# counted apart, and fail the run only by passing (then take them off).
#   usage: hostile.sh TTXSIM [NN-name...]
#   HOSTILE_SHOW=1  print each run's outcome in the .expected format
#
# The .expected format.  Lines starting with '#' are comments; the others
# are, in order, the run's outcome, one line per
#   stderr TEXT              a line of stderr other than a scenario error
#                            and its traceback: what `ttxsim check' prints
#                            for a scenario that fails to load
#   error T+HH:MM:SS TEXT    the first line of a scenario error (TEXT is
#                            file:line: message)
#   log T+HH:MM:SS TEXT      a log() or print() line
#   errors N                 the "scenario errors N" count of the summary
#   exit N                   run's exit status
# Each TEXT is cut at 300 characters.  For the outcomes not settled yet
# (the known bugs: how they are fixed decides the wording), "..." in a
# line stands for any text, and a line "..." for any number of lines.
# One more line may come anywhere:
#   within S                 the run must take at most S seconds of wall
#                            time (default: the timeout)
. "$(dirname "$0")/lib.sh"

LC_ALL=C
export LC_ALL
LIMIT=${HOSTILE_TIMEOUT:-60}
VMEM=${HOSTILE_VMEM_KB:-524288}
cd "$ROOT" || exit 1

# now_ms: wall clock in milliseconds
now_ms() {
	date +%s%N | cut -c1-13
}

# guarded CMD...: run under the timeout and the memory cap (ulimit -v is
# not POSIX, but dash, bash and busybox sh have it)
guarded() {
	(
		# shellcheck disable=SC3045
		[ "$VMEM" = 0 ] || ulimit -v "$VMEM"
		exec timeout -k 5 "$LIMIT" "$@"
	)
}

# outcome OUT ERR RC: the run's outcome in the .expected format
outcome() {
	awk '
	/^T\+[0-9:]+ scenario error: / { state = "message"; next }
	state == "message" { if (/^stack traceback:/) state = "trace"; next }
	state == "trace" && /^\t/ { next }
	{ state = ""; print "stderr " substr($0, 1, 300) }' "$2"
	awk '
	$1 ~ /^T\+[0-9:]+$/ && ($2 == "error" || $2 == "log") {
		print $2, $1, substr($0, length($1) + 13, 300)
	}
	/scenario errors [0-9]+/ {
		sub(/.*scenario errors /, "")
		sub(/[^0-9].*/, "")
		errors = $0
	}
	END { if (errors != "") print "errors", errors }' "$1"
	echo "exit $3"
}

# matches WANT GOT: GOT fits WANT line for line; in WANT, a line "..."
# stands for any number of lines, and "..." in a line for any text
matches() {
	want="$1" got="$2" awk '
	function fits(w, g,    i, n, part, at, pos) {
		n = split(w, part, /\.\.\./)
		if (n == 1)
			return w == g
		if (substr(g, 1, length(part[1])) != part[1])
			return 0
		pos = length(part[1]) + 1
		for (i = 2; i < n; i++) {
			at = index(substr(g, pos), part[i])
			if (at == 0)
				return 0
			pos += at - 1 + length(part[i])
		}
		return length(g) - pos + 1 >= length(part[n]) &&
		    substr(g, length(g) - length(part[n]) + 1) == part[n]
	}
	function from(i, j,    k) {
		if (i > nw)
			return j > ng
		if (w[i] == "...") {
			for (k = j; k <= ng + 1; k++)
				if (from(i + 1, k))
					return 1
			return 0
		}
		return j <= ng && fits(w[i], g[j]) && from(i + 1, j + 1)
	}
	BEGIN {
		nw = split(ENVIRON["want"], w, "\n")
		ng = split(ENVIRON["got"], g, "\n")
		exit !from(1, 1)
	}'
}

nscripts=0 stopped=0 escapes=0 crashes=0 longest=0 longest_name=- known=0
# known_open NAME: listed in tests/hostile/KNOWN-OPEN (an open bug)
known_open() {
	grep -q "^$1	" tests/hostile/KNOWN-OPEN
}
if [ $# -gt 1 ]; then
	shift
	for n in "$@"; do
		set -- "$@" "tests/hostile/${n%.lua}.lua"
		shift
	done
else
	set -- tests/hostile/[0-9]*.lua
fi
for lua in "$@"; do
	name=$(basename "$lua" .lua)
	exp=${lua%.lua}.expected
	nscripts=$((nscripts + 1))
	rm -f "$TMP"/j.jsonl "$TMP"/j-report.*
	# lines are cut as they come: a flood of long lines must not fill $TMP
	rm -f "$TMP/efifo"
	mkfifo "$TMP/efifo"
	cut -c1-400 < "$TMP/efifo" > "$TMP/err" &
	cutpid=$!
	start=$(now_ms)
	# a known open bug may hang: a short leash
	LIMIT=${HOSTILE_TIMEOUT:-60}
	known_open "$name" && LIMIT=${HOSTILE_KNOWN_TIMEOUT:-10}
	{
		guarded "$TTXSIM" run --headless -v --seed 1 \
		    --journal "$TMP/j.jsonl" "$lua" 2> "$TMP/efifo"
		echo $? > "$TMP/rc"
	} | cut -c1-400 > "$TMP/out"
	ms=$(( $(now_ms) - start ))
	wait "$cutpid"
	rc=$(cat "$TMP/rc")
	if [ "$ms" -gt "$longest" ]; then
		longest=$ms
		longest_name=$name
	fi
	got=$(outcome "$TMP/out" "$TMP/err" "$rc")
	[ -n "${HOSTILE_SHOW:-}" ] && printf '== %s (%d ms)\n%s\n' "$name" \
	    "$ms" "$got"
	if [ ! -f "$exp" ]; then
		fail "$name: no $exp"
		continue
	fi
	want=$(grep -v -e '^#' -e '^within ' "$exp")
	within=$(sed -n 's/^within //p' "$exp")

	crashed='' escaped='' journal=
	if [ -f "$TMP/j.jsonl" ]; then
		state=$("$TTXSIM" journal check "$TMP/j.jsonl" 2>&1)
		case $state in
		*": ok: "*", ended") ;;
		*) journal="journal: ${state#"$TMP/"}" ;;
		esac
		if [ -z "$journal" ] && command -v iconv > /dev/null &&
		    ! iconv -f UTF-8 -t UTF-8 "$TMP/j.jsonl" > /dev/null 2>&1
		then
			journal="journal: not valid UTF-8 (JSON lines must be)"
		fi
	fi
	case $rc in
	0|1) crashed=$journal ;;
	124|137) escaped="stalled: killed after $LIMIT s${journal:+ ($journal)}" ;;
	*) crashed="exit $rc: $(tail -1 "$TMP/err")${journal:+ ($journal)}" ;;
	esac
	# text from the scenario reaches the terminal inert (docs/security.md)
	if cat "$TMP/out" "$TMP/err" | tr -d '\n\t' |
	    LC_ALL=C grep -q '[[:cntrl:]]'; then
		escaped="${escaped:+$escaped; }control characters reach the terminal"
	fi
	if [ -n "$within" ] && [ "$ms" -gt $((within * 1000)) ]; then
		escaped="${escaped:+$escaped; }took $ms ms, more than $within s"
	fi
	if ! matches "$want" "$got"; then
		escaped="${escaped:+$escaped; }outcome differs from $exp"
	elif ! grep -q "scenario errors" "$TMP/out" && [ "$rc" = 1 ]; then
		# it failed to load: check must say the same
		{
			guarded "$TTXSIM" check "$lua" 2>&1 > /dev/null
			echo $? > "$TMP/rc"
		} | cut -c1-400 > "$TMP/check"
		crc=$(cat "$TMP/rc")
		if [ "$crc" != 1 ] || ! cmp -s "$TMP/err" "$TMP/check"; then
			escaped="${escaped:+$escaped; }ttxsim check disagrees \
(exit $crc)"
		fi
	fi

	secs=$(awk -v ms="$ms" 'BEGIN { printf "%.1f", ms / 1000 }')
	if known_open "$name"; then
		if [ -z "$crashed$escaped" ]; then
			fail "$name passes now: take it off tests/hostile/KNOWN-OPEN"
			stopped=$((stopped + 1))
		else
			known=$((known + 1))
		fi
		continue
	fi
	if [ -n "$crashed" ]; then
		crashes=$((crashes + 1))
		case $crashed in
		journal:*) what=JOURNAL ;;
		*) what=CRASH ;;
		esac
		fail "$name ($secs s): $what: $crashed${escaped:+; $escaped}"
	elif [ -n "$escaped" ]; then
		escapes=$((escapes + 1))
		fail "$name ($secs s): ESCAPE: $escaped"
	else
		stopped=$((stopped + 1))
		continue
	fi
	printf '%s\n' "$want" > "$TMP/want"
	printf '%s\n' "$got" > "$TMP/got"
	diff -u "$TMP/want" "$TMP/got" | sed -n '3,30p' | cut -c1-160
done

echo "hostile: $nscripts scripts, $stopped stopped or refused, $escapes" \
    "escapes, $crashes crashes, $known known open (tests/hostile/KNOWN-OPEN)," \
    "longest $(awk -v ms="$longest" 'BEGIN { printf "%.1f", ms / 1000 }')" \
    "s ($longest_name)"
finish
