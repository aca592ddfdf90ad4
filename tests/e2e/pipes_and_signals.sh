# flowgrep in pipelines: a reader that goes away (| head) ends it at once and quietly, with the
# status SIGPIPE gives every filter (141); SIGINT and SIGTERM end a run over FILEs at once, and end
# the input of a run on standard input (a live pipe), whose results then come out; output is
# flushed per flow with --line-buffered (and on a terminal), in big blocks otherwise.
source "$(dirname "$0")/lib.sh"

sample=$data/sample-10.json
for _ in $(seq 2000); do cat "$sample"; done >"$work/big.json"  # ~24 MB, ~20 000 flows

what="| head -1 ends flowgrep quietly, with 141"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" "$work/big.json" 2>"$work/err" | head -n 1 >"$work/out"
status=${PIPESTATUS[0]}
expect_status 141; expect_err_empty
head -n 1 "$data/sample-10.compact" >"$work/want"; expect_out "$work/want"

what="| head -1 with SIGPIPE ignored by the parent: the same"
(trap '' PIPE; env -i PATH=/usr/bin:/bin TZ=UTC "$bin" -o json "$work/big.json" 2>"$work/err" | head -n 1 >"$work/out"
 exit "${PIPESTATUS[0]}")
status=$?
expect_status 141; expect_err_empty
head -n 1 "$sample" >"$work/want"; expect_out "$work/want"

# start_reader ARGS... : flowgrep reading a FIFO that this script holds open on fd 3; pid in $pid
start_reader() {
    rm -f "$work/fifo"
    mkfifo "$work/fifo"
    env -i PATH=/usr/bin:/bin TZ=UTC "$@" <"$work/fifo" >"$work/out" 2>"$work/err" &
    pid=$!
    exec 3>"$work/fifo"
}

