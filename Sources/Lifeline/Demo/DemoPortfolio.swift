import LifelineCore

/// The built-in demo: the release history lifeline ships (data/provider-history.csv:
/// real, dated releases with their public sources) and a portfolio of fictional
/// companies modelled on the essay's cases, dated by the same facts users import.
/// docs/demo.md explains each company and how its lifeline ends.
public enum DemoPortfolio {
    struct DemoCompany {
        let slug: String
        let name: String
        let sector: String
        let tier: Company.Tier
        let since: String
        let runway: Int
        let dependencies: [String]
        let exposures: [(capability: String, effect: Effect, providers: [String])]
        let investment: (on: String, round: String, amount: String)
        let notes: String
        /// Lifelines begun after the first: a rebuild or a renewal.
        var later: [LaterLifeline] = []
    }

    struct LaterLifeline {
        let on: String
        let began: LifelineRecord.Beginning
        let tier: Company.Tier
        let note: String
    }

    static let providers = [
        ("openai", "OpenAI"), ("anthropic", "Anthropic"), ("google", "Google"), ("microsoft", "Microsoft"),
    ]

    /// Models the companies depend on, recorded before the history (which adds the rest).
    static let models: [(reference: String, name: String, kind: Model.Kind)] = [
        ("openai/text-davinci-003", "GPT-3 (text-davinci-003)", .api), ("openai/gpt-3.5-turbo", "GPT-3.5 Turbo", .api),
        ("openai/gpt-4", "GPT-4", .api), ("openai/chatgpt", "ChatGPT", .product),
        ("microsoft/m365-copilot", "Microsoft 365 Copilot", .product), ("anthropic/claude-2", "Claude 2", .api),
    ]

    /// The essay's cases, with start dates chosen so that each ends the way it says.
    static let companies: [DemoCompany] = [
        DemoCompany(
            slug: "quillcraft", name: "Quillcraft", sector: "Marketing copy", tier: .threeMonths, since: "2022-09-15",
            runway: 3, dependencies: ["openai/text-davinci-003"],
            exposures: [("chat-assistant", .necessity, [])], investment: ("2022-09-30", "Seed", "2.5M"),
            notes: "Marketing copy on GPT-3; a general chat assistant does the same job."),
        DemoCompany(
            slug: "chainsmith", name: "Chainsmith", sector: "Developer tools", tier: .sixMonths, since: "2023-02-01",
            runway: 6, dependencies: ["openai/gpt-4", "openai/gpt-3.5-turbo"],
            exposures: [("function-calling", .advantage, [])], investment: ("2023-02-15", "Series A", "6M"),
            notes: "LLM orchestration framework; native function calling removes its edge."),
        DemoCompany(
            slug: "papertalk", name: "PaperTalk", sector: "Document AI", tier: .threeMonths, since: "2023-04-10",
            runway: 3, dependencies: ["openai/gpt-3.5-turbo"],
            exposures: [("file-upload", .necessity, [])], investment: ("2023-04-20", "Seed", "1.2M"),
            notes: "Chat with your PDF; unnecessary once assistants accept uploads."),
        DemoCompany(
            slug: "pixelforge", name: "Pixelforge", sector: "Image generation", tier: .sixMonths, since: "2023-05-01",
            runway: 3, dependencies: [],
            exposures: [("image-generation", .necessity, ["openai"])], investment: ("2023-05-15", "Seed", "1.5M"),
            notes: "Single-modality image generator; replaced when chat assistants draw."),
        DemoCompany(
            slug: "autopilot", name: "Autopilot Labs", sector: "Agents", tier: .sixMonths, since: "2023-06-01",
            runway: 6, dependencies: ["openai/gpt-4"],
            exposures: [("agents", .advantage, [])], investment: ("2023-06-20", "Seed", "3M"),
            notes: "Autonomous-agent framework; providers' built-in agents erode it."),
        DemoCompany(
            slug: "deckly", name: "Deckly", sector: "Presentations", tier: .threeMonths, since: "2023-08-15",
            runway: 3, dependencies: ["openai/gpt-4"],
            exposures: [("office-integration", .advantage, [])], investment: ("2023-08-25", "Pre-seed", "800k"),
            notes: "AI slide decks; Office Copilot takes its edge."),
        DemoCompany(
            slug: "modelverse", name: "Modelverse", sector: "Model hub and community", tier: .twelveMonths,
            since: "2023-03-01", runway: 12, dependencies: ["anthropic/claude-2"], exposures: [],
            investment: ("2023-03-10", "Series B", "15M"),
            notes: "Model hub and community platform; a lasting advantage."),
        DemoCompany(
            slug: "tabulate", name: "Tabulate", sector: "Data analysis", tier: .sixMonths, since: "2023-03-20",
            runway: 6, dependencies: ["openai/gpt-4"], exposures: [("code-execution", .advantage, [])],
            investment: ("2023-04-01", "Seed", "2M"),
            notes: "Spreadsheet analysis by running code; ChatGPT's code interpreter takes its edge, and it rebuilds.",
            later: [LaterLifeline(on: "2023-09-01", began: .rebuilt, tier: .sixMonths, note: "Rebuilt as a data agent for warehouses")]),
        DemoCompany(
            slug: "lexicon", name: "Lexicon", sector: "Legal AI", tier: .sixMonths, since: "2023-05-15",
            runway: 6, dependencies: ["anthropic/claude-2"], exposures: [("long-context", .advantage, ["anthropic"])],
            investment: ("2023-05-30", "Seed", "1.8M"),
            notes: "Contract review over whole data rooms; its tier runs out first, and the investor renews it.",
            later: [LaterLifeline(on: "2023-12-01", began: .renewed, tier: .sixMonths, note: "Reviewed: long contracts still beyond the big models")]),
    ]

