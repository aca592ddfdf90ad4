// The CEL parser: one token of look-ahead, a function per precedence level. Operators become
// calls named as cel-go names them ("_&&_", "_==_", "@in", "_[_]") so that type errors read
// the same. A '-' directly before an int literal is folded into it, so the smallest int parses.
#include "filter/cel/cel_parser.h"

#include <cstdint>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "filter/cel/cel_error.h"
#include "filter/cel/cel_lexer.h"

namespace flowgrep::cel {

namespace {

constexpr int max_depth = 250;

// Words CEL keeps for the future: not usable as identifiers, though fine as field names.
constexpr std::string_view reserved_words[] = {
    "as", "break", "const", "continue", "else", "for", "function", "if", "import",
    "let", "loop", "package", "namespace", "return", "var", "void", "while",
};  // nesting limit, so a hostile expression cannot exhaust the stack

class parser {
public:
    parser(std::string_view src, syntax_tree& tree) : lex_(src), tree_(tree) { advance(); }

    node* parse_all() {
        node* n = expr();
        if (tok_.kind != token_kind::end) unexpected();
        return n;
    }

private:
    void advance() { tok_ = lex_.next(); }

    [[noreturn]] void unexpected() {
        if (tok_.kind == token_kind::end) throw compile_error(tok_.pos, "Syntax error: unexpected end of input");
        throw compile_error(tok_.pos, fmt::format("Syntax error: unexpected '{}'", tok_.text));
    }

    void expect(token_kind k, const char* what) {
        if (tok_.kind != k) {
            if (tok_.kind == token_kind::end)
                throw compile_error(tok_.pos, fmt::format("Syntax error: missing '{}' at end of input", what));
            throw compile_error(tok_.pos, fmt::format("Syntax error: expected '{}', found '{}'", what, tok_.text));
        }
        advance();
    }

    struct depth_guard {
        int& d;
        depth_guard(int& depth, uint32_t pos) : d(depth) {
            if (++d > max_depth) throw compile_error(pos, "expression recursion limit exceeded");
        }
        ~depth_guard() { --d; }
    };

    node* call(std::string_view name, uint32_t pos, std::initializer_list<node*> args) {
        node* n = tree_.make(node_kind::call, pos);
        n->name = std::string(name);
        n->args.assign(args.begin(), args.end());
        return n;
    }

    node* expr() {
        depth_guard g(depth_, tok_.pos);
        node* cond = logical_or();
        if (tok_.kind != token_kind::question) return cond;
        uint32_t pos = tok_.pos;
        advance();
        node* yes = logical_or();
        expect(token_kind::colon, ":");
        node* no = expr();
        return call("_?_:_", pos, {cond, yes, no});
    }

    node* logical_or() {
        node* left = logical_and();
        while (tok_.kind == token_kind::or_) {
            uint32_t pos = tok_.pos;
            advance();
            left = call("_||_", pos, {left, logical_and()});
        }
        return left;
    }

    node* logical_and() {
        node* left = relation();
        while (tok_.kind == token_kind::and_) {
            uint32_t pos = tok_.pos;
            advance();
            left = call("_&&_", pos, {left, relation()});
        }
        return left;
    }

    node* relation() {
        node* left = addition();
        while (true) {
            const char* name = nullptr;
            switch (tok_.kind) {
                case token_kind::lt: name = "_<_"; break;
                case token_kind::le: name = "_<=_"; break;
                case token_kind::gt: name = "_>_"; break;
                case token_kind::ge: name = "_>=_"; break;
                case token_kind::eq: name = "_==_"; break;
                case token_kind::ne: name = "_!=_"; break;
                case token_kind::in: name = "@in"; break;
                default: return left;
            }
            uint32_t pos = tok_.pos;
            advance();
            left = call(name, pos, {left, addition()});
        }
    }

    node* addition() {
        node* left = multiplication();
        while (tok_.kind == token_kind::plus || tok_.kind == token_kind::minus) {
            const char* name = tok_.kind == token_kind::plus ? "_+_" : "_-_";
            uint32_t pos = tok_.pos;
            advance();
            left = call(name, pos, {left, multiplication()});
        }
        return left;
    }

