import Testing
@testable import Lifeline
@testable import LifelineCore
import LifelineStorage

/// Properties of dated lifelines on generated portfolios with rebuilds, renewals (each
/// with exposures of its own) and closes, each recorded on its day: the incremental picture
/// always equals the full one, and a backtest at any date equals a fresh computation from
/// only what was known by then.
@Suite("Time-true answers on generated portfolios")
struct TimeTruePropertyTests {
    typealias Plan = ReassessmentPropertyTests.Plan

    /// A later lifeline, or a closing, of a planned company.
    struct Event {
        enum Kind { case rebuild, renew, close }
        let company: String
        let on: CivilDate
        let kind: Kind
        /// For a new lifeline: the capability it is exposed to instead of its first one.
        let newExposure: String
    }

    static func events(of plan: Plan, seed: UInt64) -> [Event] {
        var random = ReassessmentPropertyTests.SeededGenerator(state: seed &* 31)
        var events: [Event] = []
        for company in plan.companies {
            var day = company.since
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                day = day.adding(days: Int.random(in: 20...150, using: &random))
                let kind: Event.Kind = [.rebuild, .renew, .renew, .close].randomElement(using: &random)!
                events.append(Event(
                    company: company.slug, on: day, kind: kind,
                    newExposure: ReassessmentPropertyTests.capabilities.randomElement(using: &random)!))
                if kind == .close { break }
            }
        }
        return events.sorted { ($0.on, $0.company) < ($1.on, $1.company) }
    }

    /// The portfolio of `seed` recorded as it happened: releases first, then each company
    /// on its first day, each later lifeline or closing on its day, and a nightly run
    /// every 60 days, up to `today`.
    static func recorded(seed: UInt64, today: CivilDate) throws -> Portfolio {
        let plan = Plan(seed: seed)
        let database = try ReassessmentPropertyTests.emptyPortfolio(today: CivilDate(iso: "2023-01-01")!).database
        for request in plan.releases { _ = try Portfolio(database: database, today: CivilDate(iso: "2023-01-01")!).catalogue.logRelease(request) }
        var additions = plan.companies.map { (on: $0.since, company: $0) }.sorted { $0.on < $1.on }[...]
        var events = Self.events(of: plan, seed: seed)[...]
        var night = CivilDate(iso: "2023-02-01")!
        while night <= today {
            while let next = additions.first, next.on <= night {
                try ReassessmentPropertyTests.addCompany(next.company, to: Portfolio(database: database, today: next.on))
                additions = additions.dropFirst()
            }
            while let event = events.first, event.on <= night {
                try apply(event, to: Portfolio(database: database, today: event.on))
                events = events.dropFirst()
            }
            _ = try Portfolio(database: database, today: night).reassessment.reassessAll(asOf: night)
            night = night.adding(days: 60)
        }
        return Portfolio(database: database, today: today)
    }

    static func apply(_ event: Event, to portfolio: Portfolio) throws {
        let companies = portfolio.companies
        switch event.kind {
        case .close:
            _ = try companies.closeCompany(slug: event.company, on: event.on, reason: .exit, note: nil)
        case .rebuild, .renew:
            if event.kind == .rebuild {
                _ = try companies.rebuildCompany(slug: event.company, on: event.on, tier: .sixMonths, note: nil)
            } else {
                _ = try companies.renewCompany(slug: event.company, on: event.on, tier: .threeMonths, runwayMonths: 2, note: nil)
            }
            // The new lifeline's exposures are its own: one replaced.
            let current = try companies.companyDetail(event.company).exposures
            if let first = current.first, first.capability != event.newExposure {
                _ = try companies.removeExposure(company: event.company, capability: first.capability)
                _ = try companies.setExposure(company: event.company, capability: event.newExposure, effect: .necessity, providers: [])
            }
        }
    }

    /// A new database holding only what was known on `date`: the lifelines begun by then,
    /// each with its exposures and dependencies, the releases known by then, and the
    /// closings by then.
    static func known(on date: CivilDate, from portfolio: Portfolio) throws -> Portfolio {
        let fresh = try ReassessmentPropertyTests.emptyPortfolio(today: date)
        let facts = try portfolio.reassessment.companyFacts(.all)
        let slugs = Dictionary(uniqueKeysWithValues: facts.map { ($0.id, $0.slug) })
        for release in try portfolio.catalogue.releases(since: nil) where ReleaseFact(release).knownOn <= date {
            _ = try fresh.catalogue.logRelease(ReleaseRequest(
                model: release.model, releasedOn: release.releasedOn, capabilities: release.capabilities, kind: release.kind,
                announcedOn: release.announcedOn))
        }
        for company in facts {
            let slug = slugs[company.id]!
            for (index, lifeline) in company.lifelines.enumerated() where lifeline.start <= date {
                let companies = Portfolio(database: fresh.database, today: lifeline.start).companies
                if index == 0 {
                    _ = try companies.addCompany(slug: slug, fields: CompanyFields(
                        tier: String(lifeline.tier.months), since: lifeline.start.iso, runwayMonths: String(lifeline.runwayMonths)))
                } else {
                    _ = try companies.renewCompany(slug: slug, on: lifeline.start, tier: lifeline.tier, runwayMonths: lifeline.runwayMonths, note: nil)
                    for capability in Set(try companies.companyDetail(slug).exposures.map(\.capability)) {
                        _ = try companies.removeExposure(company: slug, capability: capability)
                    }
                    let models = try companies.companyDetail(slug).dependencies
                    if !models.isEmpty { _ = try companies.removeDependencies(company: slug, models: models) }
                }
                if !lifeline.dependencies.isEmpty { _ = try companies.addDependencies(company: slug, models: lifeline.dependencies) }
                for exposure in lifeline.exposures {
                    _ = try companies.setExposure(
                        company: slug, capability: exposure.capability, effect: exposure.effect, providers: exposure.providers.sorted())
                }
            }
            if let closedOn = company.closedOn, closedOn <= date {
                _ = try Portfolio(database: fresh.database, today: closedOn).companies.closeCompany(slug: slug, on: closedOn, reason: .exit, note: nil)
            }
        }
        return fresh
    }

    static func outcomes(_ listings: [CompanyListing]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: listings.map { listing in
            let outcome = listing.assessment.outcome
            let cause = outcome.cause.threat.map { "\($0.model) \($0.releasedOn) \($0.capability ?? "retired")" } ?? "\(outcome.cause.kind)"
            return (listing.summary.company.slug,
                    "\(outcome.status.rawValue) \(outcome.lifelineStart) \(outcome.lifelineEnd) \(outcome.runwayEnd?.iso ?? "-") \(cause) \(listing.summary.totalInvestedCents)")
        })
    }

    @Test("a backtest at any date equals a fresh computation from only what was known by then", arguments: [
        (UInt64(71), "2024-06-30"), (72, "2024-12-31"),
    ])
    func backtestEqualsWhatWasKnown(seed: UInt64, today: String) throws {
        let portfolio = try Self.recorded(seed: seed, today: CivilDate(iso: today)!)
        let facts = try portfolio.reassessment.companyFacts(.all)
        #expect(facts.contains { $0.lifelines.count > 1 }, "some company has rebuilt or renewed")
        #expect(facts.contains { $0.closedOn != nil }, "some company has closed")
        var dates = stride(from: 0, to: 700, by: 45).map { CivilDate(iso: "2023-01-01")!.adding(days: $0) }
        dates += facts.flatMap { company in company.lifelines.dropFirst().flatMap { [$0.start.adding(days: -1), $0.start] } }.prefix(10)
        for date in dates where date <= portfolio.today {
            let backtest = Self.outcomes(try portfolio.reports.companyListings(asOf: date))
            let fresh = Self.outcomes(try Self.known(on: date, from: portfolio).reports.companyListings(asOf: date))
            #expect(backtest == fresh, "as of \(date)")
        }
    }

    @Test("with rebuilds, renewals and closes recorded as they happen, the incremental picture is the full one", arguments: [
        (UInt64(73), "2024-06-30"), (74, "2024-12-31"),
    ])
    func incrementalEqualsFull(seed: UInt64, today: String) throws {
        let portfolio = try Self.recorded(seed: seed, today: CivilDate(iso: today)!)
        let full = try portfolio.reassessment.reassessAll(asOf: portfolio.today, dryRun: true, full: true)
        let nightly = try portfolio.reassessment.reassessAll(asOf: portfolio.today)
        #expect(nightly.changes.map(\.current) == full.changes.map(\.current))
        #expect(try portfolio.reassessment.reassessAll(asOf: portfolio.today, dryRun: true, full: true).changes.isEmpty)
    }
}
