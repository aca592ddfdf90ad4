// Compiling one expression (parse, check, insist on bool) and running it over a response; the
// compile errors are spelled as cel-go spells them, with the source line and a caret.
#include "filter/cel/cel_program.h"

#include <climits>

#include <fmt/format.h>

#include "filter/cel/cel_ast.h"

#include "filter/cel/cel_checker.h"
#include "filter/cel/cel_error.h"
#include "filter/cel/cel_eval.h"
#include "filter/cel/cel_parser.h"
#include "flow/flow_fields.h"
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

namespace {

// A select chain down from _flow through message fields: the last field, or null.
const field_info* flow_field(const node* n) {
    if (n->kind != node_kind::select || !n->field || n->args.size() != 1) return nullptr;
    const node* parent = n->args[0];
    if (parent->kind == node_kind::ident && parent->ref == ident_ref::flow) return n->field;
    if (!flow_field(parent)) return nullptr;
    return n->field;
}

bool is_integer(field_type t) {
    return t == field_type::int32 || t == field_type::int64 || t == field_type::uint32 || t == field_type::uint64 ||
           t == field_type::enum_;
}

void collect_equalities(const node* n, std::vector<program::field_equals>& out) {
    if (n->kind != node_kind::call || n->args.size() != 2) return;
    if (n->fn == function::logical_and) {
        collect_equalities(n->args[0], out);
        collect_equalities(n->args[1], out);
        return;
    }
    if (n->fn != function::equals) return;
    for (int side = 0; side < 2; ++side) {
        const field_info* f = flow_field(n->args[side]);
        const node* other = n->args[1 - side];
        if (!f || f->repeated || other->kind != node_kind::literal) continue;
        const value& c = other->constant;
        program::field_equals e;
        e.field = f;
        if (c.kind == value_kind::string_ && f->type == field_type::string_) {
            e.is_text = true;
            e.text = std::string(c.str());
        } else if (!is_integer(f->type)) {
            continue;
        } else if (c.kind == value_kind::int_ && c.n.i >= 0) {
            e.number = c.n.i;
        } else if (c.kind == value_kind::uint_ && c.n.u <= static_cast<uint64_t>(INT64_MAX)) {
            e.number = static_cast<int64_t>(c.n.u);
        } else {
            continue;
        }
        out.push_back(std::move(e));
        return;
    }
}

}  // namespace

std::vector<program::field_equals> program::required_equalities() const {
    std::vector<field_equals> out;
    if (tree_->root) collect_equalities(tree_->root, out);
    return out;
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
