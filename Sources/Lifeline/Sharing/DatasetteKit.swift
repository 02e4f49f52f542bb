import LifelineCore
import LifelineStorage

/// A Datasette configuration for a lifeline database (`lifeline datasette`): the team
/// browses the views and runs the saved queries in a browser, on Datasette rather than
/// on a server of lifeline's own. Made for Datasette 0.65, whose `metadata.json` holds
/// it all; Datasette 1.0 (checked with 1.0a41) reads the canned queries and settings
/// from `datasette.yaml` instead, so the kit writes that too (docs/sharing.md).
///
/// Everything it says comes from a source the project already keeps: the objects and
/// columns from the database itself, what they mean from docs/schema.md (embedded), and
/// the canned queries from `lifeline sql --list`. Nothing is restated here.
public struct DatasetteKit {
    /// The database's name in Datasette: its file name without the extension, as
    /// Datasette names it (`portfolio.db` is `portfolio`).
    public let databaseName: String
    /// `metadata.json`: descriptions, facets, hidden tables and (for 0.65) the canned
    /// queries.
    public let metadata: JSONValue
    /// `datasette.yaml` for Datasette 1.0, which moved canned queries and settings out of
    /// the metadata: the same queries, and the settings.
    public let configuration: JSONValue
    /// Who may sign in (`--login`); none: anyone who reaches the server may read.
    public let logins: [String]
    /// The settings `serve.sh` passes with `--setting`, by name, in order.
    public let settings: [(name: String, value: Int)]

    /// The tables a team has no use for in a browser: lifeline's and Litestream's
    /// bookkeeping. Datasette also hides every table whose name starts with a hidden
    /// one's, so `_litestream` hides `_litestream_seq` and `_litestream_lock`, which
    /// Litestream adds once it replicates the file.
    public static let internalTables = [
        "schema_migrations", "assessment_state", "runs_in_progress", "notifications", "_litestream",
    ]

    /// The columns offered as facets wherever a table or view has them: what an
    /// investor slices the portfolio by.
    public static let facetColumns = ["status", "tier_months", "sector", "provider", "cause_provider"]

    /// How long one query may run in the browser before Datasette stops it: long enough
    /// for the reporting views of a 100,000-company portfolio, short enough that one
    /// careless query does not hold a server thread.
    public static let sqlTimeLimitMilliseconds = 5_000

    /// The environment variable that holds `login`'s password hash, as
    /// `datasette hash-password` prints it: `LIFELINE_PASSWORD_HASH_ALICE` for `alice`.
    public static func passwordHashVariable(for login: String) -> String {
        "LIFELINE_PASSWORD_HASH_" + String(String.UnicodeScalarView(login.uppercased().unicodeScalars.map {
            ("A"..."Z").contains($0) || ("0"..."9").contains($0) ? $0 : "_"
        }))
    }

    /// Signing in, when the kit names logins: only they may view anything, and
    /// datasette-auth-passwords checks their passwords against hashes it reads from the
    /// environment, so no secret is written into the kit.
    static func signIn(_ logins: [String]) -> [(String, JSONValue)] {
        guard !logins.isEmpty else { return [] }
        return [
            ("allow", .object([("id", .array(logins.map(JSONValue.string)))])),
            ("plugins", .object([("datasette-auth-passwords", .object(logins.map {
                ("\($0)_password_hash", .object([("$env", .string(passwordHashVariable(for: $0)))]))
            }))])),
        ]
    }

    init(
        databaseName: String, objects: [SchemaObject], queries: [(query: SavedQuery, parameters: [String])], logins: [String],
        document: SchemaDocument
    ) {
        self.databaseName = databaseName
        self.logins = logins
        self.settings = [
            ("sql_time_limit_ms", Self.sqlTimeLimitMilliseconds),
            ("facet_time_limit_ms", 1_000),
            ("max_returned_rows", 5_000),
        ]
        let tables: [(String, JSONValue)] = objects.map { object in
            let entry = document.entry(named: object.name)
            var members: [(String, JSONValue)] = []
            if let entry, !entry.description.isEmpty { members.append(("description", .string(entry.description))) }
            let meanings = object.columns.compactMap { column in
                entry?.columns.first { $0.name == column }.map { (column, JSONValue.string($0.meaning)) }
            }
            if !meanings.isEmpty { members.append(("columns", .object(meanings))) }
            let facets = Self.facetColumns.filter(object.columns.contains)
            if !facets.isEmpty { members.append(("facets", .array(facets.map(JSONValue.string)))) }
            if Self.internalTables.contains(object.name) { members.append(("hidden", .bool(true))) }
            return (object.name, .object(members))
        }
        let hiddenNotPresent = Self.internalTables.filter { name in !objects.contains { $0.name == name } }
        let canned: [(String, JSONValue)] = queries.map { query, parameters in
            var members: [(String, JSONValue)] = [("sql", .string(query.sql)), ("title", .string(query.name))]
            if !query.description.isEmpty { members.append(("description", .string(query.description))) }
            members.append(("params", .array(parameters.map(JSONValue.string))))
            return (query.name, .object(members))
        }
        let database: JSONValue = .object([
            ("description", .string(
                "The v_ views are the reporting contract: stable columns, ISO dates, US dollars. "
                    + "The tables hold the facts they are computed from; write to them only through lifeline, "
                    + "which reassesses after every change. Served read-only.")),
            ("tables", .object(tables + hiddenNotPresent.map { ($0, JSONValue.object([("hidden", .bool(true))])) })),
            ("queries", .object(canned)),
        ])
        configuration = .object([
            ("settings", .object(settings.map { ($0.name, JSONValue.integer(Int64($0.value))) })),
            ("databases", .object([(databaseName, .object([("queries", .object(canned))]))])),
        ] + Self.signIn(logins))
        metadata = .object([
            ("title", .string("lifeline: \(databaseName)")),
            ("description", .string(
                "An AI portfolio's lifelines: how long each company keeps its advantage and its necessity "
                    + "before a big provider ships what it sells.")),
            ("databases", .object([(databaseName, database)])),
        ] + Self.signIn(logins))
    }

