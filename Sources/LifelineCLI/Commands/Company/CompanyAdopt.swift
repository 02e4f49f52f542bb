import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Adopt: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "adopt",
            abstract: "Record that a company adopted an opportunity: a capability shipped on a model it builds on.",
            discussion: """
                From that date the capability is no longer listed to adopt (company show, \
                the report), and the lag from its release to the adoption is kept (company \
                show, history). The release adopted is the one given with --release, else \
                the earliest that shipped the capability on a model the company depended \
                on by that date; a capability that was no opportunity by then is refused. \
                The date may not be after today.

                Example:
                  lifeline company adopt papertalk function-calling --on 2023-07-20 \\
                    --note "Tool use in the PDF agent"
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @Argument(help: "The capability it adopted.")
        var capability: String
        @Option(help: ArgumentHelp("When it adopted it: YYYY-MM-DD, today or yesterday.", valueName: "date"))
        var on: String
        @Option(help: ArgumentHelp("The release whose capability it adopted (default: the earliest).", valueName: "id"))
        var release: Int64?
        @Option(help: "What it did with it.")
        var note: String?

        func run() throws {
            let portfolio = try global.portfolio()
            let date = try CivilDate.parse(on, today: portfolio.today, field: "--on date")
            let adoption = try portfolio.companies.adopt(company: slug, capability: capability, on: date, releaseID: release, note: note)
            Console.output(
                "Recorded that \(adoption.company) adopted \(adoption.capability) on \(adoption.adoptedOn): "
                    + "\(AdoptionPresenter.releaseText(adoption)), \(AdoptionPresenter.lagText(adoption)).")
        }
    }
}
