#!/usr/bin/env bash
# Runs the conformance corpus (expected outputs from the real Hubble CLI) against BIN. Cases named in
# EXPECTED_FAILURES belong to issues not yet done: they may fail, and must, so the list stays honest.
# usage: conformance.sh BIN CONFORMANCE_DIR EXPECTED_FAILURES
set -u
bin=$1 dir=$2 list=$3

# The corpus was made with a clean environment: no FLOWGREP_* variable and, without HOME, no config
# file, whatever the developer running the tests has set up for themselves.
out=$(env -i PATH="$PATH" ${TMPDIR:+TMPDIR="$TMPDIR"} bash "$dir/run" "$bin" 2>&1)
summary=$(tail -n 1 <<<"$out")
failed=$(grep -o '^FAIL [^:]*' <<<"$out" | cut -d' ' -f2 | sort)
expected=$(grep -v '^\s*\(#\|$\)' "$list" | sort)

unexpected=$(comm -23 <(echo "$failed") <(echo "$expected") | grep -v '^$')
fixed=$(comm -13 <(echo "$failed") <(echo "$expected") | grep -v '^$')

status=0
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
echo "conformance: $summary ($(grep -c . <<<"$expected") listed as expected failures)"
exit $status
