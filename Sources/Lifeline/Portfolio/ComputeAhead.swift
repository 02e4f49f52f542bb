import Dispatch
import Synchronization

/// Runs a pure computation over many inputs on a second thread, a chunk ahead of the
/// caller, who consumes each chunk's results in order on its own thread.
///
/// A first nightly run over 100,000 companies spends a fifth of its time in the engine
/// and two fifths in SQLite recording the results; one after the other they leave a
/// core idle. With the engine a chunk ahead, recording a chunk overlaps computing the
/// next. Only the caller's thread touches the database: `compute` must be pure.
enum ComputeAhead {
    /// Hands `consume` the results of `compute` over `inputs`, `chunkSize` at a time and
    /// in order. It takes the inputs, leaving the array empty, so that each chunk can be
    /// freed once computed: a nightly run's facts shrink as its results grow. With one
    /// chunk or fewer, everything runs on the caller's thread (a command's reassessment
    /// of a few companies needs no second thread). When `consume` throws, the
    /// computation stops after the chunk it is on, and the error is rethrown once it has.
    static func forEachChunk<Input: Sendable, Output: Sendable>(
        taking inputs: inout [Input], chunkSize: Int, compute: @escaping @Sendable (Input) -> Output,
        consume: ([Output]) throws -> Void
    ) throws {
        precondition(chunkSize > 0, "ComputeAhead: chunks need a size")
        let taken = inputs
        inputs = []
        guard taken.count > chunkSize else {
            if !taken.isEmpty { try consume(taken.map(compute)) }
            return
        }
        let chunkCount = (taken.count + chunkSize - 1) / chunkSize
        let handoff = Handoff<Input, Output>(chunks: stride(from: 0, to: taken.count, by: chunkSize).map {
            Array(taken[$0..<min($0 + chunkSize, taken.count)])
        })
        let worker = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: worker) {
            for chunk in 0..<chunkCount {
                if handoff.stopped.load(ordering: .relaxed) { return }
                let results = handoff.takeInputs(chunk).map(compute)
                handoff.finished.withLock { $0.append(results) }
                handoff.ready.signal()
            }
        }
        // However this ends, the worker is stopped and waited for before returning.
        defer {
            handoff.stopped.store(true, ordering: .relaxed)
            worker.wait()
        }
        for _ in 0..<chunkCount {
            handoff.ready.wait()
            try consume(handoff.finished.withLock { $0.removeFirst() })
        }
    }

    /// What the two threads share: the inputs not yet computed, by chunk; the finished
    /// chunks not yet consumed, oldest first, and a count of them to wait on; and
    /// whether the consumer has stopped.
    private final class Handoff<Input: Sendable, Output: Sendable>: Sendable {
        let inputs: Mutex<[[Input]]>
        let finished = Mutex<[[Output]]>([])
        let ready = DispatchSemaphore(value: 0)
        let stopped = Atomic<Bool>(false)

        init(chunks: [[Input]]) {
            inputs = Mutex(chunks)
        }

        /// Chunk `index`'s inputs, let go of here so that they are freed once computed.
        func takeInputs(_ index: Int) -> [Input] {
            inputs.withLock { chunks in
                defer { chunks[index] = [] }
                return chunks[index]
            }
        }
    }
}
