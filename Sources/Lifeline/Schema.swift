import LifelineCore
import LifelineStorage

/// lifeline's database schema: the migrations in `Migrations/*.sql`, built into the
/// binary by the EmbedFiles plugin (see `EmbeddedMigrations`, generated at build time).
public enum Schema {
    /// Every migration this binary knows, oldest first.
    public static let migrations: [Migration] = EmbeddedMigrations.files.compactMap {
        Migration(fileName: $0.name, sql: $0.text, checksum: $0.sha256)
    }

    /// The file names of the embedded migrations, for checks that none was skipped.
    public static var embeddedFileNames: [String] { EmbeddedMigrations.files.map(\.name) }

    /// The newest schema version this binary knows.
    public static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// A migrator over the embedded migrations.
    public static func migrator() throws -> Migrator {
        try Migrator(migrations: migrations)
    }
}
