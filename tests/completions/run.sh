# Drives a real bash, zsh or fish with the completion script `flowgrep completion SHELL` prints, and
# checks what TAB offers for each case. Called as: bash run.sh SHELL FLOWGREP_BINARY
# Exits 77 (CTest's skip) with the reason when the shell is not installed.
set -u
shell=$1
bin=$2

if ! command -v "$shell" >/dev/null 2>&1; then
    echo "SKIP: $shell is not installed (scripts/setup --tests installs it)"
    exit 77
fi
here=$(cd "$(dirname "$0")" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/flowgrep-completion.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# The script, under the name each shell looks for when it loads completions on its own.
mkdir -p "$work/bin" "$work/dir" "$work/files/exdir"
cp "$bin" "$work/bin/flowgrep"
case $shell in
bash) script=$work/dir/flowgrep ;;
zsh) script=$work/dir/_flowgrep ;;
fish) script=$work/dir/flowgrep.fish ;;
*) echo "unknown shell $shell"; exit 2 ;;
esac
"$bin" completion "$shell" >"$script" || { echo "FAIL: flowgrep completion $shell"; exit 1; }

# Syntax first: a broken script would make every case below fail for the same reason.
case $shell in
bash) bash -n "$script" || fail "bash -n" ;;
zsh) zsh -n "$script" || fail "zsh -n" ;;
fish) fish --no-execute "$script" || fail "fish --no-execute" ;;
esac
if [[ $shell == bash ]]; then
    if command -v shellcheck >/dev/null 2>&1; then
        shellcheck -s bash "$script" || fail "shellcheck"
    else
        echo "note: shellcheck is not installed; the bash script is only checked with bash -n"
    fi
fi

# What TAB offers for LINE, one candidate per line as the shell reports it (zsh: "name -- summary",
# fish: "name<TAB>summary"), run in a folder with a few files.
: >"$work/files/example.json"
: >"$work/files/other.json"
offered() {
    (
        cd "$work/files" || exit 1
        case $shell in
        bash) env -i PATH="$PATH" HOME="$work" bash --norc --noprofile "$here/complete.bash" "$script" "$1" ;;
        zsh) env -i PATH="$PATH" HOME="$work" TERM=dumb zsh -f "$here/complete.zsh" "$work/dir" "$1" ;;
        fish)
            # Autoloaded as fish does it: from fish_complete_path, for a flowgrep found on PATH.
            env -i PATH="$work/bin:$PATH" HOME="$work" fish --no-config -c \
                'set -g fish_complete_path $argv[1] $fish_complete_path; complete --do-complete $argv[2]' \
                "$work/dir" "$1"
            ;;
        esac
    ) | sed '/^$/d'
}

# check 'LINE' WORD... : the names offered (descriptions cut off) are exactly the WORDs.
check() {
    local line=$1
    shift
    local got want
    got=$(offered "$line" | sed -e 's/ -- .*//' -e 's/\t.*//' | LC_ALL=C sort -u | tr '\n' ' ')
    want=$(printf '%s\n' "$@" | sed '/^$/d' | LC_ALL=C sort -u | tr '\n' ' ')
    if [[ $got == "$want" ]]; then
        echo "ok: $shell '$line'"
    else
        fail "$shell '$line': offered [${got% }], expected [${want% }]"
    fi
}

# check_line 'LINE' 'TEXT' : one of the lines offered is exactly TEXT (a name with its summary).
check_line() {
    if offered "$1" | grep -qxF -- "$2"; then
        echo "ok: $shell '$1' shows '$2'"
    else
        fail "$shell '$1': no line '$2' in: $(offered "$1" | head -n 5 | tr '\n' '|')"
    fi
}

# The --type names, from the same tables as event-types (the named ones: drop reasons are numbers).
mapfile -t types < <("$bin" event-types | awk 'NF == 2 {print $2}')  # drop:N rows carry a note
trace_types=()
to_types=()
for t in "${types[@]}"; do
    [[ $t == tr* ]] && trace_types+=("$t")
    [[ $t == trace:to-* ]] && to_types+=("$t")
done
for t in trace trace-sock trace:to-stack; do
    [[ " ${trace_types[*]} " == *" $t "* ]] || fail "event-types does not list $t"
