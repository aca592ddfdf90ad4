# A bad line gets exactly one warning naming file, line and what is wrong; it is skipped, and every
# good line around it is still printed (exit 0). Under --strict the same line is an error: the flows
# before it are printed, reading stops, exit 2. Each kind of bad input is checked both ways.
source "$(dirname "$0")/lib.sh"

sample=$data/sample-10.json
head -n 3 "$data/sample-10.compact" >"$work/first3"

# bad_line NAME PRINTF_FORMAT REASON
# Puts the line printf makes of PRINTF_FORMAT (so it may hold NUL and any byte) between flows 3 and 4
# of the sample, then checks the plain and the --strict run.
bad_line() {
    local name=$1 format=$2 reason=$3 file=$work/$1.json
    { head -n 3 "$sample"; printf "$format"; printf '\n'; tail -n +4 "$sample"; } >"$file"
    what="$name"
    fg "$file"
    expect_status 0; expect_out "$data/sample-10.compact"
    expect_err "flowgrep: warning: $file:4: $reason; line skipped"
    what="$name (--strict)"
    fg --strict "$file"
    expect_status 2; expect_out "$work/first3"
    expect_err "flowgrep: error: $file:4: $reason"
}

# -- not JSON, or not one JSON object
bad_line invalid_json '{"flow":{"verdict":"DROPPED",,"Summary":"x"}}' \
    "invalid JSON at column 30: expected a member name in double quotes, found ','"
bad_line missing_comma '{"flow":{"verdict":"DROPPED" "Summary":"x"}}' \
    "invalid JSON at column 30: expected ',' or '}', found '\"'"
bad_line bad_literal '{"flow":{"is_reply":tru}}' "invalid JSON at column 21: expected a value, found 't'"
bad_line bad_escape '{"flow":{"Summary":"a\\qb"}}' "invalid JSON at column 22: bad escape \\q"
bad_line cut_mid_object '{"flow":{"verdict":"DROPPED","source":{"namespace":"kube-sys' \
    "truncated: the line ends inside a string"
bad_line json_array '[{"flow":{}}]' "an array where a JSON object belongs"
bad_line json_number '42' "a number where a JSON object belongs"
bad_line json_string '"flow"' "a string where a JSON object belongs"
bad_line json_null 'null' "null where a JSON object belongs"
bad_line empty_line '' "empty line"
bad_line blank_line '  \t ' "empty line"
bad_line two_objects '{"flow":{}}{"flow":{}}' "more than one JSON value (another starts at column 12)"
bad_line trailing_garbage '{"flow":{}} x' "more than one JSON value (another starts at column 13)"
bad_line bom_not_at_start '\xef\xbb\xbf{"flow":{}}' \
    "a byte-order mark, which only the first line of a file may start with"

# -- bytes that are not text
bad_line invalid_utf8 '{"flow":{"Summary":"caf\xe9 au lait"}}' "invalid UTF-8 at column 24"
bad_line invalid_utf8_in_unknown_field '{"flow":{"note":{"x":"\xc0\xaf"}}}' "invalid UTF-8 at column 23"
bad_line nul_in_string '{"flow":{"Summary":"a\0b"}}' "a NUL byte at column 22"
bad_line nul_between_tokens '{"flow":\0{}}' "a NUL byte at column 9"
bad_line nul_line '\0\0\0\0\0\0\0\0' "a NUL byte at column 1"

# -- deeply nested (an unknown member, then the whole line)
deep=$(printf '%*s' 100000 '' | tr ' ' '[')$(printf '%*s' 100000 '' | tr ' ' ']')
bad_line nesting_100000_deep "{\"flow\":{\"newer_field\":$deep}}" "nested more than 1024 levels deep (at column 1046)"
bad_line nesting_100000_deep_line "$deep" "nested more than 1024 levels deep (at column 1025)"

# -- valid JSON, but not a GetFlowsResponse as protojson reads it
bad_line wrong_type_verdict '{"flow":{"verdict":{}}}' \
    'bad value for "verdict": expected a name or a number, found an object'
bad_line wrong_type_labels '{"flow":{"source":{"labels":"k8s:app=a"}}}' \
    'bad value for "labels": expected an array, found a string'
bad_line wrong_type_l4 '{"flow":{"l4":[]}}' 'bad value for "l4": expected an object, found an array'
bad_line wrong_type_time '{"flow":{"time":1718556733}}' \
    'bad value for "time": expected an RFC 3339 time, found a number'
bad_line bad_time '{"flow":{"time":"2021-06-16 16:52:13Z"}}' 'bad value for "time": not an RFC 3339 time'
bad_line wrong_type_payload '{"flow":"FORWARDED"}' 'bad value for "flow": expected an object, found a string'
bad_line out_of_range_identity '{"flow":{"source":{"identity":4294967296}}}' 'bad value for "identity": out of range'
bad_line negative_port '{"flow":{"l4":{"TCP":{"source_port":-1}}}}' 'bad value for "source_port": out of range'
bad_line out_of_range_int32 '{"flow":{"event_type":{"type":2147483648}}}' 'bad value for "type": out of range'
bad_line out_of_range_uint64 '{"lost_events":{"num_events_lost":"18446744073709551616"}}' \
    'bad value for "num_events_lost": out of range'
