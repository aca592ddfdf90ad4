# xz, zstd and bzip2 read as gzip does (gzip_input.sh): found by their magic bytes under any name and
# on standard input, streams one after another read as one; damage (a cut, a changed byte, garbage
# after the data) prints the complete flows before it, names the file and the compressed byte, and
# exits 2.
source "$(dirname "$0")/lib.sh"

sample=$data/sample-10.json
compact=$data/sample-10.compact
fg "$data/http-5.json"; cp "$work/out" "$work/http.compact"
# 2000 flows, each made different (a number in its summary), so that every format spreads them over
# the compressed bytes and a cut in the middle falls among them.
for i in $(seq 200); do sed "s/\"Summary\":\"/&$i$RANDOM /" "$sample"; done >"$work/big.json"
size() { stat -c %s "$1"; }
patch() { printf "\\x$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none; }

for tool in xz zstd bzip2; do
    if ! command -v "$tool" >/dev/null; then
        echo "skipped: no $tool"
        exit 77
    fi
    case $tool in
    xz) ext=xz; z=(xz -c) ;;
    zstd) ext=zst; z=(zstd -q -c) ;;
    bzip2) ext=bz2; z=(bzip2 -c) ;;
    esac
    "${z[@]}" "$sample" >"$work/a.$ext"
    "${z[@]}" "$data/http-5.json" >"$work/b.$ext"
    "${z[@]}" "$work/big.json" >"$work/big.$ext"

    what="$tool: a .$ext file, and the same data under another name"
    cp "$work/a.$ext" "$work/events.log.1"
    fg "$work/a.$ext" "$work/events.log.1"
    cat "$compact" "$compact" >"$work/want"
    expect_status 0; expect_out "$work/want"; expect_err_empty

    what="$tool: on standard input"
    env -i PATH=/usr/bin:/bin TZ=UTC "$bin" -o json <"$work/a.$ext" >"$work/out" 2>"$work/err"
    status=$?
    expect_status 0; expect_out "$sample"; expect_err_empty

    what="$tool: streams one after another read as one"
    cat "$work/a.$ext" "$work/b.$ext" "$work/a.$ext" | env -i PATH=/usr/bin:/bin TZ=UTC "$bin" >"$work/out" 2>"$work/err"
    status=$?
    cat "$compact" "$work/http.compact" "$compact" >"$work/want"
    expect_status 0; expect_out "$work/want"; expect_err_empty

    what="$tool: cut in the middle: a prefix of the flows, each whole, then the error"
    cut_at=$(($(size "$work/big.$ext") / 2))
    head -c "$cut_at" "$work/big.$ext" >"$work/cut.$ext"
    fg -o json "$work/cut.$ext" "$sample"
    expect_status 2
    expect_err "flowgrep: error: $work/cut.$ext: $tool data ends unexpectedly (truncated?) after $cut_at compressed bytes"
    got=$(($(wc -l <"$work/out") - 10))
    ((got > 0 && got < 2000)) || fail "$what: $got flows printed before the cut, expected about 1000"
    { head -n "$got" "$work/big.json"; cat "$sample"; } >"$work/want"; expect_out "$work/want"

    what="$tool: a changed byte in the second stream: the first stream's flows, then where"
    cp "$work/b.$ext" "$work/bad.$ext"
    at=$(($(size "$work/b.$ext") / 2))
    patch "$work/bad.$ext" "$at" 55
    cat "$work/a.$ext" "$work/bad.$ext" >"$work/corrupt.$ext"
    fg "$work/corrupt.$ext"
    expect_status 2
    head -n 10 "$work/out" | cmp -s - "$compact" || fail "$what: the first stream's flows are not all out"
    # Flows are handed on as they are decompressed, and the check comes at the end of a block or
    # stream: the damaged flows before it may be warned about first. The error is the last line.
    err=$(tail -n 1 "$work/err")
    if [[ $err =~ ^flowgrep:\ error:\ $work/corrupt\.$ext:\ corrupt\ $tool\ data\ at\ compressed\ byte\ ([0-9]+):\ [^$'\n']+$ ]]; then
        byte=${BASH_REMATCH[1]}
        ((byte >= $(size "$work/a.$ext") + at)) || fail "$what: the error names byte $byte, before the change"
    else
        fail "$what: stderr is [$err]"
    fi

    what="$tool: garbage after the data, and zero padding"
    { cat "$work/a.$ext"; echo "not compressed"; } >"$work/garbage.$ext"
    { cat "$work/a.$ext"; head -c 4096 /dev/zero; } >"$work/padded.$ext"
    fg "$work/padded.$ext" "$work/garbage.$ext"
    cat "$compact" "$compact" >"$work/want"
    expect_status 2; expect_out "$work/want"
    expect_err "flowgrep: error: $work/garbage.$ext: trailing garbage after $tool data at compressed byte $(size "$work/a.$ext")"

    what="$tool: a .$ext name without $tool data"
    cp "$sample" "$work/plain.$ext"
    fg "$work/plain.$ext"
    expect_status 2; expect_out /dev/null
    expect_err "flowgrep: error: $work/plain.$ext: not in $tool format"
done

finish
