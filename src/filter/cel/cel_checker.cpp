// Type checking as cel-go's checker does it: identifiers resolve through the container (`flow.X`
// before `X`), select chains that spell an enum constant or a type name become constants,
// calls are matched against every overload of their function (type parameters A and B bound
// per try), and a call that matches none is an error naming the argument types.
#include "filter/cel/cel_checker.h"

#include <initializer_list>
#include <map>
#include <vector>

#include "filter/cel/cel_error.h"
#include "filter/cel/cel_schema.h"
#include "filter/go_regexp.h"

namespace flowgrep::cel {

namespace {

namespace t = types;

struct overload {
    bool member;
    std::vector<const type*> params;
    const type* result;
};

struct function_decl {
    function fn;
    std::vector<overload> overloads;
};

const type type_of_a{type_kind::type, &t::param_a};

std::vector<overload> binary(std::initializer_list<std::pair<const type*, const type*>> pairs, const type* result) {
    std::vector<overload> out;
    for (auto [x, y] : pairs) out.push_back({false, {x, y}, result});
    return out;
}

std::vector<overload> same_binary(std::initializer_list<const type*> ts) {
    std::vector<overload> out;
    for (const type* x : ts) out.push_back({false, {x, x}, x});
    return out;
}

std::vector<overload> conversions(std::initializer_list<const type*> from, const type* to) {
    std::vector<overload> out;
    for (const type* x : from) out.push_back({false, {x}, to});
    return out;
}

// getHours() and friends: on a timestamp (optionally with a time zone), some also on a duration.
std::vector<overload> time_getter(bool on_duration) {
    std::vector<overload> out = {{true, {&t::timestamp}, &t::int_}, {true, {&t::timestamp, &t::string_}, &t::int_}};
    if (on_duration) out.push_back({true, {&t::duration}, &t::int_});
    return out;
}

const std::map<std::string, function_decl, std::less<>>& functions() {
    static const std::map<std::string, function_decl, std::less<>> table = [] {
        std::map<std::string, function_decl, std::less<>> m;
        auto comparisons = binary({{&t::bool_, &t::bool_},
                                   {&t::int_, &t::int_},
                                   {&t::int_, &t::double_},
                                   {&t::int_, &t::uint_},
                                   {&t::uint_, &t::uint_},
                                   {&t::uint_, &t::double_},
                                   {&t::uint_, &t::int_},
                                   {&t::double_, &t::double_},
                                   {&t::double_, &t::int_},
                                   {&t::double_, &t::uint_},
                                   {&t::string_, &t::string_},
                                   {&t::bytes_, &t::bytes_},
                                   {&t::timestamp, &t::timestamp},
                                   {&t::duration, &t::duration}},
                                  &t::bool_);
        m["_<_"] = {function::less, comparisons};
        m["_<=_"] = {function::less_equals, comparisons};
        m["_>_"] = {function::greater, comparisons};
        m["_>=_"] = {function::greater_equals, comparisons};
        m["_==_"] = {function::equals, {{false, {&t::param_a, &t::param_a}, &t::bool_}}};
        m["_!=_"] = {function::not_equals, {{false, {&t::param_a, &t::param_a}, &t::bool_}}};
        m["!_"] = {function::logical_not, {{false, {&t::bool_}, &t::bool_}}};
        m["-_"] = {function::negate, {{false, {&t::int_}, &t::int_}, {false, {&t::double_}, &t::double_}}};

        auto add = same_binary({&t::bytes_, &t::double_, &t::duration, &t::int_, &t::string_, &t::uint_});
        add.push_back({false, {&t::list_of_a, &t::list_of_a}, &t::list_of_a});
        add.push_back({false, {&t::duration, &t::timestamp}, &t::timestamp});
        add.push_back({false, {&t::timestamp, &t::duration}, &t::timestamp});
        m["_+_"] = {function::add, add};
        auto sub = same_binary({&t::double_, &t::duration, &t::int_, &t::uint_});
        sub.push_back({false, {&t::timestamp, &t::duration}, &t::timestamp});
        sub.push_back({false, {&t::timestamp, &t::timestamp}, &t::duration});
        m["_-_"] = {function::subtract, sub};
        m["_*_"] = {function::multiply, same_binary({&t::double_, &t::int_, &t::uint_})};
        m["_/_"] = {function::divide, same_binary({&t::double_, &t::int_, &t::uint_})};
        m["_%_"] = {function::modulo, same_binary({&t::int_, &t::uint_})};
        m["_[_]"] = {function::index,
                     {{false, {&t::list_of_a, &t::int_}, &t::param_a},
                      {false, {&t::map_of_a_b, &t::param_a}, &t::param_b}}};
        m["@in"] = {function::in,
                    {{false, {&t::param_a, &t::list_of_a}, &t::bool_}, {false, {&t::param_a, &t::map_of_a_b}, &t::bool_}}};

        std::vector<overload> size;
        for (const type* x : {&t::bytes_, &t::list_of_a, &t::map_of_a_b, &t::string_}) {
            size.push_back({false, {x}, &t::int_});
            size.push_back({true, {x}, &t::int_});
        }
        m["size"] = {function::size, size};
        m["contains"] = {function::contains, {{true, {&t::string_, &t::string_}, &t::bool_}}};
        m["startsWith"] = {function::starts_with, {{true, {&t::string_, &t::string_}, &t::bool_}}};
        m["endsWith"] = {function::ends_with, {{true, {&t::string_, &t::string_}, &t::bool_}}};
        m["matches"] = {function::matches,
                        {{false, {&t::string_, &t::string_}, &t::bool_}, {true, {&t::string_, &t::string_}, &t::bool_}}};

        m["bool"] = {function::to_bool, conversions({&t::bool_, &t::string_}, &t::bool_)};
        m["bytes"] = {function::to_bytes, conversions({&t::bytes_, &t::string_}, &t::bytes_)};
        m["double"] = {function::to_double, conversions({&t::double_, &t::int_, &t::string_, &t::uint_}, &t::double_)};
        m["duration"] = {function::to_duration, conversions({&t::duration, &t::int_, &t::string_}, &t::duration)};
        m["int"] = {function::to_int, conversions({&t::int_, &t::double_, &t::duration, &t::string_, &t::timestamp,
                                                   &t::uint_},
                                                  &t::int_)};
        m["string"] = {function::to_string, conversions({&t::string_, &t::bool_, &t::bytes_, &t::double_, &t::duration,
                                                         &t::int_, &t::timestamp, &t::uint_},
                                                        &t::string_)};
        m["timestamp"] = {function::to_timestamp,
                          conversions({&t::timestamp, &t::int_, &t::string_}, &t::timestamp)};
        m["uint"] = {function::to_uint, conversions({&t::uint_, &t::double_, &t::int_, &t::string_}, &t::uint_)};
        m["type"] = {function::to_type, {{false, {&t::param_a}, &type_of_a}}};
        m["dyn"] = {function::to_dyn, {{false, {&t::param_a}, &t::dyn}}};

        m["getFullYear"] = {function::get_full_year, time_getter(false)};
        m["getMonth"] = {function::get_month, time_getter(false)};
        m["getDayOfYear"] = {function::get_day_of_year, time_getter(false)};
        m["getDayOfMonth"] = {function::get_day_of_month, time_getter(false)};
        m["getDate"] = {function::get_date, time_getter(false)};
        m["getDayOfWeek"] = {function::get_day_of_week, time_getter(false)};
        m["getHours"] = {function::get_hours, time_getter(true)};
        m["getMinutes"] = {function::get_minutes, time_getter(true)};
        m["getSeconds"] = {function::get_seconds, time_getter(true)};
        m["getMilliseconds"] = {function::get_milliseconds, time_getter(true)};
        return m;
    }();
    return table;
}

// The type identifiers: CEL's own and every message of flow.proto.
const type* type_identifier(std::string_view name, type_store& store, std::string_view& canonical) {
    static const struct {
        std::string_view name;
        const type* t;
    } builtins[] = {
        {"bool", &t::bool_},         {"int", &t::int_},         {"uint", &t::uint_},
        {"double", &t::double_},     {"string", &t::string_},   {"bytes", &t::bytes_},
        {"null_type", &t::null_type}, {"list", &t::list_of_dyn}, {"map", &t::map_of_dyn},
        {"type", &t::type_of_dyn},  {"google.protobuf.Timestamp", &t::timestamp},
        {"google.protobuf.Duration", &t::duration},
    };
    for (const auto& b : builtins)
        if (b.name == name) {
            canonical = b.name;
            return store.type_of(b.t);
        }
    for (const message_desc* m : all_messages())
        if (m->full_name == name) {
            canonical = m->full_name;
            return store.type_of(store.message(m));
        }
    return nullptr;
}

class checker {
public:
    checker(syntax_tree& tree, type_store& store) : tree_(tree), store_(store) {}

