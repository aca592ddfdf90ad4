// The flag behind end_input_on_interrupt(): set from the signal handler, read by the sources.
#include "input/interrupt.h"

#include <atomic>
#include <csignal>

namespace flowgrep {

namespace {

// Lock-free, so the handler may store to it (a plain std::atomic<bool> is on every target we build).
std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

void raise_flag(int) { interrupted.store(true, std::memory_order_relaxed); }

}  // namespace

void end_input_on_interrupt() {
    struct sigaction action {};
    action.sa_handler = raise_flag;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a blocked read(2) must return and let the source look. SA_RESETHAND: a second
    // Ctrl-C, when the first did not end the run soon enough for the user, ends the process.
    action.sa_flags = SA_RESETHAND;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

bool input_interrupted() { return interrupted.load(std::memory_order_relaxed); }

}  // namespace flowgrep
