#!/bin/sh
# ttxsim msel: the tutorial's MSEL byte for byte (tests/msel/
# tutorial.csv); every library scenario's MSEL is RFC 4180 CSV that a
# strict reader (Python's csv) reads back with one row per inject, and
# survives export -> import -> check -> export unchanged; a corpus of
# awkward spreadsheets gives the expected scenario or error line.
#   usage: msel.sh TTXSIM
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$TTXSIM" msel export scenarios/tutorial.lua > "$TMP/tutorial.csv" ||
    fail "export failed"
cmp -s tests/msel/tutorial.csv "$TMP/tutorial.csv" ||
    { fail "tutorial.csv differs"; diff tests/msel/tutorial.csv "$TMP/tutorial.csv" | head; }

for s in scenarios/*.lua; do
	"$TTXSIM" msel export -o "$TMP/m.csv" "$s" || fail "$s: export"
	injects=$("$TTXSIM" check "$s" | sed -n 's/.*roles, \([0-9]*\) injects.*/\1/p')
	got=$(python3 - "$TMP/m.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    data = f.read()
assert "\r\n" in data and not data.startswith("\ufeff")
rows = list(csv.reader(data.splitlines(keepends=True), strict=True))
head, body = rows[0], rows[1:]
assert head[:3] == ["Event #", "Inject ID", "Scenario time"], head
assert all(len(r) == len(head) for r in body), "ragged rows"
assert [r[0] for r in body] == [str(i + 1) for i in range(len(body))]
print(len(body))
PY
)
	expect_eq "$s: one row per inject" "$injects" "$got"
done

# text survives the round trip through a strict CSV reader
expect_eq "quoted text read back" "11,100 ppm" "$(python3 -c '
import csv, sys
r = list(csv.reader(open(sys.argv[1], newline=""), strict=True))
print(r[1][8].split("\n")[1].split(" at ")[0])' "$TMP/tutorial.csv")"

# Round trip: export, import, check, export again: the same MSEL.
for s in scenarios/*.lua; do
	"$TTXSIM" msel export -o "$TMP/a.csv" "$s"
	"$TTXSIM" msel import -o "$TMP/b.lua" "$TMP/a.csv" || fail "$s: import"
	"$TTXSIM" check -q "$TMP/b.lua" || fail "$s: the import does not check"
	"$TTXSIM" msel export -o "$TMP/c.csv" "$TMP/b.lua"
	cmp -s "$TMP/a.csv" "$TMP/c.csv" || {
		fail "$s: the round trip changed the MSEL"
		diff "$TMP/a.csv" "$TMP/c.csv" | head -6
	}
done

# Each phase begins with its first timed inject (the first at T+0): the
# scenario says escalation at 8h, and its first inject comes at 10h.
"$TTXSIM" msel export -o "$TMP/nl.csv" scenarios/northern-lights.lua
expect_eq "phases begin with their injects" 'phase "detection" { title = "detection", at = "0s" }
phase "escalation" { title = "escalation", at = "10h" }
phase "response" { title = "response", at = "1d2h" }
phase "recovery" { title = "recovery", at = "2d" }' \
    "$("$TTXSIM" msel import "$TMP/nl.csv" | grep '^phase')"

# Awkward spreadsheets: BOM, CRLF, quoted line breaks and commas, other
# column names, every time form; and the errors, each with its line.
for t in tests/msel/*.expected; do
	c=${t%.expected}
	got=$("$TTXSIM" msel import "$c.csv" 2>&1; echo "exit $?")
	expect_eq "import $(basename "$c")" "$(cat "$t")" "$got"
done
"$TTXSIM" msel import -o "$TMP/awkward.lua" tests/msel/awkward.csv
expect_has "the awkward import checks" "3 roles, 4 injects (1 held)" \
    "$("$TTXSIM" check "$TMP/awkward.lua")"
"$TTXSIM" msel import -o "$TMP/bad.lua" tests/msel/bad-time.csv 2>/dev/null
[ -e "$TMP/bad.lua" ] && fail "a failed import left a file"

# Options after the file, as the docs write them.
got=$("$TTXSIM" msel export scenarios/tutorial.lua -o "$TMP/after.csv" 2>&1; \
    echo "exit $?")
expect_eq "export: -o after the scenario" "exit 0" "$got"
cmp -s tests/msel/tutorial.csv "$TMP/after.csv" ||
    fail "export: -o after the scenario: not tutorial.csv"
got=$("$TTXSIM" msel import tests/msel/tutorial.csv -o "$TMP/after.lua" 2>&1; \
    echo "exit $?")
expect_eq "import: -o after the CSV" "exit 0" "$got"
expect_has "import: -o after the CSV checks" ": ok: " \
    "$("$TTXSIM" check "$TMP/after.lua" 2>&1)"

expect_eq "usage" "ttxsim msel: expected export or import, got 'x'" \
    "$("$TTXSIM" msel x 2>&1 | head -1)"
finish
