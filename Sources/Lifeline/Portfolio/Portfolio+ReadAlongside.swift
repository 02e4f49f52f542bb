import LifelineStorage

extension Portfolio {
    /// `read`, with `alongside` run meanwhile on another thread, over a second connection
    /// that reads the same snapshot (`Database.readingWithTwin`): `body` collects its
    /// result by calling the function it is handed, which waits for it. Without a second
    /// connection, `alongside` runs on this thread, in this transaction, when collected.
    ///
    /// `alongside` gets a portfolio of its own over the second connection, the same day
    /// and windows as this one; only it touches that portfolio. Over 100,000 companies,
    /// `company list` reads the facts and finds the stale opportunities there (about
    /// 0.3 s) while it reads the outcomes, the money and the runways here (about 0.2 s).
    func read<Alongside: Sendable, T>(
        alongside: @escaping @Sendable (Portfolio) throws -> Alongside,
        _ body: (_ collect: () throws -> Alongside) throws -> T
    ) throws -> T {
        guard database.isInAutocommit else { return try body { try alongside(self) } }
        return try database.readingWithTwin { twin in
            guard let twin else { return try body { try alongside(self) } }
            let other = OneThreadAtATime(Portfolio(database: twin, today: today, warnDays: warnDays, stallDays: stallDays))
            other.value.engineChunkSize = engineChunkSize
            let pending = InBackground { Result { try alongside(other.value) } }
            var collected: Result<Alongside, any Error>?
            // However `body` ends, the other thread is done with the twin before it closes.
            defer { if collected == nil { _ = pending.wait() } }
            return try body {
                if collected == nil { collected = pending.wait() }
                return try collected!.get()
            }
        }
    }
}

/// A value handed from one thread to another, never used by two at once: the
/// hand-over (a queue, a semaphore) orders the uses.
private final class OneThreadAtATime<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
