// Compiling one expression (parse, check, insist on bool) and running it over a response; the
// compile errors are spelled as cel-go spells them, with the source line and a caret.
#include "filter/cel/cel_program.h"

#include <fmt/format.h>

#include "filter/cel/cel_checker.h"
#include "filter/cel/cel_error.h"
#include "filter/cel/cel_eval.h"
#include "filter/cel/cel_parser.h"
#include "go/unicode.h"

namespace flowgrep::cel {

std::string format_compile_error(std::string_view source, const compile_error& e) {
    // cel-go counts lines from 1 and columns in code points from 1.
    size_t pos = std::min<size_t>(e.pos(), source.size());
    size_t line_start = source.rfind('\n', pos == 0 ? std::string_view::npos : pos - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    if (pos > 0 && source[pos - 1] == '\n') line_start = pos;
    int line = 1;
    for (size_t i = 0; i < line_start; ++i)
        if (source[i] == '\n') ++line;
    size_t column = 0;
    for (size_t i = line_start; i < pos;) {
        auto r = go::decode_rune(source, i);
        i += r.width ? r.width : 1;
        ++column;
    }
    size_t line_end = source.find('\n', line_start);
    std::string_view text = source.substr(line_start, line_end == std::string_view::npos ? std::string_view::npos
                                                                                          : line_end - line_start);
    return fmt::format("ERROR: <input>:{}:{}: {}\n | {}\n | {}^", line, column + 1, e.what(), text,
                       std::string(column, '.'));
}

program::program(std::string_view source)
    : types_(std::make_unique<type_store>()), tree_(std::make_unique<syntax_tree>()) {
    check_result checked;
    try {
        parse(source, *tree_);
        checked = check(*tree_, *types_);
    } catch (const compile_error& e) {
        throw std::runtime_error(format_compile_error(source, e));
    }
    if (checked.result->kind != type_kind::bool_)
        throw std::runtime_error("got \"" + format_type(checked.result) + "\", wanted \"bool\" result type");
    needs_ = checked.needs;
}

program::~program() = default;
program::program(program&&) noexcept = default;
program& program::operator=(program&&) noexcept = default;

program::result program::evaluate(const response& r, eval_context& ctx) const {
    ctx.reset(r, tree_->max_depth);
    value v = cel::evaluate(*tree_, ctx);
    if (v.is_error()) return {false, v.str()};
    if (v.kind != value_kind::bool_) return {false, "no such overload"};
    return {v.n.b, {}};
}

}  // namespace flowgrep::cel
