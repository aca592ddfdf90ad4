// parse_command_line: scans the arguments with pflag's syntax, applies each flag's record to the
// state in command-line order (filter flags reach the filter builder as they come), and then runs
// hubble observe's pre-run and request checks in hubble's order.
#include "cli/command_line.h"

#include <algorithm>

#include "cli/commands.h"
#include "cli/exporter_config.h"
#include "cli/flag_state.h"
#include "cli/help.h"
#include "cli/option_table.h"
#include "cli/pflag_scan.h"
#include "filter/filter_json.h"
#include "go/strconv.h"
#include "text/ascii.h"
#include "text/suggest.h"

namespace flowgrep {

namespace {

// --time-format names are matched in any case; anything else means StampMilli.
std::string canonical_time_format(std::string_view value) {
    std::string wanted = to_ascii_lower(value);
    for (const auto& name : find_long_option("time-format")->choices)
        if (to_ascii_lower(name) == wanted) return name;
    return "StampMilli";
}

color_mode parse_color(std::string_view value) {
    std::string v = to_ascii_lower(value);
    if (v == "always") return color_mode::always;
    if (v == "never") return color_mode::never;
    return color_mode::auto_;
}

// --aggregate-by prints a table or JSON rows. A compact or dict output from a setting means the
// table; written on the command line it is a contradiction. Nothing is left to count with --quiet,
// --count already is a count, and a field mask has no flows to cut.
void check_aggregation(const scanned_args& scanned, const flag_state& v, options& o) {
    if (!o.output.aggregate.active()) {
        if (o.output.aggregate.top > 0) throw usage_error("--top needs --aggregate-by");
        return;
    }
    const option_spec* output_flag = find_long_option("output");
    const bool output_given = std::any_of(scanned.flags.begin(), scanned.flags.end(),
                                          [&](const flag_use& use) { return use.spec == output_flag; });
    if (output_given && (o.output.format == output_format::compact || o.output.format == output_format::dict))
        throw combination_error(v, v.output + " output format is not compatible with --aggregate-by (it prints a "
                                   "table, or JSON rows with -o json)");
    if (!o.output.field_mask.empty()) throw combination_error(v, "cannot set both --aggregate-by and --field-mask");
    if (o.run.count) throw combination_error(v, "cannot set both --aggregate-by and --count");
    if (o.run.quiet) throw combination_error(v, "cannot set both --aggregate-by and --quiet");
    o.output.aggregate.format = o.output.format == output_format::json ? aggregate_format::json : aggregate_format::table;
}

// --exporter-config: the exporter's filters narrowed by the command line's, never widened. Its
// denylist joins the deny list (a flow either drops is dropped). Its allowlist becomes the allow
// list when the flags gave none, and is otherwise kept apart (also_allow), because a flow must then
// match both: Hubble's one allow list could only say "or". The field mask applies to JSON output,
// as it did in the exporter's file; end is exclusive, as the exporter stops once end has come.
void apply_exporter_config(const flag_state& v, options& o, std::vector<std::string>& warnings) {
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
    if (o.output.format == output_format::json) o.output.field_mask = std::move(fl.field_mask);
    if (fl.end_ns) {
        const int64_t last = *fl.end_ns == INT64_MIN ? INT64_MIN : *fl.end_ns - 1;
        if (!o.filter.until_ns || *o.filter.until_ns > last) o.filter.until_ns = last;
    }
}

// --help and --version work whatever the settings say, and --version stays instant.
bool asks_for_help_or_version(const scanned_args& scanned) {
    for (const auto& use : scanned.flags)
        if (use.spec->exits_at_once && go::parse_bool(use.value) == true) return true;
    return false;
}

parsed_command_line parse(const std::vector<std::string>& args, go::instant now, const environment& env) {
    const int64_t now_ns = go::to_unix_nanos(now);
    scanned_args scanned = scan_args(args);
    if (auto command = run_command(scanned, env, now_ns)) return std::move(*command);

    parsed_command_line result;
    flag_state v;
    options& o = v.opts;
    // 0. Settings, as flags written first; each was checked where it was written.
    if (!asks_for_help_or_version(scanned)) {
        loaded_settings settings = load_settings(choose_config_file(scanned.flags, env), env, now_ns);
        result.warnings = std::move(settings.warnings);
        for (const auto& use : setting_uses(settings)) {
            use.spec->apply(use, v);
            if (std::string w = unknown_value_warning(use); !w.empty())
                result.warnings.push_back("in the settings (see flowgrep config view): " + w);
            v.settings_used = true;
        }
    }
    // 1. Flags, left to right; the first error wins, a syntax error after them included.
    for (const auto& use : scanned.flags) {
        use.spec->apply(use, v);
        if (std::string w = unknown_value_warning(use); !w.empty()) result.warnings.push_back(std::move(w));
    }
    if (!scanned.error.empty()) throw usage_error(scanned.error);
    o.input.files = std::move(scanned.positionals);

    if (v.help || v.version) {
        result.exit_now = true;
        result.print = v.help ? help_text() : version_text();
        result.opts = std::move(o);
        return result;
    }

    // 2. Pre-run checks.
    if (v.filters.negation_pending()) throw usage_error("trailing --not found in the arguments");
    o.output.format = parse_output(v.output);
    if (o.output.format == output_format::table && o.input.follow)
        throw combination_error(v, "table output format is not compatible with follow mode");
    if (o.output.format != output_format::json && !o.output.field_mask.empty())
        throw combination_error(v, v.output + " output format is not compatible with custom field mask");
    check_aggregation(scanned, v, o);
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
    // Hubble 1.19 sends --field-mask to the server, which masks the flows it sends; flows read from a
    // file are printed whole (its conformance cases show it). flowgrep prints what hubble prints, and
    // says so, since a user who asks for a mask expects one.
    if (!o.output.field_mask.empty()) {
        result.warnings.push_back(
            "--field-mask is checked but not applied: like hubble observe --input-file, flowgrep prints "
            "flows from files whole (an --exporter-config fieldMask is applied)");
        o.output.field_mask.clear();
    }
    apply_exporter_config(v, o, result.warnings);

    // 4. --print-raw-filters prints before any input would be opened.
    if (o.print_raw_filters) {
        result.exit_now = true;
        try {
            result.print = format_raw_filters(o.filter.lists);
        } catch (const filter_json_error& e) {
            throw usage_error(e.what());
        }
        result.opts = std::move(o);
        return result;
    }

    // 5. What hubble checks when it opens the input.
    if (v.port_forward)
        throw usage_error("cannot use --port-forward: flowgrep reads flows from files, not from a Hubble server");
    if (v.last) v.last->spec->check(*v.last, now_ns);
    if (o.run.first == no_limit) o.run.first = 0;
    if (o.run.last == no_limit) o.run.last = 0;
    result.opts = std::move(o);
    return result;
}

}  // namespace

parsed_command_line parse_command_line(const std::vector<std::string>& args) {
    return parse(args, go::now(), process_environment());
}

parsed_command_line parse_command_line(const std::vector<std::string>& args, int64_t now_ns, const environment& env) {
    return parse(args, instant_of(now_ns), env);
}

std::string unknown_value_warning(const flag_use& use) {
    const option_spec& spec = *use.spec;
    if (spec.other_values_mean.empty()) return {};
    for (const auto& choice : spec.choices)
        if (ascii_equal_fold(choice, use.value)) return {};
    std::string known;
    for (const auto& choice : spec.choices) known += (known.empty() ? "" : ", ") + choice;
    return go::quote(use.value) + " is not one of the " + flag_display_name(spec) + " values (" + known +
           "); taken as " + std::string(spec.other_values_mean) + ", as hubble does" +
           did_you_mean(use.value, spec.choices);
}

void check_flag_value(const option_spec& spec, const std::string& value, int64_t now_ns) {
    const flag_use use{&spec, value};
    flag_state alone;
    spec.apply(use, alone);
    if (spec.check) spec.check(use, now_ns);
}

}  // namespace flowgrep
