# dict output and node-status records (Hubble 1.17.2 and later): the separator before a status goes
# to stderr with it, so stdout holds only flow blocks and their own separators. A status before any
# block still arms the separator of the first one. -s drops the statuses and their separators;
# hidden states (NODE_CONNECTED without --debug) print and arm nothing.
source "$(dirname "$0")/lib.sh"

in=$data/node-status-dict.json
flow_blocks='------------
  TIMESTAMP: Jan  2 03:04:05.100
     SOURCE: shop/client:40000
DESTINATION: shop/server:80
       TYPE: to-endpoint
    VERDICT: FORWARDED
    SUMMARY: TCP Flags: SYN
------------
  TIMESTAMP: Jan  2 03:04:05.200
     SOURCE: shop/client:40000
DESTINATION: shop/server:80
       TYPE: to-endpoint
    VERDICT: FORWARDED
    SUMMARY: TCP Flags: ACK'
statuses='  TIMESTAMP: Jan  2 03:04:04.000
      STATE: NODE_ERROR
      NODES: node-3
    MESSAGE: "connection refused"
------------
  TIMESTAMP: Jan  2 03:04:05.150
      STATE: NODE_UNAVAILABLE
      NODES: node-3, node-4
    MESSAGE: N/A'

what="-o dict: statuses and their separators on stderr"
fg -o dict "$in"
expect_status 0
expect_out <(printf '%s\n' "$flow_blocks")
expect_err "$statuses"

what="-o dict -s: no statuses, no separators for them"
fg -o dict -s "$in"
expect_status 0
expect_out <(printf '%s\n' "$flow_blocks")
expect_err_empty

what="-o dict --debug: NODE_CONNECTED too, with its separator"
fg -o dict --debug "$in"
expect_status 0
expect_out <(printf '%s\n' "$flow_blocks")
expect_err "$statuses
------------
  TIMESTAMP: Jan  2 03:04:05.160
      STATE: NODE_CONNECTED
      NODES: node-5
    MESSAGE: N/A"

what="compact: status lines on stderr, no separators anywhere"
fg "$in"
expect_status 0
expect_err 'Jan  2 03:04:04.000 [relay]: Error "connection refused" on 1 nodes: node-3
Jan  2 03:04:05.150 [relay]: 2 nodes are unavailable: node-3, node-4'
grep -q -- '------------' "$work/out" && fail "$what: a separator on stdout"

finish
