import LifelineCore
import LifelineStorage

extension Onboarding {
    /// Records what a catalogue says that the database does not know yet, in one
    /// transaction, then reassesses the companies it affects:
    /// - a model new to the database becomes a `launch` release dated its release date
    ///   (a month-only date is taken as the 1st, and the note says so; no date: `asOf`),
    ///   shipping its mapped capabilities;
    /// - a model already recorded that now shows a capability none of its releases
    ///   shipped becomes a `capability` release dated its `last_updated` (else `asOf`);
    /// - a deprecation date becomes a `retirement`, announced on `asOf` when still ahead;
    /// - a new model whose id is a recorded model's with a dated suffix becomes its snapshot.
    /// Fields map to capabilities through `capability_aliases`. Nothing recorded is ever
    /// changed: re-importing the same file adds nothing.
    public func importCatalogue(_ catalogue: Catalogue, asOf: CivilDate, dryRun: Bool = false, progress: ((Int, Int) -> Void)? = nil) throws -> ImportSummary {
        var summary = ImportSummary(catalogue: catalogue, isDryRun: dryRun)
        let apply = {
            var created: [ModelReference] = []
            let result = try portfolio.batch(trigger: "import \(catalogue.name) \(catalogue.fileName)", holdingRows: true) { session in
                created = try self.record(catalogue, asOf: asOf, into: &summary, progress: progress, in: session)
            }
            summary.reassessment = result.reassessment
            summary.modelsWithoutOrigin = try portfolio.catalogue.modelsWithoutOrigin(among: created).count
        }
        if dryRun {
            try portfolio.rollingBack(apply)
        } else {
            try apply()
        }
        return summary
    }

    /// Records the catalogue in the session; returns the models it created.
    private func record(
        _ catalogue: Catalogue, asOf: CivilDate, into summary: inout ImportSummary, progress: ((Int, Int) -> Void)?, in session: WriteSession
    ) throws -> [ModelReference] {
        let aliases = Dictionary(uniqueKeysWithValues: try database.fetchAll(
            sql: "SELECT a.alias, c.slug FROM capability_aliases a JOIN capabilities c ON c.id = a.capability_id"
        ) { (try $0.get(0) as String, try $0.get(1) as String) })
        var providers = Set(try portfolio.catalogue.providers().map(\.slug))
        let roles = try newProviderRoles(catalogue, recorded: providers)
        try session.names.rememberEveryModel()
        let shipped = try capabilitiesShipped()
        let retired = Set(try database.fetchAll(
            sql: """
                SELECT p.slug, m.slug FROM releases r JOIN models m ON m.id = r.model_id JOIN providers p ON p.id = m.provider_id
                WHERE r.kind = 'retirement'
                """) { ModelReference(provider: try $0.get(0), model: try $0.get(1)) })
        var seen = Set<ModelReference>()
        var created: [ModelReference] = []
        let source = catalogue.source
        let entries = catalogue.models.sorted { ($0.providerID, $0.modelID) < ($1.providerID, $1.modelID) }
        for (done, entry) in entries.enumerated() {
            defer { progress?(done + 1, entries.count) }
            let reference = try Self.reference(for: entry)
            guard seen.insert(reference).inserted else {
                summary.collisions.append("\(entry.path) (\(reference) is taken)")
                continue
            }
            // A handful per model: an array, sorted once, costs less than a set.
            var capabilities: [String] = []
            for flag in entry.flags {
                if let capability = aliases[flag] {
                    if !capabilities.contains(capability) { capabilities.append(capability) }
                } else {
                    summary.unmappedFields[flag, default: 0] += 1
                }
            }
            capabilities.sort()
            if !providers.contains(reference.provider) {
                let role = roles[reference.provider]
                _ = try portfolio.catalogue.addProvider(
                    slug: reference.provider, name: Self.displayName(entry.providerName, fallback: reference.provider),
                    role: role?.role, in: session)
                providers.insert(reference.provider)
                summary.providersAdded.append(reference.provider)
                if let role, role.guessed { summary.guessedRoles.append((reference.provider, role.role)) }
            }
            let request = { (kind: Release.Kind, date: CivilDate, basis: Release.DateBasis, capabilities: [String], note: String?) in
                ReleaseRequest(
                    model: reference, releasedOn: date, capabilities: capabilities, kind: kind, note: note,
                    ifNew: true, importedFrom: source, dateBasis: basis)
            }
            if try session.names.existingModelID(reference) == nil {
                try portfolio.catalogue.insertModel(
                    reference, name: Self.displayName(entry.name, fallback: reference.model), kind: .api, family: entry.family,
                    in: session)
                summary.modelsAdded += 1
                created.append(reference)
                let (date, basis, note) = launchDate(entry, catalogue: catalogue, asOf: asOf, summary: &summary)
                if case .logged = try portfolio.catalogue.logRelease(request(.launch, date, basis, capabilities, note), in: session) {
                    summary.launches += 1
                }
            } else {
                let missing = capabilities.filter { !(shipped[reference]?.contains($0) ?? false) }
                if !missing.isEmpty {
                    let date = entry.lastUpdated.flatMap { $0 <= asOf ? $0 : nil } ?? asOf
                    let note = "\(catalogue.name) now lists \(missing.joined(separator: ", ")) for this model"
                    if case .logged = try portfolio.catalogue.logRelease(request(.capability, date, .catalogueDiff, missing, note), in: session) {
                        summary.capabilityReleases += 1
                    }
                }
            }
            if let deprecation = entry.deprecation, !retired.contains(reference) {
                var retirement = request(.retirement, deprecation, .catalogueDeprecationDate, [], "\(catalogue.name) lists it as deprecated on \(deprecation)")
                retirement.announcedOn = deprecation > asOf ? asOf : nil
                if case .logged = try portfolio.catalogue.logRelease(retirement, in: session) { summary.retirements += 1 }
            }
        }
        summary.snapshots = try portfolio.catalogue.recordDatedSnapshots(among: created, in: session)
            .map { "\($0.snapshot) of \($0.base)" }
        return created
    }

