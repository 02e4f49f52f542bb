import Dispatch

/// A pure computation started on another thread, for the caller to collect when it
/// needs the result: what the caller does meanwhile - reading the database, which only
/// its thread touches - overlaps it. `company list` computes half of every company's
/// stagnation flags this way while it reads their outcomes.
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
