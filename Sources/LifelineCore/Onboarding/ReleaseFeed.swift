/// A release feed, as `lifeline import releases` reads it: CSV with the release
/// history's columns (`date,provider,model_or_product,kind,capability,announced,source`)
/// or with the export's releases.csv columns, or JSON lines with the same fields. Read
/// and checked here without a database; every problem is kept, with its `FILE:LINE` and
/// field, so that `--check` can list them all and an import can refuse the file.
public enum ReleaseFeed {
    /// The release history's columns (data/provider-history.csv).
    public static let historyColumns = ["date", "provider", "model_or_product", "kind", "capability", "announced", "source"]
    /// The export's releases.csv columns (`ExportTable`): a lifeline database publishes a
    /// feed that another imports.
    public static var exportColumns: [String] { ExportTable.columns["releases"]! }

    /// One release of the feed.
    public struct Row: Equatable, Sendable {
        /// `history.csv:12`.
        public let location: String
        public let model: ModelReference
        public let kind: Release.Kind
        public let releasedOn: CivilDate
        public let announcedOn: CivilDate?
        /// As written: slugs or aliases.
        public let capabilities: [String]
        public let note: String?
        /// A URL, or in an exported row `import: CATALOGUE FILE`.
        public let source: String?
        /// `history`, unless an exported row says a catalogue gave the date.
        public let dateBasis: Release.DateBasis
    }

    /// The feed's rows, and a problem for each row it could not read, in file order.
    public struct Reading: Sendable {
        public var rows: [Row] = []
        public var problems: [String] = []

        public init(rows: [Row] = [], problems: [String] = []) {
            self.rows = rows
            self.problems = problems
        }
    }

    /// Reads `text`: JSON lines when its first character (after spaces) is `{`, else CSV
    /// (its separator detected from the header, a byte-order mark ignored).
    public static func read(_ text: String, fileName: String) -> Reading {
        let start = text.unicodeScalars.first { $0 != "\u{FEFF}" && !$0.properties.isWhitespace }
        return start == "{" ? readJSONLines(text, fileName: fileName) : readCSV(text, fileName: fileName)
    }

    static func readCSV(_ text: String, fileName: String) -> Reading {
        var reading = Reading()
        let records: [(line: Int, fields: [String])]
        do {
            records = try CSV.records(in: text, fileName: fileName, delimiter: CSV.detectedDelimiter(in: text))
        } catch {
            reading.problems.append((error as? LifelineError)?.message ?? "\(fileName): \(error)")
            return reading
        }
        guard let header = records.first else {
            reading.problems.append("\(fileName): the file is empty")
            return reading
        }
        let names = header.fields.map { $0.trimmingSpaces().lowercased() }
        if let problem = columnProblem(names, location: "\(fileName):\(header.line)") {
            reading.problems.append(problem)
            return reading
        }
        for record in records.dropFirst() {
            let location = "\(fileName):\(record.line)"
            guard record.fields.count <= names.count else {
                reading.problems.append("\(location): \(record.fields.count) cells for \(names.count) columns")
                continue
            }
            var values: [String: String] = [:]
            for (name, cell) in zip(names, record.fields) where !cell.trimmingSpaces().isEmpty { values[name] = cell.trimmingSpaces() }
            reading.add(row(values, location: location))
        }
        return reading
    }

