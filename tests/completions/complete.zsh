#!/usr/bin/env zsh
# zsh -f complete.zsh FPATH_DIR 'LINE' -> what zsh offers for LINE<TAB>, one per line, sorted:
# "candidate" or "candidate -- description". Runs an interactive zsh in a pseudo-terminal (zsh/zpty)
# with _flowgrep autoloaded from FPATH_DIR, presses TAB, and records every compadd call.
zmodload zsh/zpty || { print -u2 'zsh/zpty missing'; exit 77 }
local fdir=$1 line=$2
zpty -b comp zsh -f -i
local rc=${TMPDIR:-/tmp}/flowgrep-capture-rc.$$
cat >$rc <<RC
PROMPT= RPROMPT=
stty columns 500 2>/dev/null; COLUMNS=500
fpath=(${(q)fdir} \$fpath)
autoload -Uz compinit && compinit -u -D
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
bindkey '^I' complete-word
bindkey '^M' undefined; bindkey '^J' undefined
null-line() { print -rn -- \$'\\0\\n' }
compprefuncs=(null-line)
comppostfuncs=(null-line exit)
compadd() {
  setopt localoptions extendedglob
  if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd "\$@"; return; fi
  local -a hits dscr
  local d=\${@[(I)-d]}
  if (( d )); then local v=\${@[d+1]}; if [[ \$v == \\(* ]]; then eval "dscr=\$v"; else dscr=("\${(@P)v}"); fi; fi
  builtin compadd -A hits -D dscr "\$@"
  local i
  for (( i = 1; i <= \$#hits; i++ )); do
    if (( \$#dscr >= i )); then print -r -- "\$hits[i] -- \${dscr[i]##* -- }"; else print -r -- "\$hits[i]"; fi
  done
}
print ok
RC
zpty -w comp "source ${(q)rc}"
local out
zpty -r -m comp out '*ok*' || { print -u2 'zsh did not start'; exit 2 }
zpty -w -n comp "$line"$'\t'
local all= chunk
integer tries=0
while (( tries++ < 500 )); do               # about 10 s at most
  if zpty -r -t comp chunk; then
    all+=$chunk
    [[ $all == *$'\0'*$'\0'* ]] && break
  else
    sleep 0.02
  fi
done
zpty -d comp
rm -f $rc
all=${all#*$'\0'}
all=${all%%$'\0'*}
print -rl -- "${(@)${(f)${all//$'\r'/}}:#}" | LC_ALL=C sort