    check_result run() {
        check_node(tree_.root);
        // _flow used whole (compared, passed to type() ...) reads every part of the flow.
        if (flow_refs_ != flow_selected_) needs_ = all_fields;
        return {tree_.root->t, needs_};
    }

private:
    [[noreturn]] void fail(const node* n, const std::string& message) { throw compile_error(n->pos, message); }

    const type* message_type(const message_desc* m) {
        auto it = message_types_.find(m);
        if (it != message_types_.end()) return it->second;
        return message_types_[m] = store_.message(m);
    }

    const type* field_type(const field_desc& fd) {
        const type* elem = nullptr;
        switch (fd.type) {
            case proto_type::string_: elem = &t::string_; break;
            case proto_type::bool_: elem = &t::bool_; break;
            case proto_type::int32:
            case proto_type::int64:
            case proto_type::enum_: elem = &t::int_; break;
            case proto_type::uint32:
            case proto_type::uint64: elem = &t::uint_; break;
            case proto_type::message: elem = message_type(fd.message); break;
            case proto_type::timestamp: elem = &t::timestamp; break;
            case proto_type::bool_wrapper: elem = store_.wrapper(&t::bool_); break;
            case proto_type::any: elem = &t::dyn; break;
        }
        return fd.repeated ? store_.list_of(elem) : elem;
    }

