import CSQLite

extension Statement {
    /// Binds `values` to the `?` parameters, in order, replacing earlier bindings.
    ///
    /// Throws when the count differs from the statement's parameter count: a silent
    /// NULL for a forgotten argument is a bug that would otherwise reach the data.
    @discardableResult
    public func bind(_ values: [SQLValue]) throws -> Statement {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw SQLiteError(
                extendedCode: SQLITE_RANGE,
                message: "expected \(expected) arguments, got \(values.count)", sql: sql)
        }
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
        return self
    }

    /// Binds `values` to named parameters (`:name`, `@name` or `$name`; give the key
    /// without its prefix), replacing earlier bindings. Unknown names throw.
    @discardableResult
    public func bind(_ values: [String: SQLValue]) throws -> Statement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (name, value) in values {
            let index = [":", "@", "$"].lazy
                .map { sqlite3_bind_parameter_index(self.handle, $0 + name) }
                .first { $0 != 0 }
            guard let index else {
                throw SQLiteError(
                    extendedCode: SQLITE_RANGE, message: "no parameter named :\(name)", sql: sql)
            }
            try bind(value, at: index)
        }
        return self
    }

    /// The names of the statement's parameters without their prefix, in order
    /// (nil for an anonymous `?`).
    public var parameterNames: [String?] {
        let count = sqlite3_bind_parameter_count(handle)
        guard count > 0 else { return [] }
        return (1...count).map {
            sqlite3_bind_parameter_name(handle, $0).map { String(String(cString: $0).dropFirst()) }
        }
    }

    private func bind(_ value: SQLValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let number):
            code = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            code = sqlite3_bind_double(handle, index, number)
        case .text(var text):
            // An empty buffer may have no base address, which SQLite would bind as NULL.
            code = text.withUTF8 { bytes in
                bytes.isEmpty
                    ? sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
                    : sqlite3_bind_text(handle, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32(bytes.count), sqliteTransient)
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                buffer.isEmpty
                    ? sqlite3_bind_zeroblob(handle, index, 0)
                    : sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), sqliteTransient)
            }
        }
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, connection: database.handle, sql: sql)
        }
    }
}
