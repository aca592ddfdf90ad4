# --exporter-config: each shape of exporter config (Helm values for the static and the dynamic
# exporter, the dynamic exporter's file, cilium-config) gives exactly what the same filters give as
# --allowlist/--denylist (+ --until), and its field mask shapes JSON output; command-line filters
# narrow it; config errors name the file, the line and the flow log.
source "$(dirname "$0")/lib.sh"
x=$data/exporter
sample=$data/sample-10.json

# same_as "WHAT" "EXPORTER ARGS" "FLAG ARGS": both print the same, nothing on stderr, status 0.
same_as() {
    what=$1
    fg $2 "$sample"
    expect_status 0; expect_err_empty
    cp "$work/out" "$work/want"
    [[ -s $work/want ]] || fail "$what: printed nothing, a weak comparison"
    fg $3 "$sample"
    expect_status 0; expect_err_empty
    expect_out "$work/want"
}

same_as "Helm values, static exporter" "--exporter-config $x/helm-static.yaml" \
    "--allowlist {\"source_pod\":[\"istio-system/\"]} --allowlist {\"destination_pod\":[\"kube-system/\"]} --denylist {\"destination_pod\":[\"istio-system/istio-telemetry\"]}"
same_as "Helm values, dynamic flow log with end" "--exporter-config $x/helm-dynamic.yaml --exporter-name istio" \
    "--allowlist {\"source_pod\":[\"istio-system/\"]}{\"destination_pod\":[\"istio-system/\"],\"event_type\":[{\"type\":4}]} --denylist {\"destination_pod\":[\"bookinfo/\"]} --until 2021-06-16T16:52:13.237321038Z"
same_as "Helm values, dynamic flow log without filters" "--exporter-config $x/helm-dynamic.yaml --exporter-name all" ""
same_as "the dynamic exporter's flowLogs file, one flow log" "-o json --exporter-config $x/flowlogs.yaml" \
    "-o json --allowlist {\"destination_pod\":[\"bookinfo/\"]}{\"source_pod\":[\"bookinfo/\"]} --denylist {\"source_ip\":[\"10.0.2.1\"]}"
same_as "cilium-config ConfigMap" "--exporter-config $x/cilium-config.yaml" \
    "--allowlist {\"source_pod\":[\"kube-system/\"]} --allowlist {\"destination_pod\":[\"kube-system/\"]}"

# The exporter's field mask shapes JSON output as the exporter's file would hold it; --field-mask,
# which hubble does not apply to files, does not replace it.
what="Helm values, static exporter, its field mask on JSON"
fg -o json --exporter-config "$x/helm-static.yaml" "$sample"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
{"flow":{"time":"2021-06-16T16:52:13.142581500Z","verdict":"FORWARDED","source":{"pod_name":"prometheus-6655946b9f-hx9ln"},"destination":{"pod_name":"reviews-v1-545db77b95-s6jb8"}},"time":"2021-06-16T16:52:13.142581500Z"}
{"flow":{"time":"2021-06-16T16:52:13.237321039Z","verdict":"FORWARDED","source":{"pod_name":"istio-telemetry-85cf8ddf5f-kw64q"},"destination":{"pod_name":"istio-galley-7994d74d58-s2pwm"}},"time":"2021-06-16T16:52:13.237321039Z"}
{"flow":{"time":"2021-06-16T16:52:13.596426115Z","verdict":"FORWARDED","destination":{"pod_name":"event-exporter-gke-67986489c8-svnrf"}},"time":"2021-06-16T16:52:13.596426115Z"}
{"flow":{"time":"2021-06-16T16:52:13.611147709Z","verdict":"FORWARDED","destination":{"pod_name":"kube-dns-6c7b8dc9f9-gnxh2"}},"time":"2021-06-16T16:52:13.611147709Z"}
OUT

what="Helm values, dynamic flow log, its field mask on JSON"
fg -o json --exporter-config "$x/helm-dynamic.yaml" --exporter-name istio "$sample"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
{"flow":{"time":"2021-06-16T16:52:13.144960239Z","source":{"namespace":"bookinfo"},"destination":{"pod_name":"prometheus-6655946b9f-hx9ln"}},"time":"2021-06-16T16:52:13.144960239Z"}
{"flow":{"time":"2021-06-16T16:52:13.236029202Z","source":{"namespace":"istio-system"},"destination":{"pod_name":"istio-telemetry-85cf8ddf5f-kw64q"}},"time":"2021-06-16T16:52:13.236029202Z"}
OUT

what="cilium-config ConfigMap, its field mask on JSON, --field-mask does not replace it"
fg -o json --exporter-config "$x/cilium-config.yaml" "$sample"
expect_status 0; expect_err_empty
cp "$work/out" "$work/masked"
expect_out - <<'OUT'
{"flow":{"time":"2021-06-16T16:52:13.596426115Z","verdict":"FORWARDED","destination":{"namespace":"kube-system"}},"time":"2021-06-16T16:52:13.596426115Z"}
{"flow":{"time":"2021-06-16T16:52:13.596477276Z","verdict":"FORWARDED","source":{"namespace":"kube-system"}},"time":"2021-06-16T16:52:13.596477276Z"}
{"flow":{"time":"2021-06-16T16:52:13.611147709Z","verdict":"FORWARDED","destination":{"namespace":"kube-system"}},"time":"2021-06-16T16:52:13.611147709Z"}
{"flow":{"time":"2021-06-16T16:52:13.611167691Z","verdict":"FORWARDED","source":{"namespace":"kube-system"}},"time":"2021-06-16T16:52:13.611167691Z"}
OUT
fg -o json --exporter-config "$x/cilium-config.yaml" --field-mask verdict "$sample"
expect_status 0; expect_out "$work/masked"
expect_err "flowgrep: warning: --field-mask is checked but not applied: like hubble observe --input-file, flowgrep prints flows from files whole (an --exporter-config fieldMask is applied)"

