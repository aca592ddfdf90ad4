# --field-mask (Hubble 1.19's one name for it): JSON output cut down to the masked
# fields, in the Hubble exporter's form; refused with other formats and for paths that are not Flow
# fields, with hubble's messages.
source "$(dirname "$0")/lib.sh"

what="-o json --field-mask time,verdict"
fg -o json --field-mask time,verdict "$data/sample-10.json"
expect_status 0; expect_out "$data/sample-10.time-verdict.json"; expect_err_empty

what="repeated, -o jsonpb"
fg -o jsonpb --field-mask verdict --field-mask time "$data/sample-10.json"
expect_status 0; expect_out "$data/sample-10.time-verdict.json"; expect_err_empty

what="nested paths, a path that selects nothing, --first"
fg -o json --first 2 --field-mask source.pod_name,l4.TCP.destination_port,l7.http.code "$data/sample-10.json"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
{"flow":{"l4":{"TCP":{"destination_port":42044}},"source":{"pod_name":"reviews-v1-545db77b95-s6jb8"}}}
{"flow":{"l4":{"TCP":{"destination_port":15020}}}}
OUT

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
