// Where printed records go: a large buffer in front of a file descriptor, written in big blocks, or
// after each record when a person is watching (or --line-buffered asks). A closed pipe (`| head`)
// ends the program quietly and at once, by SIGPIPE, as it ends cat or grep. A sink without a file
// descriptor (-1) only collects: a worker thread prints into one, and the in-order stage writes.
#pragma once

#include <string>
#include <string_view>

namespace flowgrep {

class output_sink {
public:
    explicit output_sink(int fd, bool line_buffered = false);
    ~output_sink();
    output_sink(const output_sink&) = delete;
    output_sink& operator=(const output_sink&) = delete;

    void write(std::string_view bytes) {
        buffer_.append(bytes);
    }
    void put(char c) { buffer_.push_back(c); }
    // The buffer itself, for fmt::format_to(std::back_inserter(sink.buffer()), ...).
    std::string& buffer() { return buffer_; }

    // Ends one record: flushes when line-buffered or when the buffer is full.
    void end_record() {
        if ((fd_ >= 0 || forward_) && (line_buffered_ || buffer_.size() >= flush_threshold)) flush();
    }
    void flush();

    // Writes `bytes` and ends a record, straight to the file when they are many (a worker's whole
    // block of output), so that they are not copied into the buffer first.
    void write_through(std::string_view bytes) {
        if (fd_ < 0 || bytes.size() < flush_threshold) {
            write(bytes);
            end_record();
            return;
        }
        flush();
        write_all(bytes.data(), bytes.size());
    }

    // A sink without a file (fd -1, a worker's) holds what it is given; while forwarding, it hands
    // each full buffer on to `next` instead (a table's rows at the end: too many to hold). Null
    // stops it.
    void forward_to(output_sink* next) { forward_ = next; }

    // Ends the program as SIGPIPE does: quietly, with the status 128 + SIGPIPE.
    [[noreturn]] static void end_of_pipe();

private:
    void write_all(const char* p, size_t n);

    static constexpr size_t flush_threshold = 1 << 16;
    int fd_;
    bool line_buffered_;
    output_sink* forward_ = nullptr;
    std::string buffer_;
};

}  // namespace flowgrep
