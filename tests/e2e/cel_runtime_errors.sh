# A CEL expression that fails at run time on some lines (a division by zero where source.ID is 0),
# over an input of several blocks so that worker threads meet the errors: each comes out as
# `flowgrep: warning: FILE:LINE: error running CEL program: ...`, in input order among the bad-line
# warnings, counted in the same per-file limit (20, then a summary of each kind), and --strict goes
# past them.
source "$(dirname "$0")/lib.sh"

flow=$(grep -m1 '"source":{"ID":1231,' "$data/sample-10.json")
[[ -n $flow ]] || fail "test setup: no flow with source ID 1231"
zero=${flow/'"source":{"ID":1231,'/'"source":{"ID":0,'}
expr='1000000u / _flow.source.ID > 0u'

# big.json: 12000 lines (about 15 MB, several 2 MiB blocks); ID 0 on the lines in $2 (spaces
# around each number), a malformed line on those in $3.
make_input() {
    awk -v flow="$flow" -v zero="$zero" -v errs=" $1 " -v bad=" $2 " 'BEGIN {
        for (n = 1; n <= 12000; n++)
            if (index(errs, " " n " ")) print zero
            else if (index(bad, " " n " ")) print "{\"flow\": oops}"
            else print flow }' >"$work/big.json"
}
division="error running CEL program: division by zero"
oops="invalid JSON at column 10: expected a value, found 'o'; line skipped"

what="CEL errors come out in input order with FILE:LINE, among the bad lines"
make_input "1 1500 4000 6500 9001 12000" "5000 5001"
fg --cel-expression "$expr" -o json big.json
expect_status 0
grep -c . "$work/out" >"$work/n"; [[ $(<"$work/n") == 11992 ]] || fail "$what: $(<"$work/n") flows printed, expected 11992"
expect_err "flowgrep: warning: big.json:1: $division
flowgrep: warning: big.json:1500: $division
flowgrep: warning: big.json:4000: $division
flowgrep: warning: big.json:5000: $oops
flowgrep: warning: big.json:5001: $oops
flowgrep: warning: big.json:6500: $division
flowgrep: warning: big.json:9001: $division
flowgrep: warning: big.json:12000: $division"

what="the same with --count (workers only note the lines)"
fg --cel-expression "$expr" -c big.json
expect_status 0
[[ $(<"$work/out") == 11992 ]] || fail "$what: count $(<"$work/out")"
[[ $(grep -c . "$work/err") == 8 ]] || fail "$what: $(grep -c . "$work/err") warnings, expected 8"

what="--strict stops at the bad line, not at the CEL errors before it"
fg --strict --cel-expression "$expr" -o json big.json
expect_status 2
expect_err "flowgrep: warning: big.json:1: $division
flowgrep: warning: big.json:1500: $division
flowgrep: warning: big.json:4000: $division
flowgrep: error: big.json:5000: invalid JSON at column 10: expected a value, found 'o'"

what="a flow another allow filter keeps still gets its warning, before its output"
make_input "2 3" ""
head -n 4 "$work/big.json" >four.json
{ echo "$flow"; echo "flowgrep: warning: four.json:2: $division"; echo "$zero"
  echo "flowgrep: warning: four.json:3: $division"; echo "$zero"; echo "$flow"; } >"$work/want"
# stdout and stderr in one file (not through fg), so that the order between them shows.
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" --allowlist "{\"experimental\":{\"cel_expression\":[\"$expr\"]}}" \
    --allowlist '{"experimental":{"cel_expression":["_flow.source.ID == 0u"]}}' -o json four.json >"$work/out" 2>&1
status=$?
expect_status 0
expect_out "$work/want"

what="CEL errors count in the limit of 20 warnings per file, and are summed up apart"
errs=$(seq 400 400 10000 | tr '\n' ' ')  # 25 lines
make_input "$errs" "7000 11000 11001"
fg --cel-expression "$expr" -o json big.json
expect_status 0
want=$(for n in $(seq 400 400 6800); do echo "flowgrep: warning: big.json:$n: $division"; done
       echo "flowgrep: warning: big.json:7000: $oops"
       for n in 7200 7600; do echo "flowgrep: warning: big.json:$n: $division"; done
       echo "flowgrep: warning: big.json: 2 more bad lines skipped"
       echo "flowgrep: warning: big.json: 6 more filter errors not shown")
expect_err "$want"

finish
