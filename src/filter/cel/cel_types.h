// CEL's static types as the checker sees them (int, uint, list(A), map(K, V), flow.Flow,
// wrapper(bool) ...), their cel-go spellings for error messages, and the assignability rule
// that overload resolution and type parameters are decided by.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace flowgrep {
struct message_info;
}

namespace flowgrep::cel {

using message_desc = flowgrep::message_info;

enum class type_kind : uint8_t {
    dyn,
    error,
    null_type,
    bool_,
    int_,
    uint_,
    double_,
    string_,
    bytes_,
    timestamp,
    duration,
    list,     // elem
    map,      // key, elem
    message,  // message
    type,     // elem: the type a type value denotes (dyn when unknown)
    wrapper,  // elem: the primitive a google.protobuf.*Value wraps; reads as that primitive or null
    param,    // a type parameter of an overload (A, B), bound while one call is resolved
};

struct type {
    type_kind kind = type_kind::dyn;
    const type* elem = nullptr;
    const type* key = nullptr;
    const message_desc* message = nullptr;
    int param = 0;
};

// Shared instances of the types without parameters.
namespace types {
extern const type dyn, error, null_type, bool_, int_, uint_, double_, string_, bytes_, timestamp, duration;
extern const type param_a, param_b;
extern const type list_of_a, map_of_a_b, list_of_dyn, map_of_dyn, type_of_dyn;
}  // namespace types

// Owns the parameterised types one compiled expression needs; their addresses stay fixed.
class type_store {
public:
    const type* list_of(const type* elem);
    const type* map_of(const type* key, const type* value);
    const type* type_of(const type* t);
    const type* message(const message_desc* m);
    const type* wrapper(const type* primitive);

private:
    std::deque<type> types_;
};

// How cel-go prints a type: "int", "list(string)", "map(string, int)", "flow.Flow", "wrapper(bool)".
std::string format_type(const type* t);

// Type parameter bindings while one overload is tried (A and B).
struct bindings {
    const type* a = nullptr;
    const type* b = nullptr;
    const type*& slot(int param) { return param == 0 ? a : b; }
};

// Whether a value of type `actual` may be passed where `expected` is declared, binding the
// expected side's type parameters as it goes (cel-go's isAssignable).
bool is_assignable(const type* expected, const type* actual, bindings& b);
// `t` with its bound parameters replaced (unbound ones become dyn).
const type* substitute(const type* t, bindings& b, type_store& store);
// Whether two types are the same type.
bool same_type(const type* x, const type* y);

}  // namespace flowgrep::cel
