# Settings: FLOWGREP_* variables and the config file, with HOME and XDG_CONFIG_HOME in the temporary
# folder. Precedence (flag, environment, file, default) for a scalar flag and for filters, the
# splitting rule, every `config` action, bad keys and values, --config '' and NO_COLOR.
source "$(dirname "$0")/lib.sh"

home=$work/home
xdg=$work/xdg
cfg=$xdg/flowgrep/config.yaml
mkdir -p "$home"

# fgc [VAR=VALUE...] -- ARGS... : flowgrep with HOME and XDG_CONFIG_HOME set, and the variables given.
fgc() {
    local vars=()
    while [[ $1 != -- ]]; do vars+=("$1"); shift; done
    shift
    env -i PATH=/usr/bin:/bin TZ=UTC HOME="$home" XDG_CONFIG_HOME="$xdg" "${vars[@]}" "$bin" "$@" \
        >"$work/out" 2>"$work/err"
    status=$?
}

# lines N... : those lines of the compact fixture, on standard output
lines() {
    local n
    for n in "$@"; do sed -n "${n}p" "$data/sample-10.compact"; done
}

expect_file() {
    if ! cmp -s "$cfg" -; then
        fail "${what:-}: the config file differs"
        diff -u - "$cfg" | head -n 20
    fi
}

sample=$data/sample-10.json

what="no file, no variable: the defaults"
fgc -- "$sample"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty

# ---- config set, get, view, reset ----

what="config set creates the file"
fgc -- config set first 5
expect_status 0; expect_out /dev/null; expect_err_empty
expect_file <<'EOF'
# flowgrep's settings: long flag names and their values; see FILES in flowgrep(1).
first: 5
EOF

# Comments and a hand-written list, which config set must keep (and replace).
cat >>"$cfg" <<'EOF'

# standing filters
not:
  - namespace=kube-system   # the system's own
  # - namespace=istio-system
# colours
color: never
EOF

what="config set replaces only the key's lines"
fgc -- config set not namespace=kube-system,verdict=DROPPED
expect_status 0; expect_out /dev/null; expect_err_empty
expect_file <<'EOF'
# flowgrep's settings: long flag names and their values; see FILES in flowgrep(1).
first: 5

# standing filters
not:
  - namespace=kube-system,verdict=DROPPED
# colours
color: never
EOF

what="config set of a repeatable flag: several values, each cut at newlines here"
fgc -- config set not namespace=kube-system $'verdict=DROPPED\nprotocol=udp'
expect_status 0; expect_out /dev/null; expect_err_empty

what="config set appends a new key"
fgc -- config set time-format rfc3339
expect_status 0; expect_out /dev/null; expect_err_empty
expect_file <<'EOF'
# flowgrep's settings: long flag names and their values; see FILES in flowgrep(1).
first: 5

# standing filters
not:
  - namespace=kube-system
  - verdict=DROPPED
  - protocol=udp
# colours
color: never
time-format: rfc3339
EOF

what="config get"
fgc -- config get first
expect_status 0; expect_out - <<<"5"; expect_err_empty
fgc -- config get not
expect_status 0; expect_err_empty
expect_out - <<'EOF'
namespace=kube-system
verdict=DROPPED
protocol=udp
EOF
fgc -- config get output
expect_status 0; expect_out - <<<"compact"; expect_err_empty
fgc FLOWGREP_OUTPUT=dict -- config get output
expect_status 0; expect_out - <<<"dict"; expect_err_empty
fgc -- config get namespace
expect_status 0; expect_out /dev/null; expect_err_empty

what="config view: every setting and where it comes from"
fgc FLOWGREP_OUTPUT=json FLOWGREP_NAMESPACE=a,b -- config view
expect_status 0; expect_err_empty
cp "$work/out" "$work/full-view"
# Only what is not a default, with the comment column closed up.
grep -v '# default$' "$work/full-view" | sed 's/  *#/ #/' >"$work/out"
expect_out - <<EOF
# flowgrep's settings: environment over config file over default; flags win over all.
# config file: $cfg
first: 5 # config file, line 2
namespace: # FLOWGREP_NAMESPACE
  - a
  - b
