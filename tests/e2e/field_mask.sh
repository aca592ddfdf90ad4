# --field-mask (Hubble 1.19's one name for it): checked as hubble checks it, then, as
# hubble observe --input-file does, not applied: flows from files come out whole, with a warning that
# says so. Refused with other formats and for paths that are not Flow fields, with hubble's messages.
source "$(dirname "$0")/lib.sh"

not_applied="flowgrep: warning: --field-mask is checked but not applied: like hubble observe --input-file, flowgrep prints flows from files whole (an --exporter-config fieldMask is applied)"

fg -o json "$data/sample-10.json"
cp "$work/out" "$work/whole"

what="-o json --field-mask time,verdict"
fg -o json --field-mask time,verdict "$data/sample-10.json"
expect_status 0; expect_out "$work/whole"; expect_err "$not_applied"

what="repeated, -o jsonpb, nested paths"
fg -o jsonpb --field-mask verdict --field-mask source.pod_name,l4.TCP.destination_port,l7.http.code "$data/sample-10.json"
expect_status 0; expect_out "$work/whole"; expect_err "$not_applied"

what="the 1.19 fields are Flow fields"
fg -o json --first 1 --field-mask ip_trace_id.trace_id,tunnel.vni,emitter.name,policy_log,l4.VRRP,l4.IGMP,IP.encrypted "$data/sample-10.json"
expect_status 0; expect_err "$not_applied"
head -n 1 "$work/whole" > "$work/first"
expect_out "$work/first"

what="a field mask from an exporter config is applied"
printf 'flowLogs:\n- name: all\n  filePath: /var/run/cilium/hubble/all.log\n  fieldMask: [time, verdict]\n' > "$work/mask.yaml"
fg -o json --exporter-config "$work/mask.yaml" "$data/sample-10.json"
expect_status 0; expect_out "$data/sample-10.time-verdict.json"; expect_err_empty
fg -o json --exporter-config "$work/mask.yaml" --field-mask l4 "$data/sample-10.json"
expect_status 0; expect_out "$data/sample-10.time-verdict.json"; expect_err "$not_applied"

what="with -o compact"
fg -o compact --field-mask time,verdict "$data/sample-10.json"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: compact output format is not compatible with custom field mask"

what="with the default output"
fg --field-mask time "$data/sample-10.json"
expect_status 2; expect_out /dev/null
expect_err "flowgrep: error: compact output format is not compatible with custom field mask"

what="a path that is not a Flow field"
fg -o json --field-mask time,source.podName "$data/sample-10.json"
expect_status 2; expect_out /dev/null
expect_err 'flowgrep: error: failed to construct field mask: proto: invalid path "source.podName" for message "flow.Flow"'

what="a path through a repeated field"
fg -o json --field-mask source.labels.app "$data/sample-10.json"
expect_status 2; expect_out /dev/null
expect_err 'flowgrep: error: failed to construct field mask: proto: invalid path "source.labels.app" for message "flow.Flow"'

finish
