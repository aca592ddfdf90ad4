// The config file as text: values that read back as written, and edits that leave every other line
// (comments, blank lines, other keys' layout) as it was.
#include <catch2/catch_test_macros.hpp>

#include <yaml-cpp/yaml.h>

#include "cli/command_line.h"
#include "cli/config_file.h"

using namespace flowgrep;

namespace {

config_document doc_of(const std::string& text) { return parse_config_text("c.yaml", text); }

}  // namespace

TEST_CASE("a written scalar reads back as the same string", "[cli][config]") {
    for (const std::string value :
         {"json", "", " lead", "trail ", "a: b", "a #b", "#c", "- x", "-x", "'q'", "\"dq\"", "it's", "~", "null",
          "true", "010", "app in (a,b)", "{\"verdict\":[\"DROPPED\"]}", "[a]", "x:", "tab\there", "line\nbreak",
          "back\\slash", "k8s:app=web", "*.example.com", "!app", "%x", "@x", "`x", "&x", "|x", ">x", "?x", ",x",
          "2+", "caf\xc3\xa9"}) {
        INFO(value);
        const std::string text = format_entry("k", {value}, false);
        YAML::Node n = YAML::Load(text);
        REQUIRE(n["k"].IsScalar());
        CHECK(n["k"].Scalar() == value);
        const config_document doc = doc_of(text);
        REQUIRE(doc.entries.size() == 1);
        CHECK(doc.entries[0].items[0].text == value);
    }
    CHECK(yaml_scalar("json") == "json");
    CHECK(yaml_scalar("app in (a,b)") == "app in (a,b)");
    CHECK(yaml_scalar("") == "''");
    CHECK(yaml_scalar("{\"a\":1}") == "'{\"a\":1}'");
    CHECK(yaml_scalar("a\nb") == "\"a\\nb\"");
}

TEST_CASE("entries, in order, with their lines", "[cli][config]") {
    const config_document doc = doc_of("# top\noutput: json  # mine\n\nnamespace:\n  - a\n  - b\nflow: [x, y]\nempty:\n");
    REQUIRE(doc.entries.size() == 4);
    CHECK(doc.entries[0].key == "output");
    CHECK(doc.entries[0].line == 2);
    CHECK(doc.entries[0].items[0].text == "json");
    CHECK(doc.entries[1].shape == config_entry::kind::list);
    CHECK(doc.entries[1].items[1].text == "b");
    CHECK(doc.entries[1].items[1].line == 6);
    CHECK(doc.entries[2].items.size() == 2);
    CHECK(doc.entries[3].shape == config_entry::kind::empty);
    CHECK(doc.editable_in_place);
}

TEST_CASE("set replaces only the key's lines, keeping comments and order", "[cli][config]") {
    const std::string text =
        "# my settings\n"
        "output: json  # for jq\n"
        "\n"
        "# standing filters\n"
        "namespace:\n"
        "  - a\n"
        "  # - b (not now)\n"
        "\n"
        "color: never\n"
        "# the end\n";
    CHECK(with_key_set(doc_of(text), "namespace", {"x", "y"}, true).text ==
          "# my settings\n"
          "output: json  # for jq\n"
          "\n"
          "# standing filters\n"
          "namespace:\n"
          "  - x\n"
          "  - y\n"
          "\n"
          "color: never\n"
          "# the end\n");
    CHECK(with_key_set(doc_of(text), "color", {"always"}, false).text ==
          "# my settings\n"
          "output: json  # for jq\n"
          "\n"
          "# standing filters\n"
          "namespace:\n"
          "  - a\n"
          "  # - b (not now)\n"
          "\n"
          "color: always\n"
          "# the end\n");
    // A new key goes at the end.
    CHECK(with_key_set(doc_of("output: json"), "color", {"never"}, false).text == "output: json\ncolor: never\n");
    CHECK(with_key_set(doc_of(""), "not", {}, true).text == "not: []\n");
    // A repeated key: the first is replaced, the others go.
    CHECK(with_key_set(doc_of("a: 1\nb: 2\na: 3\n"), "a", {"9"}, false).text == "a: 9\nb: 2\n");
}

TEST_CASE("reset removes the key's lines, or every key's; comments stay", "[cli][config]") {
    const std::string text = "# top\noutput: json\n# about colour\ncolor: never\nnamespace: [a,\n  b]\n# end\n";
    CHECK(without_key(doc_of(text), "output").text == "# top\n# about colour\ncolor: never\nnamespace: [a,\n  b]\n# end\n");
    CHECK(without_key(doc_of(text), "namespace").text == "# top\noutput: json\n# about colour\ncolor: never\n# end\n");
    CHECK(without_key(doc_of(text), "pod").text == text);
    CHECK(without_any_key(doc_of(text)).text == "# top\n# about colour\n# end\n");
}

TEST_CASE("a file that is not a block mapping is written anew, in order", "[cli][config]") {
    const config_document flow = doc_of("{output: json, color: never}  # flow style\n");
    CHECK(!flow.editable_in_place);
    const edited_text edited = with_key_set(flow, "output", {"dict"}, false);
    CHECK(!edited.comments_kept);
    CHECK(edited.text == "output: dict\ncolor: never\n");
    CHECK(without_key(flow, "color").text == "output: json\n");
    CHECK(!doc_of("output: json\n---\ncolor: never\n").editable_in_place);
    CHECK(doc_of("---\noutput: json\n").editable_in_place);
}
