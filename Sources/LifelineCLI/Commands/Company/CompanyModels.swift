import ArgumentParser
import Lifeline
import LifelineCore

/// A company and the models a command names for it: `SLUG PROVIDER/MODEL...`.
struct CompanyModels: ParsableArguments {
    @Argument(help: "The company's slug.")
    var slug: String
    @Argument(help: "PROVIDER/MODEL, one or more.")
    var models: [String]

    func validate() throws {
        if models.isEmpty { throw ValidationError("name at least one PROVIDER/MODEL") }
    }

    func references() throws -> [ModelReference] {
        try models.map(ModelReference.init(parsing:))
    }
}
