#!/usr/bin/env bash
# Runs the conformance corpus (expected outputs from the real Hubble CLI) against BIN. Cases named in
# EXPECTED_FAILURES belong to issues not yet done: they may fail, and must, so the list stays honest.
# Cases named in DELIBERATE are where flowgrep does better than Hubble on purpose: each is checked by
# the rule of its kind (see that file) instead of by Hubble's output.
# usage: conformance.sh BIN CONFORMANCE_DIR EXPECTED_FAILURES DELIBERATE
set -u
bin=$1 dir=$2 list=$3 deliberate=$4
[[ $bin == */* ]] && bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")  # the rules run it from elsewhere

# The corpus was made with a clean environment: no FLOWGREP_* variable and, without HOME, no config
# file, whatever the developer running the tests has set up for themselves.
clean_env=(env -i PATH="$PATH" ${TMPDIR:+TMPDIR="$TMPDIR"} TZ=UTC)
out=$("${clean_env[@]}" bash "$dir/run" "$bin" 2>&1)
summary=$(tail -n 1 <<<"$out")
failed=$(grep -o '^FAIL [^:]*' <<<"$out" | cut -d' ' -f2 | sort)
expected=$(grep -v '^\s*\(#\|$\)' "$list" | sort)
different=$(grep -v '^\s*\(#\|$\)' "$deliberate" | sort)

status=0
work=$(mktemp -d "${TMPDIR:-/tmp}/flowgrep-conformance.XXXXXX")
trap 'rm -rf "$work"' EXIT

# bare-flow CASE: Hubble printed nothing; flowgrep prints what the wrapped objects give.
check_bare_flow() {
    local name=$1 input args
    mapfile -t lines <"$dir/cases/$name.case"
    input=$dir/${lines[0]#input: }
    args=("${lines[@]:2}")
    [[ ! -s $dir/expected/$name.out ]] || { echo "$name: Hubble's output is not empty"; return 1; }
    jq -c '{flow: .}' "$input" >"$work/wrapped"
    (cd "$work" && "${clean_env[@]}" "$bin" "${args[@]}" <"$input" >"$work/bare.out") || return 1
    (cd "$work" && "${clean_env[@]}" "$bin" "${args[@]}" <"$work/wrapped" >"$work/want") || return 1
    if [[ " ${args[*]} " == *" json "* ]]; then
        jq -c '{flow: .}' "$work/bare.out" >"$work/got"
    else
        cp "$work/bare.out" "$work/got"
    fi
    [[ -s $work/want ]] || { echo "$name: the wrapped flows print nothing"; return 1; }
    cmp -s "$work/want" "$work/got" || { echo "$name: not the output of the wrapped flows"; diff -u "$work/want" "$work/got" | head -n 20; return 1; }
}

while read -r name kind; do
    [[ -n $name ]] || continue
    if ! grep -qx "$name" <<<"$failed"; then
        echo "$name is listed as a deliberate difference but matches Hubble's output"
        status=1
    elif ! "check_${kind//-/_}" "$name"; then
        echo "$name: the $kind rule does not hold"
        status=1
    fi
done <<<"$different"

failed=$(comm -23 <(echo "$failed") <(cut -d' ' -f1 <<<"$different" | sort) | grep -v '^$')
unexpected=$(comm -23 <(echo "$failed") <(echo "$expected") | grep -v '^$')
fixed=$(comm -13 <(echo "$failed") <(echo "$expected") | grep -v '^$')

if [[ -n $unexpected ]]; then
    echo "Cases that fail but are not expected to:"
    for name in $unexpected; do
        awk -v n="$name" '$0 ~ "^FAIL " n ":" {p = 1; print; next} /^FAIL / {p = 0} p' <<<"$out"
    done
    status=1
fi
if [[ -n $fixed ]]; then
    echo "Cases that pass now; remove them from $(basename "$list"):"
    printf '  %s\n' $fixed
    status=1
fi
echo "conformance: $summary ($(grep -c . <<<"$expected") listed as expected failures," \
    "$(grep -c . <<<"$different") as deliberate differences, each checked by its rule)"
exit $status