done
((${#to_types[@]} == 7)) || fail "expected seven trace:to-* sub-types (to-crypto included), got ${to_types[*]}"

# The config keys: every flag but --help, --version and --config (which names the file itself).
mapfile -t keys < <(env -i "$bin" --config '' config view | sed -n 's/^\([a-z0-9-]*\):.*/\1/p')
((${#keys[@]} > 70)) || fail "config view lists only ${#keys[@]} keys"

# Per shell, what replaces the word: bash only the part after the last = or : (readline's word),
# zsh the value, fish the whole word.
case $shell in
bash) after_colon=("${to_types[@]#trace:}") ;;
zsh) after_colon=("${to_types[@]}") ;;
fish) after_colon=("${to_types[@]/#/--type=}") ;;
esac

check 'flowgrep --ty' --type
check 'flowgrep --type tr' "${trace_types[@]}"
check 'flowgrep --type=trace:to-' "${after_colon[@]}"
check 'flowgrep --verdict D' DROPPED
check 'flowgrep -o ' compact dict json jsonpb table
check 'flowgrep --col' --color
check 'flowgrep exa' example.json
check 'flowgrep completion ' bash fish zsh

# More of the same: short flags, values after = and :, free text, commands, files.
check 'flowgrep -t ' "${types[@]}"
check 'flowgrep --http-status 5' 5+ 500 502 503 504
check 'flowgrep --traffic-direction ' ingress egress
check 'flowgrep --pod ' # free text: nothing
check 'flowgrep --since ' # free text: nothing
check 'flowgrep event-types ' # takes nothing
check 'flowgrep completion zsh ' # one shell only
check 'flowgrep --verdict DROPPED ot' other.json
check 'flowgrep example.json ot' other.json
check 'flowgrep comp' completion
# --aggregate-by: the aliases and the Flow field paths, each item of the list on its own.
check 'flowgrep --aggregate-by src-' src-identity src-ip src-ns src-pod src-workload
check 'flowgrep --aggregate-by l4.UDP.' l4.UDP.destination_port l4.UDP.source_port
check 'flowgrep --aggregate-by verd' verdict
check 'flowgrep --aggregate-by source.lab' # a list: not a key
check 'flowgrep --top ' # free number: nothing
check 'flowgrep -- comp' # after --, a file named comp... (there is none)

# config: its actions, then the keys (the settings' long names), then a key's values as its flag's.
check 'flowgrep config ' get reset set view
check 'flowgrep config g' get
check 'flowgrep config get time-f' time-format
check 'flowgrep config set out' output
check 'flowgrep config reset ver' verdict
check 'flowgrep config set output ' compact dict json jsonpb table
check 'flowgrep config set verdict D' DROPPED
check 'flowgrep config set color ' always auto never
check 'flowgrep config set namespace ' # free text: nothing
check 'flowgrep config view ' # takes nothing
check 'flowgrep config get output ' # one key only
check 'flowgrep config get ' "${keys[@]}"
check 'flowgrep --config ot' other.json
check 'flowgrep --config other.json config ' get reset set view
case $shell in
bash)
    check 'flowgrep --type trace:to-s' to-stack
    check 'flowgrep --identity=wor' world world-ipv4 world-ipv6
    check 'flowgrep -oj' -ojson -ojsonpb
    check 'flowgrep -o=j' json jsonpb
    check 'flowgrep -4t trace:from-n' from-network
    check 'flowgrep --tcp-flags SYN,A' SYN,ACK
    check 'flowgrep --aggregate-by src-ns,dst-p' src-ns,dst-pod src-ns,dst-port
    check 'flowgrep --aggregate-by=src-ns,source.p' src-ns,source.pod_name
    check 'flowgrep ' completion config event-types example.json exdir other.json
    check 'flowgrep config set tcp-flags SYN,A' SYN,ACK
    check 'flowgrep config set type trace:to-s' to-stack
    ;;
zsh)
    check 'flowgrep --type trace:to-s' trace:to-stack
    check 'flowgrep --identity=wor' world world-ipv4 world-ipv6
    check 'flowgrep -oj' json jsonpb
    check 'flowgrep --tcp-flags SYN,A' ACK
    check 'flowgrep --aggregate-by src-ns,dst-p' dst-pod dst-port
    check 'flowgrep --aggregate-by=src-ns,source.p' source.pod_name
    check 'flowgrep ' completion config event-types example.json exdir other.json
    # Flags that cannot repeat are not offered twice; those that can are.
    check 'flowgrep -o json --outp'
    check 'flowgrep --color never --col'
    check 'flowgrep --type l7 --typ' --type
    check_line 'flowgrep --ty' '--type -- keep flows of an event type (and sub-type)'
    check_line 'flowgrep comp' 'completion -- print a completion script for bash, zsh or fish'
    check 'flowgrep config set tcp-flags SYN,A' ACK
    check 'flowgrep config set type trace:to-s' trace:to-stack
    check_line 'flowgrep config get time-f' 'time-format -- how timestamps are printed'
    check_line 'flowgrep config v' 'view -- print every setting and where it comes from'
    ;;
fish)
    check 'flowgrep --type trace:to-s' trace:to-stack
    check 'flowgrep --identity=wor' --identity=world --identity=world-ipv4 --identity=world-ipv6
    check 'flowgrep -oj' -ojson -ojsonpb
    check 'flowgrep --tcp-flags SYN,A' SYN,ACK
    check 'flowgrep --aggregate-by src-ns,dst-p' src-ns,dst-pod src-ns,dst-port
    check 'flowgrep --aggregate-by=src-ns,source.p' --aggregate-by=src-ns,source.pod_name
    check 'flowgrep ' completion config event-types example.json exdir/ other.json
    check_line 'flowgrep --ty' $'--type\tkeep flows of an event type (and sub-type)'
    check_line 'flowgrep comp' $'completion\tprint a completion script for bash, zsh or fish'
    check 'flowgrep config set tcp-flags SYN,A' SYN,ACK
    check 'flowgrep config set type trace:to-s' trace:to-stack
    check_line 'flowgrep config get time-f' $'time-format\thow timestamps are printed'
    check_line 'flowgrep config v' $'view\tprint every setting and where it comes from'
    ;;
esac

if ((failures)); then
    echo "$failures failed"
    exit 1
fi
echo "all passed"
