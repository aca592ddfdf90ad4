// One FlowFilter compiled: every set field turned into the data its predicate needs (parsed ports,
// prefixes, regexps, selectors). A field whose list is empty is unset and not checked. Compiling
// follows Hubble's field order so that the first error is the one Hubble reports.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "filter/cel_filter.h"
#include "filter/flow_filter.h"
#include "filter/ip_match.h"
#include "filter/label_selector.h"
#include "filter/name_pattern.h"
#include "filter/namespaced_name.h"
#include "flow/fields.h"
#include "flow/flow.h"

namespace flowgrep {

class compiled_filter {
public:
    // Throws filter_error with Hubble's message. Adds the flow parts matching reads to *needs.
    compiled_filter(const flow_filter& filter, field_set& needs);

    // Every set field matches (cheap fields are checked first). Runtime errors (CEL) are added to
    // `errors` when it is given.
    bool matches(const response& r, match_errors* errors) const;

private:
    using regexps = std::vector<std::unique_ptr<re2::RE2>>;

    // protocol: bit sets over l4_kind and l7_kind
    std::uint32_t l4_protocols_ = 0;
    std::uint32_t l7_protocols_ = 0;
    bool by_protocol_ = false;

    std::vector<std::string> uuid_;
    std::vector<filter_event_type> event_type_;
    std::vector<std::int32_t> verdict_;
    std::vector<std::int32_t> drop_reason_desc_;
    bool by_reply_ = false;
    bool reply_true_ = false;
    bool reply_false_ = false;
    bool by_encrypted_ = false;
    bool encrypted_true_ = false;
    bool encrypted_false_ = false;
    std::vector<std::uint32_t> source_identity_;
    std::vector<std::uint32_t> destination_identity_;
    std::optional<ip_filter> source_ip_;
    std::optional<ip_filter> destination_ip_;
    std::optional<ip_filter> source_ip_xlated_;
    std::optional<namespaced_name_filter> source_pod_;
    std::optional<namespaced_name_filter> destination_pod_;
    std::vector<filter_workload> source_workload_;
    std::vector<filter_workload> destination_workload_;
    std::optional<namespaced_name_filter> source_service_;
    std::optional<namespaced_name_filter> destination_service_;
    std::optional<fqdn_filter> source_fqdn_;
    std::optional<fqdn_filter> destination_fqdn_;
    regexps dns_query_;
    std::vector<label_selector> source_label_;
    std::vector<label_selector> destination_label_;
    std::vector<label_selector> node_labels_;
    std::vector<std::uint16_t> source_port_;
    std::vector<std::uint16_t> destination_port_;
    std::vector<std::string> http_status_exact_;
    std::vector<std::string> http_status_prefix_;
    bool by_http_status_ = false;
    std::vector<std::string> http_method_;
    regexps http_path_;
    regexps http_url_;
    std::vector<filter_http_header> http_header_;
    std::vector<std::uint16_t> tcp_flags_;
    std::optional<node_name_filter> node_name_;
    std::vector<std::string> source_cluster_name_;
    std::vector<std::string> destination_cluster_name_;
    std::vector<std::int32_t> ip_version_;
    std::vector<std::string> trace_id_;
    std::vector<std::int32_t> traffic_direction_;
    std::vector<filter_interface> interface_;
    std::vector<std::uint64_t> ip_trace_id_;
    std::unique_ptr<cel_filter> cel_;  // experimental.cel_expression, tried last: the dearest test
};

}  // namespace flowgrep
