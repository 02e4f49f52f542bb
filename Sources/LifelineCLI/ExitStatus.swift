import Lifeline
import LifelineCore
import LifelineStorage

/// Exit codes from sysexits(3): scripts and cron tell failures apart by them.
enum ExitStatus: Int32 {
    case success = 0
    case usage = 64
    case badData = 65
    case missingInput = 66
    case software = 70
    case unavailable = 69
    case ioFailure = 74
    case busy = 75
}

/// A failure reduced to what the user is told and the exit code. Commands throw one
/// directly for CLI-level problems; lifeline's other errors are recognised from their type.
struct Failure: Error {
    let message: String
    let exitCode: ExitStatus

    init(_ exitCode: ExitStatus, _ message: String) {
        self.message = message
        self.exitCode = exitCode
    }

    /// Recognises lifeline's own error types; nil for anything else (the argument
    /// parser's errors, which it reports itself).
    init?(recognizing error: Error) {
        switch error {
        case let error as LifelineError:
            message = error.message
            exitCode = ExitStatus(error.kind)
        case let error as MigrationError:
            message = error.description
            if case .databaseIsNewer = error { exitCode = .unavailable } else { exitCode = .badData }
        case let error as SQLiteError:
            (message, exitCode) = Self.describe(error)
        default:
            return nil
        }
    }

    private static func describe(_ error: SQLiteError) -> (String, ExitStatus) {
        if error.isBusy {
            return ("the database is busy (another lifeline or sqlite3 is writing); try again: \(error.message)", .busy)
        }
        if error.isCannotOpen { return (error.message, .missingInput) }
        if error.isCorrupt { return ("not a usable lifeline database: \(error.message)", .badData) }
        if error.isIOFailure { return ("input/output failure: \(error.message)", .ioFailure) }
        if error.isMismatch {
            return ("the database holds a value lifeline cannot read: \(error.message); 'lifeline doctor' lists every such value", .badData)
        }
        if error.isConstraintViolation { return ("refused by the database: \(error.message)", .badData) }
        return ("\(error)", .software)
    }
}

extension ExitStatus {
    init(_ kind: LifelineError.Kind) {
        switch kind {
        case .usage: self = .usage
        case .badData: self = .badData
        case .missingInput: self = .missingInput
        case .unavailable: self = .unavailable
        case .ioFailure: self = .ioFailure
        case .busy: self = .busy
        }
    }
}
