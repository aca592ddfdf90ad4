# Wrapped lines: flows behind a CRI log prefix, kubectl's --timestamps and --prefix, or inside a
# logrus/slog record's msg read as the plain flows; the cilium agent's other log records are skipped
# without a word; a partial (P) CRI line is a bad line.
source "$(dirname "$0")/lib.sh"
sample=$data/sample-10.json

line() { sed -n "${1}p" "$sample"; }
# Go's %q for these ASCII lines: backslashes and double quotes escaped.
quoted() { printf '"%s"' "$(line "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }

{
    line 1
    echo "2024-07-08T10:09:24.173456789Z stdout F $(line 2)"
    echo 'time="2024-07-08T10:09:24Z" level=info msg="Starting Hubble server" address=":4244" subsys=hubble'
    echo "time=\"2024-07-08T10:09:24Z\" level=info msg=$(quoted 3) subsys=hubble-exporter"
    echo "2024-07-08T10:09:25.000000001Z $(line 4)"
    echo "[pod/cilium-x7k2p/cilium-agent] $(line 5)"
    echo 'time=2025-01-02T03:04:05.000Z level=WARN source=/go/src/agent.go:42 msg="slow path" module=agent'
    echo "2024-07-08T10:09:26Z stderr F level=info msg=$(quoted 6)"
    echo '2024-07-08T10:09:26Z stderr F level=info msg="Cilium is up"'
    line 7
    echo "2024-07-08T10:09:27Z stdout P {\"flow\":{\"verdict\":\"DROP"
    line 8
    line 9
    echo "time=2025-01-02T03:04:05.000Z level=INFO msg=$(quoted 10)"
} >mixed.log

what="mixed lines print as the plain file, JSON the same bytes"
fg -o json mixed.log
expect_status 0; expect_out "$sample"
expect_err "flowgrep: warning: mixed.log:11: a partial container log line (CRI tag P): its rest is on a later line and is not joined; line skipped"

what="compact output, from standard input"
fg <"$sample"
cp "$work/out" want
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" <mixed.log >"$work/out" 2>/dev/null
status=$?
expect_status 0; expect_out want

what="agent records count for nothing"
fg --count mixed.log
expect_status 0
expect_out - <<<"10"

what="filters read the unwrapped flows"
fg --to-pod kube-system/ mixed.log
expect_status 0
expect_out - <<'OUT'
Jun 16 16:52:13.596: 35.246.31.234:443 (world) <> kube-system/event-exporter-gke-67986489c8-svnrf:36804 (ID:1299) to-endpoint FORWARDED (TCP Flags: ACK, PSH)
Jun 16 16:52:13.611: 10.0.2.1:50908 (host) <> kube-system/kube-dns-6c7b8dc9f9-gnxh2:10054 (ID:36522) to-endpoint FORWARDED (TCP Flags: SYN)
OUT

what="--last keeps copies of unwrapped flows (the last from a reused buffer)"
fg -o json --last 3 mixed.log
expect_status 0
expect_out <(sed -n '8,10p' "$sample")

what="--strict stops at the partial line"
fg --strict -o json mixed.log
expect_status 2
expect_out <(sed -n '1,7p' "$sample")
expect_err "flowgrep: error: mixed.log:11: a partial container log line (CRI tag P): its rest is on a later line and is not joined"

what="a prefixed line that is not a flow still gets the parser's warning"
{ printf '2024-07-08T10:09:24Z stdout F not a flow\n'; printf '2024-07-08T10:09:25Z stdout F '; head -n 1 "$sample"; } >junk.log
fg junk.log
expect_status 0; expect_out <(head -n 1 "$data/sample-10.compact")
[[ $(<"$work/err") == "flowgrep: warning: junk.log:1: "* ]] || fail "$what: stderr is [$(<"$work/err")]"

what="a log of nothing but prefixed lines that are not flows: no Hubble flows, exit 2"
printf '2024-07-08T10:09:24Z stdout F not a flow\n' >junk.log
fg junk.log
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: junk.log: no Hubble flows in 1 line (line 1: invalid JSON at column 1: expected a value, found 'n')"

what="the agent's own log records, and nothing else: no Hubble flows, exit 2"
printf '%s\n' 'time="2024-07-08T10:09:24Z" level=info msg="Starting Hubble server" subsys=hubble' >agent.log
fg agent.log
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: agent.log: no Hubble flows in 1 line (line 1: a log record whose message is not a flow)"

finish
