import LifelineCore
import LifelineStorage

/// What `lifeline doctor` checks, and the trust check commands that compute run first.
public struct HealthReport: Sendable {
    /// Facts about the database, in display order.
    public var facts: [(name: String, value: String)] = []
    /// Everything wrong; empty for a healthy database.
    public var problems: [String] = []

    public var isHealthy: Bool { problems.isEmpty }
}

extension ReadOnlyPortfolio {
    /// Checks the database's integrity, foreign keys, stored values and migrations and
    /// gathers its vital statistics.
    public func healthReport() throws -> HealthReport {
        try LifelineError.explaining(checkHealth)
    }

    private func checkHealth() throws -> HealthReport {
        var report = HealthReport()
        report.facts.append(("database", database.path))
        report.facts.append(("file size", Portfolio.bytes(database.fileSize)))
        report.facts.append(("write-ahead log", Portfolio.bytes(database.writeAheadLogSize)))
        report.facts.append(("sqlite", Database.sqliteVersion))
        // On a damaged file any check may hit a page SQLite cannot read - even the
        // integrity check, which this SQLite then stops with an error instead of listing
        // what it found: that is a finding like any other, and the other checks go on.
        func checking(_ what: String, _ body: () throws -> Void) throws {
            do {
                try body()
            } catch let error as SQLiteError where error.isCorrupt {
                report.facts.append((what, "cannot be read"))
                report.problems.append("\(what): cannot be read, the file is damaged (\(error.message))")
            }
        }
        try checking("integrity check") {
            let integrity = try database.integrityCheck()
            report.facts.append(("integrity check", integrity == ["ok"] ? "ok" : "\(integrity.count) problem(s)"))
            if integrity != ["ok"] { report.problems += integrity.map { "integrity: \($0)" } }
        }
        try checking("foreign keys") {
            let violations = try database.foreignKeyViolations()
            report.facts.append(("foreign keys", violations.isEmpty ? "ok" : "\(violations.count) broken reference(s)"))
            report.problems += violations.map { "foreign key: \($0)" }
        }
        try checking("stored values") {
            let unknownValues = try StoredValueCheck.all.compactMap { try $0.problem(in: database) }
            report.facts.append(("stored values", unknownValues.isEmpty ? "ok" : "\(unknownValues.count) column(s) with unknown values"))
            report.problems += unknownValues.map { "stored value: \($0)" }
        }
        try checking("investments") {
            // total() adds in floating point: it cannot overflow where sum() would.
            let invested = try database.fetchOne(sql: "SELECT total(amount_cents) FROM investments") { try $0.get(0) as Double } ?? 0
            if invested > Double(USDAmount.maximumTotalCents) {
                report.problems.append(
                    "investments: they add up to more than \(USDAmount.text(cents: USDAmount.maximumTotalCents)), the most lifeline adds up; some amount is wrong")
            }
        }
        try checking("schema") {
            let statuses = try Schema.migrator().status(of: database)
            let applied = statuses.filter { $0.state == .applied }.count
            report.facts.append(("schema", "version \(statuses.filter { $0.state != .pending }.map(\.version).max() ?? 0), \(applied) of \(Schema.migrations.count) migrations applied"))
            for status in statuses where status.state != .applied {
                report.problems.append("migration \(status.version) (\(status.name)) is \(status.state.rawValue)")
            }
        }
        if database.writeAheadLogSize > 256 << 20 {
            report.problems.append("the write-ahead log is over 256 MiB: a reader has held it open for long; it shrinks when readers finish")
        }
        for table in ["providers", "models", "capabilities", "releases", "companies", "investments", "assessments", "reassessment_runs"] {
            try checking(table.replacing("_", with: " ")) {
                let count = try database.fetchOne(sql: "SELECT count(*) FROM \(table)") { try $0.get(0) as Int } ?? 0
                report.facts.append((table.replacing("_", with: " "), String(count)))
            }
        }
        try checking("last nightly run") {
            let nightly = try database.fetchOne(
                sql: "SELECT as_of || ' (run ' || id || ', ' || finished_at || ')' FROM reassessment_runs WHERE trigger = 'reassess' ORDER BY id DESC LIMIT 1"
            ) { try $0.get(0) as String }
            report.facts.append(("last nightly run", nightly ?? "never"))
            let currentSince = try database.fetchOne(sql: "SELECT current_since FROM assessment_state") { try $0.get(0) as String? } ?? nil
            report.facts.append((
                "assessment state",
                currentSince.map { "current since \($0): the nightly run computes only what can have changed" }
                    ?? "not known to be current: the next nightly run computes every company"))
        }
        try checking("notifications") {
            let counts = try database.fetchOne(sql: """
                SELECT count(*) FILTER (WHERE delivered_at IS NULL AND given_up_at IS NULL), count(delivered_at), count(given_up_at)
                FROM notifications
                """) { (pending: try $0.get(0) as Int, delivered: try $0.get(1) as Int, givenUp: try $0.get(2) as Int) }
            guard let counts else { return }
            report.facts.append(("notifications", "\(counts.pending) pending, \(counts.delivered) delivered, \(counts.givenUp) given up"))
            if counts.givenUp > 0 {
                report.problems.append(
                    "\(counts.givenUp) notification\(counts.givenUp == 1 ? " was" : "s were") given up after failed deliveries: "
                        + "'lifeline notify --list' shows why; 'lifeline notify --retry ID' puts one back")
            }
        }
        // Litestream adds its own tables to a file it replicates (or that was restored
        // from a replica): say so, since they are not lifeline's, and leave them alone.
        let litestreamTables = try database.fetchAll(
            sql: "SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB '_litestream_*' ORDER BY name"
        ) { try $0.get(0) as String }
        if !litestreamTables.isEmpty {
            report.facts.append(("replication", "Litestream's tables are here (\(litestreamTables.joined(separator: ", "))): docs/scale-out.md"))
        }
        return report
    }
}

