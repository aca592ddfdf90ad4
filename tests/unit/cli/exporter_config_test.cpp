// Exporter configs: each shape found from the document, the flow log chosen by name, YAML filters
// read as Cilium reads them (through JSON), static filter strings with any separator, field masks
// as lists or strings, end, the errors, and how --exporter-config combines with the command line.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "cli/exporter_config.h"
#include "cli_test_support.h"
#include "filter/filter_json.h"

using namespace flowgrep;
using namespace flowgrep::test;

namespace {

exporter_flow_log parsed(const std::string& text, const std::string& name = "") {
    return parse_exporter_config("x.yaml", text, name);
}

std::string error_in(const std::string& text, const std::string& name = "") {
    try {
        parse_exporter_config("x.yaml", text, name);
    } catch (const usage_error& e) {
        return e.what();
    }
    return "<no error>";
}

// The filters as --print-raw-filters writes them, one per line.
std::string json_of(const std::vector<flow_filter>& filters) {
    std::string out;
    for (const auto& f : filters) out += encode_filter_json(f) + "\n";
    return out;
}

const std::string data = FLOWGREP_TEST_DATA;

}  // namespace

TEST_CASE("the dynamic exporter's file", "[cli][exporter]") {
    exporter_flow_log fl = parsed(R"(
flowLogs:
  - name: drops
    filePath: /var/log/drops.log
    fieldMask: [time, source.pod_name]
    includeFilters:
      - verdict: [DROPPED]
        sourcePod: ["default/"]
      - event_type: [{type: 1}]
    excludeFilters:
      - destination_port: ["53"]
    end: "2023-10-09T23:59:59-07:00"
)");
    CHECK(fl.name == "drops");
    CHECK(json_of(fl.include) ==
          "{\"source_pod\":[\"default/\"],\"verdict\":[\"DROPPED\"]}\n{\"event_type\":[{\"type\":1}]}\n");
    CHECK(json_of(fl.exclude) == "{\"destination_port\":[\"53\"]}\n");
    CHECK(fl.field_mask == std::vector<std::string>{"time", "source.pod_name"});
    REQUIRE(fl.end_ns);
    CHECK(*fl.end_ns == 1696921199LL * 1'000'000'000);
}

TEST_CASE("YAML scalars become the JSON Cilium would hand protojson", "[cli][exporter]") {
    // Plain yes/true are booleans, quoted ones strings; plain numbers are numbers (enums by number).
    CHECK(json_of(parsed("flowLogs:\n- name: a\n  includeFilters:\n  - reply: [yes]\n    verdict: [2]\n").include) ==
          "{\"verdict\":[\"DROPPED\"],\"reply\":[true]}\n");
    CHECK(json_of(parsed("flowLogs:\n- name: a\n  includeFilters:\n  - source_ip: ['10.0.0.1', \"::1\"]\n").include) ==
          "{\"source_ip\":[\"10.0.0.1\",\"::1\"]}\n");
    CHECK(error_in("flowLogs:\n- name: a\n  includeFilters:\n  - reply: ['yes']\n") ==
          "x.yaml:4: flow log \"a\": includeFilters: failed to decode '{\"reply\":[\"yes\"]}': proto: (line 1:11): "
          "invalid value for bool field reply: \"yes\"");
    CHECK(parsed("flowLogs:\n- name: a\n  includeFilters: ~\n  excludeFilters: []\n  fieldMask:\n").include.empty());
}

TEST_CASE("Helm values: the enabled exporters, or every one described", "[cli][exporter]") {
    const std::string both = R"(
hubble:
  export:
    static:
      enabled: true
      allowList: ['{"verdict":["DROPPED"]}']
      fieldMask: [time, verdict]
    dynamic:
      enabled: false
      config:
        content:
          - name: all
            filePath: /x
)";
    exporter_flow_log fl = parsed(both);
    CHECK(fl.name == "static");
    CHECK(json_of(fl.include) == "{\"verdict\":[\"DROPPED\"]}\n");
    CHECK(fl.field_mask == std::vector<std::string>{"time", "verdict"});
    std::string neither = both;
    neither.replace(neither.find("enabled: true"), 13, "enabled: false");
    CHECK(error_in(neither) == "x.yaml: 2 flow logs (static, all): choose one with --exporter-name");
    CHECK(parsed(neither, "all").include.empty());
    CHECK(error_in(neither, "none") == "x.yaml: no flow log named \"none\" (there are: static, all)");
}

