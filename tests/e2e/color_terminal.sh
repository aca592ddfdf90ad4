# --color auto colours only a terminal (a pseudo-terminal from script(1) here), and not when NO_COLOR
# is set or TERM is dumb; --color always colours a pipe too. The coloured text is exactly what
# --color always prints.
source "$(dirname "$0")/lib.sh"

if ! command -v script >/dev/null || ! script -qec true /dev/null </dev/null >/dev/null 2>&1; then
    echo "skipped: script(1) cannot open a pseudo-terminal here"
    exit 77
fi

# on_terminal [VAR=VALUE...] -- ARGS...: runs flowgrep with its output on a pseudo-terminal; what it
# printed goes to $work/out, with the terminal's \r\n turned back into \n.
on_terminal() {
    local vars=()
    while [[ $1 != -- ]]; do vars+=("$1"); shift; done
    shift
    env -i PATH=/usr/bin:/bin TZ=UTC "${vars[@]}" script -qec "$(printf '%q ' "$bin" "$@")" /dev/null \
        </dev/null >"$work/raw" 2>"$work/err"
    status=$?
    tr -d '\r' <"$work/raw" >"$work/out"
}

esc=$'\e'

what="--color always, piped"
fg --color always "$data/sample-10.json"
expect_status 0; expect_err_empty
cp "$work/out" "$work/colored"
grep -qF "${esc}[32mFORWARDED${esc}[0m" "$work/colored" || fail "$what: no green FORWARDED"
grep -qF "${esc}[35m(ID:25339)${esc}[0m" "$work/colored" || fail "$what: no magenta identity"
grep -qF "${esc}[36mbookinfo/reviews-v1-545db77b95-s6jb8:${esc}[33m15020${esc}[0m${esc}[0m" "$work/colored" ||
    fail "$what: no cyan host with a yellow port"

what="--color auto, not a terminal"
fg --color auto "$data/sample-10.json"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty

what="--color auto (the default) on a terminal"
on_terminal TERM=xterm -- "$data/sample-10.json"
expect_status 0; expect_out "$work/colored"

what="--color auto on a terminal with NO_COLOR=1"
on_terminal TERM=xterm NO_COLOR=1 -- --color auto "$data/sample-10.json"
expect_status 0; expect_out "$data/sample-10.compact"

what="--color auto on a terminal with an empty NO_COLOR"
on_terminal TERM=xterm NO_COLOR= -- "$data/sample-10.json"
expect_status 0; expect_out "$work/colored"

what="--color auto on a terminal with TERM=dumb"
on_terminal TERM=dumb -- --color auto "$data/sample-10.json"
expect_status 0; expect_out "$data/sample-10.compact"

what="--color always on a terminal with NO_COLOR=1"
on_terminal TERM=dumb NO_COLOR=1 -- --color always "$data/sample-10.json"
expect_status 0; expect_out "$work/colored"

what="--color never on a terminal"
on_terminal TERM=xterm -- --color never "$data/sample-10.json"
expect_status 0; expect_out "$data/sample-10.compact"

what="-o table on a terminal is never coloured"
fg -o table "$data/sample-10.json"
cp "$work/out" "$work/table"
on_terminal TERM=xterm -- -o table "$data/sample-10.json"
expect_status 0; expect_out "$work/table"

finish
