// The CEL front end: precedence and associativity (observed through evaluation), literals and
// their escapes, macros, reserved words, and where compile errors point (cel-spec langdef).
#include <catch2/catch_test_macros.hpp>

#include "cel_test_support.h"

using cel_test::compile_error;
using cel_test::run;

TEST_CASE("CEL precedence: ?: < || < && < relations < + - < * / % < unary < member", "[cel][parser]") {
    CHECK(run("1 + 2 * 3 == 7") == "true");
    CHECK(run("(1 + 2) * 3 == 9") == "true");
    CHECK(run("7 % 4 * 2 == 6") == "true");
    CHECK(run("true || false && false") == "true");
    CHECK(run("(true || false) && false") == "false");
    CHECK(run("!false && false") == "false");
    CHECK(run("!(false && false)") == "true");
    CHECK(run("-2 * 3 == -6") == "true");
    CHECK(run("1 < 2 == true") == "true");
    CHECK(run("2 in [1, 2] == true") == "true");
    CHECK(run("false ? 1 == 1 : 2 == 2") == "true");
    CHECK(run("true ? false : true || true") == "false");
    CHECK(run("false ? 1 : true ? 2 : 3") == "compile: got \"int\", wanted \"bool\" result type");
    CHECK(run("(false ? 1 : true ? 2 : 3) == 2") == "true");
    CHECK(run("[1, 2, 3][1 + 1] == 3") == "true");
    CHECK(run("-[1][0] == -1") == "true");
    CHECK(run("!!true") == "true");
    CHECK(run("--1 == 1") == "true");
}

TEST_CASE("CEL binary operators associate to the left", "[cel][parser]") {
    CHECK(run("10 - 2 - 3 == 5") == "true");
    CHECK(run("100 / 10 / 5 == 2") == "true");
    CHECK(run("17 % 7 % 2 == 1") == "true");
    CHECK(run("'a' + 'b' + 'c' == 'abc'") == "true");
    // (1 < 2) < 3 compares a bool with an int: no such overload.
    CHECK(compile_error("1 < 2 < 3").find("found no matching overload for '_<_' applied to '(bool, int)'") !=
          std::string::npos);
}

TEST_CASE("CEL numeric literals", "[cel][parser]") {
    CHECK(run("0x10 == 16") == "true");
    CHECK(run("0XFFu == 255u") == "true");
    CHECK(run("18446744073709551615u == 18446744073709551615u") == "true");
    CHECK(run("-9223372036854775808 < 0") == "true");
    CHECK(run("9223372036854775807 > 0") == "true");
    CHECK(compile_error("9223372036854775808 > 0").find("invalid int literal") != std::string::npos);
    CHECK(compile_error("18446744073709551616u > 0u").find("invalid uint literal") != std::string::npos);
    CHECK(run("1e3 == 1000.0") == "true");
    CHECK(run(".5 == 0.5") == "true");
    CHECK(run("1.5e-1 == 0.15") == "true");
    CHECK(run("type(1) == int && type(1u) == uint && type(1.0) == double") == "true");
}

