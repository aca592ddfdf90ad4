// The text for each end of a flow, shared by compact, dict and table: the host string (pod, service,
// DNS names or IP, with the port) and, for compact, the security identity.
#pragma once

#include <cstdint>
#include <string>

#include "flow/flow.h"

namespace flowgrep {

struct host_style {
    bool translate = true;  // names instead of IPs; off with --numeric or --ip-translation=false
    bool color = false;
};

enum class flow_side : uint8_t { source, destination };

// Appends the host string of one side (hubble-semantics §5.3): a flow without IP shows its MAC
// addresses (or nothing); otherwise namespace/pod, namespace/service, the DNS names or the IP, where a
// present service's namespace replaces the endpoint's, then `:port` for TCP, UDP and SCTP, with an
// IPv6-looking host in brackets. Coloured, the host is cyan with a yellow port nested inside.
void append_host(std::string& out, const flow& f, flow_side side, const host_style& style);

// Appends `(world)` and the like for the reserved identities 0-10, `(ID:n)` for the rest; magenta
// when coloured.
void append_identity(std::string& out, uint32_t identity, bool color);

// Go's path.Clean applied to out[from:] in place (it never grows the text), so `a` + `../x` joined
// as a path prints `x`.
void clean_path_in_place(std::string& out, size_t from);

}  // namespace flowgrep
