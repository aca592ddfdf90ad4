# Compressed input: a .gz FILE, gzip data under any name or on standard input (found by its magic
# bytes), members one after another read as one stream; damage (a cut, a changed byte, garbage after
# the data) prints the complete flows before it, names the file and the compressed byte, and exits 2.
source "$(dirname "$0")/lib.sh"

sample=$data/sample-10.json
compact=$data/sample-10.compact
gzip -9 -n -c "$sample" >"$work/events.log.1.gz"
gzip -1 -n -c "$data/http-5.json" >"$work/http.gz"
fg -o json "$data/http-5.json"; cp "$work/out" "$work/http.json"
fg "$data/http-5.json"; cp "$work/out" "$work/http.compact"
size() { stat -c %s "$1"; }

# patch FILE OFFSET HEX : overwrites one byte
patch() { printf "\\x$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none; }

what="a .gz file reads as the plain file"
fg "$work/events.log.1.gz"
expect_status 0; expect_out "$compact"; expect_err_empty
fg -o json "$work/events.log.1.gz"
expect_status 0; expect_out "$sample"; expect_err_empty

what="gzip data under another name, found by its magic bytes"
cp "$work/events.log.1.gz" "$work/events.log.1"
fg "$work/events.log.1"
expect_status 0; expect_out "$compact"; expect_err_empty

what="gzip on standard input, redirected and piped"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" <"$work/events.log.1.gz" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$compact"; expect_err_empty
cat "$work/events.log.1.gz" | env -i PATH=/usr/bin:/bin TZ=UTC "$bin" - >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$compact"; expect_err_empty

what="plain and compressed files mixed, in order"
fg "$work/http.gz" "$sample" "$work/events.log.1.gz"
cat "$work/http.compact" "$compact" "$compact" >"$work/want"
expect_status 0; expect_out "$work/want"; expect_err_empty

what="concatenated members read as one stream (cat a.gz b.gz)"
cat "$work/events.log.1.gz" "$work/http.gz" "$work/events.log.1.gz" >"$work/multi.gz"
fg -o json "$work/multi.gz"
cat "$sample" "$data/http-5.json" "$sample" >"$work/want"
expect_status 0; expect_out "$work/want"; expect_err_empty

what="a member cut in its trailer: its flows, then the error"
head -c -4 "$work/http.gz" >"$work/cut-trailer.gz"
fg "$work/events.log.1.gz" "$work/cut-trailer.gz" "$sample"
cat "$compact" "$work/http.compact" "$compact" >"$work/want"
expect_status 2; expect_out "$work/want"
expect_err "flowgrep: error: $work/cut-trailer.gz: gzip data ends unexpectedly (truncated?) after $(($(size "$work/http.gz") - 4)) compressed bytes"

what="a second member cut in its header: the first member's flows, then the error"
{ cat "$work/events.log.1.gz"; head -c 5 "$work/http.gz"; } >"$work/cut-header.gz"
fg "$work/cut-header.gz"
expect_status 2; expect_out "$compact"
expect_err "flowgrep: error: $work/cut-header.gz: gzip data ends unexpectedly (truncated?) after $(($(size "$work/events.log.1.gz") + 5)) compressed bytes"

what="cut in the middle of the data: a prefix of the flows, each one whole"
for _ in $(seq 200); do cat "$sample"; done >"$work/big.json"
gzip -n -c "$work/big.json" >"$work/big.gz"
cut_at=$(($(size "$work/big.gz") / 2))
head -c "$cut_at" "$work/big.gz" >"$work/cut.gz"
fg -o json "$work/cut.gz"
expect_status 2
expect_err "flowgrep: error: $work/cut.gz: gzip data ends unexpectedly (truncated?) after $cut_at compressed bytes"
got=$(wc -l <"$work/out")
((got > 100 && got < 2000)) || fail "$what: $got flows printed, expected about 1000"
head -n "$got" "$work/big.json" >"$work/want"; expect_out "$work/want"

what="a corrupt member (its CRC changed): the flows before the check, then where and what"
cp "$work/http.gz" "$work/bad-crc.gz"
patch "$work/bad-crc.gz" $(($(size "$work/http.gz") - 8)) 00
patch "$work/bad-crc.gz" $(($(size "$work/http.gz") - 7)) 00
cat "$work/events.log.1.gz" "$work/bad-crc.gz" >"$work/corrupt.gz"
fg "$work/corrupt.gz"
cat "$compact" "$work/http.compact" >"$work/want"
expect_status 2; expect_out "$work/want"
# zlib stops right after the CRC it checks, before the 4-byte length that ends the member
expect_err "flowgrep: error: $work/corrupt.gz: corrupt gzip data at compressed byte $(($(size "$work/corrupt.gz") - 4)): incorrect data check"

what="a corrupt block header: the error names the byte where zlib stopped"
cp "$work/http.gz" "$work/bad-block.gz"
patch "$work/bad-block.gz" 10 ff  # the first deflate block: type 3 does not exist
cat "$work/events.log.1.gz" "$work/bad-block.gz" >"$work/corrupt.gz"
fg "$work/corrupt.gz"
expect_status 2; expect_out "$compact"
expect_err "flowgrep: error: $work/corrupt.gz: corrupt gzip data at compressed byte $(($(size "$work/events.log.1.gz") + 11)): invalid block type"

# gzip(1) warns "decompression OK, trailing garbage ignored" and exits 2; flowgrep cannot tell a
# damaged file from a complete one followed by junk, so it prints every flow and reports it.
what="garbage after the last member: every flow, then an error"
{ cat "$work/events.log.1.gz"; echo "not gzip"; } >"$work/garbage.gz"
fg "$work/garbage.gz"
expect_status 2; expect_out "$compact"
expect_err "flowgrep: error: $work/garbage.gz: trailing garbage after gzip data at compressed byte $(size "$work/events.log.1.gz")"

what="zero padding after the last member is ignored, as gzip does"
{ cat "$work/events.log.1.gz"; head -c 4096 /dev/zero; } >"$work/padded.gz"
fg "$work/padded.gz"
expect_status 0; expect_out "$compact"; expect_err_empty

what="a .gz name without gzip data, and an empty .gz file"
cp "$sample" "$work/plain.gz"
: >"$work/empty.gz"
fg "$work/plain.gz" "$work/empty.gz" "$sample"
expect_status 2; expect_out "$compact"
expect_err "flowgrep: error: $work/plain.gz: not in gzip format
flowgrep: error: $work/empty.gz: gzip data ends unexpectedly (truncated?) after 0 compressed bytes"

what="--strict stops at a bad line inside compressed data, naming the file and line"
{ head -n 2 "$sample"; echo '{"flow":'; } | gzip -n >"$work/badline.gz"
fg --strict "$work/badline.gz"
expect_status 2
head -n 2 "$compact" >"$work/want"; expect_out "$work/want"
[[ $(<"$work/err") == "flowgrep: error: $work/badline.gz:3: "* ]] || fail "$what: stderr is [$(<"$work/err")]"

finish
