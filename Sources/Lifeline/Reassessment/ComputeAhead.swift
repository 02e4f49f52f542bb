import Dispatch
import Glibc
import LifelineCore

/// Runs a pure computation over many inputs on other threads, chunks ahead of the
/// caller, who consumes each chunk's results in order on its own thread.
///
/// A first nightly run over 100,000 companies spends a fifth of its time in the engine
/// and two fifths in SQLite recording the results; one after the other they leave a
/// core idle. With the engine a chunk ahead, recording a chunk overlaps computing the
/// next. A report, whose caller has little to do with each result, has the engine run
/// on every core instead. Only the caller's thread touches the database: `compute` must
/// be pure.
enum ComputeAhead {
    /// Hands `consume` the results of `compute` over `inputs`, `chunkSize` at a time and
    /// in order, computed by `threads` threads besides the caller's. It takes the inputs,
    /// leaving the array empty, so that each chunk can be freed once computed: a nightly
    /// run's facts shrink as its results grow. The threads keep at most two chunks each
    /// ahead of the caller. With one chunk or fewer, everything runs on the caller's
    /// thread (a command's reassessment of a few companies needs no other). When
    /// `consume` throws, the computation stops after the chunks it is on, and the error
    /// is rethrown once it has.
    static func forEachChunk<Input: Sendable, Output: Sendable>(
        taking inputs: inout [Input], chunkSize: Int, threads: Int = 1, compute: @escaping @Sendable (Input) -> Output,
        consume: ([Output]) throws -> Void
    ) rethrows {
        precondition(chunkSize > 0 && threads > 0, "ComputeAhead: chunks need a size, and the work a thread")
        guard inputs.count > chunkSize else {
            let results = inputs.map(compute)
            inputs = []
            if !results.isEmpty { try consume(results) }
            return
        }
        let chunkCount = (inputs.count + chunkSize - 1) / chunkSize
        // Only the handoff keeps the inputs, so that it can free each chunk.
        let handoff = Handoff<Input, Output>(
            chunks: stride(from: 0, to: inputs.count, by: chunkSize).map { [inputs] in
                Array(inputs[$0..<min($0 + chunkSize, inputs.count)])
            },
            aheadAtMost: 2 * threads)
        inputs = []
        let workers = DispatchGroup()
        for _ in 0..<threads {
            DispatchQueue.global(qos: .userInitiated).async(group: workers) {
                while let (index, inputs) = handoff.takeNextChunk() {
                    handoff.finish(index, inputs.map(compute))
                }
            }
        }
        // However this ends, the threads are stopped and waited for before returning.
        defer {
            handoff.stop(threads: threads)
            workers.wait()
        }
        for index in 0..<chunkCount {
            try consume(handoff.takeResults(index))
        }
    }

    /// How many threads can compute at once: the processors online.
    static var processorCount: Int {
        max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// What the threads share: the inputs not yet computed and the results not yet
    /// consumed, by chunk; the next chunk to compute; and whether the consumer has
    /// stopped. A serial queue guards them (a lock ThreadSanitizer understands); a
    /// semaphore per chunk says its results are in, and one counts the chunks the
    /// computing threads may still take before the consumer catches up.
    private final class Handoff<Input: Sendable, Output: Sendable>: @unchecked Sendable {
        private let lock = DispatchQueue(label: "lifeline.compute-ahead")
        private let finished: [DispatchSemaphore]
        private let room: DispatchSemaphore
        private var inputs: [[Input]]
        private var results: [[Output]?]
        private var next = 0
        private var stopped = false

        init(chunks: [[Input]], aheadAtMost: Int) {
            inputs = chunks
            results = Array(repeating: nil, count: chunks.count)
            finished = chunks.map { _ in DispatchSemaphore(value: 0) }
            // Made empty and then given its room: libdispatch stops the process when a
            // semaphore is freed holding less than it was made with.
            room = DispatchSemaphore(value: 0)
            for _ in 0..<aheadAtMost { room.signal() }
        }

        /// The next chunk to compute and its index, once there is room for its results;
        /// its inputs are let go of here so that they are freed once computed. Nil when
        /// every chunk is taken or the consumer has stopped.
        func takeNextChunk() -> (Int, [Input])? {
            room.wait()
            return lock.sync {
                guard !stopped, next < inputs.count else { return nil }
                defer {
                    inputs[next] = []
                    next += 1
                }
                return (next, inputs[next])
            }
        }

        func finish(_ index: Int, _ chunk: [Output]) {
            lock.sync { results[index] = chunk }
            finished[index].signal()
        }

        /// Chunk `index`'s results, waiting for them if need be; their room is given back.
        func takeResults(_ index: Int) -> [Output] {
            finished[index].wait()
            defer { room.signal() }
            return lock.sync {
                defer { results[index] = nil }
                return results[index] ?? []
            }
        }

        /// Stops the computing threads: each takes no more chunks, and none stays
        /// waiting for room.
        func stop(threads: Int) {
            lock.sync { stopped = true }
            for _ in 0..<threads { room.signal() }
        }
    }
}
