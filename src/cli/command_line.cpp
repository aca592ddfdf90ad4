// parse_command_line: scans the arguments with pflag's syntax, replays them through CLI11 in
// command-line order, hands filter flags to the filter builder as they come, and then runs
// hubble observe's pre-run and request checks in hubble's order.
#include "cli/command_line.h"

#include <algorithm>

#include "cli/cli11_replay.h"
#include "cli/commands.h"
#include "cli/csv_record.h"
#include "cli/exporter_config.h"
#include "cli/filter_builder.h"
#include "cli/go_time.h"
#include "cli/help.h"
#include "cli/option_table.h"
#include "cli/pflag_scan.h"
#include "text/suggest.h"
#include "filter/filter_json.h"
#include "flow/flow_schema.h"
#include "go/strconv.h"

namespace flowgrep {

namespace {

constexpr uint64_t no_limit = UINT64_MAX;  // what hubble's --all turns into; --last/--first of it mean all
constexpr uint64_t max_last = 1'000'000;

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    return out;
}

// pflag's wording for a value its flag refuses.
usage_error invalid_argument(const flag_use& use, std::string_view detail) {
    return usage_error("invalid argument " + go::quote(use.value) + " for " +
                       go::quote(flag_display_name(*use.spec)) + " flag: " + std::string(detail));
}

// What the flags said, before the checks that come after parsing.
struct flag_values {
    filter_builder filters;
    std::string output = "compact";
    std::string time_format = "StampMilli";
    std::string color = "auto";
    std::string since, until;
    std::vector<std::string> allowlist, denylist;
    std::string exporter_config, exporter_name;
    bool help = false, version = false, port_forward = false;
    bool settings_used = false;  // settings came first: the user may not see every flag involved
};

// An error about a combination of flags, which a setting may be part of.
usage_error combination_error(const flag_values& v, std::string message) {
    if (v.settings_used) message += " (settings took part: see flowgrep config view)";
    return usage_error(std::move(message));
}

bool parse_switch(const flag_use& use) {
    if (auto b = go::parse_bool(use.value)) return *b;
    throw invalid_argument(use, go::parse_bool_message(use.value));
}

uint64_t parse_count(const flag_use& use) {
    auto n = go::parse_uint(use.value, 0, 64);
    if (n.error != go::num_error::none) throw invalid_argument(use, go::parse_uint_message(use.value, n.error));
    return n.value;
}

// One flag, as pflag's Set would handle it at this point of the command line.
void apply_flag(const flag_use& use, flag_values& v, options& o) {
    switch (use.spec->action) {
    case option_action::filter:
        try {
            v.filters.add(use.spec->name, use.value);
        } catch (const filter_flag_error& e) {
            if (std::string_view(e.what()).starts_with("filters --"))  // two flags that cannot be combined
                throw combination_error(v, invalid_argument(use, e.what()).what());
            throw invalid_argument(use, e.what());
        }
        break;
    case option_action::first: o.run.first = parse_count(use); break;
    case option_action::last: o.run.last = parse_count(use); break;
    case option_action::all: o.run.all = parse_switch(use); break;
    case option_action::follow: o.input.follow = parse_switch(use); break;
    case option_action::since: v.since = use.value; break;
    case option_action::until: v.until = use.value; break;
    case option_action::allowlist: v.allowlist.push_back(use.value); break;
    case option_action::denylist: v.denylist.push_back(use.value); break;
    case option_action::exporter_config: v.exporter_config = use.value; break;
    case option_action::exporter_name: v.exporter_name = use.value; break;
    case option_action::output: v.output = use.value; break;
    case option_action::time_format: v.time_format = use.value; break;
    case option_action::color: v.color = use.value; break;
    case option_action::numeric: o.output.numeric = parse_switch(use); break;
    case option_action::ip_translation: o.output.ip_translation = parse_switch(use); break;
    case option_action::print_node_name: o.output.print_node_name = parse_switch(use); break;
    case option_action::field_mask:
        try {
            for (auto& path : go::read_csv_record(use.value)) o.output.field_mask.push_back(std::move(path));
        } catch (const std::invalid_argument& e) {
            throw invalid_argument(use, e.what());
        }
        break;
    case option_action::use_default_field_masks: o.output.use_default_field_masks = parse_switch(use); break;
    case option_action::print_raw_filters: o.print_raw_filters = parse_switch(use); break;
    case option_action::silent_errors: o.output.silent_errors = parse_switch(use); break;
    case option_action::debug: o.output.debug = parse_switch(use); break;
    case option_action::port_forward: v.port_forward = parse_switch(use); break;
    case option_action::help: v.help = parse_switch(use); break;
    case option_action::version: v.version = parse_switch(use); break;
    case option_action::quiet: o.run.quiet = parse_switch(use); break;
    case option_action::count: o.run.count = parse_switch(use); break;
    case option_action::strict: o.run.strict = parse_switch(use); break;
    case option_action::line_buffered: o.run.line_buffered = parse_switch(use); break;
    case option_action::config: break;  // read before any flag is applied
    case option_action::aggregate_by:
        try {
            for (const auto& name : go::read_csv_record(use.value)) {
                for (const auto& key : o.output.aggregate.keys)
                    if (key.name == name) throw std::invalid_argument("key \"" + name + "\" is given twice");
                o.output.aggregate.keys.push_back(parse_aggregate_key(name));
            }
        } catch (const std::invalid_argument& e) {
            throw invalid_argument(use, e.what());
        }
        break;
    case option_action::top: o.output.aggregate.top = parse_count(use); break;
    }
}

// -o: hubble's exact, case-sensitive spellings.
output_format parse_output(std::string_view value) {
    if (value == "compact") return output_format::compact;
    if (value == "dict") return output_format::dict;
    if (value == "table" || value == "tab") return output_format::table;
    if (value == "json" || value == "JSON" || value == "jsonpb") return output_format::json;
    throw usage_error("invalid output format: " + std::string(value) +
                      did_you_mean(value, find_long_option("output")->choices));
}

// --time-format names are matched in any case; anything else means StampMilli.
std::string canonical_time_format(std::string_view value) {
    std::string wanted = lower_ascii(value);
    for (const auto& name : find_long_option("time-format")->choices)
        if (lower_ascii(name) == wanted) return name;
    return "StampMilli";
}

color_mode parse_color(std::string_view value) {
    std::string v = lower_ascii(value);
    if (v == "always") return color_mode::always;
    if (v == "never") return color_mode::never;
    return color_mode::auto_;
}

int64_t parse_time_bound(std::string_view which, const std::string& value, go::instant now) {
    auto t = go::parse_time(value, now);
    if (!t)
        throw usage_error("failed to parse the " + std::string(which) + " time: failed to convert " + value +
                          " to time");
    if (!go::valid_timestamp(*t))
        throw usage_error("failed to convert `" + std::string(which) + "` timestamp to proto: proto: timestamp (seconds:" +
                          std::to_string(t->seconds) + ") " +
                          (t->seconds < 0 ? "before 0001-01-01" : "after 9999-12-31"));
    return go::to_unix_nanos(*t);
}

void append_json_filters(std::string_view flag, const std::vector<std::string>& texts,
                         std::vector<flow_filter>& out) {
    for (const auto& text : texts) {
        try {
            for (auto& f : decode_filter_stream(text)) out.push_back(std::move(f));
        } catch (const filter_json_error& e) {
            throw usage_error("invalid --" + std::string(flag) + " flag: failed to decode '" + text + "': " + e.what());
        }
    }
}

// --aggregate-by prints a table or JSON rows. A compact or dict output from a setting means the
// table; written on the command line it is a contradiction. Nothing is left to count with --quiet,
// --count already is a count, and a field mask has no flows to cut.
void check_aggregation(const recorded_args& recorded, const flag_values& v, options& o) {
    if (!o.output.aggregate.active()) {
        if (o.output.aggregate.top > 0) throw usage_error("--top needs --aggregate-by");
        return;
    }
    const bool output_given = std::any_of(recorded.flags.begin(), recorded.flags.end(), [](const flag_use& use) {
        return use.spec->action == option_action::output;
    });
    if (output_given && (o.output.format == output_format::compact || o.output.format == output_format::dict))
        throw combination_error(v, v.output + " output format is not compatible with --aggregate-by (it prints a "
                                   "table, or JSON rows with -o json)");
    if (!o.output.field_mask.empty()) throw combination_error(v, "cannot set both --aggregate-by and --field-mask");
    if (o.run.count) throw combination_error(v, "cannot set both --aggregate-by and --count");
    if (o.run.quiet) throw combination_error(v, "cannot set both --aggregate-by and --quiet");
    o.output.aggregate.format = o.output.format == output_format::json ? aggregate_format::json : aggregate_format::table;
}

// What fieldmaskpb.New says of the first path that is not a Flow field, when hubble builds the
// request.
void check_field_mask(const std::vector<std::string>& paths) {
    const message_schema& flow = flow_schema();
    for (const auto& path : paths)
        if (!is_valid_field_path(flow, path))
            throw usage_error("failed to construct field mask: proto: invalid path " + go::quote(path) +
                              " for message " + go::quote(flow.full_name));
}

// --exporter-config: the exporter's filters narrowed by the command line's, never widened. Its
// denylist joins the deny list (a flow either drops is dropped). Its allowlist becomes the allow
// list when the flags gave none, and is otherwise kept apart (also_allow), because a flow must then
// match both: Hubble's one allow list could only say "or". The field mask applies to JSON output
// unless --field-mask gives one; end is exclusive, as the exporter stops once end has come.
void apply_exporter_config(const flag_values& v, options& o, std::vector<std::string>& warnings) {
    if (v.exporter_config.empty()) {
        if (!v.exporter_name.empty()) throw usage_error("--exporter-name needs --exporter-config");
        return;
    }
    exporter_flow_log fl = load_exporter_config(v.exporter_config, v.exporter_name);
    for (auto& w : fl.warnings) warnings.push_back(std::move(w));
    for (auto& f : fl.exclude) o.filter.lists.deny.push_back(std::move(f));
    if (o.filter.lists.allow.empty())
        o.filter.lists.allow = std::move(fl.include);
    else
        o.filter.lists.also_allow = std::move(fl.include);
    if (o.output.field_mask.empty() && o.output.format == output_format::json) o.output.field_mask = std::move(fl.field_mask);
    if (fl.end_ns) {
        const int64_t last = *fl.end_ns == INT64_MIN ? INT64_MIN : *fl.end_ns - 1;
        if (!o.filter.until_ns || *o.filter.until_ns > last) o.filter.until_ns = last;
    }
}

go::instant instant_of(int64_t ns) {
    int64_t secs = ns / 1'000'000'000, nanos = ns % 1'000'000'000;
    if (nanos < 0) {
        nanos += 1'000'000'000;
        --secs;
    }
    return {secs, static_cast<int32_t>(nanos)};
}

// --help and --version work whatever the settings say, and --version stays instant.
bool asks_for_help_or_version(const scanned_args& scanned) {
    for (const auto& use : scanned.flags) {
        auto action = use.spec->action;
        if ((action == option_action::help || action == option_action::version) && go::parse_bool(use.value) == true)
            return true;
    }
    return false;
}

parsed_command_line parse(const std::vector<std::string>& args, go::instant now, const environment& env) {
    scanned_args scanned = scan_args(args);
    if (auto command = run_command(scanned, env, go::to_unix_nanos(now))) return std::move(*command);
    recorded_args recorded;
    try {
        recorded = record_with_cli11(scanned);
    } catch (const std::runtime_error& e) {
        throw usage_error(e.what());
    }

    parsed_command_line result;
    options& o = result.opts;
    flag_values v;
    // 0. Settings, as flags written first; each was checked where it was written.
    if (!asks_for_help_or_version(scanned)) {
        loaded_settings settings = load_settings(choose_config_file(scanned.flags, env), env, go::to_unix_nanos(now));
        result.warnings = std::move(settings.warnings);
        for (const auto& use : setting_uses(settings)) {
            apply_flag(use, v, o);
            v.settings_used = true;
        }
    }
    // 1. Flags, left to right; the first error wins, a syntax error after them included.
    for (const auto& use : recorded.flags) apply_flag(use, v, o);
    if (!scanned.error.empty()) throw usage_error(scanned.error);
    o.input.files = std::move(recorded.files);

    if (v.help || v.version) {
        result.exit_now = true;
        result.print = v.help ? help_text() : version_text();
        return result;
    }

    // 2. Pre-run checks.
    if (v.filters.negation_pending()) throw usage_error("trailing --not found in the arguments");
    o.output.format = parse_output(v.output);
    if (o.output.format == output_format::table && o.input.follow)
        throw combination_error(v, "table output format is not compatible with follow mode");
    if (o.output.format != output_format::json && !o.output.field_mask.empty())
        throw combination_error(v, v.output + " output format is not compatible with custom field mask");
    check_aggregation(recorded, v, o);
    o.output.time_format = canonical_time_format(v.time_format);
    o.output.color = parse_color(v.color);
    if (o.output.numeric) o.output.ip_translation = false;

    // 3. The request: selectors, time bounds, filters.
    if (o.run.first > 0 && o.run.last > 0) throw combination_error(v, "cannot set both --first and --last");
    if (o.run.first > 0 && o.run.all) throw combination_error(v, "cannot set both --first and --all");
    if (o.run.first > 0 && o.input.follow) throw combination_error(v, "cannot set both --first and --follow");
    if (o.run.last > 0 && o.run.all) throw combination_error(v, "cannot set both --last and --all");
    if (o.run.quiet && o.run.count) throw combination_error(v, "cannot set both --quiet and --count");
    if (!v.since.empty()) o.filter.since_ns = parse_time_bound("since", v.since, now);
    if (!v.until.empty() && !o.input.follow) o.filter.until_ns = parse_time_bound("until", v.until, now);

    o.filter.lists = v.filters.build();
    append_json_filters("allowlist", v.allowlist, o.filter.lists.allow);
    append_json_filters("denylist", v.denylist, o.filter.lists.deny);
    check_field_mask(o.output.field_mask);
    apply_exporter_config(v, o, result.warnings);

    // 4. --print-raw-filters prints before any input would be opened.
    if (o.print_raw_filters) {
        result.exit_now = true;
        try {
            result.print = format_raw_filters(o.filter.lists);
        } catch (const filter_json_error& e) {
            throw usage_error(e.what());
        }
        return result;
    }

    // 5. What hubble checks when it opens the input.
    if (v.port_forward)
        throw usage_error("cannot use --port-forward: flowgrep reads flows from files, not from a Hubble server");
    if (o.run.first == 0 && o.run.last != no_limit && o.run.last > max_last)
        throw usage_error("--last must be <= 1_000_000, got " + std::to_string(o.run.last));
    if (o.run.first == no_limit) o.run.first = 0;
    if (o.run.last == no_limit) o.run.last = 0;
    return result;
}

}  // namespace