not: # config file, line 5
  - namespace=kube-system
  - verdict=DROPPED
  - protocol=udp
color: never # config file, line 10
output: json # FLOWGREP_OUTPUT
time-format: rfc3339 # config file, line 11
EOF
(($(grep -c '# default$' "$work/full-view") > 70)) || fail "$what: fewer than 70 defaults"
grep -qx "all: false  *# default" "$work/full-view" || fail "$what: no all: false"
grep -qx "ip-translation: true  *# default" "$work/full-view" || fail "$what: no ip-translation: true"
grep -qx "since: ''  *# default" "$work/full-view" || fail "$what: no since: ''"
grep -qx "label: \[\]  *# default" "$work/full-view" || fail "$what: no label: []"

what="config reset KEY"
fgc -- config reset first
expect_status 0; expect_out /dev/null; expect_err_empty
fgc -- config reset not
expect_status 0; expect_out /dev/null; expect_err_empty
expect_file <<'EOF'
# flowgrep's settings: long flag names and their values; see FILES in flowgrep(1).

# standing filters
# colours
color: never
time-format: rfc3339
EOF
fgc -- config reset pod
expect_status 0; expect_out /dev/null; expect_err_empty

what="config reset: every key; comments stay"
fgc -- config reset
expect_status 0; expect_out /dev/null; expect_err_empty
expect_file <<'EOF'
# flowgrep's settings: long flag names and their values; see FILES in flowgrep(1).

# standing filters
# colours
EOF
fgc -- config view
expect_status 0; expect_err_empty
[[ $(grep -vc '# default$' "$work/out") == 2 ]] || fail "$what: settings left: $(grep -v '# default$' "$work/out")"

what="config used wrongly"
fgc -- config
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: config needs an action: view, get, set or reset"
fgc -- config vew
expect_status 2; expect_err 'flowgrep: error: config: unknown action "vew"; choose view, get, set or reset (did you mean view?)'
fgc -- config get
expect_status 2; expect_err "flowgrep: error: config get takes one key, got 0"
fgc -- config set output
expect_status 2; expect_err "flowgrep: error: config set output needs a value"
fgc -- config set output json dict
expect_status 2; expect_err "flowgrep: error: config set output takes one value, got 2 (quote a value with spaces)"
fgc -- --verdict DROPPED config view
expect_status 2; expect_err "flowgrep: error: flag --verdict cannot be used with the config command"

# ---- precedence ----

cat >"$cfg" <<'EOF'
first: 5
not:
  - namespace=kube-system
EOF

what="a scalar flag: file"
fgc -- "$sample"
expect_status 0; lines 1 2 3 4 5 | expect_out -; expect_err_empty
what="a scalar flag: environment over file"
fgc FLOWGREP_FIRST=3 -- "$sample"
expect_status 0; lines 1 2 3 | expect_out -; expect_err_empty
what="a scalar flag: flag over environment and file"
fgc FLOWGREP_FIRST=3 -- --first 1 "$sample"
expect_status 0; lines 1 | expect_out -; expect_err_empty
what="a scalar flag: the default, with --config ''"
fgc -- --config '' "$sample"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty
fgc FLOWGREP_FIRST=3 -- --config '' "$sample"
expect_status 0; lines 1 2 3 | expect_out -; expect_err_empty
what="a scalar flag: FLOWGREP_CONFIG names the file, --config '' none"
cp "$cfg" "$work/other.yaml"
printf 'first: 2\n' >"$work/other.yaml"
fgc FLOWGREP_CONFIG="$work/other.yaml" -- "$sample"
expect_status 0; lines 1 2 | expect_out -; expect_err_empty
fgc FLOWGREP_CONFIG="$work/other.yaml" -- --config "$cfg" "$sample"
expect_status 0; lines 1 2 3 4 5 | expect_out -; expect_err_empty
fgc FLOWGREP_CONFIG= -- "$sample"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty

