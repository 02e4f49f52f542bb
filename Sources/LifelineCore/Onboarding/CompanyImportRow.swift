/// One row of a portfolio spreadsheet (`lifeline company import`), as given: the cells
/// that are not empty, by column, and where the row came from for messages.
public struct CompanyImportRow: Equatable, Sendable {
    /// `companies.csv:3` or `companies.json[2]`.
    public let location: String
    public let values: [String: String]

    /// The columns of the import format, in the order `export` writes them.
    public static let columns = [
        "slug", "name", "tier", "since", "sector", "website", "runway", "notes", "invested_usd", "invested_on", "round",
        "depends", "exposures",
    ]

    public init(location: String, values: [String: String]) {
        self.location = location
        self.values = values
    }

    /// Rows of a CSV file with a header row. Unknown columns are an error naming them.
    /// `delimiter`: the fields' separator; nil to detect `,`, `;` or tab from the header.
    public static func fromCSV(_ text: String, fileName: String, delimiter: Unicode.Scalar? = nil) throws -> [CompanyImportRow] {
        let records = try CSV.records(in: text, fileName: fileName, delimiter: delimiter ?? CSV.detectedDelimiter(in: text))
        guard let header = records.first else { throw LifelineError(.badData, "\(fileName): the file is empty") }
        let names = header.fields.map { $0.trimmingSpaces().lowercased() }
        try checkColumns(names, in: fileName)
        return try records.dropFirst().map { record in
            guard record.fields.count <= names.count else {
                throw LifelineError(.badData, "\(fileName):\(record.line): \(record.fields.count) cells for \(names.count) columns")
            }
            var values: [String: String] = [:]
            for (name, cell) in zip(names, record.fields) where !cell.trimmingSpaces().isEmpty {
                values[name] = cell.trimmingSpaces()
            }
            return CompanyImportRow(location: "\(fileName):\(record.line)", values: values)
        }
    }

    /// Rows of a JSON array of objects with the same keys. Strings, numbers and, for
    /// `depends` and `exposures`, arrays of strings; null means "not given".
    public static func fromJSON(_ document: JSONValue, fileName: String) throws -> [CompanyImportRow] {
        guard case .array(let elements) = document else {
            throw LifelineError(.badData, "\(fileName): expected an array of objects, found \(document.kindName)")
        }
        return try elements.enumerated().map { index, element in
            let location = "\(fileName)[\(index)]"
            guard case .object(let members) = element else {
                throw LifelineError(.badData, "\(location): expected an object, found \(element.kindName)")
            }
            try checkColumns(members.map(\.0), in: location)
            var values: [String: String] = [:]
            for (key, value) in members {
                switch value {
                case .null: continue
                case .string(let text): if !text.trimmingSpaces().isEmpty { values[key] = text.trimmingSpaces() }
                case .number(let number): values[key] = OutputNumber.text(number)
                case .array(let items) where key == "depends" || key == "exposures":
                    let texts = try items.map { item -> String in
                        guard case .string(let text) = item else {
                            throw LifelineError(.badData, "\(location).\(key): expected strings, found \(item.kindName)")
                        }
                        return text
                    }
                    if !texts.isEmpty { values[key] = texts.joined(separator: ";") }
                default:
                    throw LifelineError(.badData, "\(location).\(key): expected a string or a number, found \(value.kindName)")
                }
            }
            return CompanyImportRow(location: location, values: values)
        }
    }

    private static func checkColumns(_ names: [String], in location: String) throws {
        let unknown = names.filter { !columns.contains($0) }
        guard unknown.isEmpty else {
            let hints = unknown.map { name in
                Suggestion.closest(to: name, among: columns).map { "'\(name)' (did you mean '\($0)'?)" } ?? "'\(name)'"
            }
            throw LifelineError(
                .badData,
                "\(location): unknown column\(unknown.count == 1 ? "" : "s") \(hints.joined(separator: ", ")); the columns are \(columns.joined(separator: ", "))")
        }
        if let slugColumn = names.firstIndex(of: "slug"), names.lastIndex(of: "slug") != slugColumn {
            throw LifelineError(.badData, "\(location): the column 'slug' appears twice")
        }
        guard names.contains("slug") else { throw LifelineError(.badData, "\(location): there is no 'slug' column") }
    }
}