    /// The roles of the providers the catalogue would add: the known one
    /// (`known_provider_roles`), else a guess from their model ids (`ProviderRoleGuess`).
    private func newProviderRoles(_ catalogue: Catalogue, recorded: Set<String>) throws -> [String: (role: Provider.Role, guessed: Bool)] {
        let known = Dictionary(uniqueKeysWithValues: try database.fetchAll(sql: "SELECT slug, role FROM known_provider_roles") {
            (try $0.get(0) as String, try $0.get(1) as Provider.Role)
        })
        let families = Dictionary(uniqueKeysWithValues: try database.fetchAll(sql: "SELECT family, lab FROM model_families") {
            (try $0.get(0) as String, try $0.get(1) as String)
        })
        var modelIDs: [String: [String]] = [:]
        for entry in catalogue.models { modelIDs[Slug.suggested(from: entry.providerID), default: []].append(entry.modelID) }
        let everyProvider = Set(modelIDs.keys).union(known.keys).union(recorded)
        var roles: [String: (role: Provider.Role, guessed: Bool)] = [:]
        for (provider, ids) in modelIDs where !recorded.contains(provider) {
            roles[provider] = known[provider].map { ($0, false) }
                ?? (ProviderRoleGuess.role(of: provider, modelIDs: ids, otherProviders: everyProvider, families: families), true)
        }
        return roles
    }

    /// A launch's date, its basis and note: the catalogue's date, its month (as the 1st),
    /// or `asOf` - the day this snapshot of the catalogue showed the model.
    private func launchDate(
        _ entry: CatalogueModel, catalogue: Catalogue, asOf: CivilDate, summary: inout ImportSummary
    ) -> (CivilDate, Release.DateBasis, String?) {
        switch entry.releaseDate {
        case .day(let date):
            return (date, .catalogueReleaseDate, nil)
        case .month(let date):
            summary.monthOnlyDates += 1
            return (date, .catalogueReleaseDate, "\(catalogue.name) gives only the month (\(date.iso.prefix(7))); dated the 1st")
        case .unknown:
            summary.undatedLaunches += 1
            return (asOf, .catalogueDiff, "\(catalogue.name) gives no release date; dated the day of the import")
        }
    }

    /// The capabilities every recorded release of each model has shipped.
    private func capabilitiesShipped() throws -> [ModelReference: Set<String>] {
        var shipped: [ModelReference: Set<String>] = [:]
        try database.cachedStatement(sql: """
            SELECT p.slug, m.slug, k.slug FROM release_capabilities x JOIN releases r ON r.id = x.release_id
            JOIN models m ON m.id = r.model_id JOIN providers p ON p.id = m.provider_id
            JOIN capabilities k ON k.id = x.capability_id
            """).forEachRow { row in
            shipped[ModelReference(provider: try row.get(0), model: try row.get(1)), default: []].insert(try row.get(2))
        }
        return shipped
    }

    /// The catalogue's ids as lifeline slugs: lower-case, anything else becomes '-'
    /// (`Qwen/QwQ-32B` is `qwen-qwq-32b`, `amazon.nova-lite-v1:0` is `amazon.nova-lite-v1-0`).
    static func reference(for entry: CatalogueModel) throws -> ModelReference {
        let provider = Slug.suggested(from: entry.providerID)
        let model = Slug.suggested(from: entry.modelID)
        guard Slug.isValid(provider), provider.count <= Slug.maximumLength else {
            throw LifelineError(.badData, "\(entry.path): the provider id '\(Slug.printable(entry.providerID))' makes no usable slug")
        }
        guard Slug.isValid(model), model.count <= Slug.maximumModelLength else {
            throw LifelineError(.badData, "\(entry.path): the model id '\(Slug.printable(entry.modelID))' makes no usable slug")
        }
        return ModelReference(provider: provider, model: model)
    }

    /// A catalogue's display name when it is one lifeline accepts, else the slug.
    static func displayName(_ name: String?, fallback: String) -> String {
        guard let name, (try? TextField.name(name, of: "model")) != nil else { return fallback }
        return name
    }
}
