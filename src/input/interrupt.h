// Ending the input on SIGINT or SIGTERM instead of dying, for a run whose input has no end of its
// own (a followed file, a live pipe on standard input) and that still has something to print when
// it ends: the buffered output, a count, an aggregation table, the last N. Once the flag is up,
// every byte_source reports the end of its input at its next read.
#pragma once

#include <csignal>

namespace flowgrep {

// Installs handlers for SIGINT and SIGTERM that only raise the flag. They are installed without
// SA_RESTART, so a read(2) blocked on a pipe or terminal returns EINTR and the source sees the flag
// (one that lands in the instant between the source's look at the flag and its read(2) is seen only
// when that read returns); a followed file polls, and sees the flag within its poll interval. A
// second signal ends the process at once, as the signal does by default.
void end_input_on_interrupt();

// True once SIGINT or SIGTERM has arrived after end_input_on_interrupt().
bool input_interrupted();

// While one lives, SIGINT and SIGTERM are kept off the calling thread and the threads it starts,
// so that they land in the thread that calls accept_interrupts(): the one blocked in read(2), which
// must be the one woken. Does nothing unless end_input_on_interrupt() was called.
class interrupts_held {
public:
    interrupts_held();
    ~interrupts_held();
    interrupts_held(const interrupts_held&) = delete;
    interrupts_held& operator=(const interrupts_held&) = delete;

private:
    sigset_t before_;
    bool held_ = false;
};

// Lets SIGINT and SIGTERM reach the calling thread again (the reading thread, started while an
// interrupts_held lives).
void accept_interrupts();

}  // namespace flowgrep
