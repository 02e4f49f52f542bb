import LifelineCore
import LifelineStorage

// The domain's values as they are read from the database: strictly. A status, kind,
// tier, effect or date that is none of the known ones - a row edited by hand, which the
// views invite - is an error naming the table, column and value (`Row.unknownValue`),
// which the CLI reports with exit 65 and `lifeline doctor` lists (`StoredValueCheck`);
// it is never read as a default, which would give a wrong answer with no error.

extension LifelineStatus: SQLColumnDecodable {}
extension Release.Kind: SQLColumnDecodable {}
extension Release.DateBasis: SQLColumnDecodable {}
extension Provider.Role: SQLColumnDecodable {}
extension Model.Kind: SQLColumnDecodable {}
extension Company.Tier: SQLColumnDecodable {}
extension Effect: SQLColumnDecodable {}
extension Assessment.Cause.Kind: SQLColumnDecodable {}
extension LifelineRecord.Beginning: SQLColumnDecodable {}
extension ClosingReason: SQLColumnDecodable {}

extension CivilDate: SQLColumnDecodable {
    /// ISO `YYYY-MM-DD`, a real day: the only form lifeline writes. Parsed from the
    /// column's bytes in place (a nightly run reads hundreds of thousands of dates); a
    /// string is made only for the error.
    public static func decode(from row: Row, column: Int32) throws -> CivilDate {
        if let date = row.withTextBytes(at: column, CivilDate.init(isoUTF8:)), let date { return date }
        let text = try String.decode(from: row, column: column)
        throw row.unknownValue(column, text, expected: "a date (YYYY-MM-DD)")
    }
}
extension Notification.Kind: SQLColumnDecodable {}