what="filter flags narrow the exporter's allowlist (and, not or)"
fg --exporter-config "$x/helm-static.yaml" --to-namespace bookinfo "$sample"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
Jun 16 16:52:13.142: istio-system/prometheus-6655946b9f-hx9ln:58698 (ID:35369) <> bookinfo/reviews-v1-545db77b95-s6jb8:15090 (ID:25339) to-endpoint FORWARDED (TCP Flags: ACK, PSH)
OUT

what="--not adds to the exporter's denylist"
fg --exporter-config "$x/helm-static.yaml" --not --to-namespace kube-system "$sample"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
Jun 16 16:52:13.142: istio-system/prometheus-6655946b9f-hx9ln:58698 (ID:35369) <> bookinfo/reviews-v1-545db77b95-s6jb8:15090 (ID:25339) to-endpoint FORWARDED (TCP Flags: ACK, PSH)
Jun 16 16:52:13.237: istio-system/istio-telemetry-85cf8ddf5f-kw64q:55574 (ID:59286) <> istio-system/istio-galley-7994d74d58-s2pwm:9901 (ID:1518) to-endpoint FORWARDED (TCP Flags: ACK)
OUT

what="--print-raw-filters shows the exporter's allowlist apart"
fg --exporter-config "$x/flowlogs.yaml" --verdict FORWARDED --print-raw-filters
expect_status 0; expect_err_empty
expect_out - <<'OUT'
allowlist:
    - '{"verdict":["FORWARDED"]}'
denylist:
    - '{"source_ip":["10.0.2.1"]}'
exporter-allowlist:
    - '{"destination_pod":["bookinfo/"]}'
    - '{"source_pod":["bookinfo/"]}'
OUT

what="several flow logs and no --exporter-name"
fg --exporter-config "$x/helm-dynamic.yaml" "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: $x/helm-dynamic.yaml: 2 flow logs (all, istio): choose one with --exporter-name"

what="an unknown --exporter-name"
fg --exporter-config "$x/helm-dynamic.yaml" --exporter-name drops "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: $x/helm-dynamic.yaml: no flow log named \"drops\" (there are: all, istio)"

what="--exporter-name alone"
fg --exporter-name istio "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: --exporter-name needs --exporter-config"

what="a missing file"
fg --exporter-config nowhere.yaml "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: nowhere.yaml: cannot read: No such file or directory"

what="bad YAML"
printf 'flowLogs:\n  - name: a\n    includeFilters: [\n' >bad.yaml
fg --exporter-config bad.yaml "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: bad.yaml:4: end of sequence flow not found"

what="a document of no known shape"
printf 'output: json\n' >other.yaml
fg --exporter-config other.yaml "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: other.yaml:1: not a Hubble exporter config: expected flowLogs: (the dynamic exporter's file), hubble.export (Cilium Helm values) or a ConfigMap with hubble-export-* keys or flowlogs.yaml"

what="a YAML filter that does not decode"
cat >undecodable.yaml <<'YAML'
flowLogs:
  - name: drops
    filePath: /var/log/drops.log
    includeFilters:
      - verdikt: [DROPPED]
YAML
fg --exporter-config undecodable.yaml "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: undecodable.yaml:5: flow log \"drops\": includeFilters: failed to decode '{\"verdikt\":[\"DROPPED\"]}': proto: (line 1:2): unknown field \"verdikt\""

what="a port written as a YAML number, which protojson refuses for a string field as Cilium does"
cat >port.yaml <<'YAML'
flowLogs:
  - name: dns
    filePath: /var/log/dns.log
    includeFilters:
      - destination_port: [53]
YAML
fg --exporter-config port.yaml "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: port.yaml:5: flow log \"dns\": includeFilters: failed to decode '{\"destination_port\":[53]}': proto: (line 1:22): invalid value for string field destinationPort: 53"

what="a static filter string that does not decode"
cat >cm.yaml <<'YAML'
kind: ConfigMap
data:
  hubble-export-denylist: '{"source_pod":["kube-system/"]},{"verdict":["NOPE"]}'
YAML
fg --exporter-config cm.yaml "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: cm.yaml:3: flow log \"static\": hubble-export-denylist: failed to decode '{\"source_pod\":[\"kube-system/\"]},{\"verdict\":[\"NOPE\"]}': proto: (line 1:13): invalid value for enum field verdict: \"NOPE\""

what="a filter that does not compile"
cat >cidr.yaml <<'YAML'
hubble:
  export:
    static:
      enabled: true
      allowList: ['{"source_ip":["10.0.0.0/33"]}']
YAML
fg --exporter-config cidr.yaml "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: cidr.yaml:4: flow log \"static\": invalid IP prefix \"10.0.0.0/33\" in filter: netip.ParsePrefix(\"10.0.0.0/33\"): prefix length out of range"

what="a field mask path that is not a Flow field, in a ConfigMap holding flowlogs.yaml"
cat >flowlog-cm.yaml <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: cilium-flowlog-config
data:
  flowlogs.yaml: |
    flowLogs:
      - name: all
        filePath: /var/log/all.log
        fieldMask: [time, source.podName]
YAML
fg --exporter-config flowlog-cm.yaml "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: flowlog-cm.yaml:10: flow log \"all\": fieldMask: proto: invalid path \"source.podName\" for message \"flow.Flow\""

what="a bad end"
printf 'flowLogs:\n  - name: a\n    end: tomorrow\n' >end.yaml
fg --exporter-config end.yaml "$sample"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: end.yaml:3: flow log \"a\": end: not an RFC 3339 time (2024-07-08T10:00:00Z): tomorrow"

finish
