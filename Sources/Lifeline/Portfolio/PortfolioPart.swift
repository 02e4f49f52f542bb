import LifelineCore
import LifelineStorage

/// A part of the portfolio with one job - the catalogue, the companies, the
/// reassessment, the reports. Each works on the portfolio's one connection, as of its
/// day, in the sessions it opens (see `Portfolio`), and can be read without the others.
protocol PortfolioPart {
    var portfolio: Portfolio { get }
}

extension PortfolioPart {
    var database: Database { portfolio.database }
    var today: CivilDate { portfolio.today }
    var warnDays: Int { portfolio.warnDays }
    var stallDays: Int { portfolio.stallDays }
    var names: NameLookup { portfolio.names }

    func read<T>(_ body: () throws -> T) throws -> T { try portfolio.read(body) }
    func transaction<T>(_ body: () throws -> T) throws -> T { try portfolio.transaction(body) }
    func write<T>(_ body: (WriteSession) throws -> T) throws -> T { try portfolio.write(body) }

    func writeAndReassess<T>(trigger: String, _ body: (WriteSession) throws -> T) throws -> Reassessed<T> {
        try portfolio.writeAndReassess(trigger: trigger, body)
    }
}
