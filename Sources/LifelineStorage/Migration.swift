/// One schema migration: a numbered SQL script, applied once, in order.
///
/// Its identity is the file name `NNNN_name.sql` (`0001_initial_schema.sql` is version 1,
/// named `initial_schema`); its checksum is the SHA-256 of the file's exact bytes.
/// A migration that has shipped is never edited: the migrator refuses a database whose
/// recorded checksum differs, because its schema may not be what the code expects.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String
    /// SHA-256 of the script, as lower-case hex (what `sha256sum` prints).
    public let checksum: String

    /// `checksum`, when given, must be the SHA-256 of `sql`: the embedded migrations'
    /// are computed when the binary is built, which spares every command hashing them
    /// again each time it opens a database (a tenth of logging a release's instructions).
    public init(version: Int, name: String, sql: String, checksum: String? = nil) {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = checksum ?? SHA256.hexDigest(of: sql.utf8)
    }

    /// The file it comes from, as people name it: `0002_add_views.sql`.
    public var fileName: String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name + ".sql"
    }

    /// Reads version and name from a file name such as `0002_add_views.sql`.
    /// Returns nil for anything else, so a stray file cannot become a migration.
    public init?(fileName: String, sql: String, checksum: String? = nil) {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let digits = stem[..<underscore]
        let name = stem[stem.index(after: underscore)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let version = Int(digits), version > 0,
            !name.isEmpty
        else { return nil }
        self.init(version: version, name: String(name), sql: sql, checksum: checksum)
    }
}
