// The two ways to run the pipeline. In parallel, blocks live in a ring of slots: the reader fills
// slot n % size, any idle worker processes the next filled one, and the calling thread uses them
// strictly in order and hands the slot back to the reader, so memory is bounded by the ring.
#include "pipeline/run.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "input/interrupt.h"

namespace flowgrep {

void run_inline(block_reader& reader, line_processor& worker, ordered_output& ordered) {
    input_block block;
    block_output result;
    while (reader.next(block)) {
        result.clear();
        worker.process(block, result);
        if (!ordered.use(block, result)) break;
    }
}

namespace {

struct slot {
    enum class state { free, filled, done };
    input_block block;
    block_output result;
    state now = state::free;
};

// Shared by the threads; the reader thread holds it too, so that if it is left blocked in a read
// (a pipe, when -q or --first has already ended the run) nothing it touches goes away.
struct ring {
    explicit ring(std::shared_ptr<block_reader> r, size_t size) : reader(std::move(r)), slots(size) {}

    std::shared_ptr<block_reader> reader;
    std::vector<slot> slots;
    std::mutex mutex;
    std::condition_variable freed;   // the reader waits for a free slot
    std::condition_variable filled;  // workers wait for a block to process
    std::condition_variable done;    // the in-order stage waits for the next block's result
    uint64_t filled_count = 0;       // blocks handed out by the reader
    uint64_t taken = 0;              // blocks taken by workers
    std::optional<uint64_t> end;     // how many blocks there are, once the reader knows
    bool stop = false;

    slot& at(uint64_t seq) { return slots[seq % slots.size()]; }
};

void read_blocks(std::shared_ptr<ring> r) {
    accept_interrupts();
    for (uint64_t seq = 0;; ++seq) {
        slot& s = r->at(seq);
        {
            std::unique_lock lock(r->mutex);
            r->freed.wait(lock, [&] { return s.now == slot::state::free || r->stop; });
            if (r->stop) return;
        }
        bool more = r->reader->next(s.block);
        {
            std::lock_guard lock(r->mutex);
            if (!more) {
                r->end = seq;
            } else {
                s.now = slot::state::filled;
                r->filled_count = seq + 1;
            }
        }
        r->filled.notify_all();
        if (!more) {
            r->done.notify_all();
            return;
        }
    }
}

void process_blocks(ring& r, line_processor& worker) {
    for (;;) {
        uint64_t seq;
        {
            std::unique_lock lock(r.mutex);
            r.filled.wait(lock, [&] { return r.stop || r.taken < r.filled_count || r.end; });
            if (r.stop || r.taken >= r.filled_count) return;  // stopped, or the reader is done
            seq = r.taken++;
        }
        slot& s = r.at(seq);
        s.result.clear();
        worker.process(s.block, s.result);
        {
            std::lock_guard lock(r.mutex);
            s.now = slot::state::done;
        }
        r.done.notify_all();
    }
}

}  // namespace

void run_parallel(std::shared_ptr<block_reader> reader, std::vector<std::unique_ptr<line_processor>>& workers,
                  ordered_output& ordered) {
    // Two blocks a worker, so that each has the next one ready, and one each for the reader to
    // fill and the in-order stage to write.
    auto r = std::make_shared<ring>(std::move(reader), workers.size() * 2 + 2);
    const interrupts_held held;  // Ctrl-C must wake the reader, in read(2), not this thread or a worker
    std::thread reader_thread(read_blocks, r);
    std::vector<std::thread> worker_threads;
    for (auto& w : workers) worker_threads.emplace_back(process_blocks, std::ref(*r), std::ref(*w));

    bool to_the_end = true;
    for (uint64_t seq = 0;; ++seq) {
        slot& s = r->at(seq);
        {
            std::unique_lock lock(r->mutex);
            r->done.wait(lock, [&] { return s.now == slot::state::done || (r->end && seq >= *r->end); });
            if (s.now != slot::state::done) break;
        }
        bool more = ordered.use(s.block, s.result);
        {
            std::lock_guard lock(r->mutex);
            s.now = slot::state::free;
        }
        r->freed.notify_one();
        if (!more) {
            to_the_end = false;
            break;
        }
    }
    {
        std::lock_guard lock(r->mutex);
        r->stop = true;
    }
    r->freed.notify_all();
    r->filled.notify_all();
    for (auto& t : worker_threads) t.join();
    // Cut short, the reader may be waiting on a pipe that never ends; it owns its share of the
    // ring and ends with the process.
    if (to_the_end)
        reader_thread.join();
    else
        reader_thread.detach();
}

}  // namespace flowgrep
