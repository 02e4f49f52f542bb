import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// The repository's rules, on an in-memory database.
@Suite("Portfolio records")
struct PortfolioTests {
    static let today = CivilDate(iso: "2023-12-01")!
    let portfolio: Portfolio

    init() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        portfolio = Portfolio(database: database, today: Self.today)
        _ = try portfolio.catalogue.addProvider(slug: "openai", name: "OpenAI")
        _ = try portfolio.catalogue.addProvider(slug: "anthropic", name: nil)
        _ = try portfolio.catalogue.addModel(try ModelReference(parsing: "openai/chatgpt"), name: "ChatGPT", kind: .product)
        _ = try portfolio.catalogue.addModel(try ModelReference(parsing: "openai/gpt-4"), name: nil, kind: .api)
        _ = try portfolio.companies.addCompany(slug: "papertalk", fields: CompanyFields(name: "PaperTalk", tier: "3", since: "2023-01-15"))
    }

    func log(_ model: String, on date: String, _ capabilities: [String] = [], kind: Release.Kind? = nil,
             announced: String? = nil, createModel: Bool = false, ifNew: Bool = false) throws -> ReleaseLogOutcome {
        try portfolio.catalogue.logRelease(ReleaseRequest(
            model: try ModelReference(parsing: model), releasedOn: CivilDate(iso: date)!, capabilities: capabilities,
            kind: kind, announcedOn: announced.flatMap(CivilDate.init(iso:)), createModel: createModel, ifNew: ifNew)).value
    }

    func count(_ table: String) throws -> Int {
        try portfolio.database.fetchOne(sql: "SELECT count(*) FROM \(table)") { try $0.get(0) as Int } ?? -1
    }

    @Test("providers: name defaults to the slug; duplicates are refused")
    func providers() throws {
        #expect(try portfolio.catalogue.providers().map(\.name) == ["anthropic", "OpenAI"])
        #expect(try portfolio.catalogue.providers().first { $0.slug == "openai" }?.modelCount == 2)
        let error = #expect(throws: LifelineError.self) { try portfolio.catalogue.addProvider(slug: "openai", name: nil) }
        #expect(error?.message == "provider 'openai' already exists")
    }

    @Test("a model under an unknown provider is never created")
    func modelUnderUnknownProvider() throws {
        let error = #expect(throws: LifelineError.self) {
            try portfolio.catalogue.addModel(try ModelReference(parsing: "opnai/gpt-5"), name: nil, kind: .api)
        }
        #expect(error?.message == "unknown provider 'opnai'; did you mean 'openai'?")
        #expect(try count("models") == 2)
        #expect(try portfolio.catalogue.models(provider: "openai").map(\.reference.model) == ["chatgpt", "gpt-4"])
    }

    @Test("aliases resolve wherever a capability is named, and cannot shadow a capability")
    func aliases() throws {
        #expect(try portfolio.catalogue.addCapabilityAlias(capability: "function-calling", alias: "tools") == "function-calling")
        #expect(try portfolio.names.capabilitySlug("tools") == "function-calling")
        #expect(throws: LifelineError.self) { try portfolio.catalogue.addCapabilityAlias(capability: "vision", alias: "tools") }
        #expect(throws: LifelineError.self) { try portfolio.catalogue.addCapabilityAlias(capability: "vision", alias: "agents") }
        #expect(throws: LifelineError.self) { try portfolio.catalogue.addCapabilityAlias(capability: "vision", alias: "Bad Alias") }
        #expect(throws: LifelineError.self) { try portfolio.catalogue.addCapability(slug: "tools", name: "Tools", description: nil) }
        #expect(try portfolio.catalogue.capabilities().first { $0.slug == "function-calling" }?.aliases == ["supports_function_calling", "tool_call", "tools"])
    }

    @Test("company edit changes only what is given; an empty optional field clears it")
    func editCompany() throws {
        _ = try portfolio.companies.editCompany(slug: "papertalk", fields: CompanyFields(sector: "Legal", notes: "note"))
        let edited = try portfolio.companies.editCompany(slug: "papertalk", fields: CompanyFields(tier: "6", sector: "")).value
        #expect(edited.tier == .sixMonths)
        #expect(edited.sector == nil)
        #expect(edited.notes == "note")
        #expect(edited.name == "PaperTalk")
        #expect(try portfolio.companies.company("papertalk") == edited)
        #expect(throws: LifelineError.self) { try portfolio.companies.editCompany(slug: "papertalk", fields: CompanyFields()) }
        #expect(throws: LifelineError.self) { try portfolio.companies.editCompany(slug: "papertalk", fields: CompanyFields(runwayMonths: "121")) }
        #expect(try portfolio.companies.company("papertalk").tier == .sixMonths)
    }

    @Test("company remove says what goes, and removes only when confirmed")
    func removeCompany() throws {
        try portfolio.companies.addInvestment(company: "papertalk", on: Self.today, amount: try USDAmount.parse("1M"), round: "Seed")
        _ = try portfolio.companies.addDependencies(company: "papertalk", models: [try ModelReference(parsing: "openai/gpt-4")])
        let plan = try portfolio.companies.removeCompany(slug: "papertalk", confirmed: false)
        #expect(plan.dependentsDescription == "1 investment and 1 dependency")
        #expect(try count("companies") == 1)
        _ = try portfolio.companies.removeCompany(slug: "papertalk", confirmed: true)
        #expect(try count("companies") == 0)
        #expect(try count("investments") == 0 && count("dependencies") == 0)
    }

    @Test("depend is idempotent; undepend removes all named or nothing")
    func dependencies() throws {
        let gpt4 = try ModelReference(parsing: "openai/gpt-4")
        let chatgpt = try ModelReference(parsing: "openai/chatgpt")
        #expect(try portfolio.companies.addDependencies(company: "papertalk", models: [gpt4]).value == [gpt4])
        #expect(try portfolio.companies.addDependencies(company: "papertalk", models: [gpt4, chatgpt]).value == [chatgpt])
        let error = #expect(throws: LifelineError.self) {
            try portfolio.companies.removeDependencies(company: "papertalk", models: [chatgpt, try ModelReference(parsing: "openai/gpt-4o")])
        }
        #expect(error?.message.hasPrefix("unknown model 'openai/gpt-4o'") == true)
        #expect(try count("dependencies") == 2)
        try portfolio.companies.removeDependencies(company: "papertalk", models: [chatgpt])
        #expect(throws: LifelineError.self) { try portfolio.companies.removeDependencies(company: "papertalk", models: [chatgpt]) }
        #expect(try portfolio.companies.companyDetail("papertalk").dependencies == [gpt4])
    }

    @Test("exposing again with a wider scope takes the providers over; unexpose needs an exposure")
    func exposures() throws {
        #expect(try portfolio.companies.setExposure(company: "papertalk", capability: "file-upload", effect: .necessity, providers: ["openai"]).value.isNew)
        let widened = try portfolio.companies.setExposure(
            company: "papertalk", capability: "file-upload", effect: .advantage, providers: ["anthropic", "openai", "anthropic"]).value
        #expect(widened.movedProviders == ["openai"])
        #expect(try portfolio.companies.companyDetail("papertalk").exposures == [
            Exposure(capability: "file-upload", effect: .advantage, providers: ["anthropic", "openai"])
        ])
        #expect(throws: LifelineError.self) {
            try portfolio.companies.setExposure(company: "papertalk", capability: "vision", effect: .advantage, providers: ["googel"])
        }
        #expect(try count("exposures") == 1)
        let error = #expect(throws: LifelineError.self) { try portfolio.companies.removeExposure(company: "papertalk", capability: "vision") }
        #expect(error?.message == "'papertalk' is not exposed to 'vision'")
        try portfolio.companies.removeExposure(company: "papertalk", capability: "file-upload")
        #expect(try count("exposures") == 0 && count("exposure_providers") == 0)
    }

    @Test("a release on a known model defaults to capability; a created model to launch")
    func releaseKinds() throws {
        let capability = try log("openai/chatgpt", on: "2023-07-06", ["file-upload"])
        #expect(capability.release.kind == .capability)
        guard case .logged(_, createdModel: false) = capability else { Issue.record("expected a new release"); return }
        let launch = try log("openai/gpt-4-0613", on: "2023-06-13", ["function-calling"], createModel: true)
        #expect(launch.release.kind == .launch)
        guard case .logged(_, createdModel: true) = launch else { Issue.record("expected a created model"); return }
        #expect(try log("openai/gpt-4-0613", on: "2023-06-13", [], kind: .launch).release.capabilities == [])
    }

    @Test("capability releases need a capability; retirements take none")
    func releaseRules() throws {
        #expect(throws: LifelineError.self) { try log("openai/chatgpt", on: "2023-07-06") }
        let retirement = #expect(throws: LifelineError.self) { try log("openai/gpt-4", on: "2024-06-06", ["vision"], kind: .retirement) }
        #expect(retirement?.kind == .usage)
        #expect(try log("openai/gpt-4", on: "2024-06-06", kind: .retirement).release.kind == .retirement)
    }

    @Test("an announcement after the release is refused; one on the same day is not kept")
    func announcements() throws {
        #expect(throws: LifelineError.self) { try log("openai/chatgpt", on: "2023-07-06", ["file-upload"], announced: "2023-07-07") }
        #expect(try log("openai/chatgpt", on: "2023-07-06", ["file-upload"], announced: "2023-07-06").release.announcedOn == nil)
        let early = try log("openai/chatgpt", on: "2023-11-06", ["agents"], announced: "2023-10-01").release
        #expect(early.announcedOn?.iso == "2023-10-01")
        #expect(early.knownOn.iso == "2023-10-01")
    }

    @Test("the same release twice is a duplicate, unless --if-new; a different capability set is not")
    func duplicates() throws {
        let first = try log("openai/chatgpt", on: "2023-07-06", ["file-upload", "vision"]).release
        let error = #expect(throws: LifelineError.self) { try log("openai/chatgpt", on: "2023-07-06", ["vision", "file-upload"]) }
        #expect(error?.message.contains("already logged as release \(first.id)") == true)
        #expect(try log("openai/chatgpt", on: "2023-07-06", ["vision", "file-upload"], ifNew: true) == .alreadyLogged(first))
        #expect(try log("openai/chatgpt", on: "2023-07-06", ["vision"]).release.id != first.id)
        #expect(try count("releases") == 2)
    }

    @Test("a failed release log writes nothing, not even the model it would create")
    func atomicReleaseLog() throws {
        #expect(throws: LifelineError.self) { try log("openai/gpt-5", on: "2025-08-07", ["reasonning"], createModel: true) }
        #expect(try count("models") == 2)
        #expect(try count("releases") == 0)
    }

    @Test("release list filters by date, provider and capability; remove needs confirmation")
    func listAndRemove() throws {
        _ = try portfolio.catalogue.addModel(try ModelReference(parsing: "anthropic/claude-2"), name: nil, kind: .api)
        let chatgpt = try log("openai/chatgpt", on: "2023-07-06", ["file-upload"]).release
        let claude = try log("anthropic/claude-2", on: "2023-07-11", ["file-upload", "long-context"], kind: .launch).release
        _ = try log("openai/gpt-4", on: "2023-03-14", kind: .launch)
        #expect(try portfolio.catalogue.releases().map(\.releasedOn.iso) == ["2023-03-14", "2023-07-06", "2023-07-11"])
        #expect(try portfolio.catalogue.releases(since: CivilDate(iso: "2023-07-06")).map(\.id) == [chatgpt.id, claude.id])
        #expect(try portfolio.catalogue.releases(provider: "anthropic").map(\.id) == [claude.id])
        #expect(try portfolio.catalogue.releases(capability: "long-context").map(\.id) == [claude.id])
        #expect(throws: LifelineError.self) { try portfolio.catalogue.releases(capability: "long-contxt") }
        _ = try portfolio.catalogue.removeRelease(id: claude.id, confirmed: false).value
        #expect(try count("releases") == 3)
        _ = try portfolio.catalogue.removeRelease(id: claude.id, confirmed: true)
        #expect(try count("releases") == 2 && count("release_capabilities") == 1)
        let missing = #expect(throws: LifelineError.self) { try portfolio.catalogue.removeRelease(id: 999, confirmed: true) }
        #expect(missing?.message == "no release 999; 'lifeline release list' lists them")
    }

    @Test("a release too late for its consequences to be dated is refused, from any source")
    func releaseTooLate() throws {
        let request = ReleaseRequest(
            model: ModelReference(provider: "openai", model: "chatgpt"), releasedOn: CivilDate(iso: "2195-01-01")!,
            capabilities: ["vision"], importedFrom: "import: test")
        let error = #expect(throws: LifelineError.self) { try portfolio.catalogue.logRelease(request) }
        #expect(error?.message == "a release dated 2195-01-01 cannot be recorded: the year must be from 1900 to 2188 (lifeline adds up to 11 years to it)")
    }

    @Test("the portfolio's total may not pass what lifeline adds up: the investment that would is refused")
    func investmentsBounded() throws {
        _ = try portfolio.companies.addCompany(slug: "whale", fields: CompanyFields(tier: "12", since: "2023-01-01"))
        let trillion = try USDAmount.parse("1000B")
        let on = CivilDate(iso: "2024-01-15")!
        _ = try portfolio.batch(trigger: "test", reassess: false) { session in
            for _ in 0..<1_000 { try portfolio.companies.addInvestment(company: "whale", on: on, amount: trillion, round: nil, in: session) }
        }
        let error = #expect(throws: LifelineError.self) {
            try portfolio.companies.addInvestment(company: "whale", on: on, amount: try USDAmount.parse("0.01"), round: nil)
        }
        #expect(error?.message == "this investment would bring the portfolio's total over $1,000,000,000,000,000, the most lifeline adds up; check the amount")
        #expect(try portfolio.companies.companyDetail("whale").totalInvestedCents == USDAmount.maximumTotalCents)
        #expect(try portfolio.reports.report(asOf: on, timeline: .recentOnly).totalInvestedCents == USDAmount.maximumTotalCents)
    }

    @Test("amounts written by hand past what can be added up: an error that says so, and doctor names it")
    func overflowByHand() throws {
        _ = try portfolio.companies.addCompany(slug: "whale", fields: CompanyFields(tier: "12", since: "2023-01-01"))
        try portfolio.database.executeScript(sql: """
            INSERT INTO investments (company_id, invested_on, amount_cents)
            SELECT id, '2024-01-15', 5000000000000000000 FROM companies WHERE slug = 'whale';
            INSERT INTO investments (company_id, invested_on, amount_cents)
            SELECT id, '2024-01-16', 5000000000000000000 FROM companies WHERE slug = 'whale';
            """)
        let error = #expect(throws: (any Error).self) { _ = try portfolio.companies.companySummaries(investedAsOf: CivilDate(iso: "2024-02-01")!) }
        #expect(LifelineError(explaining: error!)?.message
            == "the amounts recorded add up to more than lifeline can count (written by hand?); 'lifeline doctor' lists the problem")
        #expect(try ReadOnlyPortfolio(database: portfolio.database).healthReport().problems.contains {
            $0.hasPrefix("investments: they add up to more than $1,000,000,000,000,000")
        })
    }
}
