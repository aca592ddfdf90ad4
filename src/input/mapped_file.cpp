// mapped_file: mmap(2) of a whole file, and the SIGBUS handler that turns a truncated mapping into
// an error message. The handler may use only what is async-signal-safe, so each mapping's message is
// written out whole when it is mapped, and the handler finds it in a fixed table by the fault address.
#include "input/mapped_file.h"

#include <atomic>
#include <csignal>
#include <cstdint>
#include <mutex>

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exit_status.h"
#include "text/report.h"

namespace flowgrep {

namespace {

// Blocks in flight hold a few mappings at once (the reader's ring is a handful of blocks), so a small
// table is plenty; a mapping that finds it full still works, its SIGBUS just ends without a name.
struct live_mapping {
    std::atomic<bool> used{false};
    std::atomic<uintptr_t> begin{0};
    std::atomic<uintptr_t> end{0};
    std::atomic<const std::string*> message{nullptr};
};
constexpr int table_size = 64;
live_mapping table[table_size];

// What the handler writes when the fault is in none of the mappings it knows: better than silence.
constexpr char unknown_message[] = "flowgrep: error: an input file shrank while it was read (truncated by another program?)\n";

void write_all(const char* data, size_t size) {
    while (size > 0) {
        ssize_t n = ::write(2, data, size);
        if (n <= 0) return;
        data += n;
        size -= static_cast<size_t>(n);
    }
}

void on_sigbus(int sig, siginfo_t* info, void*) {
    const auto addr = reinterpret_cast<uintptr_t>(info->si_addr);
    for (auto& m : table) {
        if (!m.used.load(std::memory_order_acquire)) continue;
        if (addr < m.begin.load(std::memory_order_relaxed) || addr >= m.end.load(std::memory_order_relaxed)) continue;
        const std::string* message = m.message.load(std::memory_order_relaxed);
        write_all(message->data(), message->size());
        ::_exit(static_cast<int>(exit_status::error));
    }
    if (info->si_code == BUS_ADRERR) {
        // Not ours to name, but most likely still a file cut short under us.
        write_all(unknown_message, sizeof unknown_message - 1);
        ::_exit(static_cast<int>(exit_status::error));
    }
    std::signal(sig, SIG_DFL);  // anything else is a real fault: die of it as without a handler
    std::raise(sig);
}

void install_handler() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action {};
        action.sa_sigaction = on_sigbus;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_SIGINFO;
        ::sigaction(SIGBUS, &action, nullptr);
    });
}

int claim_slot(const char* data, size_t size, const std::string* message) {
    for (int i = 0; i < table_size; ++i) {
        bool expected = false;
        if (!table[i].used.compare_exchange_strong(expected, true, std::memory_order_acq_rel)) continue;
        // Claimed but not yet filled in: begin == end == 0 matches no address until the release.
        table[i].begin.store(reinterpret_cast<uintptr_t>(data), std::memory_order_relaxed);
        table[i].end.store(reinterpret_cast<uintptr_t>(data) + size, std::memory_order_relaxed);
        table[i].message.store(message, std::memory_order_release);
        return i;
    }
    return -1;
}

}  // namespace

std::shared_ptr<const mapped_file> mapped_file::map(int fd, std::string name) {
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) return nullptr;
    const auto size = static_cast<size_t>(st.st_size);
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) return nullptr;
    // Read front to back, once: let the kernel read ahead, and drop nothing early.
    ::madvise(data, size, MADV_SEQUENTIAL);
    install_handler();
    return std::shared_ptr<const mapped_file>(new mapped_file(static_cast<const char*>(data), size, std::move(name)));
}

mapped_file::mapped_file(const char* data, size_t size, std::string name) : data_(data), size_(size) {
    append_error_line(message_, name, "the file shrank while it was read (truncated by another program?)");
    slot_ = claim_slot(data_, size_, &message_);
}

void mapped_file::release(const char* at, size_t size) const {
    static const auto page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
    // Whole pages only, and only those inside the range: a page shared with the next block stays.
    const uintptr_t begin = (reinterpret_cast<uintptr_t>(at) + page - 1) & ~(page - 1);
    const uintptr_t end = (reinterpret_cast<uintptr_t>(at) + size) & ~(page - 1);
    if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
}

mapped_file::~mapped_file() {
    if (slot_ >= 0) {
        table[slot_].begin.store(0, std::memory_order_relaxed);
        table[slot_].end.store(0, std::memory_order_relaxed);
        table[slot_].used.store(false, std::memory_order_release);
    }
    ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace flowgrep