TEST_CASE("static filter strings: spaces, commas or nothing between objects", "[cli][exporter]") {
    for (const char* list : {R"('{"verdict":["DROPPED"]} {"protocol":["udp"]}')",
                             R"('{"verdict":["DROPPED"]},{"protocol":["udp"]}')",
                             R"('{"verdict":["DROPPED"]}{"protocol":["udp"]}')"}) {
        INFO(list);
        exporter_flow_log fl =
            parsed(std::string("kind: ConfigMap\ndata:\n  hubble-export-allowlist: ") + list +
                   "\n  hubble-export-fieldmask: time, verdict  source.pod_name\n");
        CHECK(fl.name == "static");
        CHECK(json_of(fl.include) == "{\"verdict\":[\"DROPPED\"]}\n{\"protocol\":[\"udp\"]}\n");
        CHECK(fl.field_mask == std::vector<std::string>{"time", "verdict", "source.pod_name"});
    }
    CHECK(parsed("kind: ConfigMap\ndata:\n  hubble-export-allowlist: ''\n").include.empty());
}

TEST_CASE("a ConfigMap holding the dynamic exporter's file; errors count lines in the outer file", "[cli][exporter]") {
    const std::string cm = "kind: ConfigMap\ndata:\n  flowlogs.yaml: |\n    flowLogs:\n    - name: a\n"
                           "      includeFilters: [{bogus: 1}]\n";
    CHECK(error_in(cm) == "x.yaml:6: flow log \"a\": includeFilters: failed to decode '{\"bogus\":1}': proto: "
                          "(line 1:2): unknown field \"bogus\"");
}

TEST_CASE("exporter config errors", "[cli][exporter]") {
    CHECK(error_in("[1, 2]").starts_with("x.yaml:1: not a Hubble exporter config"));
    CHECK(error_in("flowLogs: [{filePath: /x}]") == "x.yaml:1: flow log without a name");
    CHECK(error_in("flowLogs:\n- name: a\n- name: a\n") == "x.yaml:3: flow log name \"a\" given twice");
    CHECK(error_in("flowLogs: []") == "x.yaml: no flow logs in the exporter config");
    CHECK(error_in("kind: ConfigMap\ndata:\n  other: x\n") ==
          "x.yaml:3: a ConfigMap without hubble-export-* keys or flowlogs.yaml");
    CHECK(error_in("flowLogs:\n- name: a\n  fieldMask: [source.podName]\n") ==
          "x.yaml:3: flow log \"a\": fieldMask: proto: invalid path \"source.podName\" for message \"flow.Flow\"");
    // A mistake in a flow log nobody chose stands in no one's way.
    CHECK(parsed("flowLogs:\n- name: a\n  includeFilters: [{bogus: 1}]\n- name: b\n", "b").name == "b");
}

