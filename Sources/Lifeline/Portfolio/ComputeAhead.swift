import Dispatch

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
        guard inputs.count > chunkSize else {
            let results = inputs.map(compute)
            inputs = []
            if !results.isEmpty { try consume(results) }
            return
        }
        let chunkCount = (inputs.count + chunkSize - 1) / chunkSize
        // Only the handoff keeps the inputs, so that it can free each chunk.
        let handoff = Handoff<Input, Output>(chunks: stride(from: 0, to: inputs.count, by: chunkSize).map { [inputs] in
            Array(inputs[$0..<min($0 + chunkSize, inputs.count)])
        })
        inputs = []
        let worker = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: worker) {
            for chunk in 0..<chunkCount {
                guard let inputs = handoff.takeInputs(chunk) else { return }
                handoff.finish(inputs.map(compute))
            }
        }
        // However this ends, the worker is stopped and waited for before returning.
        defer {
            handoff.stop()
            worker.wait()
        }
        for _ in 0..<chunkCount {
            try consume(handoff.takeFinished())
        }
    }

    /// What the two threads share: the inputs not yet computed, by chunk; the finished
    /// chunks not yet consumed, oldest first; and whether the consumer has stopped. A
    /// serial queue guards them (a lock ThreadSanitizer understands), and a semaphore
    /// counts the finished chunks.
    private final class Handoff<Input: Sendable, Output: Sendable>: @unchecked Sendable {
        private let lock = DispatchQueue(label: "lifeline.compute-ahead")
        private let ready = DispatchSemaphore(value: 0)
        private var inputs: [[Input]]
        private var finished: [[Output]] = []
        private var stopped = false

        init(chunks: [[Input]]) {
            inputs = chunks
        }

        /// Chunk `index`'s inputs, let go of here so that they are freed once computed;
        /// nil once the consumer has stopped.
        func takeInputs(_ index: Int) -> [Input]? {
            lock.sync {
                guard !stopped else { return nil }
                defer { inputs[index] = [] }
                return inputs[index]
            }
        }

        func finish(_ results: [Output]) {
            lock.sync { finished.append(results) }
            ready.signal()
        }

        /// The oldest finished chunk, waiting for it if need be.
        func takeFinished() -> [Output] {
            ready.wait()
            return lock.sync { finished.removeFirst() }
        }

        func stop() {
            lock.sync { stopped = true }
        }
    }
}
