// Go's url.ParseRequestURI, reduced to what decides the path: which URLs it rejects and how it
// decodes the path.
#include "filter/request_uri.h"

#include <algorithm>

namespace flowgrep {

namespace {

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

int unhex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
}

bool is_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

enum class mode { path, user_password, host, zone };

// Go's shouldEscape for the host and zone modes: what may appear in a host unescaped.
bool host_needs_escape(unsigned char c) {
    if (is_alnum(c)) return false;
    switch (c) {
        case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',':
        case ';': case '=': case ':': case '[': case ']': case '<': case '>': case '"':
        case '-': case '_': case '.': case '~':
            return false;
        default:
            return true;
    }
}

// Go's unescape validation: well-formed %XX everywhere; hosts only %-encode non-ASCII bytes (or
// %25), zones only bytes a host could hold anyway, and hosts and zones hold no other ASCII
// punctuation.
bool valid_escapes(std::string_view s, mode m) {
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '%') {
            if (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2])) return false;
            bool percent25 = s.substr(i, 3) == "%25";
            if (m == mode::host && unhex(s[i + 1]) < 8 && !percent25) return false;
            if (m == mode::zone) {
                auto v = static_cast<unsigned char>(unhex(s[i + 1]) << 4 | unhex(s[i + 2]));
                if (!percent25 && v != ' ' && host_needs_escape(v)) return false;
            }
            i += 3;
            continue;
        }
        if ((m == mode::host || m == mode::zone) && c < 0x80 && host_needs_escape(c)) return false;
        ++i;
    }
    return true;
}

bool valid_port(std::string_view port) {
    if (port.empty()) return true;
    if (port[0] != ':') return false;
    return std::all_of(port.begin() + 1, port.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Go's parseHost.
bool valid_host(std::string_view host) {
    if (host.starts_with('[')) {
        auto close = host.rfind(']');
        if (close == std::string_view::npos) return false;
        if (!valid_port(host.substr(close + 1))) return false;
        auto zone = host.substr(0, close).find("%25");
        if (zone != std::string_view::npos)
            return valid_escapes(host.substr(0, zone), mode::host) &&
                   valid_escapes(host.substr(zone, close - zone), mode::zone) &&
                   valid_escapes(host.substr(close), mode::host);
    } else if (auto colon = host.rfind(':'); colon != std::string_view::npos) {
        if (!valid_port(host.substr(colon))) return false;
    }
    return valid_escapes(host, mode::host);
}

bool valid_userinfo(std::string_view s) {
    for (unsigned char c : s) {
        if (is_alnum(c)) continue;
        switch (c) {
            case '-': case '.': case '_': case ':': case '~': case '!': case '$': case '&': case '\'':
            case '(': case ')': case '*': case '+': case ',': case ';': case '=': case '%': case '@':
                continue;
            default:
                return false;  // includes every non-ASCII byte, as Go's rune check does
        }
    }
    return true;
}

// Go's parseAuthority.
bool valid_authority(std::string_view authority) {
    auto at = authority.rfind('@');
    if (at == std::string_view::npos) return valid_host(authority);
    if (!valid_host(authority.substr(at + 1))) return false;
    std::string_view userinfo = authority.substr(0, at);
    return valid_userinfo(userinfo) && valid_escapes(userinfo, mode::user_password);
}

}  // namespace

std::optional<std::string_view> request_uri_path(std::string_view url, std::string& scratch) {
    if (std::any_of(url.begin(), url.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
        }))
        return std::nullopt;
    if (url.empty()) return std::nullopt;
    if (url == "*") return url;

    // Scheme: a letter, then letters, digits, '+', '-', '.', up to a ':'.
    bool has_scheme = false;
    std::string_view rest = url;
    for (std::size_t i = 0; i < url.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(url[i]);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
        if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
            if (i == 0) break;
            continue;
        }
        if (c == ':') {
            if (i == 0) return std::nullopt;  // missing protocol scheme
            has_scheme = true;
            rest = url.substr(i + 1);
        }
        break;
    }
    rest = rest.substr(0, rest.find('?'));

    if (!rest.starts_with('/')) {
        if (has_scheme) return std::string_view();  // opaque (mailto:x): an empty path
        return std::nullopt;                        // invalid URI for request
    }
    if (has_scheme && rest.starts_with("//")) {
        std::string_view authority = rest.substr(2);
        auto slash = authority.find('/');
        rest = slash == std::string_view::npos ? std::string_view() : authority.substr(slash);
        if (!valid_authority(authority.substr(0, slash))) return std::nullopt;
    }

    if (rest.find('%') == std::string_view::npos) return rest;
    if (!valid_escapes(rest, mode::path)) return std::nullopt;
    scratch.clear();
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == '%') {
            scratch += static_cast<char>(unhex(rest[i + 1]) << 4 | unhex(rest[i + 2]));
            i += 2;
        } else {
            scratch += rest[i];
        }
    }
    return std::string_view(scratch);
}

}  // namespace flowgrep
