/// Why the migrator refused a database or could not upgrade it. In every case the
/// database file is left exactly as it was before the failing step.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    /// A migration already applied to the database differs from the one built into
    /// this program: the schema cannot be trusted to be what the code expects.
    case checksumMismatch(version: Int, name: String, recorded: String, expected: String)
    /// The database was upgraded by a newer lifeline; this one cannot read it safely.
    case databaseIsNewer(databaseVersion: Int, latestKnownVersion: Int)
    /// The database records a migration this program does not have at all.
    case unknownMigration(version: Int, name: String)
    /// A migration is pending although a later one is already applied.
    case outOfOrder(pendingVersion: Int, appliedVersion: Int)
    /// The migration list itself is wrong (a programming error caught at start-up).
    case invalidSequence(String)
    /// A migration's SQL failed; it was rolled back.
    case failed(version: Int, name: String, underlying: SQLiteError)
    /// A migration left rows whose foreign keys point nowhere; it was rolled back.
    case foreignKeyViolations(version: Int, name: String, count: Int)

    public var description: String {
        switch self {
        case let .checksumMismatch(version, name, recorded, expected):
            return "migration \(version) (\(name)) in the database differs from this lifeline's "
                + "(recorded checksum \(recorded.prefix(12))..., expected \(expected.prefix(12))...); "
                + "refusing to use a database whose schema cannot be trusted"
        case let .databaseIsNewer(databaseVersion, latestKnownVersion):
            return "the database is at schema version \(databaseVersion) but this lifeline knows "
                + "only up to \(latestKnownVersion); upgrade lifeline to use it"
        case let .unknownMigration(version, name):
            return "the database records migration \(version) (\(name)), which this lifeline does not have"
        case let .outOfOrder(pendingVersion, appliedVersion):
            return "migration \(pendingVersion) is pending but the later migration \(appliedVersion) "
                + "is already applied; refusing to apply migrations out of order"
        case let .invalidSequence(reason):
            return "invalid migration list: \(reason)"
        case let .failed(version, name, underlying):
            return "migration \(version) (\(name)) failed and was rolled back: \(underlying.message)"
        case let .foreignKeyViolations(version, name, count):
            return "migration \(version) (\(name)) left \(count) broken foreign key reference(s) "
                + "and was rolled back"
        }
    }
}
