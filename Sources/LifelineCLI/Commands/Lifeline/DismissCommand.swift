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

            With --capability instead of a release id, every current threat that ships the \
            capability is dismissed (from the --provider ones only, when given): a threat \
            named by what it is.

            Examples:
              lifeline dismiss papertalk 2 \\
                --reason "Enterprise customers need on-premise" --until 2024-06-01
              lifeline dismiss deckly --capability office-integration \\
                --provider microsoft --reason "brand-true decks"
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The company's slug.")
    var slug: String
    @Argument(help: "The release id ('company show' lists the threats with theirs); or use --capability.")
    var releaseID: Int64?
    @Option(help: ArgumentHelp("Dismiss every current threat that ships this capability, instead of one release.", valueName: "capability"))
    var capability: String?
    @Option(help: ArgumentHelp("With --capability: only the threats from this provider (repeatable).", valueName: "provider"))
    var provider: [String] = []
    @Option(help: "Why it does not apply.")
    var reason: String
    @Option(help: ArgumentHelp("Until this date (exclusive); default: for good.", valueName: "date"))
    var until: String?

    func validate() throws {
        if (releaseID == nil) == (capability == nil) { throw ValidationError("give a release id or --capability, not both") }
        if capability == nil && !provider.isEmpty { throw ValidationError("--provider goes with --capability") }
    }

    func run() throws {
        let portfolio = try global.portfolio()
        let untilDate = try until.map { try CivilDate.parse($0, today: portfolio.today, field: "--until date") }
        let span = untilDate.map { "until \($0)" } ?? "for good"
        if let capability {
            let result = try portfolio.companies.dismiss(
                company: slug, capability: capability, providers: provider, reason: reason, until: untilDate)
            let ids = result.value.map(String.init).joined(separator: ", ")
            Console.output("Dismissed \(capability) for \(slug), \(span): release\(result.value.count == 1 ? "" : "s") \(ids).")
            AssessmentPresenter.printChanges(of: result.reassessment)
            return
        }
        let releaseID = releaseID!
        let result = try portfolio.companies.dismiss(company: slug, releaseID: releaseID, reason: reason, until: untilDate)
        Console.output("\(result.value ? "Dismissed" : "Updated dismissal of") release \(releaseID) for \(slug), \(span).")
        AssessmentPresenter.printChanges(of: result.reassessment)
    }
}