    node* multiplication() {
        node* left = unary();
        while (tok_.kind == token_kind::star || tok_.kind == token_kind::slash || tok_.kind == token_kind::percent) {
            const char* name = tok_.kind == token_kind::star ? "_*_" : tok_.kind == token_kind::slash ? "_/_" : "_%_";
            uint32_t pos = tok_.pos;
            advance();
            left = call(name, pos, {left, unary()});
        }
        return left;
    }

    node* unary() {
        depth_guard g(depth_, tok_.pos);
        if (tok_.kind == token_kind::bang) {
            uint32_t pos = tok_.pos;
            advance();
            return call("!_", pos, {unary()});
        }
        if (tok_.kind == token_kind::minus) {
            uint32_t pos = tok_.pos;
            advance();
            // -<int literal> is one constant, so -9223372036854775808 is an int.
            if (tok_.kind == token_kind::int_lit) {
                token lit = tok_;
                advance();
                if (!continues_member()) {
                    if (lit.overflow || lit.magnitude > uint64_t{1} << 63)
                        throw compile_error(pos, "invalid int literal");
                    node* n = tree_.make(node_kind::literal, pos);
                    n->constant = value::integer(lit.magnitude == uint64_t{1} << 63
                                                     ? std::numeric_limits<int64_t>::min()
                                                     : -static_cast<int64_t>(lit.magnitude));
                    return n;
                }
                node* operand = member_tail(int_literal(lit));
                return call("-_", pos, {operand});
            }
            return call("-_", pos, {unary()});
        }
        return member_tail(primary());
    }

    bool continues_member() const {
        return tok_.kind == token_kind::dot || tok_.kind == token_kind::lbracket;
    }

