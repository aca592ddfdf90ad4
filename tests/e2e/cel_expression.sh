# --cel-expression end to end: a match, a compile error with its position and status, and a runtime
# error that drops the flow with one warning per flow, naming FILE:LINE (hubble-semantics §2.10).
source "$(dirname "$0")/lib.sh"

what="a CEL expression selects flows"
fg --cel-expression "_flow.source.ID == 1231u && 'k8s:app=reviews' in _flow.source.labels && \
_flow.l4.TCP.destination_port > 1024u" -o json "$data/sample-10.json"
expect_status 0; expect_err_empty
grep '"source":{"ID":1231,' "$data/sample-10.json" >"$work/want"
[[ -s $work/want ]] || fail "$what: the fixture has no such flow"
expect_out "$work/want"

what="an expression that is not bool is a compile error"
fg --cel-expression '_flow.verdict' "$data/sample-10.json"
[[ $status != 0 ]] || fail "$what: exit status 0"
expect_out /dev/null
expect_err 'flowgrep: error: error compiling CEL expression: got "int", wanted "bool" result type'

what="a compile error names the position"
fg --cel-expression '_flow.l4.TCP.destination_port == 80' "$data/sample-10.json"
[[ $status != 0 ]] || fail "$what: exit status 0"
expect_err "flowgrep: error: error compiling CEL expression: ERROR: <input>:1:31: found no matching overload for '_==_' applied to '(uint, int)'
 | _flow.l4.TCP.destination_port == 80
 | ..............................^"

what="a runtime error drops the flow, once per flow, even when a later expression matches"
head -n 2 "$data/sample-10.json" >"$work/two.json"
fg --cel-expression '_flow.source.labels[100] == ""' --cel-expression 'true' -o json two.json
expect_status 0; expect_out /dev/null
expect_err "flowgrep: warning: two.json:1: error running CEL program: index out of bounds: 100
flowgrep: warning: two.json:2: error running CEL program: index out of bounds: 100"

what="--not --cel-expression removes what it matches"
fg --not --cel-expression '_flow.verdict == Verdict.FORWARDED' -o json "$data/sample-10.json"
expect_status 0; expect_out /dev/null; expect_err_empty

finish
