// Terminal escaping: the escaper byte by byte (only ESC and CR change, Hubble's own colour sequences
// survive when colour is on), and each text format and stderr status line going through it.
#include <catch2/catch_test_macros.hpp>

#include <random>

#include "output/terminal_escape.h"
#include "print_test_util.h"

namespace flowgrep::test {

namespace {

std::string escaped(std::string text, bool keep_colors = false, size_t from = 0) {
    escape_terminal(text, from, keep_colors);
    return text;
}

// The rule written the slow, obvious way, to compare the in-place escaper against.
std::string reference_escape(std::string_view text, bool keep_colors) {
    static const std::string_view kept[] = {"\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[34m",
                                            "\x1b[35m", "\x1b[36m", "\x1b[0m"};
    std::string out;
    for (size_t i = 0; i < text.size();) {
        bool matched = false;
        if (keep_colors) {
            for (std::string_view k : kept) {
                if (text.substr(i).starts_with(k)) {
                    out.append(k);
                    i += k.size();
                    matched = true;
                    break;
                }
            }
        }
        if (matched) continue;
        if (text[i] == '\x1b')
            out.append("^[");
        else if (text[i] == '\r')
            out.append("\\r");
        else
            out.push_back(text[i]);
        ++i;
    }
    return out;
}

// Every C0 control byte and DEL, each between letters: "a\x00b a\x01b ... a\x7fb".
std::string all_controls() {
    std::string s;
    for (int c = 0; c <= 0x20; ++c) {
        const char byte = c == 0x20 ? '\x7f' : static_cast<char>(c);
        s.push_back('a');
        s.push_back(byte);
        s.push_back('b');
    }
    return s;
}

// The same with ESC as `^[` and CR as `\r`: what every text format must print for it.
std::string all_controls_escaped() {
    std::string s;
    for (int c = 0; c <= 0x20; ++c) {
        s.push_back('a');
        if (c == 0x1b)
            s.append("^[");
        else if (c == '\r')
            s.append("\\r");
        else
            s.push_back(c == 0x20 ? '\x7f' : static_cast<char>(c));
        s.push_back('b');
    }
    return s;
}

}  // namespace

TEST_CASE("escape_terminal: of all bytes only ESC and CR change", "[output][escape]") {
    for (int c = 0; c < 256; ++c) {
        const char byte = static_cast<char>(c);
        std::string want(1, byte);
        if (byte == '\x1b') want = "^[";
        if (byte == '\r') want = "\\r";
        CHECK(escaped(std::string("x") + byte + "y") == "x" + want + "y");
        CHECK(escaped(std::string("x") + byte + "y", true) == "x" + want + "y");
    }
    CHECK(escaped("\x9b[31m") == "\x9b[31m");  // the 8-bit CSI is left alone, as Hubble leaves it
    CHECK(escaped("\x1b\x1b\r\r") == "^[^[\\r\\r");
    CHECK(escaped("\r\n") == "\\r\n");
    CHECK(escaped("").empty());
    CHECK(escaped("plain text, nothing to do") == "plain text, nothing to do");
}

TEST_CASE("escape_terminal: the colourer's sequences are kept only when colour is on",
          "[output][escape][color]") {
    for (std::string_view seq : {"\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[34m", "\x1b[35m",
                                 "\x1b[36m", "\x1b[0m"}) {
        const std::string text = "<" + std::string(seq) + ">";
        CHECK(escaped(text, true) == text);
        CHECK(escaped(text, false) == "<^[" + std::string(seq.substr(1)) + ">");
    }
    // Anything else starting with ESC is escaped, colour or not.
    CHECK(escaped("\x1b[30m \x1b[37m \x1b[1m \x1b[m \x1b[39m", true) ==
          "^[[30m ^[[37m ^[[1m ^[[m ^[[39m");
    CHECK(escaped("\x1b[3", true) == "^[[3");  // cut short at the end
    CHECK(escaped("\x1b[0", true) == "^[[0");
    CHECK(escaped("\x1b", true) == "^[");
    CHECK(escaped("\x1b]0;title\x07", true) == "^[]0;title\x07");
    // A kept sequence is copied whole: the ESC inside "\x1b[3\x1b[31m" starts the second one.
    CHECK(escaped("\x1b[3\x1b[31m", true) == "^[[3\x1b[31m");
    CHECK(escaped("\x1b[31mred\r\x1b[0m", true) == "\x1b[31mred\\r\x1b[0m");
}

TEST_CASE("escape_terminal: only the text from `from` on", "[output][escape]") {
    CHECK(escaped("\x1b\r|\x1b\r", false, 3) == "\x1b\r|^[\\r");
    CHECK(escaped("\x1b\r", false, 2) == "\x1b\r");
    CHECK(escaped("\x1b\r", false, 7) == "\x1b\r");
}

TEST_CASE("escape_terminal: agrees with the rule on random text", "[output][escape]") {
    // Bytes drawn mostly from the ones that matter, so that sequences and near-sequences occur.
    const std::string_view alphabet = "\x1b\x1b\x1b\r[[[033123456789mmm ax\n\t";
    std::mt19937 rng(12345);
    std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1), length(0, 40);
    for (int round = 0; round < 5000; ++round) {
        std::string prefix = "keep\x1b\r";
        std::string text;
        for (size_t n = length(rng); n > 0; --n) text.push_back(alphabet[pick(rng)]);
        for (bool keep : {false, true}) {
            INFO("text: " << text << " keep: " << keep);
            CHECK(escaped(prefix + text, keep, prefix.size()) == prefix + reference_escape(text, keep));
        }
    }
}