extension Portfolio {
    /// Refuses to compute on a database whose facts cannot be trusted: rows that point
    /// at rows that do not exist (written by hand with foreign keys off). Run before
    /// reassessing and reporting, inside their transaction.
    ///
    /// Checking every table reads every row that has a foreign key: about 0.15 s on
    /// 100,000 companies, and more each year as the recorded assessments grow. While the
    /// assessments are known to be current (and unless `always`), only the tables in
    /// `referencesAlwaysChecked` are checked: that state is established by a full run,
    /// which checked every table, and any write by hand that can leave a reference
    /// dangling in the other tables forgets it (the triggers of migrations 0005 and
    /// 0006), so those have been written since only by lifeline, with foreign keys on.
    /// `lifeline doctor` checks every table, and the full integrity check (it reads every
    /// page: seconds on a large database); a corrupt file fails on the first page SQLite
    /// cannot read.
    public func requireTrust(always: Bool = false) throws {
        let tables = try !always && reassessment.assessmentsKnownCurrent() ? Self.referencesAlwaysChecked : nil
        let violations = try database.foreignKeyViolations(in: tables)
        guard violations.isEmpty else {
            throw LifelineError(
                .badData,
                "the database cannot be trusted: \(violations.count) row(s) point at rows that do not exist (\(violations[0])); 'lifeline doctor' lists the problems")
        }
    }

    /// The tables whose foreign keys are checked even while the assessments are current:
    /// not every write to them forgets that state. A model inserted by hand changes no
    /// outcome until something refers to it (its provider must still exist then);
    /// investments, aliases and adoptions (they change opportunities, which are never
    /// recorded) never change one. Small tables, or a few rows per company. `assessments` is not among them: lifeline's own record, which it inserts
    /// 100,000 rows at a time, and whose rows inserted by hand call for `reassess --full`
    /// (docs/schema.md). SchemaTests checks that triggers watch every other reference.
    static let referencesAlwaysChecked = ["models", "investments", "capability_aliases", "adoptions", "notify_tags"]

    /// The size of the file at `path`, for messages.
    public static func bytesDescription(of path: String) -> String {
        (try? Database(path: path, configuration: .init(mode: .readOnly))).map { bytes($0.fileSize) } ?? "?"
    }

    static func bytes(_ count: Int64) -> String {
        count < 1 << 20 ? "\(count / 1024) KiB" : "\(count >> 20) MiB"
    }
}
