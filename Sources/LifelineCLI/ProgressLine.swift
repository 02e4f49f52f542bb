/// "reassessing 5000/100000" on stderr, rewritten in place - only on a terminal and
/// only for long runs, so that cron and pipes never see it.
final class ProgressLine {
    private let label: String
    private let isShown: Bool
    private var lastShown = 0
    private var wroteSomething = false

    init(label: String) {
        self.label = label
        self.isShown = Console.stderrIsTerminal
    }

    /// Call after each item; it draws at most once per 1,000 items.
    func update(done: Int, total: Int) {
        guard isShown, total >= 5_000, done - lastShown >= 1_000 || done == total else { return }
        lastShown = done
        wroteSomething = true
        Console.rawError("\r\(label) \(done)/\(total)")
    }

    /// Clears the line.
    func finish() {
        if wroteSomething { Console.rawError("\r\u{1B}[K") }
    }
}
