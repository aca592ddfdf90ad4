# --follow on a FILE: like tail -n +1 -F, from the first flow, across rotation by rename (also with the
# name missing for a while) and truncation, each flow exactly once and in order, and out as soon as it
# is read even into a pipe or file. The FILEs before the last are read to their end first; standard
# input and a compressed last FILE end as without --follow. Every wait is bounded, so a bug fails the
# test instead of hanging it.
source "$(dirname "$0")/lib.sh"

cat "$data/sample-10.json" "$data/http-5.json" >"$work/flows.json"  # 15 distinct flows
flow() { sed -n "$1,${2:-$1}p" "$work/flows.json"; }
fg "$work/flows.json"; cp "$work/out" "$work/flows.compact"
mkdir "$work/logs"
log=$work/logs/events.log

# follow ARGS... : flowgrep in the background; pid in $pid, output in $work/out and $work/err
follow() {
    # Emptied here: until the job has opened them, the last case's output would pass for this one's.
    : >"$work/out"
    : >"$work/err"
    env -i PATH=/usr/bin:/bin TZ=UTC "$bin" "$@" >"$work/out" 2>"$work/err" &
    pid=$!
    gone=
}

# lines N : waits up to 10 s for N lines of output; on a timeout fails once and kills flowgrep
lines() {
    [[ -n $gone ]] && return
    for _ in $(seq 100); do
        (($(wc -l <"$work/out") >= $1)) && return
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    fail "$what: $(wc -l <"$work/out") lines of output, waited for $1 (flowgrep $(kill -0 "$pid" 2>/dev/null && echo running || echo ended))"
    kill -KILL "$pid" 2>/dev/null
    gone=1
}

# stop [SIGNAL] : ends flowgrep with SIGTERM (or SIGNAL). Under --follow a signal ends the input,
# as its end would: what is printed at the end is printed, and the status is 0.
stop() {
    sleep 0.3  # anything printed twice would show up by now
    kill "-${1:-TERM}" "$pid" 2>/dev/null
    wait "$pid"
    status=$?
    [[ -n $gone ]] && status=143
}

what="follow from before the file exists, across rotations and a truncation"
follow -f -o json "$log"
sleep 0.3
kill -0 "$pid" 2>/dev/null || fail "$what: flowgrep ended while the file did not exist"
flow 1 3 >"$log"
lines 3
flow 4 5 >>"$log"
lines 5
# Rotation as an exporter does it: rename, a last write to the old file, the new file.
mv "$log" "$log.1"
flow 6 >>"$log.1"
flow 7 8 >"$log"
lines 8
flow 9 10 >>"$log"
lines 10
: >"$log"  # truncated (copytruncate); what follows is shorter than what was read
flow 11 >>"$log"
lines 11
# Rotation with the name missing for a while.
mv "$log" "$log.2"
sleep 0.4
flow 12 13 >"$log"
lines 13
flow 14 15 >>"$log"
lines 15
stop
# Said once, at the start, as tail -F does (a mistyped path would otherwise wait in silence); not
# again while the name is missing between a rotation's rename and the new file.
expect_status 0; expect_out "$work/flows.json"
expect_err "flowgrep: warning: $log: no such file; waiting for it to appear"

what="backups are read to their end, then the last FILE is followed"
rm -f "$work"/logs/*
flow 1 5 | gzip -n >"$log.2.gz"
flow 6 10 >"$log.1"
flow 11 12 >"$log"
follow -f "$log.2.gz" "$log.1" "$log"
lines 12
flow 13 15 >>"$log"
lines 15
stop
expect_status 0; expect_out "$work/flows.compact"; expect_err_empty

what="a line written in two parts is printed once, whole"
rm -f "$work"/logs/*
flow 1 >"$log"
follow -f -o json "$log"
lines 1
line=$(flow 2)
printf '%s' "${line:0:100}" >>"$log"
sleep 0.4
printf '%s\n' "${line:100}" >>"$log"
lines 2
stop
expect_status 0; flow 1 2 >"$work/want"; expect_out "$work/want"; expect_err_empty

what="--last N --follow prints the last N of what is there, then follows"
rm -f "$work"/logs/*
flow 1 5 >"$log"
follow -f --last 2 -o json "$log"
lines 2
flow 6 >>"$log"
lines 3
stop INT
expect_status 0; flow 4 6 >"$work/want"; expect_out "$work/want"; expect_err_empty

what="--count --follow prints the count when Ctrl-C ends it"
follow -f -c --verdict FORWARDED "$log"
sleep 0.5
stop INT
want=$(flow 1 6 | grep -c '"verdict":"FORWARDED"')
((want > 0)) || fail "$what: test setup: no FORWARDED flow"
expect_status 0; [[ $(<"$work/out") == "$want" ]] || fail "$what: printed [$(<"$work/out")], expected $want"

what="standard input ends as without --follow"
env -i PATH=/usr/bin:/bin TZ=UTC timeout 10 "$bin" -f -o json <"$work/flows.json" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$work/flows.json"; expect_err_empty

what="a compressed last FILE is read to its end"
gzip -n -c "$work/flows.json" >"$work/flows.json.gz"
env -i PATH=/usr/bin:/bin TZ=UTC timeout 10 "$bin" -f -o json "$work/flows.json.gz" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$work/flows.json"; expect_err_empty

finish