    /// A table or view of the database and its columns, in order.
    struct SchemaObject {
        let name: String
        let columns: [String]
    }
}

extension ReadOnlyPortfolio {
    /// The Datasette kit for this database, described by `document` (docs/schema.md as
    /// shipped, unless a test gives another); with `logins`, only they may read it.
    public func datasetteKit(logins: [String] = [], document: SchemaDocument = .shipped) throws -> DatasetteKit {
        for login in logins { try Slug.validate(login, kind: "login") }
        return try LifelineError.explaining {
            let names = try database.fetchAll(
                sql: """
                    SELECT name FROM sqlite_schema
                    WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                    ORDER BY type = 'table', name
                    """
            ) { try $0.get(0, as: String.self) }
            let objects = try names.map { name in
                DatasetteKit.SchemaObject(
                    name: name,
                    columns: try database.fetchAll(sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [.text(name)]) {
                        try $0.get(0, as: String.self)
                    })
            }
            let queries = try SavedQuery.all.map { query in
                let names = try database.prepareReadOnlyQuery(sql: query.sql).parameterNames
                return (query: query, parameters: names.compactMap { $0 })
            }
            let file = path.split(separator: "/").last.map(String.init) ?? path
            let stem = file.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
            return DatasetteKit(
                databaseName: stem.isEmpty ? file : stem, objects: objects, queries: queries, logins: logins, document: document)
        }
    }
}

extension SchemaDocument {
    /// docs/schema.md as built into the binary.
    public static let shipped = SchemaDocument(markdown: EmbeddedSchemaDocument.files.first?.text ?? "")
}

extension DatasetteKit {
    /// `datasette.yaml` as text: JSON, which is YAML, behind a comment saying so.
    public var configurationText: String {
        "# Datasette 1.0's configuration, written by 'lifeline datasette' (JSON is YAML).\n"
            + configuration.prettySerialized() + "\n"
    }

    /// `serve.sh`: Datasette on the database at `databasePath` (absolute), with this kit's
    /// metadata and settings, on 127.0.0.1:8001 unless told otherwise; with
    /// `datasette.yaml` too when the Datasette it runs is 1.0 or later.
    public func serveScript(databasePath: String) -> String {
        let settingLines = settings.map { "    --setting \($0.name) \($0.value) \\\n" }.joined()
        return """
            #!/bin/sh
            # Serves \(databasePath) with Datasette 0.65 (or 1.0) and the kit
            # 'lifeline datasette' wrote.
            #
            # Read-only: Datasette opens a file it is not told is immutable with SQLite's
            # mode=ro, so it never writes and sees each change lifeline commits. Never add
            # -i/--immutable for a file that lifeline (cron, a colleague) still writes:
            # Datasette would then skip SQLite's locking and may read half a transaction.
            #
            # Arguments go on to 'datasette serve': ./serve.sh --port 8002, or a plugin's
            # options. DATASETTE names the datasette to run; HOST and PORT where it listens.
            set -eu
            kit=$(cd "$(dirname "$0")" && pwd)
            datasette=${DATASETTE:-datasette}
            case $("$datasette" --version) in
                *"version 0."*) ;;
                *) set -- -c "$kit/datasette.yaml" "$@" ;;
            esac
            exec "$datasette" serve \(Self.shellQuoted(databasePath)) \\
                --metadata "$kit/metadata.json" \\
            \(settingLines)    --host "${HOST:-127.0.0.1}" --port "${PORT:-8001}" "$@"

            """
    }

    /// `text` as one word for sh, whatever it holds.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
