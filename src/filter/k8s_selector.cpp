// The Kubernetes label selector grammar (k8s.io/apimachinery labels.Parse, as Cilium vendors it):
// lexer, recursive-descent parser and the key/value validation, with Kubernetes' error texts.
// Knows nothing of Cilium sources; label_selector feeds it Hubble's translated selector.
#include <fmt/format.h>

#include "filter/k8s_selector.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <tuple>
#include <utility>

#include "filter/filter_error.h"
#include "go/strconv.h"

namespace flowgrep {

namespace {

// ---- Kubernetes validation (k8s.io/apimachinery/pkg/util/validation) ------------------------

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool is_qualified_name_text(std::string_view s) {
    if (s.empty() || !is_alnum(s.front()) || !is_alnum(s.back())) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return is_alnum(c) || c == '-' || c == '_' || c == '.'; });
}

// [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*
bool is_dns_subdomain_text(std::string_view s) {
    auto lower_alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    std::size_t start = 0;
    while (true) {
        auto dot = s.find('.', start);
        std::string_view label = s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
        if (label.empty() || !lower_alnum(label.front()) || !lower_alnum(label.back())) return false;
        for (char c : label)
            if (!lower_alnum(c) && c != '-') return false;
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
}

std::string regex_error(std::string_view message, std::string_view format,
                        std::initializer_list<std::string_view> examples) {
    std::string out(message);
    out += " (e.g. ";
    bool first = true;
    for (auto example : examples) {
        if (!first) out += " or ";
        first = false;
        out += "'";
        out += example;
        out += "', ";
    }
    out += "regex used for validation is '";
    out += format;
    out += "')";
    return out;
}

constexpr std::string_view qualified_name_message =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character";
constexpr std::string_view qualified_name_format = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";

std::string qualified_name_regex_error() {
    return regex_error(qualified_name_message, qualified_name_format, {"MyName", "my.name", "123-abc"});
}

// validation.IsQualifiedName
std::vector<std::string> qualified_name_errors(std::string_view value) {
    std::vector<std::string> errors;
    std::string_view name = value;
    auto slashes = std::count(value.begin(), value.end(), '/');
    if (slashes > 1) {
        // apimachinery 0.35 (Hubble 1.19) names what it checks
        errors.push_back("a valid label key " + qualified_name_regex_error() +
                         " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errors;
    }
    if (slashes == 1) {
        auto slash = value.find('/');
        std::string_view prefix = value.substr(0, slash);
        name = value.substr(slash + 1);
        if (prefix.empty()) {
            errors.push_back("prefix part must be non-empty");
        } else {
            if (prefix.size() > 253) errors.push_back("prefix part must be no more than 253 characters");
            if (!is_dns_subdomain_text(prefix))
                errors.push_back(
                    "prefix part " +
                    regex_error("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                                "characters, '-' or '.', and must start and end with an alphanumeric "
                                "character",
                                "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*",
                                {"example.com"}));
        }
    }
    if (name.empty())
        errors.push_back("name part must be non-empty");
    else if (name.size() > 63)
        errors.push_back("name part must be no more than 63 characters");
    if (!is_qualified_name_text(name)) errors.push_back("name part " + qualified_name_regex_error());
    return errors;
}

// validation.IsValidLabelValue
std::vector<std::string> label_value_errors(std::string_view value) {
    std::vector<std::string> errors;
    if (value.size() > 63) errors.push_back("must be no more than 63 characters");
    if (!value.empty() && !is_qualified_name_text(value))
        errors.push_back(regex_error(
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
            "'.', and must start and end with an alphanumeric character",
            "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?", {"MyValue", "my_value", "12345"}));
    return errors;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += separator;
        out += parts[i];
    }
    return out;
}

// field.Invalid(path, value, detail).Error()
std::string invalid_value(std::string_view path, std::string_view value, std::string_view detail) {
    std::string out(path);
    out += ": Invalid value: ";
    out += go::quote(value);
    if (!detail.empty()) {
        out += ": ";
        out += detail;
    }
    return out;
}

// ---- Kubernetes selector lexer and parser (k8s.io/apimachinery/pkg/labels) -------------------

enum class token : std::uint8_t {
    error,
    end,
    close_paren,
    comma,
    does_not_exist,
    double_equals,
    equals,
    greater,
    identifier,
    in,
    less,
    not_equals,
    not_in,
    open_paren,
};

std::optional<token> keyword(std::string_view s) {
    static constexpr std::pair<std::string_view, token> table[] = {
        {")", token::close_paren}, {",", token::comma},     {"!", token::does_not_exist},
        {"==", token::double_equals}, {"=", token::equals}, {">", token::greater},
        {"in", token::in},         {"<", token::less},      {"!=", token::not_equals},
        {"notin", token::not_in},  {"(", token::open_paren},
    };
    for (const auto& [text, tok] : table)
        if (text == s) return tok;
    return std::nullopt;
}

bool is_selector_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_special(unsigned char c) {
    switch (c) {
        case '=': case '!': case '(': case ')': case ',': case '>': case '<':
            return true;
        default:
            return false;
    }
}

struct scanned_item {
    token tok;
    std::string literal;
};

// Byte-wise like the Go lexer: a NUL byte reads as the end of the input.
class selector_lexer {
public:
    explicit selector_lexer(std::string_view s) : s_(s) {}

    scanned_item lex() {
        unsigned char c = read();
        while (is_selector_space(c)) c = read();
        if (c == 0) return {token::end, ""};
        unread();
        return is_special(c) ? scan_special() : scan_word();
    }

private:
    unsigned char read() {
        if (pos_ >= s_.size()) return 0;
        return static_cast<unsigned char>(s_[pos_++]);
    }
    void unread() { --pos_; }

    scanned_item scan_word() {
        std::string buffer;
        while (true) {
            unsigned char c = read();
            if (c == 0) break;
            if (is_special(c) || is_selector_space(c)) {
                unread();
                break;
            }
            buffer += static_cast<char>(c);
        }
        if (auto tok = keyword(buffer)) return {*tok, buffer};
        return {token::identifier, buffer};
    }

    // The longest operator the characters spell: "!=" rather than "!", "==" rather than "=".
    scanned_item scan_special() {
        scanned_item last{token::error, ""};
        std::string buffer;
        while (true) {
            unsigned char c = read();
            if (c == 0) break;
            if (!is_special(c)) {
                unread();
                break;
            }
            buffer += static_cast<char>(c);
            if (auto tok = keyword(buffer)) {
                last = {*tok, buffer};
            } else if (last.tok != token::error) {
                unread();
                break;
            }
        }
        if (last.tok == token::error) return {token::error, "error expected: keyword found '" + buffer + "'"};
        return last;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
};

enum class parse_context { key_and_operator, values };

class selector_parser {
public:
    explicit selector_parser(std::string_view s) {
        selector_lexer lexer(s);
        while (true) {
            items_.push_back(lexer.lex());
            if (items_.back().tok == token::end) break;
        }
    }

    // Throws filter_error with Kubernetes' message.
    std::vector<parsed_requirement> parse() {
        std::vector<parsed_requirement> requirements;
        while (true) {
            auto [tok, literal] = lookahead(parse_context::values);
            switch (tok) {
                case token::identifier:
                case token::does_not_exist: {
                    requirements.push_back(parse_requirement());
                    auto [t, l] = consume(parse_context::values);
                    if (t == token::end) return requirements;
                    if (t == token::comma) {
                        auto [t2, l2] = lookahead(parse_context::values);
                        if (t2 != token::identifier && t2 != token::does_not_exist)
                            fail("found '" + l2 + "', expected: identifier after ','");
                        break;
                    }
                    fail("found '" + l + "', expected: ',' or 'end of string'");
                }
                case token::end:
                    return requirements;
                default:
                    fail("found '" + literal + "', expected: !, identifier, or 'end of string'");
            }
        }
    }

private:
    [[noreturn]] static void fail(const std::string& message) { throw filter_error(message); }
    [[noreturn]] static void fail_requirement(const std::string& message) {
        throw filter_error("unable to parse requirement: " + message);
    }

    // In a value position the words "in" and "notin" are plain identifiers.
    std::pair<token, std::string> lookahead(parse_context context) const {
        const auto& item = items_[position_];
        return {adjust(item.tok, context), item.literal};
    }
    std::pair<token, std::string> consume(parse_context context) {
        const auto& item = items_[position_++];
        return {adjust(item.tok, context), item.literal};
    }
    static token adjust(token tok, parse_context context) {
        if (context == parse_context::values && (tok == token::in || tok == token::not_in))
            return token::identifier;
        return tok;
    }

    parsed_requirement parse_requirement() {
        parsed_requirement r;
        auto [tok, literal] = consume(parse_context::values);
        if (tok == token::does_not_exist) {
            r.op.push_back('!');  // not `= "!"`: GCC 12 warns falsely (-Wrestrict) on that
            std::tie(tok, literal) = consume(parse_context::values);
        }
        if (tok != token::identifier) fail_requirement("found '" + literal + "', expected: identifier");
        if (auto errors = qualified_name_errors(literal); !errors.empty())
            fail_requirement(invalid_value("<nil>", literal, join(errors, "; ")));
        r.key = literal;
        auto next = lookahead(parse_context::values).first;
        if ((next == token::end || next == token::comma) && r.op != "!") r.op = "exists";
        if (r.op == "exists" || r.op == "!") return validated(std::move(r));

        auto [op_tok, op_literal] = consume(parse_context::key_and_operator);
        switch (op_tok) {
            case token::in: r.op = "in"; break;
            case token::equals: r.op = "="; break;
            case token::double_equals: r.op = "=="; break;
            case token::greater: r.op = "gt"; break;
            case token::less: r.op = "lt"; break;
            case token::not_in: r.op = "notin"; break;
            case token::not_equals: r.op = "!="; break;
            default:
                fail_requirement("found '" + op_literal + "', expected: in, notin, =, ==, !=, gt, lt");
        }
        r.values = (r.op == "in" || r.op == "notin") ? parse_values() : parse_exact_value();
        // A set: sorted, without duplicates.
        std::sort(r.values.begin(), r.values.end());
        r.values.erase(std::unique(r.values.begin(), r.values.end()), r.values.end());
        return validated(std::move(r));
    }

    std::vector<std::string> parse_values() {
        auto [tok, literal] = consume(parse_context::values);
        if (tok != token::open_paren) fail_requirement("found '" + literal + "' expected: '('");
        std::tie(tok, literal) = lookahead(parse_context::values);
        switch (tok) {
            case token::identifier:
            case token::comma: {
                auto values = parse_identifiers();
                if (consume(parse_context::values).first != token::close_paren)
                    fail_requirement("found '" + literal + "', expected: ')'");
                return values;
            }
            case token::close_paren:
                consume(parse_context::values);
                return {""};
            default:
                fail_requirement("found '" + literal + "', expected: ',', ')' or identifier");
        }
    }

    // A possibly empty list of possibly empty identifiers: "(a,,b)" holds "", "a" and "b".
    std::vector<std::string> parse_identifiers() {
        std::vector<std::string> values;
        while (true) {
            auto [tok, literal] = consume(parse_context::values);
            if (tok == token::identifier) {
                values.push_back(literal);
                auto [t2, l2] = lookahead(parse_context::values);
                if (t2 == token::comma) continue;
                if (t2 == token::close_paren) return values;
                fail_requirement("found '" + l2 + "', expected: ',' or ')'");
            }
            if (tok == token::comma) {
                if (values.empty()) values.push_back("");
                auto t2 = lookahead(parse_context::values).first;
                if (t2 == token::close_paren) {
                    values.push_back("");
                    return values;
                }
                if (t2 == token::comma) values.push_back("");
                continue;
            }
            fail_requirement("found '" + literal + "', expected: ',', or identifier");
        }
    }

    std::vector<std::string> parse_exact_value() {
        auto next = lookahead(parse_context::values).first;
        if (next == token::end || next == token::comma) return {""};
        auto [tok, literal] = consume(parse_context::values);
        if (tok == token::identifier) return {literal};
        fail_requirement("found '" + literal + "', expected: identifier");
    }

    // labels.NewRequirement's checks on the values: every problem, deduplicated, in one message.
    static parsed_requirement validated(parsed_requirement r) {
        std::vector<std::string> errors;
        auto add = [&](std::string e) {
            if (std::find(errors.begin(), errors.end(), e) == errors.end()) errors.push_back(std::move(e));
        };
        if (r.op == "gt" || r.op == "lt") {
            for (std::size_t i = 0; i < r.values.size(); ++i)
                if (!go::parse_int64(r.values[i]))
                    add(invalid_value(fmt::format("values[{}]", i), r.values[i],
                                      "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
        for (std::size_t i = 0; i < r.values.size(); ++i)
            if (auto value_errors = label_value_errors(r.values[i]); !value_errors.empty())
                add(invalid_value(fmt::format("values[{}][{}]", i, r.key), r.values[i],
                                  join(value_errors, "; ")));
        if (errors.size() == 1) fail_requirement(errors.front());
        if (errors.size() > 1) fail_requirement("[" + join(errors, ", ") + "]");
        return r;
    }

    std::vector<scanned_item> items_;
    std::size_t position_ = 0;
};

}  // namespace

std::vector<parsed_requirement> parse_k8s_selector(std::string_view selector) {
    return selector_parser(selector).parse();
}

}  // namespace flowgrep
