// The CEL evaluator: a walk over the checked tree. Errors are values that propagate through
// strict functions; && and || are commutative over errors (false && error is false, true ||
// error is true, whichever side the error is on), and ?: evaluates only the chosen branch.
// Numbers of different kinds compare and equal by value, as cel-go does at run time.
#include "filter/cel/cel_eval.h"

#include <cmath>
#include <limits>

#include "filter/cel/cel_schema.h"

namespace flowgrep::cel {

namespace {

constexpr std::string_view no_such_overload = "no such overload";

value no_overload() { return value::error(no_such_overload); }

bool is_number(const value& v) {
    return v.kind == value_kind::int_ || v.kind == value_kind::uint_ || v.kind == value_kind::double_;
}

// -1, 0, 1 for numbers of any kinds; 2 when unordered (NaN).
int compare_numbers(const value& x, const value& y) {
    auto sign = [](auto a, auto b) { return a < b ? -1 : (a > b ? 1 : 0); };
    if (x.kind == y.kind) {
        switch (x.kind) {
            case value_kind::int_: return sign(x.n.i, y.n.i);
            case value_kind::uint_: return sign(x.n.u, y.n.u);
            default:
                if (std::isnan(x.n.d) || std::isnan(y.n.d)) return 2;
                return sign(x.n.d, y.n.d);
        }
    }
    if (x.kind == value_kind::int_ && y.kind == value_kind::uint_) {
        if (x.n.i < 0) return -1;
        return sign(static_cast<uint64_t>(x.n.i), y.n.u);
    }
    if (x.kind == value_kind::uint_ && y.kind == value_kind::int_) return -compare_numbers(y, x);
    // One side is a double.
    double d = x.kind == value_kind::double_ ? x.n.d : y.n.d;
    const value& other = x.kind == value_kind::double_ ? y : x;
    if (std::isnan(d)) return 2;
    int r;
    if (other.kind == value_kind::int_) {
        if (d < -9223372036854775808.0) r = 1;
        else if (d >= 9223372036854775808.0) r = -1;
        else {
            double t = std::trunc(d);
            auto di = static_cast<int64_t>(t);
            r = other.n.i < di ? -1 : other.n.i > di ? 1 : (d > t ? -1 : d < t ? 1 : 0);
        }
    } else {
        if (d < 0) r = 1;
        else if (d >= 18446744073709551616.0) r = -1;
        else {
            double t = std::trunc(d);
            auto du = static_cast<uint64_t>(t);
            r = other.n.u < du ? -1 : other.n.u > du ? 1 : (d > t ? -1 : d < t ? 1 : 0);
        }
    }
    // r compares `other` with the double; flip when the double is on the left.
    return x.kind == value_kind::double_ ? -r : r;
}

// Ordering for <, <=, >, >=: -1/0/1, 2 for unordered, or an error value in *err.
int compare(const value& x, const value& y, value* err) {
    if (is_number(x) && is_number(y)) return compare_numbers(x, y);
    if (x.kind != y.kind) {
        *err = no_overload();
        return 0;
    }
    auto sign = [](auto a, auto b) { return a < b ? -1 : (a > b ? 1 : 0); };
    switch (x.kind) {
        case value_kind::bool_: return sign(x.n.b, y.n.b);
        case value_kind::string_:
        case value_kind::bytes_: {
            int c = x.str().compare(y.str());
            return c < 0 ? -1 : c > 0 ? 1 : 0;
        }
        case value_kind::timestamp: return x.n.i != y.n.i ? sign(x.n.i, y.n.i) : sign(x.nanos, y.nanos);
        case value_kind::duration: return sign(x.n.i, y.n.i);
        default: *err = no_overload(); return 0;
    }
}

value overflow() { return value::error("integer overflow"); }

value add(const value& x, const value& y, eval_context& ctx) {
    if (x.kind == y.kind) {
        switch (x.kind) {
            case value_kind::int_: {
                int64_t r;
                if (__builtin_add_overflow(x.n.i, y.n.i, &r)) return overflow();
                return value::integer(r);
            }
            case value_kind::uint_: {
                uint64_t r;
                if (__builtin_add_overflow(x.n.u, y.n.u, &r)) return value::error("unsigned integer overflow");
                return value::unsigned_(r);
            }
            case value_kind::double_: return value::real(x.n.d + y.n.d);
            case value_kind::string_:
            case value_kind::bytes_: {
                std::string& s = ctx.scratch_string();
                s.append(x.str()).append(y.str());
                return value::text(s, x.kind);
            }
            case value_kind::list: {
                std::vector<value>& out = ctx.scratch_list();
                for (size_t i = 0; i < x.size; ++i) out.push_back(list_at(x, i, ctx));
                for (size_t i = 0; i < y.size; ++i) out.push_back(list_at(y, i, ctx));
                return value::list_of(out.data(), out.size());
            }
            case value_kind::duration: {
                int64_t r;
                if (__builtin_add_overflow(x.n.i, y.n.i, &r)) return overflow();
                return value::span(r);
            }
            default: return no_overload();
        }
    }
    if (x.kind == value_kind::timestamp && y.kind == value_kind::duration) {
        int64_t nanos = x.nanos + y.n.i % 1'000'000'000;
        int64_t seconds = x.n.i + y.n.i / 1'000'000'000 + nanos / 1'000'000'000;
        nanos %= 1'000'000'000;
        if (nanos < 0) {
            nanos += 1'000'000'000;
            --seconds;
        }
        // Timestamps span the years 0001 to 9999.
        if (seconds < -62135596800 || seconds > 253402300799) return value::error("timestamp out of range");
        return value::time_point(seconds, static_cast<int32_t>(nanos));
    }
    if (x.kind == value_kind::duration && y.kind == value_kind::timestamp) return add(y, x, ctx);
    return no_overload();
}

value subtract(const value& x, const value& y, eval_context& ctx) {
    if (x.kind == y.kind) {
        switch (x.kind) {
            case value_kind::int_: {
                int64_t r;
                if (__builtin_sub_overflow(x.n.i, y.n.i, &r)) return overflow();
                return value::integer(r);
            }
            case value_kind::uint_: {
                uint64_t r;
                if (__builtin_sub_overflow(x.n.u, y.n.u, &r)) return value::error("unsigned integer overflow");
                return value::unsigned_(r);
            }
            case value_kind::double_: return value::real(x.n.d - y.n.d);
            case value_kind::duration: {
                int64_t r;
                if (__builtin_sub_overflow(x.n.i, y.n.i, &r)) return overflow();
                return value::span(r);
            }
            case value_kind::timestamp: {
                // The difference must fit a duration (±292 years of nanoseconds).
                __int128 d = (static_cast<__int128>(x.n.i) - y.n.i) * 1'000'000'000 + (x.nanos - y.nanos);
                if (d > std::numeric_limits<int64_t>::max() || d < std::numeric_limits<int64_t>::min())
                    return overflow();
                return value::span(static_cast<int64_t>(d));
            }
            default: return no_overload();
        }
    }
    if (x.kind == value_kind::timestamp && y.kind == value_kind::duration) {
        if (y.n.i == std::numeric_limits<int64_t>::min()) return overflow();
        return add(x, value::span(-y.n.i), ctx);
    }
    return no_overload();
}

value multiply(const value& x, const value& y) {
    if (x.kind != y.kind) return no_overload();
    switch (x.kind) {
        case value_kind::int_: {
            int64_t r;
            if (__builtin_mul_overflow(x.n.i, y.n.i, &r)) return overflow();
            return value::integer(r);
        }
        case value_kind::uint_: {
            uint64_t r;
            if (__builtin_mul_overflow(x.n.u, y.n.u, &r)) return value::error("unsigned integer overflow");
            return value::unsigned_(r);
        }
        case value_kind::double_: return value::real(x.n.d * y.n.d);
        default: return no_overload();
    }
}

value divide(const value& x, const value& y, bool modulo) {
    if (x.kind != y.kind) return no_overload();
    switch (x.kind) {
        case value_kind::int_:
            if (y.n.i == 0) return value::error(modulo ? "modulus by zero" : "division by zero");
            if (x.n.i == std::numeric_limits<int64_t>::min() && y.n.i == -1) return overflow();
            return value::integer(modulo ? x.n.i % y.n.i : x.n.i / y.n.i);
        case value_kind::uint_:
            if (y.n.u == 0) return value::error(modulo ? "modulus by zero" : "division by zero");
            return value::unsigned_(modulo ? x.n.u % y.n.u : x.n.u / y.n.u);
        case value_kind::double_:
            if (modulo) return no_overload();
            return value::real(x.n.d / y.n.d);
        default: return no_overload();
    }
}

// A list index: an int, or a uint or double with an integral value.
bool index_of(const value& i, int64_t& out) {
    switch (i.kind) {
        case value_kind::int_: out = i.n.i; return true;
        case value_kind::uint_:
            if (i.n.u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return false;
            out = static_cast<int64_t>(i.n.u);
            return true;
        case value_kind::double_:
            if (i.n.d != std::trunc(i.n.d) || std::abs(i.n.d) > 9.2e18) return false;
            out = static_cast<int64_t>(i.n.d);
            return true;
        default: return false;
    }
}

// A map's entry for a key (maps are literals: alternating keys and values), or null.
const value* map_find(const value& map, const value& key, eval_context& ctx) {
    const auto* kv = static_cast<const value*>(map.p);
    for (size_t i = 0; i < map.size; ++i) {
        value eq = values_equal(kv[2 * i], key, ctx);
        if (eq.kind == value_kind::bool_ && eq.n.b) return &kv[2 * i + 1];
    }
    return nullptr;
}

std::string format_key(const value& k) {
    switch (k.kind) {
        case value_kind::string_: return std::string(k.str());
        case value_kind::int_: return std::to_string(k.n.i);
        case value_kind::uint_: return std::to_string(k.n.u);
        case value_kind::bool_: return k.n.b ? "true" : "false";
        default: return "?";
    }
}

value index(const value& c, const value& i, eval_context& ctx) {
    if (c.kind == value_kind::list) {
        int64_t at;
        if (!index_of(i, at)) return no_overload();
        if (at < 0 || static_cast<uint64_t>(at) >= c.size)
            return ctx.error("index out of bounds: " + std::to_string(at));
        return list_at(c, static_cast<size_t>(at), ctx);
    }
    if (c.kind == value_kind::map) {
        if (const value* v = map_find(c, i, ctx)) return *v;
        return ctx.error("no such key: " + format_key(i));
    }
    return no_overload();
}

value in(const value& x, const value& c, eval_context& ctx) {
    if (c.kind == value_kind::list) {
        for (size_t i = 0; i < c.size; ++i) {
            value eq = values_equal(x, list_at(c, i, ctx), ctx);
            if (eq.kind == value_kind::bool_ && eq.n.b) return value::boolean(true);
        }
        return value::boolean(false);
    }
    if (c.kind == value_kind::map) return value::boolean(map_find(c, x, ctx) != nullptr);
    return no_overload();
}

class evaluator {
public:
    explicit evaluator(eval_context& ctx) : ctx_(ctx) {}

    value eval(const node* n) {
        switch (n->kind) {
            case node_kind::literal: return n->constant;
            case node_kind::ident:
                if (n->ref == ident_ref::flow) return flow_value(ctx_);
                return ctx_.vars()[static_cast<size_t>(n->slot)];
            case node_kind::select:
            case node_kind::has: return select(n);
            case node_kind::call: return call(n);
            case node_kind::list: {
                std::vector<value>& out = ctx_.scratch_list();
                for (const node* a : n->args) {
                    value v = eval(a);
                    if (v.is_error()) return v;
                    out.push_back(v);
                }
                return value::list_of(out.data(), out.size());
            }
            case node_kind::map: {
                std::vector<value>& out = ctx_.scratch_list();
                for (size_t i = 0; i < n->args.size(); i += 2) {
                    value k = eval(n->args[i]);
                    if (k.is_error()) return k;
                    if (k.kind != value_kind::string_ && k.kind != value_kind::int_ && k.kind != value_kind::uint_ &&
                        k.kind != value_kind::bool_)
                        return value::error("unsupported key type");
                    value v = eval(n->args[i + 1]);
                    if (v.is_error()) return v;
                    value m;
                    m.kind = value_kind::map;
                    m.p = out.data();
                    m.size = out.size() / 2;
                    if (map_find(m, k, ctx_)) return ctx_.error("Failed with repeated key: " + format_key(k));
                    out.push_back(k);
                    out.push_back(v);
                }
                value m;
                m.kind = value_kind::map;
                m.p = out.data();
                m.size = out.size() / 2;
                return m;
            }
            case node_kind::comprehension: return comprehension(n);
        }
        return no_overload();
    }

private:
    value select(const node* n) {
        value operand = eval(n->args[0]);
        if (operand.is_error()) return operand;
        const bool test = n->kind == node_kind::has;
        if (operand.kind == value_kind::message) {
            const field_desc* fd = n->field;
            if (!fd) fd = static_cast<const message_desc*>(operand.desc)->field(n->name);
            if (!fd) return ctx_.error("no such field '" + n->name + "'");
            if (test) return value::boolean(has_field(operand, *fd, ctx_));
            return get_field(operand, *fd, ctx_);
        }
        if (operand.kind == value_kind::map) {
            const value* v = map_find(operand, value::text(n->name), ctx_);
            if (test) return value::boolean(v != nullptr);
            if (!v) return ctx_.error("no such key: " + n->name);
            return *v;
        }
        return no_overload();
    }

    value logical(const node* n, bool is_and) {
        // The result is decided by the first side that is `is_and ? false : true`; otherwise
        // errors (left first) win over a non-deciding bool.
        value left = eval(n->args[0]);
        if (left.kind == value_kind::bool_ && left.n.b != is_and) return left;
        value right = eval(n->args[1]);
        if (right.kind == value_kind::bool_ && right.n.b != is_and) return right;
        if (left.kind == value_kind::bool_ && right.kind == value_kind::bool_) return left;
        if (left.is_error()) return left;
        if (right.is_error()) return right;
        return no_overload();
    }

    value call(const node* n) {
        switch (n->fn) {
            case function::logical_and: return logical(n, true);
            case function::logical_or: return logical(n, false);
            case function::conditional: {
                value c = eval(n->args[0]);
                if (c.is_error()) return c;
                if (c.kind != value_kind::bool_) return no_overload();
                return eval(n->args[c.n.b ? 1 : 2]);
            }
            default: break;
        }
        // Strict functions: arguments left to right, the first error wins.
        value args[3];
        const size_t count = n->args.size();
        for (size_t i = 0; i < count && i < 3; ++i) {
            args[i] = eval(n->args[i]);
            if (args[i].is_error()) return args[i];
        }
        const value& x = args[0];
        const value& y = args[1];
        switch (n->fn) {
            case function::logical_not:
                if (x.kind != value_kind::bool_) return no_overload();
                return value::boolean(!x.n.b);
            case function::negate:
                if (x.kind == value_kind::int_) {
                    if (x.n.i == std::numeric_limits<int64_t>::min()) return overflow();
                    return value::integer(-x.n.i);
                }
                if (x.kind == value_kind::double_) return value::real(-x.n.d);
                return no_overload();
            case function::equals:
            case function::not_equals: {
                value eq = values_equal(x, y, ctx_);
                if (eq.is_error() || n->fn == function::equals) return eq;
                return value::boolean(!eq.n.b);
            }
            case function::less:
            case function::less_equals:
            case function::greater:
            case function::greater_equals: {
                value err;
                int c = compare(x, y, &err);
                if (err.is_error()) return err;
                if (c == 2) return value::boolean(false);  // NaN compares false
                switch (n->fn) {
                    case function::less: return value::boolean(c < 0);
                    case function::less_equals: return value::boolean(c <= 0);
                    case function::greater: return value::boolean(c > 0);
                    default: return value::boolean(c >= 0);
                }
            }
            case function::add: return add(x, y, ctx_);
            case function::subtract: return subtract(x, y, ctx_);
            case function::multiply: return multiply(x, y);
            case function::divide: return divide(x, y, false);
            case function::modulo: return divide(x, y, true);
            case function::index: return index(x, y, ctx_);
            case function::in: return in(x, y, ctx_);
            default: return call_function(*n, args, count, ctx_);
        }
    }

    value comprehension(const node* n) {
        value range = eval(n->args[0]);
        if (range.is_error()) return range;
        if (range.kind != value_kind::list && range.kind != value_kind::map) return no_overload();
        value& var = ctx_.vars()[static_cast<size_t>(n->slot)];
        auto item = [&](size_t i) {
            if (range.kind == value_kind::list) return list_at(range, i, ctx_);
            return static_cast<const value*>(range.p)[2 * i];
        };
        const size_t size = range.size;
        switch (n->macro) {
            case macro_kind::all:
            case macro_kind::exists: {
                // all: __result__ && p(x) while not false; exists: __result__ || p(x) while not true.
                const bool is_all = n->macro == macro_kind::all;
                value result = value::boolean(is_all);
                for (size_t i = 0; i < size; ++i) {
                    var = item(i);
                    value p = eval(n->args[1]);
                    if (p.kind == value_kind::bool_ && p.n.b != is_all) return p;
                    if (p.kind != value_kind::bool_ && !result.is_error())
                        result = p.is_error() ? p : no_overload();
                }
                return result;
            }
            case macro_kind::exists_one: {
                int64_t count = 0;
                for (size_t i = 0; i < size; ++i) {
                    var = item(i);
                    value p = eval(n->args[1]);
                    if (p.is_error()) return p;
                    if (p.kind != value_kind::bool_) return no_overload();
                    if (p.n.b) ++count;
                }
                return value::boolean(count == 1);
            }
            case macro_kind::map:
            case macro_kind::map_filter:
            case macro_kind::filter: {
                std::vector<value>& out = ctx_.scratch_list();
                for (size_t i = 0; i < size; ++i) {
                    var = item(i);
                    if (n->macro != macro_kind::map) {
                        value p = eval(n->args[1]);
                        if (p.is_error()) return p;
                        if (p.kind != value_kind::bool_) return no_overload();
                        if (!p.n.b) continue;
                    }
                    value v = n->macro == macro_kind::filter ? var : eval(n->args.back());
                    if (v.is_error()) return v;
                    out.push_back(v);
                }
                return value::list_of(out.data(), out.size());
            }
        }
        return no_overload();
    }

    eval_context& ctx_;
};

bool messages_equal(const value& x, const value& y, eval_context& ctx) {
    if (x.desc != y.desc) return false;
    for (const auto& fd : static_cast<const message_desc*>(x.desc)->fields) {
        bool hx = has_field(x, fd, ctx), hy = has_field(y, fd, ctx);
        if (hx != hy) return false;
        if (!hx) continue;
        value eq = values_equal(get_field(x, fd, ctx), get_field(y, fd, ctx), ctx);
        if (eq.kind != value_kind::bool_ || !eq.n.b) return false;
    }
    return true;
}

}  // namespace

value values_equal(const value& x, const value& y, eval_context& ctx) {
    if (is_number(x) && is_number(y)) return value::boolean(compare_numbers(x, y) == 0);
    if (x.kind != y.kind) return value::boolean(false);
    switch (x.kind) {
        case value_kind::null_: return value::boolean(true);
        case value_kind::bool_: return value::boolean(x.n.b == y.n.b);
        case value_kind::string_:
        case value_kind::bytes_:
        case value_kind::type: return value::boolean(x.str() == y.str());
        case value_kind::timestamp: return value::boolean(x.n.i == y.n.i && x.nanos == y.nanos);
        case value_kind::duration: return value::boolean(x.n.i == y.n.i);
        case value_kind::list: {
            if (x.size != y.size) return value::boolean(false);
            for (size_t i = 0; i < x.size; ++i) {
                value eq = values_equal(list_at(x, i, ctx), list_at(y, i, ctx), ctx);
                if (eq.is_error() || !eq.n.b) return eq;
            }
            return value::boolean(true);
        }
        case value_kind::map: {
            if (x.size != y.size) return value::boolean(false);
            const auto* kv = static_cast<const value*>(x.p);
            for (size_t i = 0; i < x.size; ++i) {
                const value* other = map_find(y, kv[2 * i], ctx);
                if (!other) return value::boolean(false);
                value eq = values_equal(kv[2 * i + 1], *other, ctx);
                if (eq.is_error() || !eq.n.b) return eq;
            }
            return value::boolean(true);
        }
        case value_kind::message: return value::boolean(messages_equal(x, y, ctx));
        default: return no_overload();
    }
}

value evaluate(const syntax_tree& tree, eval_context& ctx) {
    evaluator e(ctx);
    return e.eval(tree.root);
}

}  // namespace flowgrep::cel
