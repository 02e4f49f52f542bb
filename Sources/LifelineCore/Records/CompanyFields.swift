/// The fields of `company add` and `company edit`, as typed, before validation.
/// `nil` means "not given": `add` fills defaults, `edit` keeps the stored value.
public struct CompanyFields: Sendable {
    public var name: String?
    public var tier: String?
    public var since: String?
    public var runwayMonths: String?
    /// For the optional text fields, an empty string means "clear it" in `edit`.
    public var sector: String?
    public var website: String?
    public var notes: String?

    public init(
        name: String? = nil, tier: String? = nil, since: String? = nil, runwayMonths: String? = nil,
        sector: String? = nil, website: String? = nil, notes: String? = nil
    ) {
        self.name = name
        self.tier = tier
        self.since = since
        self.runwayMonths = runwayMonths
        self.sector = sector
        self.website = website
        self.notes = notes
    }

    /// True when no field was given (an edit with nothing to change).
    public var isEmpty: Bool {
        [name, tier, since, runwayMonths, sector, website, notes].allSatisfy { $0 == nil }
    }

    /// The names of the options given, for messages.
    var givenOptions: [String] {
        [("--name", name), ("--tier", tier), ("--since", since), ("--runway", runwayMonths),
         ("--sector", sector), ("--website", website), ("--notes", notes)]
            .filter { $0.1 != nil }.map(\.0)
    }

    /// Applies the given fields over `base` (a stored company, or defaults for a new
    /// one) and validates every value the way the schema would, with readable messages.
    package func applied(to base: Company, today: CivilDate) throws -> Company {
        Company(
            slug: base.slug,
            name: try name.map { try TextField.name($0, of: "company") } ?? base.name,
            tier: try tier.map(Company.Tier.parse) ?? base.tier,
            lifelineStart: try since.map { try Self.parseSince($0, today: today) } ?? base.lifelineStart,
            runwayMonths: try runwayMonths.map(Self.parseRunway) ?? base.runwayMonths,
            sector: try Self.optional(sector, base.sector) { try TextField.oneLine($0, field: "sector", maximumLength: 200) },
            website: try Self.optional(website, base.website) { try TextField.url($0, field: "website") },
            notes: try Self.optional(notes, base.notes) { try TextField.notes($0) })
    }

    /// A lifeline's start: no later than today, as no lifeline may start in the future
    /// (a guess recorded as a fact would make every backtest before it wrong).
    static func parseSince(_ text: String, today: CivilDate) throws -> CivilDate {
        let date = try CivilDate.parse(text, today: today, field: "--since date")
        guard date <= today else {
            throw LifelineError(
                .badData, "--since date \(date) is after today (\(today)): a lifeline is recorded on or after the day it starts")
        }
        return date
    }

    /// Months of operating runway: a whole number from 0 to 120.
    package static func parseRunway(_ text: String) throws -> Int {
        guard let months = Int(text), (0...120).contains(months) else {
            throw LifelineError(.badData, "invalid runway '\(Slug.printable(text))': use whole months from 0 to 120")
        }
        return months
    }

    /// nil keeps `stored`; "" clears it; anything else is validated.
    private static func optional(_ given: String?, _ stored: String?, validate: (String) throws -> String) throws -> String? {
        guard let given else { return stored }
        return given.isEmpty ? nil : try validate(given)
    }
}
