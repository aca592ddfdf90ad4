#!/usr/bin/env bash
# The room order of src/: a file includes headers of its own room and of the rooms below it only,
# so data flows one way and no module reaches back up the chain. Lowest first: text/ (and the
# headers at the top of src/, such as exit_status.h) < go/ < flow/ < filter/, input/, select/ <
# output/ < pipeline/ < cli/ < main.cpp.
# Usage: rooms.sh SRC_DIR (each violation as FILE:LINE, exit 1) | rooms.sh --self-test
set -uo pipefail

rank_of() {
    case $1 in
    text | top) echo 0 ;;
    go) echo 1 ;;
    flow) echo 2 ;;
    filter | input | select) echo 3 ;;
    output) echo 4 ;;
    pipeline) echo 5 ;;
    cli) echo 6 ;;
    main) echo 7 ;;
    *) echo unknown ;;
    esac
}

# The room of a path relative to src/: its first folder, "main" for main.cpp, "top" for the
# other files at the top.
room_of() {
    case $1 in
    */*) echo "${1%%/*}" ;;
    main.cpp) echo main ;;
    *) echo top ;;
    esac
}

check() {
    local src=$1 bad=0 file rel room rank line num inc target target_rank
    [[ -d $src ]] || { echo "rooms.sh: no folder $src" >&2; return 2; }
    while IFS= read -r file; do
        rel=${file#"$src"/}
        room=$(room_of "$rel")
        rank=$(rank_of "$room")
        if [[ $rank == unknown ]]; then
            echo "$file: the room $room/ has no place in the order (add it to tests/rooms.sh)"
            bad=1
            continue
        fi
        while IFS=: read -r num line; do
            inc=${line#*\"}
            inc=${inc%%\"*}
            target=$(room_of "$inc")
            [[ $target == "$room" ]] && continue
            target_rank=$(rank_of "$target")
            if [[ $target_rank == unknown ]]; then
                echo "$file:$num: includes \"$inc\", from no known room"
                bad=1
            elif ((target_rank >= rank)); then
                echo "$file:$num: $room/ includes \"$inc\", but $target/ is not below $room/"
                bad=1
            fi
        done < <(grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file")
    done < <(find "$src" -type f \( -name '*.h' -o -name '*.cpp' \) | sort)
    return $bad
}

if [[ ${1:-} == --self-test ]]; then
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/rooms.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/src/output" "$tmp/src/cli" "$tmp/src/text"
    printf '#include "text/a.h"\n#include "cli/options.h"\n' >"$tmp/src/output/printer.h"
    printf '#include "output/printer.h"\n' >"$tmp/src/cli/options.h"
    printf '#include <string>\n' >"$tmp/src/text/a.h"
    got=$(check "$tmp/src")
    want="$tmp/src/output/printer.h:2: output/ includes \"cli/options.h\", but cli/ is not below output/"
    [[ $got == "$want" ]] || { printf 'rooms.sh self-test: want\n%s\ngot\n%s\n' "$want" "$got" >&2; exit 1; }
    exit 0
fi
check "${1:?usage: rooms.sh SRC_DIR | --self-test}"
