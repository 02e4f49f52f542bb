import Foundation
import Testing
@testable import Lifeline
@testable import LifelineCore

/// Replays Tests/FuzzRegressions and Fuzz/seeds through every parser the fuzzer drives.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let inputs: [String] = ["Tests/FuzzRegressions", "Fuzz/seeds"].flatMap { folder in
        let directory = repository.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0 != "README.md" }.sorted().map { "\(folder)/\($0)" }
    }

    @Test("there are inputs to replay")
    func inputsExist() {
        #expect(Self.inputs.count >= 10)
    }

    @Test("each input runs through every parser without a crash or a broken round trip", arguments: inputs)
    func replay(path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.repository.appendingPathComponent(path)))
        for target in FuzzedParsers.targets { FuzzedParsers.run(bytes, target: target) }
        FuzzedParsers.run(bytes, target: "all")
    }
}
