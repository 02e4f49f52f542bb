/// Values by row id, for joining the few catalogue rows (capabilities, models) to the
/// hundreds of thousands of fact rows that name them by id. Row ids are small and dense,
/// so an array indexed by id answers each lookup, where a dictionary hashed each of the
/// 550,000 ids the facts of 100,000 companies name. Ids far apart (set by hand) are kept
/// in a dictionary instead.
struct RowIDTable<Value> {
    private enum Storage {
        case dense([Value?])
        case sparse([Int64: Value])
    }

    private let storage: Storage

    /// `rows` must name each id once.
    init(_ rows: [(id: Int64, value: Value)]) {
        let highest = rows.map(\.id).max() ?? -1
        if rows.allSatisfy({ $0.id >= 0 }), highest < Int64(rows.count) * 4 + 1_024 {
            var values = [Value?](repeating: nil, count: Int(highest + 1))
            for row in rows { values[Int(row.id)] = row.value }
            storage = .dense(values)
        } else {
            storage = .sparse(Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.value) }))
        }
    }

    subscript(id: Int64) -> Value? {
        switch storage {
        case .dense(let values): id >= 0 && id < values.count ? values[Int(id)] : nil
        case .sparse(let values): values[id]
        }
    }
}
