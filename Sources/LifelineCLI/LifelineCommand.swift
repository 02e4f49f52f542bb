import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline`: the root command. Subcommands live in `Commands/`, one file each.
@main
struct LifelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifeline",
        abstract: "Track how long AI start-ups keep their edge as model providers ship.",
        discussion: """
            lifeline keeps a portfolio of AI start-ups, the model APIs they build on and \
            the model releases that can end their lifeline, in one SQLite file.

            The database is --db PATH, else $LIFELINE_DB, else ./lifeline.db.

            Examples:
              lifeline init --db portfolio.db && export LIFELINE_DB=portfolio.db
              lifeline import models-dev api.json
              lifeline company import portfolio.csv
              lifeline release log openai/chatgpt --on today --capability file-upload
              lifeline reassess --quiet          # nightly, from cron
              lifeline report --format html --out report.html
              lifeline demo                      # the built-in demo portfolio
            """,
        version: LifelineVersion.current,
        subcommands: [
            InitCommand.self, MigrateCommand.self, ProviderCommand.self, ModelCommand.self, CapabilityCommand.self, FamilyCommand.self,
            CompanyCommand.self, ReleaseCommand.self, ReassessCommand.self, WhatIfCommand.self, HistoryCommand.self, ScorecardCommand.self,
            DismissCommand.self, UndismissCommand.self, SQLCommand.self, ReportCommand.self, DemoCommand.self, ImportCommand.self, ExportCommand.self, RestoreCommand.self, BackupCommand.self, DoctorCommand.self, NotifyCommand.self,
            DatasetteCommand.self,
        ]
    )

    /// More than any command needs: a company's models or a release's capabilities are a
    /// handful each.
    static let maximumArguments = 1_000

    /// Runs the command and turns every failure into one line on stderr and a
    /// sysexits(3) exit code - the argument parser's usage errors too, with a second line
    /// naming the command's help (exit 64). Help and --version print as the parser has them.
    static func main() {
        // swift-argument-parser's parsing is quadratic in repeated options: 10,000
        // `--capability` took 12 s before any of lifeline's code ran.
        if CommandLine.arguments.count > maximumArguments {
            Console.error(
                "lifeline: error: \(CommandLine.arguments.count - 1) arguments are too many (at most \(maximumArguments)); put long lists in a file ('company import', 'sql --file')")
            exit(withError: ExitCode(ExitStatus.usage.rawValue))
        }
        let parsed: ParsableCommand
        do {
            parsed = try parseAsRoot()
        } catch {
            guard exitCode(for: error) != .success else { exit(withError: error) }
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            Console.error("lifeline: error: \(Self.sentence(message))")
            Console.error("see '\(Self.commandPath(of: CommandLine.arguments.dropFirst()).joined(separator: " ")) --help'")
            exit(withError: ExitCode(ExitStatus.usage.rawValue))
        }
        do {
            var command = parsed
            try command.run()
        } catch let failure as Failure {
            Console.error("lifeline: error: \(failure.message)")
            exit(withError: ExitCode(failure.exitCode.rawValue))
        } catch {
            guard let failure = Failure(recognizing: error) else { exit(withError: error) }
            Console.error("lifeline: error: \(failure.message)")
            exit(withError: ExitCode(failure.exitCode.rawValue))
        }
    }

    /// The command the arguments name - `lifeline company add` - as far as they name one.
    static func commandPath(of arguments: ArraySlice<String>) -> [String] {
        var path = ["lifeline"]
        var commands = configuration.subcommands
        for argument in arguments where !argument.hasPrefix("-") {
            guard let next = commands.first(where: { $0.configuration.commandName == argument }) else { break }
            path.append(argument)
            commands = next.configuration.subcommands
        }
        return path
    }

    /// The parser's message as lifeline words its own: "Missing expected argument" ->
    /// "missing expected argument", without "Error: ".
    static func sentence(_ message: String) -> String {
        let text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
        guard let first = text.first, first.isUppercase, !(text.dropFirst().first?.isUppercase ?? false) else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