    // Resolves a (possibly qualified) name to _flow, an enum constant or a type. False if none.
    bool resolve_global(node* n, const std::string& name) {
        std::vector<std::string> candidates;
        if (!name.empty() && name[0] == '.') {
            candidates.push_back(name.substr(1));
        } else {
            candidates.push_back("flow." + name);
            candidates.push_back(name);
        }
        for (const auto& c : candidates) {
            if (c == "_flow") {
                ++flow_refs_;
                n->kind = node_kind::ident;
                n->ref = ident_ref::flow;
                n->t = message_type(&flow_message());
                n->args.clear();
                return true;
            }
            if (auto v = enum_constant(c)) {
                n->kind = node_kind::literal;
                n->constant = value::integer(*v);
                n->t = &t::int_;
                n->args.clear();
                return true;
            }
            std::string_view canonical;
            if (const type* tt = type_identifier(c, store_, canonical)) {
                n->kind = node_kind::literal;
                n->constant = value::type_named(canonical);
                n->t = tt;
                n->args.clear();
                return true;
            }
        }
        return false;
    }

    // "a.b.c" for a chain of selects over an identifier; empty when it is not one.
    static std::string qualified_name(const node* n) {
        if (n->kind == node_kind::ident) return n->name;
        if (n->kind != node_kind::select) return {};
        std::string prefix = qualified_name(n->args[0]);
        return prefix.empty() ? prefix : prefix + "." + n->name;
    }

    void check_ident(node* n) {
        if (n->name[0] != '.') {
            for (int i = static_cast<int>(scopes_.size()) - 1; i >= 0; --i) {
                if (scopes_[i].first == n->name) {
                    n->ref = ident_ref::iter_var;
                    n->slot = i;
                    n->t = scopes_[i].second;
                    return;
                }
            }
        }
        if (!resolve_global(n, n->name))
            fail(n, "undeclared reference to '" + n->name + "' (in container 'flow')");
    }

    bool names_local(const node* n) {
        while (n->kind == node_kind::select) n = n->args[0];
        for (const auto& s : scopes_)
            if (s.first == n->name) return true;
        return false;
    }

