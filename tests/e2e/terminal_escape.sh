# Terminal escaping of text output (Hubble 1.17.2 and later): in compact, dict and table output and
# in node-status text on stderr, ESC becomes `^[` and CR `\r`; every other C0 control byte and DEL
# is printed as it is. With --color always the colour codes Hubble writes are kept, even those that
# come from the flow. JSON output is never escaped.
source "$(dirname "$0")/lib.sh"

# control-bytes.json: a pod name holding every C0 control byte and DEL, each between "a" and "b";
# a pod name and a Summary with colour codes, a CR and U+009B; a node status naming a node with an
# erase-screen sequence, from a relay whose name ends in CR.
in=$data/control-bytes.json
status_line='Jan  2 03:04:05.300 [relay\r]: 1 nodes are unavailable: node-^[[2J\r-2'

for format in compact dict table; do
    what="-o $format escapes ESC and CR only"
    fg -o "$format" "$in"
    expect_status 0; expect_out "$data/control-bytes.$format"
    grep -q $'[\x1b\r]' "$work/out" && fail "$what: a raw ESC or CR reached stdout"
    if [[ $format == dict ]]; then
        expect_err "------------
  TIMESTAMP: Jan  2 03:04:05.300
      STATE: NODE_UNAVAILABLE
      NODES: node-^[[2J\r-2
    MESSAGE: N/A"
    else
        expect_err "$status_line"
    fi
done

what="every other control byte passes: the pod name's bytes 0x00-0x1f and 0x7f, as in the input"
fg -o compact "$in"
{
    printf 'Jan  2 03:04:05.100: shop/'
    for c in $(seq 0 31) 127; do
        case $c in
        27) printf 'a^[b' ;;
        13) printf 'a\\rb' ;;
        *) printf "a\\$(printf '%03o' "$c")b" ;;
        esac
    done
    printf ':40000 (ID:12345)'
} >"$work/want-prefix"
cmp -s -n "$(stat -c %s "$work/want-prefix")" "$work/want-prefix" "$work/out" ||
    fail "$what: $(cmp -n "$(stat -c %s "$work/want-prefix")" "$work/want-prefix" "$work/out")"

what="--color always keeps Hubble's colour codes, its own and the flow's"
fg --color always -o compact "$in"
expect_status 0; expect_out "$data/control-bytes.color-compact"; expect_err "$status_line"
what="--color always in dict"
fg --color always -o dict "$in"
expect_status 0; expect_out "$data/control-bytes.color-dict"
what="--color always does not colour a table, nor keep the flow's colour codes there"
fg --color always -o table "$in"
expect_status 0; expect_out "$data/control-bytes.table"; expect_err "$status_line"

what="-o json passes the lines through unescaped"
fg -o json "$in"
expect_status 0
head -n 2 "$in" | cmp -s - "$work/out" || fail "$what: stdout differs from the input's flows"
expect_err "$(sed -n 3p "$in")"

finish
