#!/usr/bin/env bash
# complete.bash SCRIPT 'LINE' -> the candidates bash offers for LINE<TAB>, one per line, sorted.
# Calls the script's completion function as bash would: COMP_WORDS split the way readline splits
# them (at blanks, and with = and : as words of their own), COMP_LINE, COMP_POINT, COMP_CWORD.
set -u
source "$1"
line=$2
COMP_LINE=$line
COMP_POINT=${#line}
COMP_TYPE=9
COMP_KEY=9
COMP_WORDS=()
word=''
for ((i = 0; i < ${#line}; i++)); do
    c=${line:i:1}
    case $c in
    ' ')
        [[ -n $word ]] && COMP_WORDS+=("$word")
        word=''
        ;;
    '=' | ':')
        # a run of break characters is one word
        if [[ -n $word && -z ${word//[=:]/} ]]; then
            word+=$c
        else
            [[ -n $word ]] && COMP_WORDS+=("$word")
            word=$c
        fi
        ;;
    *)
        if [[ -n $word && -z ${word//[=:]/} ]]; then
            COMP_WORDS+=("$word")
            word=''
        fi
        word+=$c
        ;;
    esac
done
[[ -n $word || $line == *' ' ]] && COMP_WORDS+=("$word")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMPREPLY=()
spec=$(complete -p "${COMP_WORDS[0]}")
fn=${spec##*-F }
fn=${fn%% *}
"$fn" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]:-}" 2>/dev/null
((${#COMPREPLY[@]})) && printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort
exit 0