    node* int_literal(const token& lit) {
        if (lit.overflow || lit.magnitude > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
            throw compile_error(lit.pos, "invalid int literal");
        node* n = tree_.make(node_kind::literal, lit.pos);
        n->constant = value::integer(static_cast<int64_t>(lit.magnitude));
        return n;
    }

    std::vector<node*> arguments(token_kind close, const char* close_text) {
        std::vector<node*> args;
        if (tok_.kind == close) {
            advance();
            return args;
        }
        while (true) {
            args.push_back(expr());
            if (tok_.kind == token_kind::comma) {
                advance();
                if (tok_.kind == close && close != token_kind::rparen) break;  // trailing comma in literals
                continue;
            }
            break;
        }
        expect(close, close_text);
        return args;
    }

    node* member_tail(node* operand) {
        while (true) {
            if (tok_.kind == token_kind::dot) {
                advance();
                if (tok_.kind != token_kind::ident) unexpected();
                token name = tok_;
                advance();
                if (tok_.kind == token_kind::lparen) {
                    advance();
                    auto args = arguments(token_kind::rparen, ")");
                    operand = member_call(operand, name, std::move(args));
                } else {
                    node* n = tree_.make(node_kind::select, name.pos);
                    n->name = std::string(name.text);
                    n->args = {operand};
                    operand = n;
                }
            } else if (tok_.kind == token_kind::lbracket) {
                uint32_t pos = tok_.pos;
                advance();
                node* index = expr();
                expect(token_kind::rbracket, "]");
                operand = call("_[_]", pos, {operand, index});
            } else if (tok_.kind == token_kind::lbrace && is_qualified_name(operand)) {
                throw compile_error(tok_.pos, "message construction is not supported");
            } else {
                return operand;
            }
        }
    }

    static bool is_qualified_name(const node* n) {
        while (n->kind == node_kind::select) n = n->args[0];
        return n->kind == node_kind::ident;
    }

    node* member_call(node* target, const token& name, std::vector<node*> args) {
        std::string_view fn = name.text;
        auto macro = [&](macro_kind kind, size_t arg_count) -> node* {
            if (args.size() != arg_count) return nullptr;
            if (args[0]->kind != node_kind::ident)
                throw compile_error(args[0]->pos, "argument must be a simple name");
            node* n = tree_.make(node_kind::comprehension, name.pos);
            n->macro = kind;
            n->name = args[0]->name;
            n->args.push_back(target);
            for (size_t i = 1; i < args.size(); ++i) n->args.push_back(args[i]);
            return n;
        };
        node* m = nullptr;
        if (fn == "all") m = macro(macro_kind::all, 2);
        else if (fn == "exists") m = macro(macro_kind::exists, 2);
        else if (fn == "exists_one") m = macro(macro_kind::exists_one, 2);
        else if (fn == "filter") m = macro(macro_kind::filter, 2);
        else if (fn == "map") m = args.size() == 3 ? macro(macro_kind::map_filter, 3) : macro(macro_kind::map, 2);
        if (m) return m;
        node* n = tree_.make(node_kind::call, name.pos);
        n->name = std::string(fn);
        n->member = true;
        n->args.push_back(target);
        for (node* a : args) n->args.push_back(a);
        return n;
    }

    node* primary() {
        token t = tok_;
        switch (t.kind) {
            case token_kind::int_lit: advance(); return int_literal(t);
            case token_kind::uint_lit: {
                advance();
                if (t.overflow) throw compile_error(t.pos, "invalid uint literal");
                node* n = tree_.make(node_kind::literal, t.pos);
                n->constant = value::unsigned_(t.magnitude);
                return n;
            }
            case token_kind::double_lit: {
                advance();
                node* n = tree_.make(node_kind::literal, t.pos);
                n->constant = value::real(t.real);
                return n;
            }
            case token_kind::string_lit:
            case token_kind::bytes_lit: {
                advance();
                node* n = tree_.make(node_kind::literal, t.pos);
                n->text = std::move(t.value);
                n->constant = value::text(n->text, t.kind == token_kind::string_lit ? value_kind::string_
                                                                                    : value_kind::bytes_);
                return n;
            }
            case token_kind::true_:
            case token_kind::false_: {
                advance();
                node* n = tree_.make(node_kind::literal, t.pos);
                n->constant = value::boolean(t.kind == token_kind::true_);
                return n;
            }
            case token_kind::null_: {
                advance();
                return tree_.make(node_kind::literal, t.pos);
            }
            case token_kind::lparen: {
                advance();
                node* n = expr();
                expect(token_kind::rparen, ")");
                return n;
            }
            case token_kind::lbracket: {
                advance();
                node* n = tree_.make(node_kind::list, t.pos);
                n->args = arguments(token_kind::rbracket, "]");
                return n;
            }
            case token_kind::lbrace: {
                advance();
                node* n = tree_.make(node_kind::map, t.pos);
                if (tok_.kind != token_kind::rbrace) {
                    while (true) {
                        n->args.push_back(expr());
                        expect(token_kind::colon, ":");
                        n->args.push_back(expr());
                        if (tok_.kind != token_kind::comma) break;
                        advance();
                        if (tok_.kind == token_kind::rbrace) break;
                    }
                }
                expect(token_kind::rbrace, "}");
                return n;
            }
            case token_kind::dot:
            case token_kind::ident: {
                const bool absolute = t.kind == token_kind::dot;
                if (absolute) {
                    advance();
                    if (tok_.kind != token_kind::ident) unexpected();
                }
                token id = tok_;
                advance();
                for (auto r : reserved_words)
                    if (id.text == r) throw compile_error(id.pos, fmt::format("reserved identifier: {}", r));
                std::string name = fmt::format("{}{}", absolute ? "." : "", id.text);
                if (tok_.kind == token_kind::lparen) {
                    advance();
                    auto args = arguments(token_kind::rparen, ")");
                    if (name == "has" && args.size() == 1) {
                        if (args[0]->kind != node_kind::select)
                            throw compile_error(args[0]->pos, "invalid argument to has() macro");
                        node* h = args[0];
                        h->kind = node_kind::has;
                        return h;
                    }
                    node* n = tree_.make(node_kind::call, id.pos);
                    n->name = std::move(name);
                    n->args = std::move(args);
                    return n;
                }
                node* n = tree_.make(node_kind::ident, t.pos);
                n->name = std::move(name);
                return n;
            }
            default: unexpected();
        }
    }

    lexer lex_;
    syntax_tree& tree_;
    token tok_;
    int depth_ = 0;
};

}  // namespace

void parse(std::string_view source, syntax_tree& tree) {
    parser p(source, tree);
    tree.root = p.parse_all();
}

}  // namespace flowgrep::cel