    static func readJSONLines(_ text: String, fileName: String) -> Reading {
        var reading = Reading()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let location = "\(fileName):\(index + 1)"
            guard !String(line).trimmingSpaces().isEmpty else { continue }
            do {
                guard case .object(let members) = try JSONValue.parse(Array(line.utf8)) else {
                    reading.problems.append("\(location): expected an object")
                    continue
                }
                if let problem = columnProblem(members.map(\.0), location: location) {
                    reading.problems.append(problem)
                    continue
                }
                var values: [String: String] = [:]
                for (key, value) in members {
                    switch value {
                    case .null: continue
                    case .string(let text): if !text.trimmingSpaces().isEmpty { values[key] = text.trimmingSpaces() }
                    case .array(let items) where key == "capability" || key == "capabilities":
                        let texts = items.compactMap { item -> String? in if case .string(let text) = item { text } else { nil } }
                        guard texts.count == items.count else { throw LifelineError(.badData, "\(key): expected strings") }
                        if !texts.isEmpty { values[key] = texts.joined(separator: ";") }
                    case .number(let number) where key == "id": values[key] = OutputNumber.text(number)
                    default: throw LifelineError(.badData, "\(key): expected a string, found \(value.kindName)")
                    }
                }
                reading.add(row(values, location: location))
            } catch {
                reading.problems.append("\(location): \((error as? LifelineError)?.message ?? "\(error)")")
            }
        }
        return reading
    }

    /// Either column set, whole or in part, but not a mix and nothing else.
    static func columnProblem(_ names: [String], location: String) -> String? {
        let inHistory = names.count { historyColumns.contains($0) }
        let inExport = names.count { exportColumns.contains($0) }
        let (known, other) = inHistory >= inExport ? (historyColumns, exportColumns) : (exportColumns, historyColumns)
        if let unknown = names.first(where: { !known.contains($0) }) {
            if other.contains(unknown) {
                return "\(location): the column '\(unknown)' is an export's and '\(names.first { known.contains($0) && !other.contains($0) } ?? known[0])' "
                    + "the release history's; a feed has one set or the other"
            }
            let hint = Suggestion.closest(to: unknown, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            return "\(location): unknown column '\(Slug.printable(unknown))'\(hint); a feed has the release history's columns "
                + "(\(historyColumns.joined(separator: ","))) or those of an export's releases.csv"
        }
        if let repeated = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            return "\(location): the column '\(repeated)' appears twice"
        }
        return nil
    }

    /// A row's cells as a release, or the first problem with it.
    static func row(_ values: [String: String], location: String) -> Result<Row, LifelineError> {
        func problem(_ field: String, _ message: String) -> Result<Row, LifelineError> {
            .failure(LifelineError(.badData, "\(location): \(field): \(message)"))
        }
        func date(_ field: String) -> Result<CivilDate?, LifelineError> {
            guard let text = values[field] else { return .success(nil) }
            guard let date = CivilDate(iso: text) else {
                return .failure(LifelineError(.badData, "\(location): \(field): '\(Slug.printable(text))' is not a date (YYYY-MM-DD)"))
            }
            return .success(date)
        }
        let isHistory = values["date"] != nil || values["provider"] != nil || values["model_or_product"] != nil
        let dateField = isHistory ? "date" : "released_on"
        let model: ModelReference
        if isHistory {
            guard let provider = values["provider"] else { return problem("provider", "missing") }
            guard let product = values["model_or_product"] else { return problem("model_or_product", "missing") }
            guard Slug.isValid(provider) else { return problem("provider", "'\(Slug.printable(provider))' is not a slug") }
            guard Slug.isValid(product) else { return problem("model_or_product", "'\(Slug.printable(product))' is not a slug") }
            model = ModelReference(provider: provider, model: product)
        } else {
            guard let text = values["model"] else { return problem("model", "missing") }
            guard let parsed = try? ModelReference(parsing: text) else {
                return problem("model", "'\(Slug.printable(text))' is not PROVIDER/MODEL")
            }
            model = parsed
        }
        guard let kindText = values["kind"] else { return problem("kind", "missing") }
        guard let kind = Release.Kind(rawValue: kindText) else {
            return problem("kind", "'\(Slug.printable(kindText))' is not launch, capability or retirement")
        }
        let releasedOn: CivilDate
        switch date(dateField) {
        case .failure(let error): return .failure(error)
        case .success(nil): return problem(dateField, "missing")
        case .success(let day?): releasedOn = day
        }
        let announcedField = isHistory ? "announced" : "announced_on"
        var announcedOn: CivilDate?
        switch date(announcedField) {
        case .failure(let error): return .failure(error)
        case .success(let day): announcedOn = day
        }
        if let announced = announcedOn, announced > releasedOn {
            return problem(announcedField, "\(announced) is after the release (\(releasedOn))")
        }
        if announcedOn == releasedOn { announcedOn = nil }
        let capabilities = (values[isHistory ? "capability" : "capabilities"] ?? "").split(separator: ";")
            .map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        let capabilityField = isHistory ? "capability" : "capabilities"
        if kind == .retirement && !capabilities.isEmpty { return problem(capabilityField, "a retirement ships no capabilities") }
        if kind == .capability && capabilities.isEmpty { return problem(capabilityField, "a capability release ships at least one") }
        // A URL; or, in an exported row, the catalogue an import read it from.
        var source: String?
        if let text = values["source"] {
            do {
                source = !isHistory && text.hasPrefix("import: ")
                    ? try TextField.oneLine(text, field: "source", maximumLength: 2000) : try TextField.url(text, field: "source")
            } catch {
                return problem("source", (error as? LifelineError)?.message ?? "\(error)")
            }
        }
        // A date a catalogue gave stays one; a person's becomes the feed's history.
        var basis = Release.DateBasis.history
        if let text = values["date_basis"] {
            guard let given = Release.DateBasis(rawValue: text) else {
                return problem("date_basis", "'\(Slug.printable(text))' is not one of \(Release.DateBasis.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if given.rawValue.hasPrefix("catalogue-") { basis = given }
        } else if source?.hasPrefix("import: ") == true {
            basis = Release.DateBasis.inferred(kind: kind, source: source, note: values["note"])
        }
        return .success(Row(
            location: location, model: model, kind: kind, releasedOn: releasedOn, announcedOn: announcedOn,
            capabilities: capabilities, note: values["note"], source: source, dateBasis: basis))
    }

    /// What a feed must be to be published (`--check`), beyond readable rows: a source for
    /// every row, capabilities lifeline knows (`known`: slugs and aliases), no row twice,
    /// and rows in date order. Every problem, in file order.
    public static func publishingProblems(of rows: [Row], knownCapabilities known: Set<String>) -> [String] {
        var problems: [String] = []
        var seen: [String: String] = [:]
        var previous: CivilDate?
        for row in rows {
            if row.source == nil { problems.append("\(row.location): source: missing; every row needs the public page that dates it") }
            for capability in row.capabilities where !known.contains(capability) {
                let hint = Suggestion.closest(to: capability, among: Array(known)).map { " (did you mean '\($0)'?)" } ?? ""
                problems.append("\(row.location): capability: unknown capability '\(Slug.printable(capability))'\(hint)")
            }
            let key = "\(row.model) \(row.releasedOn) \(row.kind.rawValue) \(row.capabilities.sorted().joined(separator: ";"))"
            if let first = seen[key] {
                problems.append("\(row.location): the same release as \(first)")
            } else {
                seen[key] = row.location
            }
            if let previous, row.releasedOn < previous {
                problems.append("\(row.location): date: \(row.releasedOn) comes before the row above (\(previous)); keep the feed in date order")
            }
            previous = max(previous ?? row.releasedOn, row.releasedOn)
        }
        return problems
    }
}

extension ReleaseFeed.Reading {
    mutating func add(_ row: Result<ReleaseFeed.Row, LifelineError>) {
        switch row {
        case .success(let row): rows.append(row)
        case .failure(let error): problems.append(error.message)
        }
    }
}
