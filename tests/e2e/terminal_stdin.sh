# With no FILE and standard input a terminal, flowgrep says once on stderr that it reads flows from
# there (someone who typed `flowgrep` alone would otherwise see nothing happen), then reads them as
# from any other standard input. Not on a pipe or a file, and not for a FILE.
source "$(dirname "$0")/lib.sh"

if ! command -v script >/dev/null || ! script -qec true /dev/null </dev/null >/dev/null 2>&1; then
    echo "skipped: script(1) cannot open a pseudo-terminal here"
    exit 77
fi

notice="flowgrep: reading flows from standard input (Ctrl-D ends, --help for usage)"
head -n 3 "$data/sample-10.json" >"$work/three.json"

# typed ARGS... : flowgrep with standard input on a pseudo-terminal, typed into from three.json and
# then ended (script(1) sends the end of its input on); stderr to $work/err, the last line of what
# the terminal shows to $work/out.
typed() {
    { cat "$work/three.json"; sleep 0.5; } |
        env -i PATH=/usr/bin:/bin TZ=UTC timeout 20 script -qec "$(printf '%q ' "$bin" "$@") 2>$work/err" /dev/null |
        tr -d '\r' | tail -n 1 >"$work/out"
    status=${PIPESTATUS[1]}
}

what="standard input on a terminal: the notice, then the flows"
typed -c
expect_status 0; expect_err "$notice"
[[ $(<"$work/out") == 3 ]] || fail "$what: the terminal shows [$(<"$work/out")], expected the count 3"

what="\"-\" on a terminal is standard input too"
typed -c -
expect_status 0; expect_err "$notice"

what="a FILE, with standard input on a terminal: no notice"
typed -c "$work/three.json"
expect_status 0; expect_err_empty

what="standard input from a pipe or a file: no notice"
cat "$work/three.json" | env -i PATH=/usr/bin:/bin TZ=UTC "$bin" -c >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_err_empty
fg -c <"$work/three.json"
expect_status 0; expect_err_empty

finish
