import ArgumentParser
import Lifeline
import LifelineCore

extension CompanyCommand {
    struct Unadopt: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unadopt",
            abstract: "Remove an adoption recorded by mistake: the capability is an opportunity again.",
            discussion: """
                Example:
                  lifeline company unadopt papertalk function-calling
                """
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company's slug.")
        var slug: String
        @Argument(help: "The capability it did not adopt after all.")
        var capability: String

        func run() throws {
            let adoption = try global.portfolio().companies.unadopt(company: slug, capability: capability)
            Console.output(
                "Removed \(adoption.company)'s adoption of \(adoption.capability) (\(adoption.adoptedOn), "
                    + "\(AdoptionPresenter.releaseText(adoption))): it is an opportunity again.")
        }
    }
}