bad_line fractional_integer '{"flow":{"source":{"identity":1.5}}}' 'bad value for "identity": not an integer'
bad_line duplicate_key '{"flow":{"verdict":"DROPPED","verdict":"FORWARDED"}}' 'duplicate field "verdict"'
bad_line duplicate_key_nested '{"flow":{"source":{"identity":1,"identity":2}}}' 'duplicate field "identity"'
bad_line duplicate_key_both_names '{"flow":{},"node_name":"a","nodeName":"b"}' 'duplicate field "nodeName"'
bad_line duplicate_null_key '{"flow":{"uuid":null,"uuid":"x"}}' 'duplicate field "uuid"'
bad_line flow_and_lost_events '{"flow":{},"lost_events":{"num_events_lost":1}}' \
    'both "flow" and "lost_events" are set, but only one of them may be'
bad_line two_l4_protocols '{"flow":{"l4":{"TCP":{},"UDP":{}}}}' \
    'both "TCP" and "UDP" are set, but only one of them may be'
bad_line two_l7_records '{"flow":{"l7":{"dns":{},"http":{}}}}' \
    'both "dns" and "http" are set, but only one of them may be'

# -- the same from standard input, where the source is <stdin>
what="stdin names the source <stdin>"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" <"$work/invalid_json.json" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$data/sample-10.compact"
expect_err "flowgrep: warning: <stdin>:4: invalid JSON at column 30: expected a member name in double quotes, found ','; line skipped"

# -- a truncated last line: cut mid-object, no newline
what="last line cut off"
{ cat "$sample"; head -n 1 "$sample" | head -c 200; } >"$work/cut.json"
fg "$work/cut.json"
expect_status 0; expect_out "$data/sample-10.compact"
expect_err "flowgrep: warning: $work/cut.json:11: truncated: the line ends inside a string (the input ends without a newline: cut off?); line skipped"
what="last line cut off (--strict)"
fg --strict "$work/cut.json"
expect_status 2; expect_out "$data/sample-10.compact"
expect_err "flowgrep: error: $work/cut.json:11: truncated: the line ends inside a string (the input ends without a newline: cut off?)"

# -- accepted: unknown fields and enum names from a newer Cilium, kept in JSON output
what="unknown fields and enum names are accepted and kept"
line4=$(sed -n 4p "$sample")
newer=$(printf '%s\n' "$line4" | sed -e 's|^{"flow":{|{"flow":{"quic":{"version":[1,{"draft":null}]},|' \
    -e 's|"Type":"L3_L4"|"Type":"QUIC_FLOW"|' -e 's|"source":{|"source":{"zone":"eu-1",|' \
    -e 's|}$|,"agent_event":{"type":"NEW"}}|')
[[ $newer != "$line4" ]] || fail "$what: test setup did not change the line"
{ head -n 3 "$sample"; printf '%s\n' "$newer"; tail -n +5 "$sample"; } >"$work/newer.json"
fg "$work/newer.json"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty
fg --strict -o json "$work/newer.json"
expect_status 0; expect_out "$work/newer.json"; expect_err_empty

# -- a filter that drops a line reads only what it needs; --strict checks every line in full
what="a line the filter drops is checked only as far as the filter reads it"
{ cat "$sample"; echo '{"flow":{"verdict":"FORWARDED","source":{"identity":"x"}}}'; } >"$work/dropped.json"
fg --verdict DROPPED -o json "$work/dropped.json"
expect_status 0; expect_out /dev/null; expect_err_empty
what="a line the filter drops (--strict)"
fg --strict --verdict DROPPED -o json "$work/dropped.json"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: $work/dropped.json:11: bad value for \"identity\": not an integer"
what="a line the filter keeps is checked in full before it is printed"
{ echo '{"flow":{"verdict":"DROPPED","source":{"identity":"x"},"extensions":{"a":[1,,2]}}}'; cat "$sample"; } >"$work/kept.json"
fg --verdict DROPPED -o json "$work/kept.json"
expect_status 0; expect_out /dev/null
expect_err "flowgrep: warning: $work/kept.json:1: bad value for \"identity\": not an integer; line skipped"

