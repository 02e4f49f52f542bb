import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline init`: create a database, or bring an existing one up to date.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a lifeline database, or upgrade an existing one.",
        discussion: """
            Safe to run again: an up-to-date database is left as it is. --with-history \
            also imports the release history built into lifeline ('lifeline import history').

            Examples:
              lifeline init --db portfolio.db
              lifeline init --with-history --db portfolio.db
            """
    )

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Also import the release history built into lifeline.")
    var withHistory = false

    func run() throws {
        let path = global.resolvedDatabasePath
        let opened = try NewDatabaseFile.removedOnFailure(at: path) {
            let opened = try global.openPortfolio(create: true)
            return (wasCreated: opened.wasCreated, appliedMigrations: opened.appliedMigrations)
        }
        let version = Schema.latestVersion
        if opened.wasCreated {
            Console.output("Created \(path) at schema version \(version).")
        } else if opened.appliedMigrations.isEmpty {
            Console.output("\(path) is up to date (schema version \(version)).")
        } else {
            Console.output("Upgraded \(path) to schema version \(version).")
        }
        for migration in opened.appliedMigrations {
            Console.output("  applied \(migration)")
        }
        if withHistory {
            let summary = try global.portfolio().onboarding.importReleases(
                Onboarding.builtInHistory(), fileName: Onboarding.historyFileName, createModels: true)
            ReleaseImportPresenter.print(summary)
        }
    }
}
