// Host strings and identities, written straight into the output buffer. The host is a Go path.Join
// of namespace and name, so it is appended raw and then cleaned where it lies.
#include "output/endpoint_text.h"

#include "flow/enums.h"
#include "output/text_append.h"

namespace flowgrep {

void clean_path_in_place(std::string& out, size_t from) {
    // The write position never passes the read position, so one buffer serves both (as Go's lazybuf).
    char* p = out.data() + from;
    const size_t n = out.size() - from;
    if (n == 0) {
        out.push_back('.');
        return;
    }
    const bool rooted = p[0] == '/';
    size_t r = 0, w = 0, dotdot = 0;
    if (rooted) {
        p[w++] = '/';
        r = dotdot = 1;
    }
    while (r < n) {
        if (p[r] == '/') {
            ++r;  // empty element
        } else if (p[r] == '.' && (r + 1 == n || p[r + 1] == '/')) {
            ++r;  // "." element
        } else if (p[r] == '.' && p[r + 1] == '.' && (r + 2 == n || p[r + 2] == '/')) {
            r += 2;  // ".." element: drop the last real element, or keep the ".." when there is none
            if (w > dotdot) {
                --w;
                while (w > dotdot && p[w] != '/') --w;
            } else if (!rooted) {
                if (w > 0) p[w++] = '/';
                p[w++] = '.';
                p[w++] = '.';
                dotdot = w;
            }
        } else {
            if ((rooted && w != 1) || (!rooted && w != 0)) p[w++] = '/';
            for (; r < n && p[r] != '/'; ++r) p[w++] = p[r];
        }
    }
    if (w == 0) p[w++] = '.';
    out.resize(from + w);
}

namespace {

// A single path element that cleaning would leave alone.
bool is_plain_element(std::string_view s) {
    return s != "." && s != ".." && s.find('/') == std::string_view::npos;
}

void append_path_join(std::string& out, std::string_view dir, std::string_view name) {
    size_t start = out.size();
    if (!dir.empty()) {
        out.append(dir);
        out.push_back('/');
    }
    out.append(name);
    // Namespaces and pod names are almost always plain, and then the join is already clean.
    if ((dir.empty() || is_plain_element(dir)) && is_plain_element(name)) return;
    clean_path_in_place(out, start);
}

bool has_ports(const flow& f) {
    return f.l4 == l4_kind::tcp || f.l4 == l4_kind::udp || f.l4 == l4_kind::sctp;
}

}  // namespace

void append_host(std::string& out, const flow& f, flow_side side, const host_style& style) {
    const bool src = side == flow_side::source;
    if (!f.has_ip) {
        if (f.has_ethernet)
            append_colored(out, style.color, ansi::cyan,
                           src ? f.ethernet_source : f.ethernet_destination);
        return;
    }

    const endpoint& ep = src ? f.source : f.destination;
    const service& svc = src ? f.source_service : f.destination_service;
    std::string_view ns = ep.namespace_;
    std::string_view service_name;
    if (svc.present) {
        ns = svc.namespace_;
        service_name = svc.name;
    }
    const auto& names = src ? f.source_names : f.destination_names;

    open_color(out, style.color, ansi::cyan);
    const size_t host_start = out.size();
    if (style.translate && !ep.pod_name.empty()) {
        append_path_join(out, ns, ep.pod_name);
    } else if (style.translate && !service_name.empty()) {
        append_path_join(out, ns, service_name);
    } else if (style.translate && !names.empty()) {
        for (size_t i = 0; i < names.size(); ++i) {
            if (i > 0) out.push_back(',');
            out.append(names[i]);
        }
    } else {
        out.append(src ? f.ip_source : f.ip_destination);
    }

    const uint32_t port = src ? f.source_port : f.destination_port;
    if (has_ports(f) && port != 0) {
        // net.JoinHostPort: a host with a colon (IPv6) goes in brackets.
        if (out.find(':', host_start) != std::string::npos) {
            out.insert(out.begin() + static_cast<std::ptrdiff_t>(host_start), '[');
            out.push_back(']');
        }
        out.push_back(':');
        open_color(out, style.color, ansi::yellow);
        append_uint(out, port);
        close_color(out, style.color);
    }
    close_color(out, style.color);
}

void append_identity(std::string& out, uint32_t identity, bool color) {
    open_color(out, color, ansi::magenta);
    out.push_back('(');
    // The table also names 11 (overlay-to-encrypt) for the filters, but Hubble does not count it
    // as reserved when printing.
    std::string_view name;
    if (identity <= 10) name = enum_name(reserved_identity_names, static_cast<int32_t>(identity));
    if (name.empty()) {
        out.append("ID:");
        append_uint(out, identity);
    } else {
        out.append(name);
    }
    out.push_back(')');
    close_color(out, color);
}

}  // namespace flowgrep
