// encoding/csv's reading of one record with the default settings (comma separator, quotes that
// may hold commas and doubled quotes), rewritten from its documented behaviour with its messages.
#include "cli/csv_record.h"

#include <stdexcept>

namespace flowgrep::go {

std::vector<std::string> read_csv_record(std::string_view s) {
    std::vector<std::string> fields;
    if (s.empty()) return fields;
    s = s.substr(0, s.find('\n'));  // one record: the first line
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    auto error = [](size_t column, std::string_view what) {
        return std::invalid_argument("parse error on line 1, column " + std::to_string(column) + ": " +
                                     std::string(what));
    };
    constexpr std::string_view bare_quote = "bare \" in non-quoted-field";
    constexpr std::string_view bad_quote = "extraneous or missing \" in quoted-field";
    size_t col = 1;  // 1-based byte column of the start of `s`
    while (true) {
        if (s.empty() || s[0] != '"') {
            size_t comma = s.find(',');
            std::string_view field = s.substr(0, comma);
            if (size_t q = field.find('"'); q != std::string_view::npos) throw error(col + q, bare_quote);
            fields.emplace_back(field);
            if (comma == std::string_view::npos) return fields;
            s.remove_prefix(comma + 1);
            col += comma + 1;
            continue;
        }
        std::string field;
        s.remove_prefix(1);
        col += 1;
        while (true) {
            size_t q = s.find('"');
            if (q == std::string_view::npos) throw error(col + s.size(), bad_quote);
            field.append(s.substr(0, q));
            s.remove_prefix(q + 1);
            col += q + 1;
            if (!s.empty() && s[0] == '"') {
                field += '"';
                s.remove_prefix(1);
                col += 1;
            } else if (!s.empty() && s[0] == ',') {
                s.remove_prefix(1);
                col += 1;
                fields.push_back(std::move(field));
                break;
            } else if (s.empty()) {
                fields.push_back(std::move(field));
                return fields;
            } else {
                throw error(col - 1, bad_quote);
            }
        }
    }
}

}  // namespace flowgrep::go
