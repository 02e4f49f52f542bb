import ArgumentParser
import Lifeline
import LifelineCore

extension ReleaseCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List releases in date order.",
            discussion: """
                Example:
                  lifeline release list --since 2023-01-01 --capability file-upload
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp("Only releases on or after this date.", valueName: "date"))
        var since: String?
        @Option(help: "Only this provider's releases.")
        var provider: String?
        @Option(help: "Only releases shipping this capability.")
        var capability: String?

        func run() throws {
            let since = try since.map { try CivilDate.parse($0, today: try Today.resolve(), field: "--since date") }
            let releases = try global.portfolio().catalogue.releases(since: since, provider: provider, capability: capability)
            ReleasePresenter.rows(releases).print(as: output.format)
        }
    }
}
