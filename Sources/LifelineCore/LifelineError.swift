/// A failure the user can act on, with the words to tell them. The CLI prints
/// `message` on one line and picks the exit code from `kind`.
public struct LifelineError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, in the terms of sysexits(3), so every caller reports alike.
    public enum Kind: Sendable, Equatable {
        /// The command was used wrongly (options missing or contradicting).
        case usage
        /// The input or the stored data is wrong: bad values, unknown names, duplicates.
        case badData
        /// A file the command needs does not exist.
        case missingInput
        /// The database cannot be served by this program (made by a newer lifeline).
        case unavailable
        /// Reading or writing a file failed.
        case ioFailure
        /// Another process holds the database; trying again later may succeed.
        case busy
        /// Something failed that the user cannot act on: a fault of lifeline's or SQLite's.
        case software
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
