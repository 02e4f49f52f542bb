/// A portfolio company and its current lifeline estimate.
public struct Company: Equatable, Sendable {
    public let slug: String
    public let name: String
    public let tier: Tier
    /// When its current lifeline began: its `--since`, or its latest rebuild.
    public let lifelineStart: CivilDate
    /// Months it keeps operating after a provider makes its product unnecessary.
    public let runwayMonths: Int
    public let sector: String?
    public let website: String?
    public let notes: String?

    package init(slug: String, name: String, tier: Tier, lifelineStart: CivilDate, runwayMonths: Int, sector: String?, website: String?, notes: String?) {
        self.slug = slug
        self.name = name
        self.tier = tier
        self.lifelineStart = lifelineStart
        self.runwayMonths = runwayMonths
        self.sector = sector
        self.website = website
        self.notes = notes
    }

    /// How long a lifeline is expected to last, in months (docs/lifeline-model.md).
    public enum Tier: Int, CaseIterable, Sendable {
        /// A feature the big providers simply have not built yet.
        case threeMonths = 3
        /// Hard to build and to bolt on, but fading as models improve.
        case sixMonths = 6
        /// A lasting advantage, such as a platform and community.
        case twelveMonths = 12

        public var months: Int { rawValue }

        /// Parses `3`, `6` or `12`.
        public static func parse(_ text: String) throws -> Tier {
            guard let months = Int(text), let tier = Tier(rawValue: months) else {
                throw LifelineError(.badData, "invalid tier '\(Slug.printable(text))': use 3, 6 or 12 (months)")
            }
            return tier
        }
    }
}

/// How a capability's arrival ends a company's lifeline.
public enum Effect: String, CaseIterable, Sendable {
    /// The product is still needed but loses its technical edge: the company must rebuild.
    case advantage
    /// The provider now does what the product did: it is replaced.
    case necessity

    public static func parse(_ text: String) throws -> Effect {
        guard let effect = Effect(rawValue: text) else {
            throw LifelineError(.badData, "invalid effect '\(Slug.printable(text))': use advantage or necessity")
        }
        return effect
    }
}

/// A capability whose arrival ends a company's lifeline.
public struct Exposure: Equatable, Sendable {
    public let capability: String
    public let effect: Effect
    /// Only releases by these providers count; empty means any provider.
    public let providers: [String]

    package init(capability: String, effect: Effect, providers: [String]) {
        self.capability = capability
        self.effect = effect
        self.providers = providers
    }
}

/// Money put into a company.
public struct Investment: Equatable, Sendable {
    public let investedOn: CivilDate
    public let round: String?
    /// US cents (stored amounts are whole cents, never floating point).
    public let amountCents: Int64

    package init(investedOn: CivilDate, round: String?, amountCents: Int64) {
        self.investedOn = investedOn
        self.round = round
        self.amountCents = amountCents
    }
}

/// Everything recorded about one company.
public struct CompanyDetail: Equatable, Sendable {
    public let company: Company
    public let investments: [Investment]
    public let dependencies: [ModelReference]
    public let exposures: [Exposure]

    package init(company: Company, investments: [Investment], dependencies: [ModelReference], exposures: [Exposure]) {
        self.company = company
        self.investments = investments
        self.dependencies = dependencies
        self.exposures = exposures
    }

    public var totalInvestedCents: Int64 {
        investments.reduce(0) { $0 + $1.amountCents }
    }
}

/// One line of `company list`.
public struct CompanySummary: Equatable, Sendable {
    public let company: Company
    public let totalInvestedCents: Int64
    public let dependencyCount: Int
    public let exposureCount: Int

    package init(company: Company, totalInvestedCents: Int64, dependencyCount: Int, exposureCount: Int) {
        self.company = company
        self.totalInvestedCents = totalInvestedCents
        self.dependencyCount = dependencyCount
        self.exposureCount = exposureCount
    }
}
