# The commands: `completion SHELL` and `event-types` print and exit 0 with nothing on stderr; used
# wrongly they fail like any usage error; a file named like a command is read after ./ or --.
source "$(dirname "$0")/lib.sh"

while read -r shell first_line; do
    what="completion $shell"
    fg completion "$shell"
    expect_status 0; expect_err_empty
    [[ $(head -n 1 "$work/out") == "$first_line"* ]] || fail "$what: first line is $(head -n 1 "$work/out")"
done <<'EOF'
bash # bash completion for flowgrep
zsh #compdef flowgrep
fish # fish completion for flowgrep
EOF
fg completion bash
bash -n "$work/out" || fail "completion bash: bash -n"

what="completion without a shell"
fg completion
expect_status 2; expect_err "flowgrep: error: completion needs a shell: bash, fish or zsh"

what="completion of an unknown shell"
fg completion tcsh
expect_status 2; expect_err 'flowgrep: error: completion: unknown shell "tcsh"; choose bash, fish or zsh'

what="completion with a filter flag"
fg --verdict DROPPED completion bash
expect_status 2; expect_err "flowgrep: error: flag --verdict cannot be used with the completion command"

what="event-types"
fg event-types
expect_status 0; expect_err_empty
grep -qx '4:3     trace:to-stack' "$work/out" || fail "$what: no 4:3 trace:to-stack line"
grep -qx '1:133   drop:133 (Policy denied)' "$work/out" || fail "$what: no 1:133 drop:133 line"

what="every name event-types lists is a --type that flowgrep accepts"
awk '{print $1; print $2}' "$work/out" >"$work/names"
while read -r name; do
    env -i PATH=/usr/bin:/bin "$bin" --print-raw-filters --type "$name" >/dev/null 2>&1 ||
        fail "$what: --type $name is refused"
done <"$work/names"

what="a file named completion, as ./completion and after --"
cp "$data/sample-10.json" "$work/completion"
fg ./completion
expect_status 0; expect_out "$data/sample-10.compact"
fg -- completion
expect_status 0; expect_out "$data/sample-10.compact"

# help and version are no commands (as for grep, a word is a FILE), but a missing one gets a hint.
for word in help version; do
    what="flowgrep $word, with no such file"
    fg "$word"
    expect_status 2; expect_err "flowgrep: error: $word: No such file or directory (did you mean --$word?)"
    what="flowgrep $word, a file of that name"
    cp "$data/sample-10.json" "$work/$word"
    fg "$word"
    expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty
    rm "$work/$word"
done

what="--help ends by pointing to the man page"
fg --help
expect_status 0
[[ $(tail -n 1 "$work/out") == "Every flag, filter and format is described in full in man flowgrep." ]] ||
    fail "$what: last line is [$(tail -n 1 "$work/out")]"
tr -s " \n" " " <"$work/out" | grep -q "stop after N matches (node status counts too)" || fail "--help: --first does not say node-status events count"

what="--first counts node-status events, as hubble observe does"
fg --first 1 "$data/node-status-dict.json"
expect_status 0
[[ ! -s $work/out && $(<"$work/err") == *'[relay]: Error "connection refused" on 1 nodes: node-3' ]] ||
    fail "$what: out [$(<"$work/out")] err [$(<"$work/err")]"

finish
