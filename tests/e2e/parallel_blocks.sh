# The parallel pipeline gives what the single-threaded one gives. With stdout a file, flowgrep
# reads blocks on one thread and parses them on others; --line-buffered keeps it on one thread.
# An input of many blocks, with bad lines in it, must read the same both ways: the same flows in
# the same order, the same warnings with the same line numbers, the same cuts and counts.
source "$(dirname "$0")/lib.sh"

# About 12 MB (six blocks or so): the ten sample flows again and again, a bad line every so often.
awk -v reps=1000 '{ line[NR] = $0 }
    END { n = 0
          for (r = 1; r <= reps; r++)
              for (i = 1; i <= NR; i++) {
                  print line[i]; n++
                  if (n % 1777 == 0) print "{\"flow\": oops " n "}"
              } }' "$data/sample-10.json" >"$work/big.json"
lines=$(wc -l <"$work/big.json")
((lines > 10000)) || fail "test setup: only $lines lines"

# same ARGS... : the parallel run's stdout, stderr and status equal the single-threaded run's.
# --line-buffered keeps printing on one thread; what prints only at the end (-c, -q, --last) runs
# in parallel even so, and stays on one thread only under --follow, which on standard input reads
# to the end as without it (the warnings then name <stdin>).
same() {
    case " $* " in
    *" -c "* | *" -q "* | *" --last "*)
        fg --follow "$@" <"$work/big.json"
        sed -i "s|<stdin>|$work/big.json|" "$work/err" ;;
    *) fg --line-buffered "$@" "$work/big.json" ;;
    esac
    mv "$work/out" "$work/want.out"; mv "$work/err" "$work/want.err"; local want_status=$status
    fg "$@" "$work/big.json"
    what="parallel = single-threaded: $*"
    expect_status "$want_status"
    expect_out "$work/want.out"
    [[ $(<"$work/err") == "$(<"$work/want.err")" ]] || fail "$what: stderr differs"
}

same
same -o json
same -o json --verdict DROPPED
same --from-pod nothing-matches
same --first 7777
same -o json --first 7777
same --last 5
same --last 2000 -o json
same -c
same -c --verdict DROPPED
same -q --verdict DROPPED
same --strict
same --strict -o json --first 1000

# Each worker counts its own blocks and the counts are merged; with --first the in-order stage
# counts every line itself. A --first past the end must give the same rows.
what="aggregation: merged worker counts = counted in order"
fg --aggregate-by src-ns,dst-ns,verdict,dst-port --first 999999999 "$work/big.json"
mv "$work/out" "$work/want.out"
fg --aggregate-by src-ns,dst-ns,verdict,dst-port "$work/big.json"
expect_status 0; expect_out "$work/want.out"
[[ $(wc -l <"$work/out") -gt 2 ]] || fail "$what: too few rows: $(<"$work/out")"

what="the warnings name the right lines"
fg -o json "$work/big.json"
expect_status 0
grep -n oops "$work/big.json" | head -n 3 | while IFS=: read -r number text; do
    grep -qF "$work/big.json:$number: " "$work/err" || echo "FAIL: no warning for line $number"
done | grep FAIL && failures=$((failures + 1))
[[ $(grep -c '^{"flow"' "$work/out") == 10000 ]] || fail "$what: not every flow printed"

finish
