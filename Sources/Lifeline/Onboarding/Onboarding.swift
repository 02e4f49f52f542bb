import LifelineCore

/// Bringing a portfolio in and taking it out: public model catalogues
/// (`Onboarding+CatalogueImport`), the investor's spreadsheet (`+CompanyImport`), and an
/// export of everything (`+Export`) that a restore loads back (`+Restore`). Each is one
/// batch: all of it lands, or nothing.
public struct Onboarding: PortfolioPart {
    let portfolio: Portfolio

    /// Runs `body`, prefixing any error it throws with `location` (a file and line, or a
    /// JSON path): the first bad row aborts everything, and says where it is - a check
    /// of the schema's as well as lifeline's own.
    func located<T>(_ location: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            guard let error = error as? LifelineError ?? LifelineError(explaining: error) else { throw error }
            throw LifelineError(error.kind == .usage ? .badData : error.kind, "\(location): \(error.message)")
        }
    }

    /// `a;b;c`, empty items ignored: the lists of a spreadsheet cell.
    static func listItems(_ text: String) -> [String] {
        text.split(separator: ";").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }
}
