import CSQLite
import Glibc

/// A Swift type that a result column can be read as, with `Row.get`.
///
/// Reads are strict: an integer column is not silently read as text, and NULL only
/// reads into an `Optional`. Lenient conversions hide schema mistakes.
public protocol SQLColumnDecodable {
    static func decode(from row: Row, column: Int32) throws -> Self
}

extension Int64: SQLColumnDecodable {
    @inlinable public static func decode(from row: Row, column: Int32) throws -> Int64 {
        guard sqlite3_column_type(row.handle, column) == SQLITE_INTEGER else {
            throw row.mismatch(column, expected: "an integer")
        }
        return sqlite3_column_int64(row.handle, column)
    }
}

extension Int: SQLColumnDecodable {
    @inlinable public static func decode(from row: Row, column: Int32) throws -> Int {
        Int(try Int64.decode(from: row, column: column))
    }
}

extension Double: SQLColumnDecodable {
    /// Integers read as doubles too: SQLite stores whole REAL values as integers in
    /// untyped columns and expressions such as `sum()` of integers.
    @inlinable public static func decode(from row: Row, column: Int32) throws -> Double {
        switch sqlite3_column_type(row.handle, column) {
        case SQLITE_FLOAT, SQLITE_INTEGER: return sqlite3_column_double(row.handle, column)
        default: throw row.mismatch(column, expected: "a number")
        }
    }
}

extension String: SQLColumnDecodable {
    @inlinable public static func decode(from row: Row, column: Int32) throws -> String {
        guard sqlite3_column_type(row.handle, column) == SQLITE_TEXT else {
            throw row.mismatch(column, expected: "text")
        }
        return row.text(at: column)
    }
}

extension Bool: SQLColumnDecodable {
    @inlinable public static func decode(from row: Row, column: Int32) throws -> Bool {
        try Int64.decode(from: row, column: column) != 0
    }
}

extension Array: SQLColumnDecodable where Element == UInt8 {
    public static func decode(from row: Row, column: Int32) throws -> [UInt8] {
        guard sqlite3_column_type(row.handle, column) == SQLITE_BLOB else {
            throw row.mismatch(column, expected: "a blob")
        }
        return row.blob(at: column)
    }
}

extension SQLValue: SQLColumnDecodable {
    public static func decode(from row: Row, column: Int32) throws -> SQLValue {
        row.value(at: column)
    }
}

/// An enumeration stored by its raw values reads strictly too: a value that is none of
/// its cases is an error naming the table, column and value (`Row.unknownValue`), never a
/// default. A conforming type needs no code (`extension LifelineStatus: SQLColumnDecodable {}`).
extension SQLColumnDecodable where Self: RawRepresentable & CaseIterable, RawValue: SQLColumnDecodable {
    @inlinable public static func decode(from row: Row, column: Int32) throws -> Self {
        let raw = try RawValue.decode(from: row, column: column)
        if let value = Self(rawValue: raw) { return value }
        throw row.unknownValue(column, "\(raw)", expected: expectedCases)
    }
}

extension RawRepresentable where Self: CaseIterable {
    /// "one of a, b, c": what an unknown stored value was expected to be.
    @usableFromInline static var expectedCases: String { "one of " + allCases.map { "\($0.rawValue)" }.joined(separator: ", ") }
}

/// An enumeration stored by its names is matched against the column's bytes in place,
/// case by case: making a String of each value and asking `init(rawValue:)`, which
/// compares Strings, cost about a thousand instructions per value - a scorecard decodes
/// three of them for each of 100,000 assessments. The bytes are compared with `memcmp`,
/// not `elementsEqual`'s generic walk: decoding 10,000 outcomes took 7% fewer
/// instructions. Just as strict as above.
extension SQLColumnDecodable where Self: RawRepresentable & CaseIterable, RawValue == String {
    @inlinable public static func decode(from row: Row, column: Int32) throws -> Self {
        let match = row.withTextBytes(at: column) { bytes in
            allCases.first { value in
                var name = value.rawValue
                return name.utf8.count == bytes.count
                    && name.withUTF8 { name in
                        guard let stored = bytes.baseAddress, let known = name.baseAddress else { return bytes.isEmpty }
                        return memcmp(known, stored, bytes.count) == 0
                    }
            }
        }
        if let value = match ?? nil { return value }
        let raw = try String.decode(from: row, column: column)
        throw row.unknownValue(column, raw, expected: expectedCases)
    }
}

extension Optional: SQLColumnDecodable where Wrapped: SQLColumnDecodable {
    @inlinable public static func decode(from row: Row, column: Int32) throws -> Wrapped? {
        row.isNull(at: column) ? nil : try Wrapped.decode(from: row, column: column)
    }
}