TEST_CASE("exporter config on the command line: narrowed, never widened", "[cli][exporter]") {
    const std::string flowlogs = data + "/exporter/flowlogs.yaml";
    SECTION("alone, its filters are the lists") {
        options o = parse_ok({"--exporter-config", flowlogs});
        CHECK(json_of(o.filter.lists.allow) == "{\"destination_pod\":[\"bookinfo/\"]}\n{\"source_pod\":[\"bookinfo/\"]}\n");
        CHECK(json_of(o.filter.lists.deny) == "{\"source_ip\":[\"10.0.2.1\"]}\n");
        CHECK(o.filter.lists.also_allow.empty());
    }
    SECTION("with allow filters of its own, the command line's and the exporter's must both match") {
        options o = parse_ok({"--verdict", "DROPPED", "--exporter-config", flowlogs, "--not", "--protocol", "udp"});
        CHECK(json_of(o.filter.lists.allow) == "{\"verdict\":[\"DROPPED\"]}\n");
        CHECK(json_of(o.filter.lists.also_allow) ==
              "{\"destination_pod\":[\"bookinfo/\"]}\n{\"source_pod\":[\"bookinfo/\"]}\n");
        CHECK(json_of(o.filter.lists.deny) == "{\"protocol\":[\"udp\"]}\n{\"source_ip\":[\"10.0.2.1\"]}\n");
    }
    SECTION("end is an exclusive --until, and the earlier bound wins") {
        const std::string dyn = data + "/exporter/helm-dynamic.yaml";
        options o = parse_ok({"--exporter-config", dyn, "--exporter-name", "istio"});
        CHECK(o.filter.until_ns == 1623862333237321039LL - 1);
        o = parse_ok({"--exporter-config", dyn, "--exporter-name", "istio", "--until", "2021-06-16T16:52:13Z"});
        CHECK(o.filter.until_ns == 1623862333LL * 1'000'000'000);
        o = parse_ok({"--exporter-config", dyn, "--exporter-name", "istio", "-o", "json"});
        CHECK(o.output.field_mask == std::vector<std::string>{"time", "source.namespace", "destination.pod_name"});
        o = parse_ok({"--exporter-config", dyn, "--exporter-name", "istio"});
        CHECK(o.output.field_mask.empty());  // compact output: the whole flow
        // --field-mask is not applied to files, so it does not replace the exporter's either.
        o = parse_ok({"--exporter-config", dyn, "--exporter-name", "istio", "-o", "json", "--field-mask", "verdict"});
        CHECK(o.output.field_mask == std::vector<std::string>{"time", "source.namespace", "destination.pod_name"});
    }
    CHECK(error_of({"--exporter-name", "x"}) == "--exporter-name needs --exporter-config");
}

TEST_CASE("a ConfigMap with both the static exporter's keys and flowlogs.yaml", "[cli][exporter]") {
    const std::string cm = "kind: ConfigMap\ndata:\n  hubble-export-file-path: /var/run/x.log\n"
                           "  hubble-export-allowlist: '{\"verdict\":[\"DROPPED\"]}'\n"
                           "  flowlogs.yaml: |\n    flowLogs:\n    - name: all\n      filePath: /y\n";
    CHECK(error_in(cm) == "x.yaml: 2 flow logs (static, all): choose one with --exporter-name");
    CHECK(json_of(parsed(cm, "static").include) == "{\"verdict\":[\"DROPPED\"]}\n");
    CHECK(parsed(cm, "all").include.empty());
    // An empty file path turns the static exporter off, whatever its other keys say.
    const std::string off = "kind: ConfigMap\ndata:\n  hubble-export-file-path: ''\n"
                            "  hubble-export-file-max-size-mb: '10'\n  hubble-export-allowlist: ''\n"
                            "  flowlogs.yaml: |\n    flowLogs:\n    - name: all\n      filePath: /y\n";
    CHECK(parsed(off).name == "all");
}

TEST_CASE("an aggregating flow log is read with a warning", "[cli][exporter]") {
    exporter_flow_log fl =
        parsed("flowLogs:\n- name: agg\n  fieldAggregate: [source, verdict]\n  aggregationInterval: 30s\n");
    CHECK(fl.warnings ==
          std::vector<std::string>{"x.yaml: flow log \"agg\": fieldAggregate is not applied: flowgrep prints flows, "
                                   "not aggregates"});
    CHECK(parsed("flowLogs:\n- name: a\n  fieldAggregate: []\n").warnings.empty());
}

TEST_CASE("exporter filters take Hubble 1.19's ip_trace_id and encrypted", "[cli][exporter][v119]") {
    exporter_flow_log fl = parsed(R"(
flowLogs:
  - name: traced
    filePath: /var/log/traced.log
    includeFilters:
      - encrypted: [true]
      - ipTraceId: [18446744073709551615, "7"]
    excludeFilters:
      - ip_trace_id: ["4660"]
        encrypted: [false]
)");
    CHECK(json_of(fl.include) == "{\"encrypted\":[true]}\n{\"ip_trace_id\":[\"18446744073709551615\",\"7\"]}\n");
    CHECK(json_of(fl.exclude) == "{\"ip_trace_id\":[\"4660\"],\"encrypted\":[false]}\n");
}
