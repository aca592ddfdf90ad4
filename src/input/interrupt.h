// Ending the input on SIGINT or SIGTERM instead of dying, for a run that still has something to
// print when the input ends (an aggregation table under --follow). Once the flag is up, every
// byte_source reports the end of its input at its next read.
#pragma once

namespace flowgrep {

// Installs handlers for SIGINT and SIGTERM that only raise the flag. They are installed without
// SA_RESTART, so a read(2) blocked on a pipe or terminal returns EINTR and the source sees the flag.
// That holds when the signal lands in the reading thread (the only thread, in follow mode), and not
// in the instant between a source's look at the flag and its read(2); a followed file polls, and
// sees the flag within its poll interval whatever thread took the signal.
void end_input_on_interrupt();

// True once SIGINT or SIGTERM has arrived after end_input_on_interrupt().
bool input_interrupted();

}  // namespace flowgrep
