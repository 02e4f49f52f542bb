/// Values by row id. Row ids are small and dense, so those below a limit set when the
/// table is made are kept in an array indexed by id, and each lookup is an index: a
/// dictionary hashed each of the 550,000 ids the facts of 100,000 companies name, and
/// 100,000 companies' outcomes took 262,144 slots of it. Ids at or above the limit, or
/// below zero (set by hand), are kept in a dictionary.
struct RowIDTable<Value> {
    private var dense: [Value?]
    private var sparse: [Int64: Value] = [:]

    /// An empty table for about `count` ids, the highest `highestID`: those from 0 up to
    /// it are kept in the array when that takes at most a few slots per id.
    init(count: Int, highestID: Int64) {
        dense = Array(repeating: nil, count: highestID < Int64(count) * 4 + 1_024 ? Int(max(highestID + 1, 0)) : 0)
    }

    /// A table of `rows`, which name each id once.
    init(_ rows: [(id: Int64, value: Value)]) {
        self.init(count: rows.count, highestID: rows.map(\.id).max() ?? -1)
        for row in rows { self[row.id] = row.value }
    }

    subscript(id: Int64) -> Value? {
        get { id >= 0 && id < dense.count ? dense[Int(id)] : sparse[id] }
        set {
            if id >= 0 && id < dense.count { dense[Int(id)] = newValue } else { sparse[id] = newValue }
        }
    }

    /// Every id that has a value, with it, by id.
    var all: [Int64: Value] {
        var all = sparse
        for (index, value) in dense.enumerated() { if let value { all[Int64(index)] = value } }
        return all
    }
}

extension RowIDTable: Sendable where Value: Sendable {}
