import Dispatch

/// Work started on another thread, for the caller to collect when it needs the result:
/// what the caller does meanwhile overlaps it. The work touches nothing the caller's
/// thread does: `Portfolio.read(alongside:)` gives it a database connection of its own,
/// on which `company list` reads the facts and computes half of every company's
/// stagnation flags while the first connection reads their outcomes.
final class InBackground<Result: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the computing thread before `done` is signalled, read only after
    /// waiting for it: the semaphore orders the two.
    private var result: Result?

    init(_ work: @escaping @Sendable () -> Result) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The result, once computed. Call it once.
    func wait() -> Result {
        done.wait()
        guard let result else { preconditionFailure("InBackground: the result is collected once") }
        self.result = nil
        return result
    }
}