TEST_CASE("escape_terminal: reuses the string's room", "[output][escape]") {
    std::string buffer;
    buffer.reserve(256);
    const char* data = buffer.data();
    for (int i = 0; i < 10; ++i) {
        buffer.clear();
        buffer.append("pod\x1b[31mred\r name");
        escape_terminal(buffer, 0, false);
        CHECK(buffer == "pod^[[31mred\\r name");
    }
    CHECK(buffer.data() == data);
}

// Every text format, fed a pod name holding every C0 control byte and DEL.

namespace {

// `name` must outlive the response: flows hold views.
response flow_with_controls(std::string_view name) {
    response r = tcp_flow("10.0.0.1", 1000, "10.0.0.2", 80);
    r.flow.time = at(jan_2_2024_03_04_05);
    r.flow.verdict = 1;
    r.flow.source.namespace_ = "ns";
    r.flow.source.pod_name = name;
    r.flow.summary = "TCP Flags: SYN";
    return r;
}

}  // namespace

TEST_CASE("compact escapes ESC and CR and nothing else", "[output][escape][compact]") {
    const std::string name = all_controls();
    CHECK(print_all(output_settings{}, flow_with_controls(name)).out ==
          "Jan  2 03:04:05.000: ns/" + all_controls_escaped() +
              ":1000 (unknown) <> 10.0.0.2:80 (unknown) UNKNOWN FORWARDED (TCP Flags: SYN)\n");
}

TEST_CASE("compact with colour keeps the colour codes, its own and the flow's",
          "[output][escape][compact][color]") {
    output_settings o;
    o.color = color_mode::always;
    const std::string name = all_controls() + "\x1b[31mred\x1b[0m\x1b[7m";
    CHECK(print_all(o, flow_with_controls(name)).out ==
          "Jan  2 03:04:05.000: \x1b[36mns/" + all_controls_escaped() +
              "\x1b[31mred\x1b[0m^[[7m:\x1b[33m1000\x1b[0m\x1b[0m \x1b[35m(unknown)\x1b[0m <> "
              "\x1b[36m10.0.0.2:\x1b[33m80\x1b[0m\x1b[0m \x1b[35m(unknown)\x1b[0m UNKNOWN "
              "\x1b[32mFORWARDED\x1b[0m (TCP Flags: SYN)\n");
}

TEST_CASE("dict escapes ESC and CR and nothing else", "[output][escape][dict]") {
    const output_settings dict = with_output(output_format::dict);
    const std::string name = all_controls();
    response r = flow_with_controls(name);
    r.flow.summary = "sum\x1b[32m\r";
    CHECK(print_all(dict, r).out ==
          "  TIMESTAMP: Jan  2 03:04:05.000\n"
          "     SOURCE: ns/" + all_controls_escaped() + ":1000\n"
          "DESTINATION: 10.0.0.2:80\n"
          "       TYPE: UNKNOWN\n"
          "    VERDICT: FORWARDED\n"
          "    SUMMARY: sum^[[32m\\r\n");
    output_settings color = dict;
    color.color = color_mode::always;
    CHECK(print_all(color, r).out.ends_with("    SUMMARY: sum\x1b[32m\\r\n"));
}

