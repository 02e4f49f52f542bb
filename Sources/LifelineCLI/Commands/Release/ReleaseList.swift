import ArgumentParser
import Lifeline
import LifelineCore

extension ReleaseCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List releases in date order.",
            discussion: """
                After a catalogue import there are thousands; --touching keeps the releases \
                that ended a company's current lifeline, threaten one that still runs, or \
                are an opportunity for one, \
                --lab those of labs (not hosts' listings), --source logged those typed by a \
                person. --limit keeps the first N, in date order.

                Examples:
                  lifeline release list --since 2023-01-01 --capability file-upload
                  lifeline release list --touching --since 2024-01-01
                  lifeline release list --lab --source import --limit 20
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
        @Option(help: "Only releases logged by a person (logged), imported from a catalogue (import), or read from a release history (history).")
        var source: Release.Source?
        @Flag(help: "Only releases by labs, not hosts' listings.")
        var lab = false
        @Flag(help: "Only releases that ended a company's current lifeline, threaten one that runs, or are an opportunity for one.")
        var touching = false
        @Option(help: "At most this many releases, the first in date order.")
        var limit: Int?

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, not \(limit)") }
        }

        func run() throws {
            let since = try since.map { try CivilDate.parse($0, today: try Today.resolve(), field: "--since date") }
            let releases = try global.portfolio().catalogue.releases(
                since: since, provider: provider, capability: capability, source: source, labsOnly: lab, touching: touching, limit: limit)
            ReleasePresenter.rows(releases).print(as: output.format)
        }
    }
}

extension Release.Source: ExpressibleByArgument {}
