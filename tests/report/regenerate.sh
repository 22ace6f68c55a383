#!/bin/sh
# Rewrite the expected reports from the checked-in journals.  Only for a
# deliberate change of the report: review `git diff` before committing.
#   usage: regenerate.sh TTXSIM
set -eu
ttxsim=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")"
for j in *.jsonl; do
	for f in md html json; do
		"$ttxsim" report --format "$f" "$j" > "${j%.jsonl}.$f"
	done
done
