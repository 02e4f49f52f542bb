import ArgumentParser
import Glibc
import Lifeline
import LifelineCore

/// `lifeline datasette`: the portfolio in a browser, served by Datasette (docs/sharing.md).
struct DatasetteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasette",
        abstract: "Write a Datasette kit for the database: metadata.json, datasette.yaml and serve.sh.",
        discussion: """
            metadata.json describes every view and table with its columns (from \
            docs/schema.md), offers the saved queries ('lifeline sql --list') as canned \
            queries with their parameters as form fields, facets on status, tier, sector \
            and provider, and hides lifeline's and Litestream's bookkeeping tables. \
            serve.sh runs Datasette 0.65 on it, read-only, on 127.0.0.1:8001 \
            (datasette.yaml holds the queries and settings for Datasette 1.0). Write the \
            kit again after 'lifeline migrate'. Reads the database only.

            With --login NAME (repeatable) only those may read, after signing in with \
            the datasette-auth-passwords plugin; each one's password hash comes from \
            the environment of the server (LIFELINE_PASSWORD_HASH_NAME, as \
            'datasette hash-password' prints it), never from the kit.

            Example:
              lifeline datasette --db portfolio.db --out datasette-kit
              # then serve it: datasette-kit/serve.sh
              lifeline datasette --out kit --login alice --login bob
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The directory to write (created if missing).", valueName: "dir"))
    var out: String
    @Option(help: ArgumentHelp("Only this user may read, after signing in (repeatable).", valueName: "name"))
    var login: [String] = []
    @Flag(help: "Overwrite the files of an earlier kit in the directory.")
    var force = false

    static let files = ["metadata.json", "datasette.yaml", "serve.sh"]

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out needs a directory") }
    }

    func run() throws {
        let portfolio = try global.openReadOnly()
        let kit = try portfolio.datasetteKit(logins: login)
        guard let resolved = realpath(portfolio.path, nil) else {
            throw Failure(.missingInput, "cannot resolve '\(portfolio.path)': \(String(cString: strerror(errno)))")
        }
        let databasePath = String(cString: resolved)
        free(resolved)
        if mkdir(out, 0o755) != 0 && errno != EEXIST {
            throw Failure(.ioFailure, "cannot create '\(out)': \(String(cString: strerror(errno)))")
        }
        if !force, let existing = Self.files.first(where: { access("\(out)/\($0)", F_OK) == 0 }) {
            throw Failure(.usage, "'\(out)/\(existing)' exists; add --force to overwrite the kit in '\(out)'")
        }
        try writeText(kit.metadata.prettySerialized() + "\n", to: "\(out)/metadata.json")
        try writeText(kit.configurationText, to: "\(out)/datasette.yaml")
        try writeText(kit.serveScript(databasePath: databasePath), to: "\(out)/serve.sh")
        guard chmod("\(out)/serve.sh", 0o755) == 0 else {
            throw Failure(.ioFailure, "cannot make '\(out)/serve.sh' executable: \(String(cString: strerror(errno)))")
        }
        Console.output("""
            Wrote \(out)/metadata.json, datasette.yaml and serve.sh for database '\(kit.databaseName)'.
            Serve it read-only with Datasette 0.65 (pip install 'datasette==0.65.*'): \(out)/serve.sh
            """)
        if !kit.logins.isEmpty {
            let variables = kit.logins.map(DatasetteKit.passwordHashVariable).joined(separator: ", ")
            Console.output("Signing in needs datasette-auth-passwords, and \(variables) set to 'datasette hash-password' output where it runs.")
        }
    }
}
