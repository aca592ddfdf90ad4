// flowgrep_gen: prints one generated artifact (bash, zsh, fish or man) from the same functions the
// binary uses. The build's regen target and the drift test use it for the man page, which the
// flowgrep binary itself has no command for; the scripts come from `flowgrep completion SHELL`.
#include <cstdio>
#include <string>
#include <string_view>

#include "cli/completion_script.h"
#include "cli/man_page.h"

int main(int argc, char** argv) {
    const std::string_view what = argc == 2 ? argv[1] : "";
    std::string text;
    if (what == "man") {
        text = flowgrep::man_page();
    } else if (auto script = flowgrep::completion_script(what)) {
        text = std::move(*script);
    } else {
        std::fputs("usage: flowgrep_gen bash|zsh|fish|man\n", stderr);
        return 2;
    }
    return std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && std::fflush(stdout) == 0 ? 0 : 1;
}