    /// Adds whatever of the demo is missing - providers, models, companies, the history -
    /// leaving anything already there (including the user's own changes) as it is, then
    /// reassesses every company as of `asOf`. Returns the reassessment. One transaction.
    public static func load(into portfolio: Portfolio, asOf: CivilDate) throws -> ReassessmentReport {
        try portfolio.transaction {
            _ = try portfolio.batch(trigger: "demo", reassess: false) { session in
                let existingProviders = Set(try portfolio.catalogue.providers().map(\.slug))
                for (slug, name) in providers where !existingProviders.contains(slug) {
                    _ = try portfolio.catalogue.addProvider(slug: slug, name: name, in: session)
                }
                let existingModels = Set(try portfolio.catalogue.models().map(\.reference.description))
                for model in models where !existingModels.contains(model.reference) {
                    _ = try portfolio.catalogue.addModel(
                        try ModelReference(parsing: model.reference), name: model.name, kind: model.kind, in: session)
                }
                var history = ReleaseImportSummary(fileName: Onboarding.historyFileName, isDryRun: false)
                let feed = Onboarding.builtInHistory()
                if let problem = feed.problems.first { throw LifelineError(.badData, problem) }
                try portfolio.onboarding.record(feed.rows, createModels: true, into: &history, in: session)
                let existingCompanies = Set(try portfolio.companies.companySummaries(investedAsOf: asOf).map(\.company.slug))
                for company in companies where !existingCompanies.contains(company.slug) {
                    try add(company, to: portfolio, in: session)
                }
            }
            return try portfolio.reassessment.reassessAll(asOf: asOf)
        }
    }

    /// Each fact is recorded as of its own day when that is after today (the demo loads
    /// whatever the calendar says; no lifeline may start in the future).
    private static func add(_ company: DemoCompany, to portfolio: Portfolio, in session: WriteSession) throws {
        func asOf(_ day: String) -> Portfolio {
            let date = CivilDate(iso: day)!
            return date <= portfolio.today ? portfolio : Portfolio(database: portfolio.database, today: date)
        }
        _ = try asOf(company.since).companies.addCompany(
            slug: company.slug,
            fields: CompanyFields(
                name: company.name, tier: String(company.tier.months), since: company.since,
                runwayMonths: String(company.runway), sector: company.sector, notes: company.notes),
            in: session)
        if !company.dependencies.isEmpty {
            _ = try portfolio.companies.addDependencies(
                company: company.slug, models: try company.dependencies.map(ModelReference.init(parsing:)), in: session)
        }
        for exposure in company.exposures {
            _ = try portfolio.companies.setExposure(
                company: company.slug, capability: exposure.capability, effect: exposure.effect, providers: exposure.providers,
                in: session)
        }
        try portfolio.companies.addInvestment(
            company: company.slug, on: CivilDate(iso: company.investment.on)!, amount: try USDAmount.parse(company.investment.amount),
            round: company.investment.round, in: session)
        for lifeline in company.later {
            _ = try asOf(lifeline.on).companies.startLifeline(
                slug: company.slug, on: CivilDate(iso: lifeline.on)!, began: lifeline.began, tier: lifeline.tier, runwayMonths: nil,
                note: lifeline.note, in: session)
        }
    }
}