    void check_select(node* n) {
        // A select chain may spell a qualified name: flow.Verdict.DROPPED, Verdict.DROPPED.
        if (n->kind == node_kind::select && !names_local(n)) {
            std::string q = qualified_name(n);
            if (!q.empty() && q.find("_flow") != 0 && resolve_global(n, q)) return;
        }
        node* operand = n->args[0];
        check_node(operand);
        if (operand->kind == node_kind::ident && operand->ref == ident_ref::flow) ++flow_selected_;
        const type* ot = operand->t;
        const bool test = n->kind == node_kind::has;
        switch (ot->kind) {
            case type_kind::message: {
                const field_desc* fd = ot->message->field(n->name);
                if (!fd) fail(n, "undefined field '" + n->name + "'");
                n->field = fd;
                needs_ |= needs_of(*fd);
                n->t = test ? &t::bool_ : field_type(*fd);
                return;
            }
            case type_kind::map: n->t = test ? &t::bool_ : ot->elem; return;
            case type_kind::dyn:
            case type_kind::error: n->t = test ? &t::bool_ : &t::dyn; return;
            default:
                fail(n, "type '" + format_type(ot) + "' does not support field selection");
        }
    }

    const type* join(const type* previous, const type* current) {
        if (!previous) return current;
        bindings b;
        if (same_type(previous, current)) return previous;
        if (is_assignable(previous, current, b) && is_assignable(current, previous, b))
            return previous->kind == type_kind::dyn ? previous : current->kind == type_kind::dyn ? current : previous;
        return &t::dyn;
    }

    void require_bool(node* n, const node* arg, const char* op) {
        bindings b;
        if (!is_assignable(&t::bool_, arg->t, b))
            fail(n, std::string("found no matching overload for '") + op + "' applied to '(bool, " +
                        format_type(arg->t) + ")'");
    }

    void check_comprehension(node* n) {
        node* range = n->args[0];
        check_node(range);
        const type* iter = nullptr;
        switch (range->t->kind) {
            case type_kind::list: iter = range->t->elem; break;
            case type_kind::map: iter = range->t->key; break;
            case type_kind::dyn:
            case type_kind::error: iter = &t::dyn; break;
            default:
                fail(range, "expression of type '" + format_type(range->t) +
                                "' cannot be range of a comprehension (must be list, map, or dynamic)");
        }
        n->slot = static_cast<int>(scopes_.size());
        scopes_.emplace_back(n->name, iter);
        if (static_cast<int>(scopes_.size()) > tree_.max_depth) tree_.max_depth = static_cast<int>(scopes_.size());
        for (size_t i = 1; i < n->args.size(); ++i) check_node(n->args[i]);
        scopes_.pop_back();
        switch (n->macro) {
            case macro_kind::all: require_bool(n, n->args[1], "_&&_"); n->t = &t::bool_; break;
            case macro_kind::exists: require_bool(n, n->args[1], "_||_"); n->t = &t::bool_; break;
            case macro_kind::exists_one: require_bool(n, n->args[1], "_?_:_"); n->t = &t::bool_; break;
            case macro_kind::map: n->t = store_.list_of(n->args[1]->t); break;
            case macro_kind::map_filter:
                require_bool(n, n->args[1], "_?_:_");
                n->t = store_.list_of(n->args[2]->t);
                break;
            case macro_kind::filter:
                require_bool(n, n->args[1], "_?_:_");
                n->t = store_.list_of(iter);
                break;
        }
    }

