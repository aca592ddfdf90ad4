# Shared by the end-to-end tests: run the binary in a clean temporary directory with a clean
# environment and assert exact stdout, stderr and exit status.
# Each test script is called as: bash TEST.sh FLOWGREP_BINARY DATA_DIR
set -u
bin=$1
data=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/flowgrep-e2e.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0

# fg ARGS... : runs flowgrep; stdout in $work/out, stderr in $work/err, status in $status
fg() {
    env -i PATH=/usr/bin:/bin TZ=UTC "$bin" "$@" >"$work/out" 2>"$work/err"
    status=$?
}

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

expect_status() { [[ $status == "$1" ]] || fail "${what:-}: exit status $status, expected $1"; }

# expect_out FILE|-  : stdout equals FILE (or standard input)
expect_out() {
    if ! cmp -s "$work/out" "$1"; then
        fail "${what:-}: stdout differs"
        diff -u "$1" "$work/out" | head -n 20
    fi
}

expect_err() {
    local want=$1
    [[ $(<"$work/err") == "$want" ]] || fail "${what:-}: stderr is [$(<"$work/err")], expected [$want]"
}

expect_err_empty() { [[ ! -s $work/err ]] || fail "${what:-}: stderr not empty: $(<"$work/err")"; }

finish() {
    if ((failures)); then
        echo "$failures failed"
        exit 1
    fi
    echo "all passed"
    exit 0
}