TEST_CASE("table escapes ESC and CR before aligning, so widths count the escaped text",
          "[output][escape][table]") {
    output_settings o = with_output(output_format::table);
    o.color = color_mode::always;  // never colours a table, and keeps none of the flow's codes
    response a = flow_with_controls("\x1b[31m\r");
    response b = flow_with_controls("plain");
    CHECK(print_all(o, a, b).out ==
          "TIMESTAMP             SOURCE             DESTINATION   TYPE      VERDICT     SUMMARY\n"
          "Jan  2 03:04:05.000   ns/^[[31m\\r:1000   10.0.0.2:80   UNKNOWN   FORWARDED   TCP Flags: SYN\n"
          "Jan  2 03:04:05.000   ns/plain:1000      10.0.0.2:80   UNKNOWN   FORWARDED   TCP Flags: SYN\n");
    // Tab, line feed, vertical tab and form feed end cells and lines, in Go's tabwriter as here;
    // every other control byte is one column of the cell.
    auto cell_safe = [](std::string s) {
        std::erase_if(s, [](char c) { return c == '\t' || c == '\n' || c == '\v' || c == '\f'; });
        return s;
    };
    const std::string name = cell_safe(all_controls());
    const std::string want = "ns/" + cell_safe(all_controls_escaped()) + ":1000";
    const std::string out = print_all(with_output(output_format::table), flow_with_controls(name)).out;
    CHECK(out.find("   " + want + "   10.0.0.2:80   ") != std::string::npos);
    // The column is as wide as the escaped text: the header's SOURCE is padded to it.
    CHECK(out.find("SOURCE" + std::string(want.size() + 3 - 6, ' ') + "DESTINATION") != std::string::npos);
}

TEST_CASE("lost events escape the node name in dict and table", "[output][escape][lost]") {
    response r;
    r.kind = response_kind::lost_events;
    r.node_name = "node\x1b\r";
    r.lost_events.source = 1;
    output_settings o = with_output(output_format::dict);
    o.print_node_name = true;
    CHECK(print_all(o, r).out.find("       NODE: node^[\\r\n") != std::string::npos);
    o.format = output_format::table;
    CHECK(print_all(o, r).out.find("   node^[\\r   ") != std::string::npos);
}

TEST_CASE("node status on stderr is escaped in every text format, JSON is not",
          "[output][escape][node_status]") {
    response r;
    r.kind = response_kind::node_status;
    r.node_name = "relay\r";
    r.time = at(jan_2_2024_03_04_05);
    r.node_status.state_change = 2;  // unavailable
    r.node_status.node_names = {"n\x1b[31m1"};
    r.line = "{\"node_status\":{}}";
    CHECK(print_all(output_settings{}, r).err ==
          "Jan  2 03:04:05.000 [relay\\r]: 1 nodes are unavailable: n^[[31m1\n");
    output_settings color;
    color.color = color_mode::always;
    CHECK(print_all(color, r).err == "Jan  2 03:04:05.000 [relay\\r]: 1 nodes are unavailable: n\x1b[31m1\n");
    CHECK(print_all(with_output(output_format::table), r).err ==
          "Jan  2 03:04:05.000 [relay\\r]: 1 nodes are unavailable: n^[[31m1\n");
    CHECK(print_all(with_output(output_format::dict), r).err ==
          "  TIMESTAMP: Jan  2 03:04:05.000\n"
          "      STATE: NODE_UNAVAILABLE\n"
          "      NODES: n^[[31m1\n"
          "    MESSAGE: N/A\n");
    CHECK(print_all(with_output(output_format::json), r).err == "{\"node_status\":{}}\n");
}

TEST_CASE("JSON output is never escaped", "[output][escape][json]") {
    response r = flow_with_controls("x");
    r.line = "{\"flow\":{\"source\":{\"pod_name\":\"\x1b\r\"}}}";
    CHECK(print_all(with_output(output_format::json), r).out == std::string(r.line) + "\n");
}

}  // namespace flowgrep::test