what="filters: the file's, as if written first"
printf 'not:\n  - namespace=kube-system\n' >"$cfg"
fgc -- "$sample"
expect_status 0; lines 1 2 3 4 5 6 | expect_out -; expect_err_empty
what="filters: the environment's combine with the file's"
fgc FLOWGREP_NAMESPACE=istio-system -- "$sample"
expect_status 0; lines 3 4 5 6 | expect_out -; expect_err_empty
what="filters: the command line's combine with both, as written after them"
fgc FLOWGREP_NAMESPACE=istio-system -- --to-port 15090 "$sample"
expect_status 0; lines 3 | expect_out -; expect_err_empty
fgc FLOWGREP_NAMESPACE=istio-system -- --print-raw-filters --to-port 15090
cp "$work/out" "$work/settings.raw"
fgc -- --config '' --print-raw-filters --not --namespace kube-system --namespace istio-system --to-port 15090
expect_out "$work/settings.raw"
what="filters: the environment replaces the file's list for the same flag"
fgc FLOWGREP_NOT=namespace=bookinfo -- "$sample"
expect_status 0; lines 5 6 7 8 9 10 | expect_out -; expect_err_empty
fgc FLOWGREP_NOT= -- "$sample"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty
what="filters: none from the file with --config ''"
fgc -- --config '' "$sample"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty

what="splitting: commas and newlines, or newlines only (--tcp-flags syn,ack means both)"
fgc FLOWGREP_NAMESPACE='bookinfo, istio-system' -- --config '' "$sample"
expect_status 0; lines 1 2 3 4 5 6 | expect_out -; expect_err_empty
fgc FLOWGREP_TCP_FLAGS=$'syn,ack\nfin' -- --config '' "$sample"
expect_status 0; lines 1 2 10 | expect_out -; expect_err_empty
what="a value that holds commas, as a list item in the file"
printf 'from-label:\n  - k8s:app in (prometheus,kube-dns)\n' >"$cfg"
fgc -- --print-raw-filters
expect_status 0; expect_err_empty
expect_out - <<'EOF'
allowlist:
    - '{"source_label":["k8s:app in (prometheus,kube-dns)"]}'
EOF

what="a scalar: --output from the file is exactly the flag"
printf 'output: json\n' >"$cfg"
fgc -- "$sample"
cp "$work/out" "$work/from-file"
fgc -- --config '' -o json "$sample"
expect_status 0; expect_out "$work/from-file"; expect_err_empty

# ---- errors ----

what="a bad key in the file"
printf '# mine\noutptu: json\n' >"$cfg"
fgc -- "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: $cfg:2: unknown key \"outptu\" (did you mean output?)"
fgc -- config view
expect_status 2; expect_err "flowgrep: error: $cfg:2: unknown key \"outptu\" (did you mean output?)"
what="--config '' ignores a bad file"
fgc -- --config '' "$sample"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty
what="--help and --version ignore a bad file"
fgc -- --version
expect_status 0; expect_err_empty
what="config reset removes a bad key"
fgc -- config reset outptu
expect_status 0; expect_err_empty
expect_file <<<"# mine"

what="a bad value in the file"
printf 'verdict:\n  - FORWARDED\n  - DROPED\n' >"$cfg"
fgc -- "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: $cfg:3: verdict: invalid argument \"DROPED\" for \"--verdict\" flag: invalid --verdict value: DROPED (did you mean DROPPED?)"
printf 'output: [json]\n' >"$cfg"
fgc -- "$sample"
expect_status 2; expect_err "flowgrep: error: $cfg:1: output: takes one value, not a list"
rm "$cfg"

