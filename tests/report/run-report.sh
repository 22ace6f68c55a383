#!/bin/sh
# Golden test of `ttxsim report`: the report of CASE.jsonl in FORMAT must
# equal CASE.FORMAT byte for byte.  Run from this directory, so the report
# names the journal as a user would.  To change the expected files on
# purpose, run ./regenerate.sh TTXSIM and review the diff.
#   usage: run-report.sh TTXSIM CASE FORMAT
set -u
ttxsim=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")" || exit 1
out=$("$ttxsim" report --format "$3" "$2.jsonl" 2>&1; echo "exit $?")
if [ "$out" != "$(cat "$2.$3"; echo "exit 0")" ]; then
	echo "ttxsim report --format $3 $2.jsonl differs from $2.$3:"
	printf '%s\n' "$out" | diff -u "$2.$3" - | head -60
	exit 1
fi
