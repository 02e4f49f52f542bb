import Glibc
import Synchronization
import Testing
@testable import Lifeline
@testable import LifelineCore

/// Computing chunks ahead on other threads: every result reaches the caller once, in
/// order, in chunks of the size asked, however many threads compute; they do not run
/// far ahead of the caller; an error while consuming stops the work.
@Suite("Computing ahead")
struct ComputeAheadTests {
    struct Stop: Error, Equatable {}

    @Test("every result arrives once, in order, in chunks of at most the size asked", arguments: [
        (0, 3), (1, 3), (3, 3), (4, 3), (7, 3), (9, 3), (100, 1), (250, 16),
    ], [1, 2, 3])
    func inOrder(size: (count: Int, chunkSize: Int), threads: Int) throws {
        let (count, chunkSize) = size
        var inputs = Array(0..<count)
        var chunks: [[Int]] = []
        try ComputeAhead.forEachChunk(taking: &inputs, chunkSize: chunkSize, threads: threads) { $0 * $0 } consume: {
            chunks.append($0)
        }
        #expect(chunks.flatMap { $0 } == (0..<count).map { $0 * $0 })
        #expect(chunks.allSatisfy { !$0.isEmpty && $0.count <= chunkSize })
        #expect(chunks.dropLast().allSatisfy { $0.count == chunkSize })
        #expect(inputs.isEmpty, "the inputs are taken")
    }

    @Test("a computation in the background runs on another thread and hands its result to the caller who waits")
    func inBackground() {
        let caller = pthread_self()
        let pending = InBackground { (sum: (1...1_000).reduce(0, +), onAnotherThread: pthread_equal(pthread_self(), caller) == 0) }
        let result = pending.wait()
        #expect(result.sum == 500_500)
        #expect(result.onAnotherThread)
    }

    @Test("an error while consuming is rethrown, and nothing is consumed after it", arguments: [1, 2, 3])
    func stopsOnError(threads: Int) throws {
        var inputs = Array(0..<1_000)
        let computed = Atomic<Int>(0)
        var consumed = 0
        #expect(throws: Stop()) {
            try ComputeAhead.forEachChunk(taking: &inputs, chunkSize: 10, threads: threads) { value in
                computed.add(1, ordering: .relaxed)
                return value
            } consume: { _ in
                consumed += 1
                if consumed == 2 { throw Stop() }
            }
        }
        #expect(consumed == 2)
        // Once it has returned, the other threads have stopped: the count no longer
        // moves, and they took at most two chunks each beyond the two consumed.
        let afterReturn = computed.load(ordering: .relaxed)
        #expect(afterReturn >= 20 && afterReturn <= 10 * (2 + 2 * threads))
        #expect(computed.load(ordering: .relaxed) == afterReturn)
    }

    @Test("the computing threads keep at most two chunks each ahead of a slow caller", arguments: [1, 2])
    func boundedAhead(threads: Int) throws {
        var inputs = Array(0..<200)
        let computed = Atomic<Int>(0)
        var mostAhead = 0
        var consumed = 0
        try ComputeAhead.forEachChunk(taking: &inputs, chunkSize: 10, threads: threads) { value in
            computed.add(1, ordering: .relaxed)
            return value
        } consume: { chunk in
            consumed += chunk.count
            // Give the other threads time to run as far ahead as they may.
            usleep(2_000)
            mostAhead = max(mostAhead, computed.load(ordering: .relaxed) - consumed)
        }
        #expect(consumed == 200)
        #expect(mostAhead <= 10 * 2 * threads)
        #expect(mostAhead >= 10, "the threads did compute ahead")
    }
}
