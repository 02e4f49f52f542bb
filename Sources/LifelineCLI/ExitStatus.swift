import Lifeline
import LifelineCore

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

    /// Recognises lifeline's errors, the storage layer's as the domain explains them; nil
    /// for anything else (the argument parser's errors, which it reports itself).
    init?(recognizing error: Error) {
        guard let error = LifelineError(explaining: error) else { return nil }
        message = error.message
        exitCode = ExitStatus(error.kind)
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
        case .software: self = .software
        }
    }
}
