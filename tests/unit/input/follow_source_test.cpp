// Following a file: from the start, across rotation by rename and truncation, waiting for a file that
// does not exist yet; and the interrupt flag ending a followed file or a blocked pipe (in a child
// process, since the handlers and the flag are for the whole process).
#include <catch2/catch_test_macros.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "input/byte_source.h"
#include "input/interrupt.h"

using namespace flowgrep;

namespace {

std::string temp_dir() {
    char name[] = "/tmp/flowgrep-follow-XXXXXX";
    REQUIRE(mkdtemp(name) != nullptr);
    return name;
}

void append(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::app) << text;
}

std::string read_some(byte_source& source) {
    char buffer[256];
    ssize_t n = source.read(buffer, sizeof buffer);
    REQUIRE(n > 0);
    return std::string(buffer, static_cast<size_t>(n));
}

source_options following() {
    source_options options;
    options.follow = true;
    return options;
}

// Runs `body` in a child process that is sent `signal` after 300 ms; true when the child ended by
// itself with status 0 within 5 s.
template <typename Body>
bool child_ends_on(int signal, Body body) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) _exit(body());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ::kill(pid, signal);
    int status = 0;
    for (int i = 0; i < 50; ++i) {
        if (::waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) && WEXITSTATUS(status) == 0;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return false;
}

}  // namespace

TEST_CASE("follow: rotation by rename reads the old file to its end, then the new one from its start", "[input][follow]") {
    std::string dir = temp_dir(), path = dir + "/events.log";
    append(path, "a\n");
    std::string error;
    auto source = open_source(path, following(), error);
    REQUIRE(source);
    CHECK(source->name() == path);
    CHECK(read_some(*source) == "a\n");
    append(path, "b\n");
    CHECK(read_some(*source) == "b\n");

    // The writer rotates, and writes a last line into the old file after the new one exists.
    REQUIRE(std::rename(path.c_str(), (path + ".1").c_str()) == 0);
    append(path, "d\n");
    append(path + ".1", "c\n");
    CHECK(read_some(*source) == "c\n");
    CHECK(read_some(*source) == "d\n");

    // Truncated below what was read: start again at 0.
    append(path, "eeeeeeee\n");
    CHECK(read_some(*source) == "eeeeeeee\n");
    { std::ofstream(path, std::ios::binary | std::ios::trunc) << "f\n"; }
    CHECK(read_some(*source) == "f\n");
    std::remove((path + ".1").c_str());
    std::remove(path.c_str());
    ::rmdir(dir.c_str());
}

TEST_CASE("follow: a file that does not exist yet is waited for, and on_wait comes before each wait", "[input][follow]") {
    std::string dir = temp_dir(), path = dir + "/later.log";
    std::atomic<int> waits{0};
    std::string error;
    auto source = open_source(path, source_options{.follow = true, .on_wait = [&] { ++waits; }}, error);
    REQUIRE(source);
    std::thread writer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        append(path, "x\n");
    });
    CHECK(read_some(*source) == "x\n");
    writer.join();
    CHECK(waits == 1);  // once per quiet spell, not once per poll
    std::remove(path.c_str());
    ::rmdir(dir.c_str());
}

TEST_CASE("follow: a compressed last file is read to its end, not followed", "[input][follow]") {
    std::string dir = temp_dir(), path = dir + "/backup.log";
    append(path, std::string("\x1f\x8b", 2));  // the magic, then nothing: a truncated gzip file
    std::string error;
    auto source = open_source(path, following(), error);
    REQUIRE(source);
    char buffer[16];
    CHECK(source->read(buffer, sizeof buffer) == -1);
    CHECK(source->error() == "gzip data ends unexpectedly (truncated?) after 2 compressed bytes");
    std::remove(path.c_str());
    ::rmdir(dir.c_str());
}

TEST_CASE("interrupt: SIGINT ends a followed file that is waiting", "[input][interrupt]") {
    std::string dir = temp_dir(), path = dir + "/quiet.log";
    append(path, "a\n");
    CHECK(child_ends_on(SIGINT, [&] {
        end_input_on_interrupt();
        std::string error;
        auto source = open_source(path, following(), error);
        char buffer[16];
        if (!source || source->read(buffer, sizeof buffer) != 2) return 1;
        if (source->read(buffer, sizeof buffer) != 0) return 2;  // waits until the signal
        if (!input_interrupted()) return 3;
        // The sources after it are empty: not even the bytes looked at to detect gzip.
        auto next = open_source(path, source_options{}, error);
        return next && next->read(buffer, sizeof buffer) == 0 ? 0 : 4;
    }));
    std::remove(path.c_str());
    ::rmdir(dir.c_str());
}

TEST_CASE("interrupt: SIGTERM ends standard input blocked in read(2) on a pipe", "[input][interrupt]") {
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    REQUIRE(::write(pipe_fds[1], "xy\n", 3) == 3);  // something first, then a pipe that stays open and quiet
    CHECK(child_ends_on(SIGTERM, [&] {
        ::dup2(pipe_fds[0], 0);
        end_input_on_interrupt();
        std::string error;
        auto source = open_source("-", source_options{}, error);
        char buffer[16];
        std::string got;
        for (;;) {
            ssize_t n = source->read(buffer, sizeof buffer);
            if (n < 0) return 1;
            if (n == 0) break;
            got.append(buffer, static_cast<size_t>(n));
        }
        return got == "xy\n" && input_interrupted() ? 0 : 2;
    }));
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
}

TEST_CASE("interrupt: SIGINT while standard input has not given its first bytes", "[input][interrupt]") {
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    CHECK(child_ends_on(SIGINT, [&] {
        ::dup2(pipe_fds[0], 0);
        end_input_on_interrupt();
        std::string error;
        auto source = open_source("-", source_options{}, error);  // blocks looking for gzip's magic
        char buffer[16];
        return source && source->read(buffer, sizeof buffer) == 0 ? 0 : 1;
    }));
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
}
