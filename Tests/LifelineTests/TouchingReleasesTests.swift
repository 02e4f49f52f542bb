import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// `release list --touching`, each way a release can touch the portfolio, as of
/// 2024-06-01: it ended a company's current lifeline (the cause of its assessment, even
/// when the lifeline has not ended yet), it threatens a lifeline that still runs (found
/// in `v_company_threats` company by company), or it is an opportunity. A dismissed
/// threat, a threat to a lifeline already ended and a release nobody builds on do not.
@Suite("Releases touching the portfolio")
struct TouchingReleasesTests {
    let portfolio: Portfolio

    /// - pdfchat (file-upload, necessity) is replaced by openai's file upload of 2024-03-01;
    ///   openai ships it again on 2024-05-01, after the lifeline ended: a later threat.
    /// - voicebot (voice, necessity) is threatened by anthropic's voice, announced on
    ///   2024-05-20 for 2024-09-01 (its cause: the lifeline runs until then) and a second,
    ///   announced the same day for 2024-12-01 (a later threat to a running lifeline).
    /// - seer (vision, advantage) had openai's vision of 2024-02-01 dismissed for good.
    /// - builder depends on google/gemini, which gains agents on 2024-04-01: an opportunity.
    init() throws {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        portfolio = Portfolio(database: database, today: CivilDate(iso: "2024-06-01")!)
        for provider in ["openai", "anthropic", "google"] { _ = try portfolio.catalogue.addProvider(slug: provider, name: nil) }
        for model in ["openai/gpt", "anthropic/claude", "google/gemini"] {
            _ = try portfolio.catalogue.addModel(try ModelReference(parsing: model), name: nil, kind: .api)
        }
        for (slug, exposure, dependency) in [
            ("pdfchat", "file-upload:necessity", nil), ("voicebot", "voice:necessity", nil),
            ("seer", "vision:advantage", nil), ("builder", nil, "google/gemini"),
        ] as [(String, String?, String?)] {
            var links = CompanyLinks()
            links.exposures = try exposure.map { [try Exposure(cell: $0)] } ?? []
            links.dependencies = try dependency.map { [try ModelReference(parsing: $0)] } ?? []
            _ = try portfolio.companies.addCompany(slug: slug, fields: CompanyFields(tier: "12", since: "2024-01-01"), links: links)
        }
        for (model, on, announced, capability) in [
            ("openai/gpt", "2024-02-01", nil, "vision"), ("openai/gpt", "2024-03-01", nil, "file-upload"),
            ("google/gemini", "2024-04-01", nil, "agents"), ("openai/gpt", "2024-05-01", nil, "file-upload"),
            ("anthropic/claude", "2024-09-01", "2024-05-20", "voice"), ("anthropic/claude", "2024-12-01", "2024-05-20", "voice"),
        ] as [(String, String, String?, String)] {
            _ = try portfolio.catalogue.logRelease(ReleaseRequest(
                model: try ModelReference(parsing: model), releasedOn: CivilDate(iso: on)!, capabilities: [capability],
                announcedOn: announced.map { CivilDate(iso: $0)! }))
        }
        _ = try portfolio.companies.dismiss(company: "seer", releaseID: 1, reason: "our vision is better", until: nil)
    }

    @Test("the cause of each current assessment, every threat to a running lifeline, and opportunities; not the rest")
    func touching() throws {
        #expect(try status("pdfchat") == "replaced")
        #expect(["alive", "at-risk"].contains(try status("voicebot")))
        #expect(try status("seer") == "alive")
        let touching = try portfolio.catalogue.releases(touching: true).map(\.id)
        #expect(touching == [2, 3, 5, 6], "pdfchat's cause, builder's opportunity, voicebot's cause and its later threat")
    }

    @Test("a dismissal that ends brings its release back as a threat to the running lifeline")
    func dismissalGone() throws {
        _ = try portfolio.companies.undismiss(company: "seer", releaseID: 1)
        #expect(try status("seer") == "rebuild")
        #expect(try portfolio.catalogue.releases(touching: true).map(\.id) == [1, 2, 3, 5, 6])
    }

    @Test("with --since and a limit, the touching releases keep their date order")
    func withOtherFilters() throws {
        #expect(try portfolio.catalogue.releases(since: CivilDate(iso: "2024-04-01")!, touching: true, limit: 2).map(\.id) == [3, 5])
    }

    private func status(_ company: String) throws -> String? {
        try portfolio.database.fetchOne(sql: "SELECT status FROM v_company_lifeline WHERE company = ?", arguments: [.text(company)]) {
            try $0.get(0) as String
        }
    }
}
