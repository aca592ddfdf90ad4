# `cmake --install` into a temporary prefix, then checks that each file is where its user looks for
# it and is found there: bash-completion's lazy loading, zsh's fpath, fish's vendor directory (for a
# flowgrep on PATH) and man. Called as: bash install.sh BUILD_DIR SOURCE_DIR
# A missing shell or tool skips its own check; if any was skipped the test reports skip (77).
set -u
build=$1
source_dir=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/flowgrep-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
failures=0
skipped=()
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

if ! cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1; then
    cat "$work/install.log"
    echo "FAIL: cmake --install"
    exit 1
fi

# Each installed file, and the committed file it must equal.
while read -r installed committed; do
    if [[ ! -f $prefix/$installed ]]; then
        fail "not installed: $installed"
    elif ! cmp -s "$prefix/$installed" "$source_dir/$committed"; then
        fail "$installed differs from $committed"
    else
        echo "ok: $installed"
    fi
done <<'EOF'
share/bash-completion/completions/flowgrep completions/flowgrep.bash
share/zsh/site-functions/_flowgrep completions/_flowgrep
share/fish/vendor_completions.d/flowgrep.fish completions/flowgrep.fish
share/man/man1/flowgrep.1 man/flowgrep.1
EOF
if [[ -x $prefix/bin/flowgrep ]] && "$prefix/bin/flowgrep" --version >/dev/null; then
    echo "ok: bin/flowgrep"
else
    fail "bin/flowgrep is not installed or does not run"
fi

# bash: bash-completion finds the script by the command's name under $XDG_DATA_DIRS.
bash_completion=/usr/share/bash-completion/bash_completion
if [[ ! -f $bash_completion ]]; then
    skipped+=("bash-completion is not installed")
else
    got=$(env -i PATH="$prefix/bin:/usr/bin:/bin" HOME="$work" XDG_DATA_DIRS="$prefix/share" bash --norc --noprofile -c \
        "source $bash_completion; __load_completion flowgrep && complete -p flowgrep" 2>&1)
    if [[ $got == "complete -F _flowgrep flowgrep" ]]; then echo "ok: bash-completion loads it"; else fail "bash-completion lazy loading: $got"; fi
fi

# zsh: compinit finds _flowgrep in site-functions by its #compdef line.
if ! command -v zsh >/dev/null 2>&1; then
    skipped+=("zsh is not installed")
else
    got=$(cd "$work" && env -i PATH="/usr/bin:/bin" HOME="$work" TERM=dumb zsh -f "$here/complete.zsh" \
        "$prefix/share/zsh/site-functions" 'flowgrep --verdict D' | sed 's/ -- .*//')
    if [[ $got == DROPPED ]]; then echo "ok: zsh autoloads it from site-functions"; else fail "zsh from site-functions: [$got]"; fi
fi

# fish: vendor_completions.d under $XDG_DATA_DIRS, for a flowgrep that is on PATH.
if ! command -v fish >/dev/null 2>&1; then
    skipped+=("fish is not installed")
else
    got=$(cd "$work" && env -i PATH="$prefix/bin:/usr/bin:/bin" HOME="$work" XDG_DATA_DIRS="$prefix/share:/usr/share" \
        fish -c 'complete --do-complete "flowgrep --verdict D"' | cut -f1)
    if [[ $got == DROPPED ]]; then echo "ok: fish loads it from vendor_completions.d"; else fail "fish from vendor_completions.d: [$got]"; fi
fi

# man: found by name under MANPATH.
if ! command -v man >/dev/null 2>&1; then
    skipped+=("man is not installed")
else
    got=$(env -i PATH="/usr/bin:/bin" MANPATH="$prefix/share/man" man -w flowgrep 2>&1)
    if [[ $got == "$prefix/share/man/man1/flowgrep.1" ]]; then echo "ok: man finds it"; else fail "man -w flowgrep: $got"; fi
fi

if ((failures)); then
    echo "$failures failed"
    exit 1
fi
if ((${#skipped[@]})); then
    printf 'SKIP: %s\n' "${skipped[@]}"
    exit 77
fi
echo "all passed"
