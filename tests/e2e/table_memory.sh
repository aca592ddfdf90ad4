# -o table holds no more than a few MiB of rows in memory, whatever the input: past that the rows
# wait in a temporary file until the widths are known, and come out byte for byte as if held.
source "$(dirname "$0")/lib.sh"

sample=$data/sample-10.json
# doubled FILE TIMES : FILE's content, 2^TIMES times over
doubled() {
    cp "$1" "$work/doubling"
    for _ in $(seq "$2"); do cat "$work/doubling" "$work/doubling" >"$work/doubling.2"; mv "$work/doubling.2" "$work/doubling"; done
    cat "$work/doubling"
}
doubled "$sample" 13 >"$work/big.json"  # ~100 MB, 81 920 flows

# peak_rss_kb ARGS... : flowgrep's peak resident memory in KiB; its stdout in $work/out
peak_rss_kb() {
    python3 - "$bin" "$@" <<'PY'
import resource, subprocess, sys
with open("out", "wb") as out:
    rc = subprocess.run(sys.argv[1:], stdout=out, env={"PATH": "/usr/bin:/bin", "TZ": "UTC", "TMPDIR": "."}).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if rc == 0 else f"status {rc}")
PY
}

what="the table of 100 MB of flows: the rows of the small table, repeated, under one header"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" -o table "$sample" >"$work/small.table"
tail -n +2 "$work/small.table" >"$work/rows"
{ head -n 1 "$work/small.table"; doubled "$work/rows" 13; } >"$work/want"
table_kb=$(peak_rss_kb -o table "$work/big.json")
expect_out "$work/want"

what="-o table takes no more memory than compact output, give or take 24 MiB"
# Held in memory, this table took about 120 MB more than compact output (a sanitizer build adds to
# both alike); with the rows in a temporary file, a few MiB.
compact_kb=$(peak_rss_kb -o compact "$work/big.json")
if [[ $table_kb != [0-9]* || $compact_kb != [0-9]* ]]; then
    fail "$what: table $table_kb, compact $compact_kb"
elif ((table_kb > compact_kb + 24 * 1024)); then
    fail "$what: table $((table_kb / 1024)) MiB, compact $((compact_kb / 1024)) MiB"
fi

echo "peak RSS: table $((table_kb / 1024)) MiB, compact $((compact_kb / 1024)) MiB"

what="no temporary file can be made: a warning, and the table held in memory, whole"
env -i PATH=/usr/bin:/bin TZ=UTC TMPDIR="$work/no-such-dir" "$bin" -o table "$work/big.json" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$work/want"
expect_err "flowgrep: warning: cannot make a temporary file in $work/no-such-dir for the table (No such file or directory); it is held in memory"

what="the temporary file is gone when flowgrep ends"
mkdir -p "$work/tmp"
env -i PATH=/usr/bin:/bin TZ=UTC TMPDIR="$work/tmp" "$bin" -o table "$work/big.json" >/dev/null
[[ -z $(ls -A "$work/tmp") ]] || fail "$what: left $(ls -A "$work/tmp")"

finish