TEST_CASE("CEL string and bytes literals with their escapes", "[cel][parser]") {
    CHECK(run(R"('a\'b' == "a'b")") == "true");
    CHECK(run(R"("\x41\101\u0041\U00000041" == 'AAAA')") == "true");
    CHECK(run(R"('\u00e9' == 'é' && size('é') == 1)") == "true");
    CHECK(run(R"('\xff' == '\u00ff')") == "true");                     // in strings \x names a code point
    CHECK(run(R"(size(b'\xff') == 1 && size(b'\377') == 1)") == "true");  // in bytes, a byte
    CHECK(run(R"(size(b'é') == 2)") == "true");
    CHECK(run(R"(r'\n' == '\\n' && R"\d" == "\\d")") == "true");
    CHECK(run(R"('\a\b\f\n\r\t\v\\\?\`' == "\x07\x08\x0c\x0a\x0d\x09\x0b\x5c?`")") == "true");
    CHECK(run("'''a\nb''' == \"a\\nb\"") == "true");
    CHECK(run(R"("""x"y""" == 'x"y')") == "true");
    CHECK(run(R"(br'\x' == b'\\x' && rb'a' == Rb'a')") == "true");
    CHECK(compile_error(R"(b'\u0041')").find("unicode escape sequence in a bytes literal") != std::string::npos);
    CHECK(compile_error(R"('\ud800')").find("invalid unicode code point") != std::string::npos);
    CHECK(compile_error(R"('\q')").find("invalid escape sequence") != std::string::npos);
    CHECK(compile_error("'abc").find("unterminated string literal") != std::string::npos);
    CHECK(compile_error("'a\nb'").find("unterminated string literal") != std::string::npos);
}

TEST_CASE("CEL literals of every type", "[cel][parser]") {
    CHECK(run("null == null") == "true");
    CHECK(run("[1, 2, 3,].size() == 3") == "true");
    CHECK(run("{'a': 1, 'b': 2,}['b'] == 2") == "true");
    CHECK(run("{}.size() == 0 && [].size() == 0") == "true");
    CHECK(run("// a comment\ntrue // another") == "true");
}

TEST_CASE("CEL compile errors name the position", "[cel][parser][errors]") {
    CHECK(compile_error("_flow.verdict == foo") ==
          "ERROR: <input>:1:18: undeclared reference to 'foo' (in container 'flow')\n"
          " | _flow.verdict == foo\n"
          " | .................^");
    CHECK(compile_error("1 +") == "ERROR: <input>:1:4: Syntax error: unexpected end of input\n | 1 +\n | ...^");
    CHECK(compile_error("true &&\n  1 = 2").starts_with("ERROR: <input>:2:5: Syntax error: token recognition error at: '='"));
    CHECK(compile_error("(1 == 1").find("missing ')' at end of input") != std::string::npos);
    CHECK(compile_error("if").starts_with("ERROR: <input>:1:1: reserved identifier: if"));
    CHECK(compile_error("_flow.source.namespace == 'a'") == "");  // reserved words are fine as fields
    CHECK(compile_error("flow.Endpoint{ID: 1u} == _flow.source").find("message construction is not supported") !=
          std::string::npos);
    CHECK(compile_error("'é' + x").starts_with("ERROR: <input>:1:7: undeclared reference to 'x'"));  // columns count code points
    CHECK(compile_error("has(_flow)").find("invalid argument to has() macro") != std::string::npos);
    CHECK(compile_error("[1].all(1, true)").find("argument must be a simple name") != std::string::npos);
    CHECK(compile_error("_flow.nope").starts_with("ERROR: <input>:1:7: undefined field 'nope'"));
    CHECK(compile_error("1.size()").find("found no matching overload for 'size' applied to 'int.()'") !=
          std::string::npos);
    CHECK(compile_error("'a'.startsWith(1)").find("found no matching overload for 'startsWith' applied to 'string.(int)'") !=
          std::string::npos);
    CHECK(compile_error("frobnicate(1)").find("undeclared reference to 'frobnicate'") != std::string::npos);
    CHECK(compile_error("1.all(x, true)").find("cannot be range of a comprehension") != std::string::npos);
    CHECK(compile_error("[1].all(x, x)").find("found no matching overload for '_&&_' applied to '(bool, int)'") !=
          std::string::npos);
    CHECK(compile_error(std::string(300, '(') + "true" + std::string(300, ')')).find("recursion limit") !=
          std::string::npos);
}

TEST_CASE("CEL result type must be bool, as Hubble checks it", "[cel][checker]") {
    CHECK(compile_error("_flow.verdict") == R"(got "int", wanted "bool" result type)");
    CHECK(compile_error("_flow.source") == R"(got "flow.Endpoint", wanted "bool" result type)");
    CHECK(compile_error("_flow.source.labels") == R"t(got "list(string)", wanted "bool" result type)t");
    CHECK(compile_error("_flow.is_reply") == R"t(got "wrapper(bool)", wanted "bool" result type)t");
    CHECK(compile_error("dyn(true)") == R"(got "dyn", wanted "bool" result type)");
    CHECK(compile_error("{'a': 1}") == R"t(got "map(string, int)", wanted "bool" result type)t");
    CHECK(compile_error("_flow.time") == R"(got "google.protobuf.Timestamp", wanted "bool" result type)");
}

TEST_CASE("CEL unsigned fields need u literals; ordering across kinds is declared", "[cel][checker]") {
    CHECK(compile_error("_flow.l4.TCP.destination_port == 80").find(
              "found no matching overload for '_==_' applied to '(uint, int)'") != std::string::npos);
    CHECK(compile_error("_flow.l4.TCP.destination_port == 80u") == "");
    CHECK(compile_error("_flow.l4.TCP.destination_port < 1024") == "");
    CHECK(compile_error("_flow.l4.TCP.destination_port + 1 > 0u").find("'_+_' applied to '(uint, int)'") !=
          std::string::npos);
    CHECK(compile_error("_flow.verdict == 2") == "");
    CHECK(compile_error("_flow.is_reply == null || _flow.is_reply == true") == "");
    CHECK(compile_error("[1, 'a'].size() == 2") == "");  // mixed list literals are list(dyn)
}
