// The path of an HTTP flow's URL as the http_path filter sees it: the URL read as an HTTP
// request-URI by Go's url.ParseRequestURI (absolute URL or absolute path; no fragment split), the
// path %-decoded. Allocates only when a decoded path outgrows every earlier one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace flowgrep {

// The decoded path, or nullopt where Go reports an error (the filter then does not match). The
// result points into `url` or, when the path has %-escapes, into `scratch`.
std::optional<std::string_view> request_uri_path(std::string_view url, std::string& scratch);

}  // namespace flowgrep
