// The flag behind end_input_on_interrupt(): set from the signal handler, read by the sources.
#include "input/interrupt.h"

#include <atomic>
#include <csignal>

#include <pthread.h>

namespace flowgrep {

namespace {

// Lock-free, so the handler may store to it (a plain std::atomic<bool> is on every target we build).
std::atomic<bool> interrupted{false};
std::atomic<bool> installed{false};
static_assert(std::atomic<bool>::is_always_lock_free);

// The first signal raises the flag; a second one, when the first did not end the run soon enough
// for the user, ends the process as the signal does by default. Done here rather than with
// SA_RESETHAND, which sanitizer runtimes that defer signals do not honour.
void raise_flag(int sig) {
    if (interrupted.exchange(true, std::memory_order_relaxed)) {
        std::signal(sig, SIG_DFL);
        std::raise(sig);
    }
}

sigset_t interrupt_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

}  // namespace

void end_input_on_interrupt() {
    struct sigaction action {};
    action.sa_handler = raise_flag;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a blocked read(2) must return and let the source look.
    action.sa_flags = 0;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    installed.store(true, std::memory_order_relaxed);
}

bool input_interrupted() { return interrupted.load(std::memory_order_relaxed); }

interrupts_held::interrupts_held() {
    if (!installed.load(std::memory_order_relaxed)) return;
    const sigset_t set = interrupt_signals();
    held_ = ::pthread_sigmask(SIG_BLOCK, &set, &before_) == 0;
}

interrupts_held::~interrupts_held() {
    // A signal that came while held is delivered here, to the handler (or, if it was the second,
    // as the default action).
    if (held_) ::pthread_sigmask(SIG_SETMASK, &before_, nullptr);
}

void accept_interrupts() {
    if (!installed.load(std::memory_order_relaxed)) return;
    const sigset_t set = interrupt_signals();
    ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

}  // namespace flowgrep