# ends_within SECONDS : waits for $pid to end; status in $status, or fails and kills it
ends_within() {
    local tenths=$(($1 * 10))
    for _ in $(seq "$tenths"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
        fail "$what: still running after $1 s"
        kill -KILL "$pid"
    fi
    wait "$pid"
    status=$?
    exec 3>&-
}

# ready_within SECONDS : waits until a thread of $pid is blocked in read(2), its start-up done, and
# notes how much it has read so far; read_within SECONDS BYTES then waits until it has read BYTES
# more, so that a signal comes after the input written to it was taken in, however slow the build.
rchar() { awk '/^rchar:/ { print $2 }' "/proc/$pid/io" 2>/dev/null || echo 0; }
ready_within() {
    for _ in $(seq $(($1 * 10))); do
        grep -qs '^0 ' /proc/"$pid"/task/*/syscall && { base=$(rchar); return; }
        sleep 0.1
    done
    base=$(rchar)
    fail "$what: flowgrep not reading after $1 s"
}
read_within() {
    for _ in $(seq $(($1 * 10))); do
        (($(rchar) - base >= $2)) && { sleep 0.1; return; }
        sleep 0.1
    done
    fail "$what: flowgrep did not read its $2 bytes within $1 s"
}

# signal_after_reading SIGNAL FILE... : feeds the FILEs to $pid on fd 3, waits until it has read
# them, sends SIGNAL, and waits for it to end (status in $status).
signal_after_reading() {
    local signal=$1 bytes=0 f
    shift
    for f in "$@"; do bytes=$((bytes + $(stat -c %s "$f"))); done
    ready_within 10
    cat "$@" >&3
    read_within 10 "$bytes"
    kill -"$signal" "$pid"
    ends_within 3
}

# A background job of a script starts with SIGINT ignored; give flowgrep the default, as a shell
# in the foreground would.
env --default-signal=INT true 2>/dev/null || { echo "FAIL: env has no --default-signal"; exit 1; }
intr="env --default-signal=INT"

what="SIGTERM on standard input ends the input: what was read is printed, status 0"
start_reader $intr "$bin"
signal_after_reading TERM "$sample"
expect_status 0; expect_err_empty; expect_out "$data/sample-10.compact"

what="SIGINT on standard input ends the input: what was read is printed, status 0"
start_reader $intr "$bin" -o json
signal_after_reading INT "$sample"
expect_status 0; expect_err_empty; expect_out "$sample"

# Ctrl-C on `hubble observe --follow | flowgrep ...`: what is due at the end comes out.
what="SIGINT on standard input with -c prints the count"
start_reader $intr "$bin" -c
signal_after_reading INT "$sample" "$sample"
expect_status 0; expect_err_empty
echo 20 >"$work/want"; expect_out "$work/want"

what="SIGINT on standard input with -c and no match: status 1"
start_reader $intr "$bin" -c --verdict DROPPED
signal_after_reading INT "$sample"
expect_status 1; expect_err_empty
echo 0 >"$work/want"; expect_out "$work/want"

what="SIGINT on standard input with --aggregate-by prints the rows"
start_reader $intr "$bin" --aggregate-by verdict
signal_after_reading INT "$sample"
expect_status 0; expect_err_empty
printf 'COUNT   verdict\n   10   FORWARDED\n' >"$work/want"; expect_out "$work/want"

what="SIGINT on standard input with --last prints the last N"
start_reader $intr "$bin" --last 2
signal_after_reading INT "$sample"
expect_status 0; expect_err_empty
tail -n 2 "$data/sample-10.compact" >"$work/want"; expect_out "$work/want"

what="SIGINT on standard input with -o table prints the table"
start_reader $intr "$bin" -o table
signal_after_reading INT "$sample"
expect_status 0; expect_err_empty
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" -o table "$sample" >"$work/want"; expect_out "$work/want"

what="SIGINT on a FILE (here a FIFO named as one) ends flowgrep at once, 130"
rm -f "$work/fifo"; mkfifo "$work/fifo"
env -i PATH=/usr/bin:/bin TZ=UTC $intr "$bin" -c "$work/fifo" >"$work/out" 2>"$work/err" &
pid=$!
exec 3>"$work/fifo"
signal_after_reading INT "$sample"
expect_status 130; expect_err_empty; expect_out /dev/null

what="SIGTERM on a FILE ends flowgrep at once, 143"
rm -f "$work/fifo"; mkfifo "$work/fifo"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" "$work/fifo" >"$work/out" 2>"$work/err" &
pid=$!
exec 3>"$work/fifo"
signal_after_reading TERM "$sample"
expect_status 143; expect_err_empty

what="a second SIGINT ends flowgrep at once when the first could not (stuck writing to a full pipe)"
rm -f "$work/fifo"; mkfifo "$work/fifo"
# Nobody reads the output pipe: flowgrep blocks in write(2) and cannot get to the end of the input.
{ env -i PATH=/usr/bin:/bin TZ=UTC $intr "$bin" <"$work/fifo" 2>"$work/err"; echo $? >"$work/status"; } | sleep 30 &
spid=$!
exec 3>"$work/fifo"
cat "$work/big.json" >&3 &
cpid=$!
sleep 1
pid=$(pgrep -f -n "^$bin\$" || true)
if [[ -z $pid ]]; then
    fail "$what: flowgrep not found"
else
    kill -INT "$pid"; sleep 0.3
    kill -0 "$pid" 2>/dev/null || fail "$what: the first SIGINT already ended it"
    kill -INT "$pid"
    for _ in $(seq 100); do [[ -s $work/status ]] && break; sleep 0.1; done
    [[ $(cat "$work/status" 2>/dev/null) == 130 ]] || fail "$what: status [$(cat "$work/status" 2>/dev/null)], expected 130"
fi
kill "$cpid" "$spid" 2>/dev/null; exec 3>&-; wait 2>/dev/null

what="--line-buffered: each flow goes out as it is printed"
start_reader "$bin" --line-buffered
head -n 1 "$sample" >&3
got=
for _ in $(seq 50); do
    got=$(head -n 1 "$work/out")
    [[ -n $got ]] && break
    sleep 0.1
done
[[ $got == "$(head -n 1 "$data/sample-10.compact")" ]] || fail "$what: first flow not written while the input is open: [$got]"
exec 3>&-
ends_within 3
expect_status 0

what="without --line-buffered a pipe gets big blocks"
start_reader "$bin"
head -n 1 "$sample" >&3
sleep 1
[[ ! -s $work/out ]] || fail "$what: output written before the input ended"
exec 3>&-
ends_within 3
expect_status 0
head -n 1 "$data/sample-10.compact" >"$work/want"; expect_out "$work/want"

what="a terminal gets each flow as it is printed"
if command -v script >/dev/null; then
    # script(1) gives flowgrep a terminal as standard output; the input stays open for 3 s, yet the
    # flow must be on the terminal before that.
    rm -f "$work/fifo"; mkfifo "$work/fifo"
    TERM=dumb script -qfec "env -i PATH=/usr/bin:/bin TZ=UTC $bin --color never <$work/fifo" "$work/typescript" >/dev/null 2>&1 &
    spid=$!
    exec 3>"$work/fifo"
    head -n 1 "$sample" >&3
    got=
    for _ in $(seq 30); do
        got=$(tr -d '\r' <"$work/typescript" | grep -F "$(head -n 1 "$data/sample-10.compact")")
        [[ -n $got ]] && break
        sleep 0.1
    done
    [[ -n $got ]] || fail "$what: the flow did not reach the terminal while the input was open"
    exec 3>&-
    wait "$spid"
else
    echo "skipped: $what (no script command)"
fi

finish
