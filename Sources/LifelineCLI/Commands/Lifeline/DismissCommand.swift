import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline dismiss`: an investor's judgement that a threat does not apply.
struct DismissCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dismiss",
        abstract: "Record that a release does not threaten a company (triage).",
        discussion: """
            The dismissed release no longer ends the company's lifeline while the as-of \
            date is before --until (for good without it); when it expires, the next \
            reassessment raises the threat again. Dismissals show in 'company show' and \
            'history'; 'lifeline undismiss' removes one. Dismissing again replaces the \
            reason and date.

            Example:
              lifeline dismiss papertalk 2 --reason "Enterprise customers need on-premise" --until 2024-06-01
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The company's slug.")
    var slug: String
    @Argument(help: "The release id (see 'lifeline release list').")
    var releaseID: Int64
    @Option(help: "Why it does not apply.")
    var reason: String
    @Option(help: ArgumentHelp("Until this date (exclusive); default: for good.", valueName: "date"))
    var until: String?

    func run() throws {
        let portfolio = try global.portfolio()
        let untilDate = try until.map { try CivilDate.parse($0, today: portfolio.today, field: "--until date") }
        let result = try portfolio.companies.dismiss(company: slug, releaseID: releaseID, reason: reason, until: untilDate)
        let span = untilDate.map { "until \($0)" } ?? "for good"
        Console.output("\(result.value ? "Dismissed" : "Updated dismissal of") release \(releaseID) for \(slug), \(span).")
        AssessmentPresenter.printChanges(of: result.reassessment)
    }
}
