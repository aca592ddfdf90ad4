# The man page as groff sees it: no warning at all (groff prints them on standard error and still
# exits 0), and no rendered line wider than 80 columns. Called as: bash check.sh MAN_FILE
# Exits 77 (CTest's skip) when groff is not installed.
set -u
page=$1
if ! command -v groff >/dev/null 2>&1; then
    echo "SKIP: groff is not installed (scripts/setup --tests installs groff-base)"
    exit 77
fi
failures=0

warnings=$(groff -ww -z -man "$page" 2>&1)
if [[ -n $warnings ]]; then
    echo "FAIL: groff -ww -z -man $page warns:"
    echo "$warnings"
    failures=$((failures + 1))
else
    echo "ok: groff -ww -z -man prints no warning"
fi

wide=$(groff -man -Tascii -rLL=80n "$page" 2>/dev/null | sed 's/.\x08//g' | awk 'length > 80')
if [[ -n $wide ]]; then
    echo "FAIL: lines wider than 80 columns:"
    echo "$wide"
    failures=$((failures + 1))
else
    echo "ok: every line fits 80 columns"
fi

((failures == 0)) || exit 1
echo "all passed"