# -- after 20 warnings for one input the rest are counted, once per input
what="at most 20 warnings per input, then a count"
{ for i in $(seq 25); do echo "bad $i"; done; cat "$sample"; } >"$work/many.json"
fg "$work/many.json" "$work/invalid_json.json" "$work/many.json"
expect_status 0
cat "$data/sample-10.compact" "$data/sample-10.compact" "$data/sample-10.compact" >"$work/want"
expect_out "$work/want"
{
    for i in $(seq 20); do echo "flowgrep: warning: $work/many.json:$i: invalid JSON at column 1: expected a value, found 'b'; line skipped"; done
    echo "flowgrep: warning: $work/many.json: 5 more bad lines skipped"
    echo "flowgrep: warning: $work/invalid_json.json:4: invalid JSON at column 30: expected a member name in double quotes, found ','; line skipped"
    for i in $(seq 20); do echo "flowgrep: warning: $work/many.json:$i: invalid JSON at column 1: expected a value, found 'b'; line skipped"; done
    echo "flowgrep: warning: $work/many.json: 5 more bad lines skipped"
} >"$work/want_err"
cmp -s "$work/err" "$work/want_err" || { fail "$what: stderr differs"; diff "$work/want_err" "$work/err" | head; }

what="a binary file does not flood the terminal: one error, the other FILE still read, exit 2"
head -c 200000 "$bin" >"$work/binary.json"
fg "$work/binary.json" "$sample"
expect_status 2; expect_out "$data/sample-10.compact"
[[ $(<"$work/err") =~ ^"flowgrep: error: $work/binary.json: no Hubble flows in "[0-9]+" lines (line 1: invalid JSON at column 1: expected a value, found '\x7f')"$ ]] ||
    fail "$what: stderr is [$(<"$work/err")]"

# The error is said when the source ends, once; a script can tell the wrong file from no match.
what="nothing in a FILE is a Hubble record: one error naming the file, the lines and the first, exit 2"
fg /etc/passwd
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: /etc/passwd: no Hubble flows in $(wc -l </etc/passwd) lines (line 1: invalid JSON at column 1: expected a value, found '$(head -c 1 /etc/passwd)')"

what="JSON objects that are not Hubble records: the error says what the first one is"
printf '{"a":1}\n{"b":2}\n{"c":3}\n' >"$work/other.json"
fg "$work/other.json"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: $work/other.json: no Hubble flows in 3 lines (line 1: a JSON object with no flow, node_status or lost_events in it)"

what="the first problem is the earliest line, bad or not a record"
printf '{"a":1}\nnot json\n' >"$work/other.json"
fg "$work/other.json"
expect_status 2
expect_err "flowgrep: error: $work/other.json: no Hubble flows in 2 lines (line 1: a JSON object with no flow, node_status or lost_events in it)"

what="no flows on standard input: the same error, for <stdin>"
printf 'hello\n' | env -i PATH=/usr/bin:/bin "$bin" >"$work/out" 2>"$work/err"; status=$?
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: <stdin>: no Hubble flows in 1 line (line 1: invalid JSON at column 1: expected a value, found 'h')"

what="with -c: the count is printed, and the status is still 2"
fg -c "$work/other.json"
expect_status 2
echo 0 >"$work/want"; expect_out "$work/want"

what="with -q: 2, not 1 (no match)"
fg -q "$work/other.json"
expect_status 2; expect_out /dev/null

what="an empty FILE is no error: nothing in it to be wrong"
: >"$work/empty.json"
fg "$work/empty.json"
expect_status 0; expect_out /dev/null; expect_err_empty

what="one record among bad lines: the source is flows, the bad lines get their warnings"
{ echo 'not json'; head -n 1 "$sample"; echo '{"a":1}'; } >"$work/one.json"
fg "$work/one.json"
expect_status 0
head -n 1 "$data/sample-10.compact" >"$work/want"; expect_out "$work/want"
expect_err "flowgrep: warning: $work/one.json:1: invalid JSON at column 1: expected a value, found 'n'; line skipped"

what="node status and lost events are Hubble records too"
printf '%s\n' '{"node_status":{"state_change":"NODE_CONNECTED","node_names":["a"]}}' >"$work/status.json"
fg --silent-errors "$work/status.json"
expect_status 0; expect_out /dev/null; expect_err_empty

what="agent events (exporter files) are Hubble records too, never printed"
printf '%s\n' '{"agent_event":{"type":"AGENT_STARTED"},"node_name":"n","time":"2024-01-01T00:00:00Z"}' >"$work/agent.json"
fg "$work/agent.json"
expect_status 0; expect_out /dev/null; expect_err_empty

what="records dropped by the filters still make the source flows"
fg --verdict DROPPED "$sample"
expect_status 0; expect_out /dev/null; expect_err_empty

what="bad lines held back until the first record come out before its output, in order"
{ echo 'bad one'; echo 'bad two'; cat "$sample"; } >"$work/late.json"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" "$work/late.json" >"$work/both" 2>&1; status=$?
expect_status 0
{ echo "flowgrep: warning: $work/late.json:1: invalid JSON at column 1: expected a value, found 'b'; line skipped"
  echo "flowgrep: warning: $work/late.json:2: invalid JSON at column 1: expected a value, found 'b'; line skipped"
  cat "$data/sample-10.compact"; } >"$work/want"
cmp -s "$work/both" "$work/want" || { fail "$what: output differs"; diff "$work/want" "$work/both" | head; }

finish
