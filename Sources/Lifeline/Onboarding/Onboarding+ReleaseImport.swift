import LifelineCore
import LifelineStorage

/// What importing a release feed did (or, for a dry run, would do).
public struct ReleaseImportSummary: Sendable {
    public let fileName: String
    public let isDryRun: Bool
    public var rowsInFile = 0
    public var providersAdded: [String] = []
    public var modelsAdded: [ModelReference] = []
    public var releasesAdded: [Release] = []
    /// Rows already logged (same model, date, kind and capabilities): skipped.
    public var alreadyLogged = 0
    public var reassessment: ReassessmentReport?
}

extension Onboarding {
    /// The release history lifeline ships (data/provider-history.csv, embedded).
    public static let historyFileName = "provider-history.csv"

    public static func builtInHistory() -> ReleaseFeed.Reading {
        guard let file = EmbeddedReleaseData.files.first(where: { $0.name == historyFileName }) else {
            return ReleaseFeed.Reading(problems: ["\(historyFileName): not built into this lifeline"])
        }
        return ReleaseFeed.read(file.text, fileName: historyFileName)
    }

    /// Records the feed's releases in one transaction, then reassesses the companies they
    /// affect, as `release log` does. A row already logged is skipped and counted; the same
    /// release with more capabilities is a new one. A provider or model the database lacks
    /// is an error naming the row, unless `createModels`. Any problem in the feed refuses
    /// the whole file; nothing is written.
    public func importReleases(_ feed: ReleaseFeed.Reading, fileName: String, createModels: Bool, dryRun: Bool = false) throws -> ReleaseImportSummary {
        if let first = feed.problems.first {
            let more = feed.problems.count - 1
            throw LifelineError(
                .badData,
                first + (more > 0 ? " (and \(more) more problem\(more == 1 ? "" : "s"); 'lifeline import releases --check \(fileName)' lists them)" : ""))
        }
        var summary = ReleaseImportSummary(fileName: fileName, isDryRun: dryRun)
        summary.rowsInFile = feed.rows.count
        let apply = {
            let result = try portfolio.batch(trigger: "import releases \(fileName)") { session in
                try self.record(feed.rows, createModels: createModels, into: &summary, in: session)
            }
            summary.reassessment = result.reassessment
        }
        if dryRun {
            try portfolio.rollingBack(apply)
        } else {
            try apply()
        }
        return summary
    }

    /// Records the rows in the session (see `importReleases`).
    func record(_ rows: [ReleaseFeed.Row], createModels: Bool, into summary: inout ReleaseImportSummary, in session: WriteSession) throws {
        let hint = "; add --create-models to record it with its releases"
        for row in rows {
            try located(row.location) {
                let providerKnown = try database.fetchOne(
                    sql: "SELECT 1 FROM providers WHERE slug = ?", arguments: [.text(row.model.provider)], { _ in true }) != nil
                if try !providerKnown || session.names.existingModelID(row.model) == nil {
                    guard createModels else {
                        if providerKnown { throw try session.names.unknownModel(row.model, hint: hint) }
                        throw LifelineError(.badData, "unknown provider '\(row.model.provider)' of model '\(row.model)'\(hint)")
                    }
                    if !providerKnown {
                        _ = try portfolio.catalogue.addProvider(slug: row.model.provider, name: nil, in: session)
                        summary.providersAdded.append(row.model.provider)
                    }
                    try portfolio.catalogue.insertModel(row.model, name: row.model.model, kind: .api, in: session)
                    summary.modelsAdded.append(row.model)
                }
                let imported = row.source?.hasPrefix("import: ") == true
                let request = ReleaseRequest(
                    model: row.model, releasedOn: row.releasedOn, capabilities: row.capabilities, kind: row.kind,
                    announcedOn: row.announcedOn, note: row.note, source: imported ? nil : row.source, ifNew: true,
                    importedFrom: imported ? row.source : nil, dateBasis: row.dateBasis)
                switch try portfolio.catalogue.logRelease(request, in: session) {
                case .logged(let release, _): summary.releasesAdded.append(release)
                case .alreadyLogged: summary.alreadyLogged += 1
                }
            }
        }
    }

    /// The problems that keep a feed from being published (`import releases --check`):
    /// those of reading it, then those of `ReleaseFeed.publishingProblems` against the
    /// capabilities and aliases a new database knows. Needs no database of the user's.
    public static func feedProblems(_ feed: ReleaseFeed.Reading) throws -> [String] {
        let database = try Database(path: Database.inMemoryPath)
        try Schema.migrator().migrate(database)
        let known = Set(try database.fetchAll(sql: "SELECT slug FROM capabilities UNION SELECT alias FROM capability_aliases") {
            try $0.get(0) as String
        })
        return feed.problems + ReleaseFeed.publishingProblems(of: feed.rows, knownCapabilities: known)
    }
}
