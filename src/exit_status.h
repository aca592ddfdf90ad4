// flowgrep's exit statuses, in one place (the man page and README list the same).
#pragma once

namespace flowgrep {

enum class exit_status : int {
    ok = 0,        // ran to the end; matching nothing is still 0, as with hubble observe
    no_match = 1,  // --quiet / --count found no matching flow, as grep does
    error = 2,     // a usage error, a bad filter, a file that could not be read, a bad line under --strict
};

// What each status means, as the man page's EXIT STATUS section says it.
struct exit_status_doc {
    exit_status status;
    const char* meaning;
};

inline constexpr exit_status_doc exit_status_docs[] = {
    {exit_status::ok,
     "flowgrep read its input to the end. Matching no flow at all is still success, as with hubble observe, "
     "and so is skipping bad input lines (each gets a warning on standard error). With --quiet: a flow "
     "matched. With --count: the count is not 0."},
    {exit_status::no_match,
     "With --quiet or --count: no flow matched, as grep uses it."},
    {exit_status::error,
     "A usage error (an unknown flag, a bad value, a conflict between flags), a filter that does not "
     "compile, a file that could not be read or that has lines but not one Hubble record among them (the "
     "other files are still read), a file that another program truncated while flowgrep read it (that "
     "ends the run), or with --strict a bad input line (reading stops there). The message on standard error says which. With --quiet, a "
     "flow that matched still means 0."},
};

// flowgrep catches no signal (SIGBUS from a truncated mapped file aside: input/mapped_file.h) but
// when its input is a follow or standard input: SIGPIPE (the reader of its output went away, as
// with | head), SIGINT and SIGTERM end it at once and quietly, and the shell reports 128 + the
// signal's number. Under --follow and on standard input (a live pipe has no
// end of its own), SIGINT and SIGTERM end the input instead (input/interrupt.h): what is due at the
// end is printed and the status is that of a run to the end.
inline constexpr const char* exit_status_signal_note =
    "When the program reading flowgrep's output exits early (| head), flowgrep ends at once and quietly, "
    "killed by SIGPIPE as cat and grep are: the shell reports 141. Reading FILEs, SIGINT and SIGTERM "
    "also end it at once (130, 143). Under --follow and when reading standard input (hubble observe "
    "--follow | flowgrep -c), they end the input instead: what was read is printed, and so is what is "
    "due at the end (the --last lines, the --aggregate-by table, the --count), and the status is that of "
    "a run to the end (0, or 1 when --quiet or --count found nothing). A second SIGINT ends it at once.";

}  // namespace flowgrep
