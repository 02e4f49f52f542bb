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
}
