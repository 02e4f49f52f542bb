import Foundation
import LifelineStorage
import Testing

/// Spreadsheet import, export and restore, end to end, and the round-trip promise.
@Suite("Onboarding and exit, end to end")
struct OnboardingCommandsTests {
    let scratch: Scratch

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let example = repository.appendingPathComponent("docs/examples/portfolio.csv").path

    init() throws {
        scratch = try Scratch()
    }

    func run(_ arguments: [String], db: String = "p.db", today: String = "2024-06-01", input: String? = nil) throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": scratch.file(db), "LIFELINE_TODAY": today], input: input)
    }

    @discardableResult
    func ok(_ arguments: [String], db: String = "p.db") throws -> String {
        let result = try run(arguments, db: db)
        #expect(result.status == 0, "lifeline \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    /// A database with the providers and models the example sheet needs.
    func catalogue(_ db: String = "p.db") throws {
        try ok(["init"], db: db)
        for provider in ["openai", "microsoft"] { try ok(["provider", "add", provider], db: db) }
        for model in ["openai/gpt-4", "openai/gpt-3.5-turbo"] { try ok(["model", "add", model], db: db) }
    }

    func lifelineView(_ db: String) throws -> [[SQLValue]] {
        let database = try Database(path: scratch.file(db), configuration: .init(mode: .readOnly))
        return try database.fetchAll(sql: "SELECT * FROM v_company_lifeline ORDER BY company") { $0.values }
    }

    // MARK: Import

    @Test("the example sheet imports, with several investments for one company")
    func example() throws {
        try catalogue()
        let output = try ok(["company", "import", Self.example])
        #expect(output.hasPrefix("Imported portfolio.csv: 4 companies added, 0 updated, 5 investments, 4 dependencies, 3 exposures."))
        #expect(output.contains("4 lifelines changed."))
        let papertalk = try ok(["company", "show", "papertalk", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(papertalk.utf8)) as? [String: Any]
        #expect(object?["invested_usd"] as? Double == 1_700_000)
        #expect((object?["investments"] as? [[String: Any]])?.count == 2)
        let deckly = try ok(["company", "show", "deckly", "--format", "csv"])
        #expect(deckly.contains("office-integration:advantage@microsoft"))
        #expect(deckly.contains(",AI slide decks; Office add-in planned,"))
    }

    @Test("Excel's files import as they are: CSV UTF-8's byte-order mark, ';' separators, tabs with --delimiter", arguments: [
        ("\u{FEFF}slug,tier,since,depends\npapertalk,3,2023-05-01,openai/gpt-4\n", []),
        ("slug;tier;since;invested_usd;invested_on;depends\npapertalk;3;2023-05-01;1.5M;2023-05-10;openai/gpt-4\n", []),
        // Excel quotes a cell that holds the separator: a list of models.
        ("\u{FEFF}slug;tier;since;depends\r\npapertalk;3;2023-05-01;\"openai/gpt-4;openai/gpt-3.5-turbo\"\r\n", []),
        ("slug\ttier\tsince\npapertalk\t3\t2023-05-01\n", ["--delimiter", "tab"]),
    ])
    func excelFiles(sheet: String, options: [String]) throws {
        try catalogue()
        try sheet.write(toFile: scratch.file("excel.csv"), atomically: true, encoding: .utf8)
        let output = try ok(["company", "import", "excel.csv"] + options)
        #expect(output.hasPrefix("Imported excel.csv: 1 company added"), "\(output)")
    }

    @Test("a file that is not UTF-8 is refused with what it looks like and how to fix it", arguments: [
        ([0x73, 0x6C, 0x75, 0x67, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A] as [UInt8],
         "lifeline: error: latin1.csv is not UTF-8 text: it looks like Latin-1 (Windows-1252); save it as CSV UTF-8 (or convert it: iconv -f WINDOWS-1252 -t UTF-8)"),
        ([0xFF, 0xFE, 0x73, 0x00, 0x6C, 0x00] as [UInt8],
         "lifeline: error: latin1.csv is not UTF-8 text: it looks like UTF-16; save it as CSV UTF-8 (or convert it: iconv -f UTF-16 -t UTF-8)"),
    ])
    func notUTF8(bytes: [UInt8], message: String) throws {
        try catalogue()
        FileManager.default.createFile(atPath: scratch.file("latin1.csv"), contents: Data(bytes))
        let refused = try run(["company", "import", "latin1.csv"])
        #expect(refused.status == 65)
        #expect(refused.stderr == message + "\n")
    }

    @Test("JSON sheets, standard input, and --update replacing lists and investments")
    func jsonAndUpdate() throws {
        try catalogue()
        let json = """
            [{"slug": "papertalk", "tier": 3, "since": "2023-04-10", "depends": ["openai/gpt-4"], "invested_usd": 1000000, "invested_on": "2023-04-20"},
             {"slug": "deckly", "tier": "6", "since": "2023-08-15", "exposures": ["office-integration:advantage"], "notes": null}]
            """
        try json.write(toFile: scratch.file("sheet.json"), atomically: true, encoding: .utf8)
        #expect(try ok(["company", "import", "sheet.json"]).hasPrefix("Imported sheet.json: 2 companies added"))
        let update = """
            slug,tier,depends,invested_usd,invested_on
            papertalk,6,openai/gpt-3.5-turbo,2M,2023-05-01
            """
        let updated = try run(["company", "import", "-", "--update"], input: update)
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout.hasPrefix("Imported stdin: 0 companies added, 1 updated"))
        let show = try ok(["company", "show", "papertalk", "--format", "csv"])
        #expect(show.contains("papertalk,papertalk,6,2023-04-10,,,3,,2000000,2023-05-01,,openai/gpt-3.5-turbo,\n"), "\(show)")
        _ = try run(["company", "import", "-", "--update"], input: update)
        #expect(try ok(["company", "show", "papertalk", "--format", "csv"]) == show)
    }

    @Test("company show's spreadsheet rows import back as they are, investments and all")
    func showRoundTrip() throws {
        try catalogue()
        try ok(["company", "import", Self.example])
        for company in ["papertalk", "deckly"] {
            let rows = try ok(["company", "show", company, "--format", "csv"])
            try ok(["init"], db: "b.db")
            for provider in ["openai", "microsoft"] { _ = try run(["provider", "add", provider], db: "b.db") }
            for model in ["openai/gpt-4", "openai/gpt-3.5-turbo"] { _ = try run(["model", "add", model], db: "b.db") }
            let imported = try run(["company", "import", "-"], db: "b.db", input: rows)
            #expect(imported.status == 0, "\(company): \(imported.stderr)")
            #expect(try ok(["company", "show", company, "--format", "csv"], db: "b.db") == rows)
            #expect(try ok(["company", "show", company, "--format", "json"], db: "b.db") == ok(["company", "show", company, "--format", "json"]))
        }
        #expect(try ok(["company", "show", "papertalk", "--format", "csv"]).split(separator: "\n").count == 3, "a row per investment")
    }

    static let refusedSheets: [(sheet: String, message: String)] = [
        ("slug,tier,since,tiers\nx,3,2023-01-01,3\n", "sheet.csv: unknown column 'tiers' (did you mean 'tier'?); the columns are"),
        ("name,tier\nX,3\n", "sheet.csv: there is no 'slug' column"),
        ("slug,tier,since\nok,3,2023-01-01\nbad,5,2023-01-01\n", "sheet.csv:3: invalid tier '5': use 3, 6 or 12 (months)"),
        ("slug,tier,since\nx,3,2023-02-30\n", "sheet.csv:2: invalid --since date '2023-02-30': no such day in the calendar"),
        ("slug,tier\nx,3\n", "sheet.csv:2: the new company 'x' needs 'tier' and 'since'"),
        ("slug,tier,since,depends\nx,3,2023-01-01,openai/gpt4\n", "sheet.csv:2: unknown model 'openai/gpt4'; did you mean 'openai/gpt-4'?"),
        ("slug,tier,since,exposures\nx,3,2023-01-01,file-uplod:necessity\n", "sheet.csv:2: unknown capability 'file-uplod'; did you mean 'file-upload'?"),
        ("slug,tier,since,exposures\nx,3,2023-01-01,file-upload\n", "sheet.csv:2: invalid exposure 'file-upload': write capability:effect"),
        ("slug,tier,since,exposures\nx,3,2023-01-01,file-upload:fatal\n", "sheet.csv:2: invalid effect 'fatal': use advantage or necessity"),
        ("slug,tier,since,exposures\nx,3,2023-01-01,vision:advantage;vision:necessity\n", "sheet.csv:2: vision is given twice for any provider"),
        ("slug,tier,since,exposures\nx,3,2023-01-01,vision:advantage@openai;vision:necessity@microsoft+openai\n",
         "sheet.csv:2: vision names 'openai' in two exposures"),
        ("slug,tier,since,invested_usd\nx,3,2023-01-01,1M\n", "sheet.csv:2: an investment needs both 'invested_usd' and 'invested_on'"),
        ("slug,tier,since,invested_usd,invested_on\nx,3,2023-01-01,-5,2023-01-01\n", "sheet.csv:2: invalid amount '-5': amounts cannot be negative"),
        ("slug,name,tier,since\nx,A,3,2023-01-01\nx,B,,\n", "sheet.csv:3: 'name' is 'B' here but 'A' at sheet.csv:2"),
        ("slug,tier,since\nOpen AI,3,2023-01-01\n", "sheet.csv:2: invalid company slug 'Open AI'"),
        ("slug,tier,since\n\"x,3,2023-01-01\n", "sheet.csv:2: a quoted field is never closed"),
        ("slug,tier,since\nx,3,2023-01-01,extra\n", "sheet.csv:2: 4 cells for 3 columns"),
        ("slug,tier,since,notes\nx,3,2023-01-01,\"bell\u{7}\"\n", "sheet.csv:2: the notes contain control characters"),
        ("slug,tier,since\nexisting,3,2023-01-01\n", "sheet.csv:2: company 'existing' already exists; use --update to change it"),
    ]

    @Test("a bad row aborts the import: its place, one line, exit 65, nothing written", arguments: 0..<Self.refusedSheets.count)
    func badSheets(index: Int) throws {
        try catalogue()
        try ok(["company", "add", "existing", "--tier", "3", "--since", "2023-01-01"])
        let sheet = Self.refusedSheets[index]
        try sheet.sheet.write(toFile: scratch.file("sheet.csv"), atomically: true, encoding: .utf8)
        let before = try DatabaseSnapshot(path: scratch.file("p.db"))
        let result = try run(["company", "import", "sheet.csv"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("lifeline: error: " + sheet.message), "\(result.stderr)")
        #expect(try DatabaseSnapshot(path: scratch.file("p.db")) == before)
    }

    @Test("a dry run writes nothing")
    func dryRun() throws {
        try catalogue()
        let before = try DatabaseSnapshot(path: scratch.file("p.db"))
        let result = try run(["company", "import", Self.example, "--dry-run"])
        #expect(result.stdout.hasPrefix("Would import portfolio.csv: 4 companies added"))
        #expect(try DatabaseSnapshot(path: scratch.file("p.db")) == before)
    }

    // MARK: Export and restore

    @Test("the round trip on the demo: export, restore, reassess - v_company_lifeline identical")
    func demoRoundTrip() throws {
        _ = try run(["demo", "--db", scratch.file("a.db"), "--as-of", "2024-06-01"])
        try ok(["company", "rebuild", "chainsmith", "--on", "2023-07-01", "--note", "Rebuilt"], db: "a.db")
        try ok(["dismiss", "deckly", "16", "--reason", "Brand-true decks", "--until", "2024-09-01"], db: "a.db")
        try ok(["reassess", "--as-of", "2024-06-01"], db: "a.db")
        let exported = try ok(["export", "--out", "out"], db: "a.db")
        #expect(exported.hasPrefix("Exported to out/: 19 capabilities"))
        for file in ["companies.csv", "providers.csv", "models.csv", "releases.csv", "dismissals.csv", "lifelines.csv", "closures.csv", "portfolio.json"] {
            #expect(scratch.exists("out/\(file)"), "\(file)")
        }
        let document = try JSONSerialization.jsonObject(with: try scratch.bytes("out/portfolio.json")) as? [String: Any]
        #expect((document?["releases"] as? [[String: Any]])?.count == 125)
        #expect((document?["companies"] as? [[String: Any]])?.first?["tier"] as? Int == 6)
        try ok(["restore", "out"], db: "b.db")
        try ok(["reassess", "--as-of", "2024-06-01"], db: "b.db")
        #expect(try lifelineView("a.db") == lifelineView("b.db"))
        #expect(try ok(["history", "chainsmith"], db: "b.db").contains("  Rebuilt"))
        #expect(try ok(["export", "--out", "again"], db: "b.db").hasPrefix("Exported to again/"))
        for file in ["companies.csv", "releases.csv", "dismissals.csv", "lifelines.csv", "closures.csv", "models.csv"] {
            #expect(try scratch.bytes("out/\(file)") == scratch.bytes("again/\(file)"), "\(file)")
        }
    }

    @Test("a capability split by provider imports, survives a rebuild, and comes back from an export as it was")
    func exposuresPerProviderRoundTrip() throws {
        try catalogue("a.db")
        let sheet = "slug,tier,since,exposures\nclicky,6,2023-03-01,vision:advantage@microsoft;vision:necessity;file-upload:necessity@openai\n"
        let imported = try run(["company", "import", "-"], db: "a.db", input: sheet)
        #expect(imported.stdout.hasPrefix("Imported stdin: 1 company added, 0 updated, 0 investments, 0 dependencies, 3 exposures."), "\(imported.stderr)")
        try ok(["company", "rebuild", "clicky", "--on", "2024-01-10"], db: "a.db")
        let exposed = try ok(["company", "expose", "clicky", "vision", "--effect", "advantage", "--provider", "openai"], db: "a.db")
        #expect(exposed == "clicky is exposed to vision (advantage, openai).\n")
        let row = try ok(["company", "show", "clicky", "--format", "csv"], db: "a.db")
        #expect(row.hasSuffix(",file-upload:necessity@openai;vision:advantage@microsoft;vision:advantage@openai;vision:necessity\n"), "\(row)")
        try ok(["export", "--out", "out"], db: "a.db")
        let lifelines = String(decoding: try scratch.bytes("out/lifelines.csv"), as: UTF8.self)
        #expect(lifelines.contains(",file-upload:necessity@openai;vision:advantage@microsoft;vision:necessity\n"), "\(lifelines)")
        try ok(["restore", "out"], db: "b.db")
        try ok(["export", "--out", "again"], db: "b.db")
        for file in ["companies.csv", "lifelines.csv"] {
            #expect(try scratch.bytes("out/\(file)") == scratch.bytes("again/\(file)"), "\(file)")
        }
    }

    @Test("the round trip on a generated portfolio of 300 companies")
    func generatedRoundTrip() throws {
        try ok(["init"], db: "a.db")
        _ = try run(["import", "models-dev", Self.repository.appendingPathComponent("Tests/Fixtures/models-dev-sample.json").path], db: "a.db")
        let models = ["openai/gpt-4o", "openai/gpt-4", "anthropic/claude-3-opus-20240229", "google/gemini-2.5-pro", "mistral/mistral-large-latest"]
        let capabilities = ["file-upload", "function-calling", "vision", "long-context", "reasoning", "structured-output"]
        var sheet = "slug,name,tier,since,runway,invested_usd,invested_on,round,depends,exposures\n"
        var generator = UInt64(7)
        func next(_ bound: Int) -> Int {
            generator = generator &* 6364136223846793005 &+ 1442695040888963407
            return Int((generator >> 33) % UInt64(bound))
        }
        for index in 0..<300 {
            // No lifeline starts after today (2024-06-01 here).
            let since = String(format: "20%02d-%02d-%02d", 23 + next(2), 1 + next(5), 1 + next(28))
            let depends = (0...next(2)).map { _ in models[next(models.count)] }
            let exposures = Set((0...next(3)).map { _ in capabilities[next(capabilities.count)] })
                .map { "\($0):\(next(2) == 0 ? "advantage" : "necessity")\(next(4) == 0 ? "@openai+anthropic" : "")" }
            sheet += "c\(index),Company \(index),\([3, 6, 12][next(3)]),\(since),\(next(7)),\(next(50) * 100)k,2023-06-01,Seed,\(Set(depends).joined(separator: ";")),\(exposures.joined(separator: ";"))\n"
            if next(3) == 0 { sheet += "c\(index),,,,,250k,2024-01-15,Series A,,\n" }
        }
        try sheet.write(toFile: scratch.file("sheet.csv"), atomically: true, encoding: .utf8)
        let imported = try ok(["company", "import", "sheet.csv"], db: "a.db")
        #expect(imported.hasPrefix("Imported sheet.csv: 300 companies added"))
        try ok(["reassess", "--as-of", "2024-06-01"], db: "a.db")
        try ok(["export", "--out", "out"], db: "a.db")
        try ok(["restore", "out"], db: "b.db")
        try ok(["reassess", "--as-of", "2024-06-01"], db: "b.db")
        let original = try lifelineView("a.db")
        #expect(original.count == 300)
        #expect(try lifelineView("b.db") == original)
    }

    @Test("a companies.csv exported from one database reproduces the companies in another")
    func companiesIntoAnother() throws {
        try catalogue("a.db")
        try ok(["company", "import", Self.example], db: "a.db")
        try ok(["export", "--out", "out"], db: "a.db")
        try catalogue("b.db")
        try ok(["company", "import", scratch.file("out/companies.csv")], db: "b.db")
        try ok(["export", "--out", "again"], db: "b.db")
        #expect(try scratch.bytes("out/companies.csv") == scratch.bytes("again/companies.csv"))
        for company in ["papertalk", "deckly", "chainsmith", "modelverse"] {
            #expect(try ok(["company", "show", company, "--format", "csv"], db: "a.db") == ok(["company", "show", company, "--format", "csv"], db: "b.db"))
        }
    }

    @Test("restore refuses a database that is not empty, or a directory that is not an export")
    func restoreRefusals() throws {
        try catalogue("a.db")
        try ok(["export", "--out", "out"], db: "a.db")
        let before = try DatabaseSnapshot(path: scratch.file("a.db"))
        let full = try run(["restore", "out"], db: "a.db")
        #expect(full.status == 65)
        #expect(full.stderr.hasPrefix("lifeline: error: restore loads into an empty database, and this one already holds 2 providers"))
        #expect(try DatabaseSnapshot(path: scratch.file("a.db")) == before)
        let notExport = try run(["restore", "nowhere"], db: "c.db")
        #expect(notExport.status == 66)
        #expect(!scratch.exists("c.db"))
        try "slug,name\nopenai,OpenAI\nBad Slug,x\n".write(toFile: scratch.file("out/providers.csv"), atomically: true, encoding: .utf8)
        let broken = try run(["restore", "out"], db: "d.db")
        #expect(broken.status == 65)
        #expect(broken.stderr.hasPrefix("lifeline: error: providers.csv:3: invalid provider slug 'Bad Slug'"))
        // A failed restore into a new file leaves nothing behind, not an empty database.
        for file in ["d.db", "d.db-wal", "d.db-shm"] { #expect(!scratch.exists(file), "\(file)") }
        // Into an existing empty database, it leaves that database as it was.
        try ok(["init"], db: "e.db")
        let empty = try DatabaseSnapshot(path: scratch.file("e.db"))
        #expect(try run(["restore", "out"], db: "e.db").status == 65)
        #expect(try DatabaseSnapshot(path: scratch.file("e.db")) == empty)
        // An export onto an earlier one is refused without --force, and changes nothing.
        let again = try run(["export", "--out", "out"], db: "a.db")
        #expect(again.status == 64)
        #expect(again.stderr == "lifeline: error: 'out/capabilities.csv' exists; add --force to overwrite the export in 'out'\n")
        #expect(try String(contentsOfFile: scratch.file("out/providers.csv"), encoding: .utf8).hasSuffix("Bad Slug,x\n"))
        #expect(try run(["export", "--out", "out", "--force"], db: "a.db").status == 0)
    }

    @Test("init that fails for want of space leaves no file behind")
    func initOnAFullDisk() throws {
        // A file size limit of 8 blocks stands in for a full disk: writes past it fail.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "trap '' XFSZ; ulimit -f 8; exec '\(LifelineProcess.binaryPath)' init --db full.db"]
        shell.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        let errors = Pipe()
        shell.standardError = errors
        try shell.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 74, "\(message)")
        #expect(message.hasPrefix("lifeline: error: "))
        for file in ["full.db", "full.db-wal", "full.db-shm"] { #expect(!scratch.exists(file), "\(file)") }
    }

    @Test("a 0-byte file is not a lifeline database: commands refuse it and leave it empty; init makes it one")
    func emptyFile() throws {
        FileManager.default.createFile(atPath: scratch.file("empty.db"), contents: nil)
        for command in [["company", "list"], ["sql", "SELECT 1"], ["doctor"], ["reassess"]] {
            let refused = try run(command, db: "empty.db")
            #expect(refused.status == 65, "\(command)")
            let path = scratch.file("empty.db")
            #expect(refused.stderr == "lifeline: error: '\(path)' is an empty file, not a lifeline database; create one with 'lifeline init --db \(path)'\n")
        }
        #expect(try scratch.bytes("empty.db").isEmpty)
        try ok(["init"], db: "empty.db")
        #expect(try run(["company", "list"], db: "empty.db").status == 0)
    }
}