what="a bad value in the environment"
fgc FLOWGREP_OUTPUT=jsn -- "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: FLOWGREP_OUTPUT: invalid output format: jsn (did you mean json?)"
fgc FLOWGREP_NOT=namespace -- "$sample"
expect_status 2; expect_err 'flowgrep: error: FLOWGREP_NOT: "namespace" needs a value: namespace=NAMESPACE'

what="an unknown variable is a warning"
fgc FLOWGREP_OUTPTU=json -- "$sample"
expect_status 0; expect_out "$data/sample-10.compact"
expect_err "flowgrep: warning: FLOWGREP_OUTPTU: not a flowgrep setting; ignored (did you mean FLOWGREP_OUTPUT?)"

what="config set checks the value as the flag does, and the key"
fgc -- config set output jsn
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: output: invalid output format: jsn (did you mean json?)"
fgc -- config set outptu json
expect_status 2; expect_err 'flowgrep: error: config set: unknown key "outptu" (did you mean output?)'
fgc -- config set version true
expect_status 2; expect_err 'flowgrep: error: config set: unknown key "version": --version is an action, not a setting'
[[ ! -e $cfg ]] || fail "$what: a file was written"
what="config set refuses a filter value that could never run (a port out of range), naming what is allowed"
fgc -- config set port 99999
expect_status 2; expect_out /dev/null
expect_err 'flowgrep: error: port: invalid argument "99999" for "--port" flag: want a port, a number from 0 to 65535'
fgc -- config set from-ip 10.0.0.0/33
expect_status 2
expect_err 'flowgrep: error: from-ip: invalid argument "10.0.0.0/33" for "--from-ip" flag: want an IP address (10.0.0.1, fd00::1) or a CIDR prefix (10.0.0.0/8): prefix length out of range'
fgc -- config set cel-expression '_flow.verdict'
expect_status 2
expect_err 'flowgrep: error: cel-expression: error compiling CEL expression: got "int", wanted "bool" result type'
[[ ! -e $cfg ]] || fail "$what: a file was written"

what="a filter value that could never run, from the file: the file, the line and the key"
printf 'verdict: DROPPED\nport: 99999\n' >"$cfg"
fgc -- "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: $cfg:2: port: invalid argument \"99999\" for \"--port\" flag: want a port, a number from 0 to 65535"
rm "$cfg"

what="a filter value that could never run, from the environment: the variable"
fgc FLOWGREP_PORT=abc -- "$sample"
expect_status 2; expect_out /dev/null
expect_err 'flowgrep: error: FLOWGREP_PORT: invalid argument "abc" for "--port" flag: want a port, a number from 0 to 65535'
fgc FLOWGREP_TO_IP=1.2.3 -- "$sample"
expect_status 2
expect_err 'flowgrep: error: FLOWGREP_TO_IP: invalid argument "1.2.3" for "--to-ip" flag: want an IP address (10.0.0.1, fd00::1) or a CIDR prefix (10.0.0.0/8): IPv4 address too short'
fgc FLOWGREP_FIRST=ten -- "$sample"
expect_status 2
expect_err 'flowgrep: error: FLOWGREP_FIRST: invalid argument "ten" for "--first" flag: want a whole number, 0 or more'

# Hubble accepts any --color, --time-format and --http-method; a typo there silently means
# something else, so flowgrep keeps the meaning and warns.
what="a --color typo: accepted as auto, with a warning and a suggestion"
fgc -- --color alwyas "$sample"
expect_status 0; expect_out "$data/sample-10.compact"
expect_err 'flowgrep: warning: "alwyas" is not one of the --color values (auto, always, never); taken as auto, as hubble does (did you mean always?)'

what="a --time-format typo: StampMilli, with a warning"
fgc -- --time-format rfc3339x "$sample"
expect_status 0; expect_out "$data/sample-10.compact"
expect_err 'flowgrep: warning: "rfc3339x" is not one of the --time-format values (StampMilli, YearMonthDay, YearMonthDayHour, YearMonthDayHourMinute, RFC3339, RFC3339Milli, RFC3339Micro, RFC3339Nano, RFC1123Z); taken as StampMilli, as hubble does (did you mean RFC3339?)'

