import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline company ...`: portfolio companies and what they depend on.
struct CompanyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "company",
        abstract: "Record portfolio companies, their investments, dependencies and exposures.",
        subcommands: [
            Add.self, List.self, Show.self, Edit.self, Remove.self, Depend.self, Undepend.self, Expose.self,
            Unexpose.self, Invest.self, Adopt.self, Unadopt.self, Rebuild.self, Renew.self, Close.self, Reopen.self, Import.self,
        ]
    )
}

/// The record options shared by `company add` and `company edit`.
struct CompanyFieldOptions: ParsableArguments {
    @Option(help: "Display name (default: the slug).")
    var name: String?
    @Option(help: "Lifeline tier in months: 3, 6 or 12.")
    var tier: String?
    @Option(help: ArgumentHelp("When the current lifeline started: YYYY-MM-DD, today or yesterday.", valueName: "date"))
    var since: String?
    @Option(help: ArgumentHelp("Months of operating runway after the product is replaced (default 3).", valueName: "months"))
    var runway: String?
    @Option(help: "Sector, e.g. \"Legal AI\".")
    var sector: String?
    @Option(help: "Web address (https://...).")
    var website: String?
    @Option(help: "Free-text notes.")
    var notes: String?

    var fields: CompanyFields {
        CompanyFields(
            name: name, tier: tier, since: since, runwayMonths: runway, sector: sector, website: website, notes: notes)
    }
}

extension Company {
    /// "tier 3 months from 2023-01-15, runway 3 months"
    var lifelineSummary: String {
        "tier \(tier.months) months from \(lifelineStart), runway \(runwayMonths) month\(runwayMonths == 1 ? "" : "s")"
    }
}
