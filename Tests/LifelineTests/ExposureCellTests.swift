import Testing
@testable import LifelineCore

/// An exposure as one spreadsheet cell, read and written by one type.
@Suite("Exposure cells")
struct ExposureCellTests {
    @Test("a cell reads as the exposure it writes back", arguments: [
        "file-upload:necessity", "office-integration:advantage@microsoft", "agents:advantage@anthropic+openai",
    ])
    func roundTrip(cell: String) throws {
        #expect(try Exposure(cell: cell).cell == cell)
    }

    @Test("its parts", arguments: [
        ("vision:advantage", Exposure(capability: "vision", effect: .advantage, providers: [])),
        ("voice:necessity@openai+google", Exposure(capability: "voice", effect: .necessity, providers: ["openai", "google"])),
    ])
    func parts(cell: String, exposure: Exposure) throws {
        #expect(try Exposure(cell: cell) == exposure)
    }

    @Test("a cell that is not one is refused, saying how to write it", arguments: [
        ("vision", "invalid exposure 'vision': write capability:effect or capability:effect@provider1+provider2"),
        (":advantage", "invalid exposure ':advantage': write capability:effect or capability:effect@provider1+provider2"),
        ("a:b:c", "invalid exposure 'a:b:c': write capability:effect or capability:effect@provider1+provider2"),
        ("vision:advantage@", "invalid exposure 'vision:advantage@': no provider after '@'"),
        ("vision:fatal", "invalid effect 'fatal'"),
    ])
    func refused(cell: String, message: String) {
        let error = #expect(throws: LifelineError.self) { try Exposure(cell: cell) }
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
    }

    @Test("a row's exposures may split a capability by provider, with disjoint scopes", arguments: [
        "computer-use:advantage@anthropic;computer-use:necessity@openai",
        "computer-use:advantage@anthropic+google;computer-use:necessity",
        "computer-use:advantage;vision:advantage@openai;vision:necessity@anthropic",
    ])
    func disjointScopes(cells: String) throws {
        try Exposure.checkScopesDisjoint(cells.split(separator: ";").map { try Exposure(cell: String($0)) })
    }

    @Test("two exposures of a capability that would count one provider are refused, naming it", arguments: [
        ("computer-use:advantage;computer-use:necessity", "computer-use is given twice for any provider"),
        ("computer-use:advantage@openai;computer-use:necessity@anthropic+openai", "computer-use names 'openai' in two exposures"),
        ("vision:advantage@openai;vision:advantage@openai", "vision names 'openai' in two exposures"),
    ])
    func overlappingScopes(cells: String, message: String) throws {
        let exposures = try cells.split(separator: ";").map { try Exposure(cell: String($0)) }
        let error = #expect(throws: LifelineError.self) { try Exposure.checkScopesDisjoint(exposures) }
        #expect(error?.message.hasPrefix(message) == true, "\(error?.message ?? "")")
    }

    @Test("a scope in words: its providers, 'any' alone, 'any other' beside named ones")
    func scopeText() throws {
        let named = try Exposure(cell: "computer-use:advantage@anthropic+google")
        let rest = try Exposure(cell: "computer-use:necessity")
        #expect(named.scopeText(among: [named, rest]) == "anthropic, google")
        #expect(rest.scopeText(among: [named, rest]) == "any other")
        #expect(rest.scopeText(among: [rest, try Exposure(cell: "vision:advantage@openai")]) == "any")
    }
}
