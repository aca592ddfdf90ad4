# Lost-event records as Hubble 1.19 prints them: the response time first (N/A without one), `-` in
# the cells they have nothing for, the node with --print-node-name, and the first and last lost
# event when both are known, in the --time-format.
source "$(dirname "$0")/lib.sh"

in=$data/lost-events.json

what="compact"
fg "$in"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
Jan  2 03:04:05.164 EVENTS LOST: PERF_EVENT_RING_BUFFER CPU(2) 7
Jan  2 03:04:06.000 EVENTS LOST: HUBBLE_RING_BUFFER CPU(0) 49 (first: Jan  2 03:03:00.250, last: Jan  2 03:04:04.999)
N/A EVENTS LOST: OBSERVER_EVENTS_QUEUE CPU(1) 3
OUT

what="compact with --time-format RFC3339Nano and --print-node-name (which compact ignores here)"
fg --time-format RFC3339Nano --print-node-name "$in"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
2024-01-02T03:04:05.164Z EVENTS LOST: PERF_EVENT_RING_BUFFER CPU(2) 7
2024-01-02T03:04:06Z EVENTS LOST: HUBBLE_RING_BUFFER CPU(0) 49 (first: 2024-01-02T03:03:00.25Z, last: 2024-01-02T03:04:04.999999Z)
N/A EVENTS LOST: OBSERVER_EVENTS_QUEUE CPU(1) 3
OUT

what="dict with --print-node-name"
fg -o dict --print-node-name "$in"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
  TIMESTAMP: Jan  2 03:04:05.164
       NODE: node-1
     SOURCE: PERF_EVENT_RING_BUFFER
       TYPE: EVENTS LOST
    VERDICT: -
    SUMMARY: CPU(2) - 7
------------
  TIMESTAMP: Jan  2 03:04:06.000
       NODE: -
     SOURCE: HUBBLE_RING_BUFFER
       TYPE: EVENTS LOST
    VERDICT: -
    SUMMARY: CPU(0) - 49 (first: Jan  2 03:03:00.250, last: Jan  2 03:04:04.999)
------------
  TIMESTAMP: N/A
       NODE: node-2
     SOURCE: OBSERVER_EVENTS_QUEUE
       TYPE: EVENTS LOST
    VERDICT: -
    SUMMARY: CPU(1) - 3
OUT

what="table"
fg -o table "$in"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
TIMESTAMP             SOURCE                   DESTINATION   TYPE          VERDICT   SUMMARY
Jan  2 03:04:05.164   PERF_EVENT_RING_BUFFER   -             EVENTS LOST   -         CPU(2) - 7
Jan  2 03:04:06.000   HUBBLE_RING_BUFFER       -             EVENTS LOST   -         CPU(0) - 49 (first: Jan  2 03:03:00.250, last: Jan  2 03:04:04.999)
N/A                   OBSERVER_EVENTS_QUEUE    -             EVENTS LOST   -         CPU(1) - 3
OUT

what="table with --print-node-name and --time-format YearMonthDay"
fg -o table --print-node-name --time-format YearMonthDay "$in"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
TIMESTAMP    NODE     SOURCE                   DESTINATION   TYPE          VERDICT   SUMMARY
2024-01-02   node-1   PERF_EVENT_RING_BUFFER   -             EVENTS LOST   -         CPU(2) - 7
2024-01-02   -        HUBBLE_RING_BUFFER       -             EVENTS LOST   -         CPU(0) - 49 (first: 2024-01-02, last: 2024-01-02)
N/A          node-2   OBSERVER_EVENTS_QUEUE    -             EVENTS LOST   -         CPU(1) - 3
OUT

finish