what="an --http-method typo: a method of its own, with a warning"
fgc -- --http-method GETT -c "$sample"
expect_status 1
expect_err 'flowgrep: warning: "GETT" is not one of the --http-method values (CONNECT, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, TRACE); taken as a method of its own, as hubble does (did you mean GET?)'

what="known values in any letter case: no warning"
fgc -- --color NEVER --time-format rfc3339 --http-method get -c "$sample"
expect_status 1; expect_err_empty

what="config set warns about the typo too, and the runs after it say where it is"
fgc -- config set color alwyas
expect_status 0
expect_err 'flowgrep: warning: color: "alwyas" is not one of the --color values (auto, always, never); taken as auto, as hubble does (did you mean always?)'
fgc -- "$sample"
expect_status 0; expect_out "$data/sample-10.compact"
expect_err 'flowgrep: warning: in the settings (see flowgrep config view): "alwyas" is not one of the --color values (auto, always, never); taken as auto, as hubble does (did you mean always?)'
rm "$cfg"

what="config set warns when the environment wins"
fgc FLOWGREP_OUTPUT=dict -- config set output json
expect_status 0; expect_err "flowgrep: warning: FLOWGREP_OUTPUT is set, and wins over the config file"

what="--config '' with config set"
fgc -- --config '' config set output json
expect_status 2; expect_err "flowgrep: error: config set: no config file to change (--config is empty)"
what="--config FILE that does not exist"
fgc -- --config "$work/none.yaml" "$sample"
expect_status 2; expect_err "flowgrep: error: $work/none.yaml: cannot read: no such file (named by --config)"
what="--config FILE with config set creates it"
fgc -- --config "$work/new/settings.yaml" config set color never
expect_status 0; expect_err_empty
[[ $(tail -n 1 "$work/new/settings.yaml") == "color: never" ]] || fail "$what: $(cat "$work/new/settings.yaml")"

what="without XDG_CONFIG_HOME: ~/.config/flowgrep/config.yaml"
env -i PATH=/usr/bin:/bin HOME="$home" "$bin" config set output dict >"$work/out" 2>"$work/err"
[[ $(tail -n 1 "$home/.config/flowgrep/config.yaml") == "output: dict" ]] || fail "$what: not written"
env -i PATH=/usr/bin:/bin HOME="$home" "$bin" config get output >"$work/out" 2>"$work/err"
expect_out - <<<"dict"

rm "$cfg"
what="hubble's variables are not read"
fgc HUBBLE_ALLOWLIST='{"verdict":["DROPPED"]}' -- "$sample"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty

# ---- colour ----

what="FLOWGREP_COLOR=always wins over NO_COLOR, as --color always does"
fgc -- --color always "$sample"
cp "$work/out" "$work/colored"
fgc NO_COLOR=1 FLOWGREP_COLOR=always -- "$sample"
expect_status 0; expect_out "$work/colored"; expect_err_empty
if command -v script >/dev/null && script -qec true /dev/null </dev/null >/dev/null 2>&1; then
    what="NO_COLOR still turns off --color auto on a terminal, with settings in the file"
    printf 'color: auto\ntime-format: StampMilli\n' >"$cfg"
    env -i PATH=/usr/bin:/bin TZ=UTC TERM=xterm HOME="$home" XDG_CONFIG_HOME="$xdg" NO_COLOR=1 \
        script -qec "$(printf '%q ' "$bin" "$sample")" /dev/null </dev/null | tr -d '\r' >"$work/out"
    expect_out "$data/sample-10.compact"
    env -i PATH=/usr/bin:/bin TZ=UTC TERM=xterm HOME="$home" XDG_CONFIG_HOME="$xdg" \
        script -qec "$(printf '%q ' "$bin" "$sample")" /dev/null </dev/null | tr -d '\r' >"$work/out"
    expect_out "$work/colored"
fi

finish