    void check_call(node* n) {
        for (node* a : n->args) check_node(a);
        if (n->name == "_&&_" || n->name == "_||_") {
            n->fn = n->name == "_&&_" ? function::logical_and : function::logical_or;
            bindings b;
            if (!is_assignable(&t::bool_, n->args[0]->t, b) || !is_assignable(&t::bool_, n->args[1]->t, b))
                no_overload(n);
            n->t = &t::bool_;
            return;
        }
        if (n->name == "_?_:_") {
            n->fn = function::conditional;
            bindings b;
            if (!is_assignable(&t::bool_, n->args[0]->t, b) || !is_assignable(&t::param_a, n->args[1]->t, b) ||
                !is_assignable(&t::param_a, n->args[2]->t, b))
                no_overload(n);
            n->t = substitute(&t::param_a, b, store_);
            return;
        }
        const auto& table = functions();
        auto it = table.find(n->name);
        if (it == table.end()) fail(n, "undeclared reference to '" + n->name + "' (in container 'flow')");
        n->fn = it->second.fn;
        const type* result = nullptr;
        bool found = false;
        for (const auto& o : it->second.overloads) {
            if (o.member != n->member || o.params.size() != n->args.size()) continue;
            bindings b;
            bool ok = true;
            for (size_t i = 0; ok && i < o.params.size(); ++i) ok = is_assignable(o.params[i], n->args[i]->t, b);
            if (!ok) continue;
            const type* r = substitute(o.result, b, store_);
            result = !found ? r : same_type(result, r) ? result : &t::dyn;
            found = true;
        }
        if (!found) {
            bool any_arity = false;
            for (const auto& o : it->second.overloads)
                if (o.member == n->member) any_arity = true;
            if (!any_arity) fail(n, "undeclared reference to '" + n->name + "' (in container 'flow')");
            no_overload(n);
        }
        n->t = result;
        if (n->fn == function::matches) {
            const node* pattern = n->args[1];
            if (pattern->kind == node_kind::literal && pattern->constant.kind == value_kind::string_) {
                n->regex = compile_go_regexp(pattern->constant.str(), &n->regex_error);
                if (!n->regex && n->regex_error.empty()) n->regex_error = "invalid regular expression";
            }
        }
    }

    [[noreturn]] void no_overload(node* n) {
        std::string args;
        size_t first = 0;
        if (n->member) {
            args = format_type(n->args[0]->t) + ".";
            first = 1;
        }
        args += "(";
        for (size_t i = first; i < n->args.size(); ++i) {
            if (i > first) args += ", ";
            args += format_type(n->args[i]->t);
        }
        args += ")";
        fail(n, "found no matching overload for '" + n->name + "' applied to '" + args + "'");
    }

    void check_node(node* n) {
        switch (n->kind) {
            case node_kind::literal:
                switch (n->constant.kind) {
                    case value_kind::null_: n->t = &t::null_type; break;
                    case value_kind::bool_: n->t = &t::bool_; break;
                    case value_kind::int_: n->t = &t::int_; break;
                    case value_kind::uint_: n->t = &t::uint_; break;
                    case value_kind::double_: n->t = &t::double_; break;
                    case value_kind::string_: n->t = &t::string_; break;
                    case value_kind::bytes_: n->t = &t::bytes_; break;
                    default: n->t = &t::dyn; break;
                }
                return;
            case node_kind::ident: check_ident(n); return;
            case node_kind::select:
            case node_kind::has: check_select(n); return;
            case node_kind::call: check_call(n); return;
            case node_kind::list: {
                const type* elem = nullptr;
                for (node* a : n->args) {
                    check_node(a);
                    elem = join(elem, a->t);
                }
                n->t = store_.list_of(elem ? elem : &t::dyn);
                return;
            }
            case node_kind::map: {
                const type* key = nullptr;
                const type* val = nullptr;
                for (size_t i = 0; i < n->args.size(); i += 2) {
                    check_node(n->args[i]);
                    check_node(n->args[i + 1]);
                    key = join(key, n->args[i]->t);
                    val = join(val, n->args[i + 1]->t);
                }
                n->t = store_.map_of(key ? key : &t::dyn, val ? val : &t::dyn);
                return;
            }
            case node_kind::comprehension: check_comprehension(n); return;
        }
    }

    syntax_tree& tree_;
    type_store& store_;
    field_set needs_ = 0;
    int flow_refs_ = 0;
    int flow_selected_ = 0;
    std::vector<std::pair<std::string, const type*>> scopes_;
    std::map<const message_desc*, const type*> message_types_;
};

}  // namespace

check_result check(syntax_tree& tree, type_store& store) {
    checker c(tree, store);
    return c.run();
}

}  // namespace flowgrep::cel
