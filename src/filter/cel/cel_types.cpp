// CEL types: the shared instances, their printed names, and cel-go's assignability rule (dyn
// and error fit anything, wrappers and their primitive fit each other, null fits messages,
// wrappers, timestamps and durations, parameters bind to the first type they meet).
#include "filter/cel/cel_types.h"

#include "filter/cel/cel_schema.h"

namespace flowgrep::cel {

namespace types {
const type dyn{type_kind::dyn};
const type error{type_kind::error};
const type null_type{type_kind::null_type};
const type bool_{type_kind::bool_};
const type int_{type_kind::int_};
const type uint_{type_kind::uint_};
const type double_{type_kind::double_};
const type string_{type_kind::string_};
const type bytes_{type_kind::bytes_};
const type timestamp{type_kind::timestamp};
const type duration{type_kind::duration};
const type param_a{type_kind::param, nullptr, nullptr, nullptr, 0};
const type param_b{type_kind::param, nullptr, nullptr, nullptr, 1};
const type list_of_a{type_kind::list, &param_a};
const type map_of_a_b{type_kind::map, &param_b, &param_a};
const type list_of_dyn{type_kind::list, &dyn};
const type map_of_dyn{type_kind::map, &dyn, &dyn};
const type type_of_dyn{type_kind::type, &dyn};
}  // namespace types

const type* type_store::list_of(const type* elem) { return &types_.emplace_back(type{type_kind::list, elem}); }
const type* type_store::map_of(const type* key, const type* value) {
    return &types_.emplace_back(type{type_kind::map, value, key});
}
const type* type_store::type_of(const type* t) { return &types_.emplace_back(type{type_kind::type, t}); }
const type* type_store::message(const message_desc* m) {
    return &types_.emplace_back(type{type_kind::message, nullptr, nullptr, m});
}
const type* type_store::wrapper(const type* primitive) {
    return &types_.emplace_back(type{type_kind::wrapper, primitive});
}

std::string format_type(const type* t) {
    switch (t->kind) {
        case type_kind::dyn: return "dyn";
        case type_kind::error: return "*error*";
        case type_kind::null_type: return "null_type";
        case type_kind::bool_: return "bool";
        case type_kind::int_: return "int";
        case type_kind::uint_: return "uint";
        case type_kind::double_: return "double";
        case type_kind::string_: return "string";
        case type_kind::bytes_: return "bytes";
        case type_kind::timestamp: return "google.protobuf.Timestamp";
        case type_kind::duration: return "google.protobuf.Duration";
        case type_kind::list: return "list(" + format_type(t->elem) + ")";
        case type_kind::map: return "map(" + format_type(t->key) + ", " + format_type(t->elem) + ")";
        case type_kind::message: return std::string(t->message->full_name);
        case type_kind::type: return t->elem ? "type(" + format_type(t->elem) + ")" : "type";
        case type_kind::wrapper: return "wrapper(" + format_type(t->elem) + ")";
        case type_kind::param: return t->param == 0 ? "A" : "B";
    }
    return "?";
}

bool same_type(const type* x, const type* y) {
    if (x == y) return true;
    if (x->kind != y->kind) return false;
    switch (x->kind) {
        case type_kind::list:
        case type_kind::type:
        case type_kind::wrapper:
            if (!x->elem || !y->elem) return x->elem == y->elem;
            return same_type(x->elem, y->elem);
        case type_kind::map: return same_type(x->key, y->key) && same_type(x->elem, y->elem);
        case type_kind::message: return x->message == y->message;
        case type_kind::param: return x->param == y->param;
        default: return true;
    }
}

namespace {

bool is_dyn_or_error(const type* t) { return t->kind == type_kind::dyn || t->kind == type_kind::error; }

bool null_fits(const type* t) {
    switch (t->kind) {
        case type_kind::null_type:
        case type_kind::message:
        case type_kind::wrapper:
        case type_kind::timestamp:
        case type_kind::duration:
            return true;
        default: return false;
    }
}

bool is_primitive(type_kind k) {
    return k == type_kind::bool_ || k == type_kind::int_ || k == type_kind::uint_ || k == type_kind::double_ ||
           k == type_kind::string_ || k == type_kind::bytes_;
}

// Does the parameter occur inside t? (A type may not be bound to something containing itself.)
bool occurs(int param, const type* t, bindings& b) {
    if (!t) return false;
    if (t->kind == type_kind::param) {
        if (t->param == param) return true;
        const type* bound = b.slot(t->param);
        return bound && occurs(param, bound, b);
    }
    return occurs(param, t->elem, b) || occurs(param, t->key, b);
}

// The more general of two mutually fitting types: dyn wins, then a wrapper over its primitive.
const type* more_general(const type* x, const type* y) {
    if (is_dyn_or_error(x)) return x;
    if (is_dyn_or_error(y)) return y;
    if (y->kind == type_kind::wrapper || y->kind == type_kind::null_type) return x->kind == type_kind::null_type ? y : x;
    return x;
}

}  // namespace

bool is_assignable(const type* expected, const type* actual, bindings& b) {
    if (expected->kind == type_kind::param) {
        const type*& slot = b.slot(expected->param);
        if (!slot) {
            if (occurs(expected->param, actual, b)) return false;
            slot = actual;
            return true;
        }
        if (slot == actual) return true;
        bindings probe = b;
        if (is_assignable(slot, actual, probe)) {
            b = probe;
            // Widen the binding when the new type is the more general one (int then dyn -> dyn).
            if (is_dyn_or_error(actual) || (slot->kind == type_kind::null_type && null_fits(actual)))
                b.slot(expected->param) = actual;
            return true;
        }
        probe = b;
        if (is_assignable(actual, slot, probe)) {
            b = probe;
            b.slot(expected->param) = more_general(actual, slot);
            return true;
        }
        return false;
    }
    if (actual->kind == type_kind::param) {
        const type* bound = b.slot(actual->param);
        if (bound) return is_assignable(expected, bound, b);
        b.slot(actual->param) = expected;
        return true;
    }
    if (is_dyn_or_error(expected) || is_dyn_or_error(actual)) return true;
    if (actual->kind == type_kind::null_type) return null_fits(expected);
    if (expected->kind == type_kind::null_type) return null_fits(actual);
    if (expected->kind == type_kind::wrapper) {
        if (actual->kind == type_kind::wrapper) return is_assignable(expected->elem, actual->elem, b);
        return is_primitive(actual->kind) && actual->kind == expected->elem->kind;
    }
    if (actual->kind == type_kind::wrapper) return is_primitive(expected->kind) && expected->kind == actual->elem->kind;
    if (expected->kind != actual->kind) return false;
    switch (expected->kind) {
        case type_kind::list: return is_assignable(expected->elem, actual->elem, b);
        case type_kind::map: return is_assignable(expected->key, actual->key, b) && is_assignable(expected->elem, actual->elem, b);
        case type_kind::type:
            if (!expected->elem || !actual->elem) return true;
            return is_assignable(expected->elem, actual->elem, b);
        case type_kind::message: return expected->message == actual->message;
        default: return true;
    }
}

const type* substitute(const type* t, bindings& b, type_store& store) {
    switch (t->kind) {
        case type_kind::param: {
            const type* bound = b.slot(t->param);
            return bound ? substitute(bound, b, store) : &types::dyn;
        }
        case type_kind::list: {
            const type* e = substitute(t->elem, b, store);
            return e == t->elem ? t : store.list_of(e);
        }
        case type_kind::map: {
            const type* k = substitute(t->key, b, store);
            const type* v = substitute(t->elem, b, store);
            return k == t->key && v == t->elem ? t : store.map_of(k, v);
        }
        case type_kind::type: {
            if (!t->elem) return t;
            const type* e = substitute(t->elem, b, store);
            return e == t->elem ? t : store.type_of(e);
        }
        default: return t;
    }
}

}  // namespace flowgrep::cel
