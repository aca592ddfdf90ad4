# Every capture in the shared corpus of real-world flows (conformance/realflows: NDJSON, pretty-
# printed, arrays, no final newline, bare Flow objects) is read whole: as many flows out as the file
# holds objects, in each output format, with nothing on stderr. jq counts the objects. Skipped without the corpus.
source "$(dirname "$0")/lib.sh"

dir=${FLOWGREP_SHARED_DIR:-}/conformance/realflows
if [[ -z ${FLOWGREP_SHARED_DIR:-} || ! -d $dir ]] || ! command -v jq >/dev/null; then
    echo "skipped: no realflows corpus (FLOWGREP_SHARED_DIR) or no jq"
    exit 77
fi

for f in "$dir"/*; do
    name=${f##*/}
    [[ $name == *.md ]] && continue
    want=$(jq -c 'if type == "array" then .[] else . end' "$f" | wc -l)
    ((want > 0)) || fail "$name: jq finds no objects"
    for format in compact dict table json; do
        what="$name -o $format"
        fg -o "$format" "$f"
        expect_status 0; expect_err_empty
        case $format in
        dict) got=$(grep -c '^  TIMESTAMP:' "$work/out") ;;
        table) got=$(($(wc -l <"$work/out") - 1)); ((got < 0)) && got=0 ;;
        *) got=$(wc -l <"$work/out") ;;
        esac
        ((got == want)) || fail "$what: $got flows out of $want objects"
    done
done

what="a pretty file prints what its jq -c conversion prints"
for f in "$dir"/*.ndjson; do
    fg -o json "$f"; cp "$work/out" "$work/want"
    fg -o json "${f%.ndjson}.json"
    expect_status 0; expect_out "$work/want"; expect_err_empty
done

finish
