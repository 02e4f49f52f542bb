import Synchronization
import Testing
@testable import Lifeline

/// Computing a chunk ahead on a second thread: every result reaches the caller once, in
/// order, in chunks of the size asked; an error while consuming stops the work.
@Suite("Computing ahead")
struct ComputeAheadTests {
    struct Stop: Error, Equatable {}

    @Test("every result arrives once, in order, in chunks of at most the size asked", arguments: [
        (0, 3), (1, 3), (3, 3), (4, 3), (7, 3), (9, 3), (100, 1), (250, 16),
    ])
    func inOrder(count: Int, chunkSize: Int) throws {
        var inputs = Array(0..<count)
        var chunks: [[Int]] = []
        try ComputeAhead.forEachChunk(taking: &inputs, chunkSize: chunkSize) { $0 * $0 } consume: { chunks.append($0) }
        #expect(chunks.flatMap { $0 } == (0..<count).map { $0 * $0 })
        #expect(chunks.allSatisfy { !$0.isEmpty && $0.count <= chunkSize })
        #expect(chunks.dropLast().allSatisfy { $0.count == chunkSize })
        #expect(inputs.isEmpty, "the inputs are taken")
    }

    @Test("an error while consuming is rethrown, and nothing is consumed after it")
    func stopsOnError() throws {
        var inputs = Array(0..<1_000)
        let computed = Atomic<Int>(0)
        var consumed = 0
        #expect(throws: Stop()) {
            try ComputeAhead.forEachChunk(taking: &inputs, chunkSize: 10) { value in
                computed.add(1, ordering: .relaxed)
                return value
            } consume: { _ in
                consumed += 1
                if consumed == 2 { throw Stop() }
            }
        }
        #expect(consumed == 2)
        // Once it has returned, the second thread has stopped: the count no longer moves.
        let afterReturn = computed.load(ordering: .relaxed)
        #expect(afterReturn >= 20)
        #expect(computed.load(ordering: .relaxed) == afterReturn)
    }
}
