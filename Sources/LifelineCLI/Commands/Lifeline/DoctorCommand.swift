import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline doctor`: is this database sound?
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the database: integrity, foreign keys, migrations, sizes and counts.",
        discussion: """
            Reads only. Exits 0 when the database is healthy, 1 with the list of problems \
            otherwise (on standard error, one per line).

            Example:
              lifeline doctor --db portfolio.db
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try global.openReadOnly().healthReport()
        var rows = Rows(columns: ["check", "value"])
        for fact in report.facts { rows.append([.text(fact.name), .text(fact.value)]) }
        rows.print(as: output.format)
        if output.format == .table {
            Console.output(report.isHealthy ? "\nHealthy." : "\n\(report.problems.count) problem(s):")
        }
        guard report.isHealthy else {
            for problem in report.problems { Console.error("lifeline: problem: \(problem)") }
            throw ExitCode(1)
        }
    }
}
