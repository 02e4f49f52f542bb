import LifelineCore
import LifelineStorage

/// The storage layer's errors in lifeline's words and kinds, so that callers - the CLI -
/// know one error type and never the storage module.
extension LifelineError {
    /// `error` as a `LifelineError`: itself, or a migrator's or SQLite's failure
    /// explained; nil for any other error (the argument parser's, which it reports itself).
    public init?(explaining error: Error) {
        switch error {
        case let error as LifelineError:
            self = error
        case let error as MigrationError:
            if case .databaseIsNewer = error { self.init(.unavailable, error.description) } else { self.init(.badData, error.description) }
        case let error as SQLiteError:
            self.init(explaining: error)
        default:
            return nil
        }
    }

    private init(explaining error: SQLiteError) {
        if error.isBusy {
            self.init(.busy, "the database is busy (another lifeline or sqlite3 is writing); try again: \(error.message)")
        } else if error.isCannotOpen {
            self.init(.missingInput, error.message)
        } else if error.isCorrupt {
            self.init(.badData, "not a usable lifeline database: \(error.message)")
        } else if error.isIOFailure {
            self.init(.ioFailure, "input/output failure: \(error.message)")
        } else if error.isMismatch {
            self.init(.badData, "the database holds a value lifeline cannot read: \(error.message); 'lifeline doctor' lists every such value")
        } else if error.message == "integer overflow" {
            // Only a sum can overflow: amounts written by hand past what lifeline accepts.
            self.init(
                .badData,
                "the amounts recorded add up to more than lifeline can count (written by hand?); 'lifeline doctor' lists the problem")
        } else if error.isConstraintViolation {
            self.init(.badData, "refused by the database: \(error.message)")
        } else {
            self.init(.software, "\(error)")
        }
    }

    /// Runs `body`, turning the storage layer's errors into `LifelineError`s; a statement
    /// stopped by a time limit becomes a `.busy` error saying `interrupted`.
    static func explaining<T>(_ body: () throws -> T, interrupted: () -> String = { "interrupted" }) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError where error.isInterrupted {
            throw LifelineError(.busy, interrupted())
        } catch {
            throw LifelineError(explaining: error) ?? error
        }
    }
}
