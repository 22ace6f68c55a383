# Shared by the integration tests: sourced, not run.
#   TTXSIM  the binary under test (first argument of every test)
#   ROOT    the source tree
set -u
TTXSIM=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
# a test timed out by meson gets SIGTERM: exit, so the EXIT trap cleans
# up (a shell killed by a signal runs no EXIT trap; console.sh's tmux
# server and its consoles outlived a timeout)
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# expect_eq NAME WANT GOT
expect_eq() {
	if [ "$2" != "$3" ]; then
		fail "$1"
		printf '%s\n' "$2" > "$TMP/want"
		printf '%s\n' "$3" > "$TMP/got"
		diff -u "$TMP/want" "$TMP/got" | head -40
	fi
}

# expect_has NAME NEEDLE HAYSTACK
expect_has() {
	case $3 in
	*"$2"*) ;;
	*) fail "$1: no '$2' in:"; printf '%s\n' "$3" | head -20 ;;
	esac
}

# wait_socket PATH: until a server's socket exists (at most 5 s)
wait_socket() {
	_i=0
	while [ ! -S "$1" ] && [ $_i -lt 100 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
}

# wait_text FILE TEXT [SECONDS]: until FILE has TEXT in it (at most 20 s
# by default: the machine may be busy)
wait_text() {
	_i=0
	while ! grep -qF "$2" "$1" 2>/dev/null &&
	    [ $_i -lt $((${3:-20} * 20)) ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
}

# wait_exit PID: until a server exits (at most 10 s; then it is killed
# and that is a failure), and take its status
wait_exit() {
	_i=0
	while kill -0 "$1" 2>/dev/null && [ $_i -lt 200 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	if kill -0 "$1" 2>/dev/null; then
		fail "process $1 did not exit"
		kill -KILL "$1"
	fi
	wait "$1"
}

finish() {
	if [ "$failures" -gt 0 ]; then
		echo "$failures check(s) failed"
		exit 1
	fi
	exit 0
}
