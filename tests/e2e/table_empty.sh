# -o table prints its header only above a first row: an empty stream, or one whose flows are all
# filtered out, prints nothing at all.
source "$(dirname "$0")/lib.sh"

what="-o table on an empty stream"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" -o table </dev/null >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out /dev/null; expect_err_empty

what="-o table on an empty file"
: >"$work/empty.json"
fg -o table "$work/empty.json"
expect_status 0; expect_out /dev/null; expect_err_empty

what="-o tab with every flow filtered out"
fg -o tab --verdict DROPPED "$data/sample-10.json"
expect_status 0; expect_out /dev/null; expect_err_empty

finish
