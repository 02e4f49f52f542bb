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
        let text = textBuffer(bytes: values.reduce(0) { total, value in
            if case .text(let text) = value { total + text.utf8.count } else { total }
        })
        var used = 0
        for (offset, value) in values.enumerated() {
            if case .text(var string) = value, !string.isEmpty, let text {
                let start = text.baseAddress! + used
                let count = string.withUTF8 { utf8 in
                    start.copyMemory(from: utf8.baseAddress!, byteCount: utf8.count)
                    return utf8.count
                }
                used += count
                try check(sqlite3_bind_text(handle, Int32(offset + 1), start.assumingMemoryBound(to: CChar.self), Int32(count), nil))
            } else {
                try bind(value, at: Int32(offset + 1))
            }
        }
        return self
    }

    /// A buffer of at least `bytes` for the text about to be bound, in place of the one
    /// the cleared bindings used; nil for none.
    ///
    /// Text bound from it is not copied by SQLite (a nil destructor is `SQLITE_STATIC`):
    /// recording a first nightly run binds a million strings, and copying each cost SQLite
    /// an allocation and a free. One copy into the statement's own buffer replaces them.
    private func textBuffer(bytes: Int) -> UnsafeMutableRawBufferPointer? {
        guard bytes > 0 else { return nil }
        if let buffer = boundText, buffer.count >= bytes { return buffer }
        boundText?.deallocate()
        boundText = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes, alignment: 1)
        return boundText
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, connection: database.handle, sql: sql)
        }
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
        try check(code)
    }
}
