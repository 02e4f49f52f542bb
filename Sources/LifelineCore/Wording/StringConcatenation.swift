extension String {
    /// `pieces` one after another, written once into a string made at their total
    /// length. Each `+=` costs a few hundred instructions (the string grown, then the
    /// checks every append makes), and so did interpolation: a cell of `company list`
    /// took several, in each of 100,000 rows.
    package init(concatenating pieces: [String]) {
        var length = 0
        for piece in pieces { length += piece.utf8.count }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var written = 0
            for var piece in pieces {
                piece.withUTF8 { bytes in
                    guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
                    (target + written).initialize(from: source, count: bytes.count)
                    written += bytes.count
                }
            }
            return written
        }
    }
}