parsed_command_line parse_command_line(const std::vector<std::string>& args) {
    return parse(args, go::now(), process_environment());
}

parsed_command_line parse_command_line(const std::vector<std::string>& args, int64_t now_ns, const environment& env) {
    return parse(args, instant_of(now_ns), env);
}

void check_flag_value(const option_spec& spec, const std::string& value, int64_t now_ns) {
    const flag_use use{&spec, value};
    switch (spec.action) {
    case option_action::filter: {
        filter_builder alone;
        try {
            alone.add(spec.name, value);
        } catch (const filter_flag_error& e) {
            throw invalid_argument(use, e.what());
        }
        break;
    }
    case option_action::since:
    case option_action::until:
        if (!value.empty()) parse_time_bound(spec.name, value, instant_of(now_ns));
        break;
    case option_action::last:
        if (uint64_t n = parse_count(use); n != no_limit && n > max_last)
            throw usage_error("--last must be <= 1_000_000, got " + std::to_string(n));
        break;
    case option_action::first: parse_count(use); break;
    case option_action::allowlist:
    case option_action::denylist: {
        std::vector<flow_filter> ignored;
        append_json_filters(spec.name, {value}, ignored);
        break;
    }
    case option_action::output: parse_output(value); break;
    case option_action::field_mask: {
        options o;
        flag_values v;
        apply_flag(use, v, o);
        check_field_mask(o.output.field_mask);
        break;
    }
    case option_action::aggregate_by: {
        options o;
        flag_values v;
        apply_flag(use, v, o);
        break;
    }
    case option_action::top: parse_count(use); break;
    case option_action::time_format:  // any name is taken, as by the flag (unknown ones mean StampMilli)
    case option_action::color:        // and unknown ones mean auto
    case option_action::config:
    case option_action::exporter_config:  // read when the command line is complete
    case option_action::exporter_name: break;
    default: parse_switch(use); break;
    }
}

}  // namespace flowgrep
