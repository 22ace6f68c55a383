#!/bin/sh
# Golden test of `ttxsim check`: run it on CASE.lua from this directory (so
# messages name the file as a planner would type it) and compare stdout,
# stderr and the exit status with CASE.expected.
#   usage: run-check.sh TTXSIM CASE
set -u
ttxsim=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case=$2
cd "$(dirname "$0")" || exit 1
out=$("$ttxsim" check "$case.lua" 2>&1; echo "exit $?")
if [ "$out" != "$(cat "$case.expected")" ]; then
	echo "ttxsim check $case.lua: output differs from $case.expected:"
	printf '%s\n' "$out" | diff -u "$case.expected" - 
	exit 1
fi
