import Foundation
import LifelineStorage
import Testing

/// The records commands end to end: providers, models, capabilities, companies, releases.
@Suite("Records commands, end to end")
struct RecordsCommandsTests {
    let scratch: Scratch
    var database: String { scratch.file("p.db") }

    init() throws {
        scratch = try Scratch()
        try setUpPortfolio()
    }

    /// Runs lifeline on the test database with a fixed "today".
    @discardableResult
    func lifeline(_ arguments: String...) throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": database, "LIFELINE_TODAY": "2023-12-01"])
    }

    func lifeline(_ arguments: [String]) throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": database, "LIFELINE_TODAY": "2023-12-01"])
    }

    /// Runs a command that must succeed.
    @discardableResult
    func ok(_ arguments: String...) throws -> String {
        let result = try lifeline(arguments)
        #expect(result.status == 0, "lifeline \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    func setUpPortfolio() throws {
        for command in [
            ["init"],
            ["provider", "add", "openai", "--name", "OpenAI"],
            ["provider", "add", "anthropic", "--name", "Anthropic"],
            ["model", "add", "openai/chatgpt", "--kind", "product", "--name", "ChatGPT"],
            ["model", "add", "openai/gpt-4", "--name", "GPT-4"],
            ["model", "add", "anthropic/claude-2"],
            ["company", "add", "papertalk", "--name", "PaperTalk", "--tier", "3", "--since", "2023-01-15", "--sector", "Document AI"],
            ["company", "depend", "papertalk", "openai/gpt-4"],
            ["company", "expose", "papertalk", "file-upload", "--effect", "necessity"],
            ["company", "invest", "papertalk", "--on", "2023-02-01", "--amount", "1.5M", "--round", "Seed"],
            ["release", "log", "openai/chatgpt", "--on", "2023-07-06", "--capability", "file-upload", "--source", "https://help.openai.com/notes"],
        ] {
            let result = try lifeline(command)
            guard result.status == 0 else {
                Issue.record("set-up failed: lifeline \(command.joined(separator: " ")): \(result.stderr)")
                return
            }
        }
    }

    // MARK: What works

    @Test("providers and models list in every format")
    func providersAndModels() throws {
        #expect(try ok("provider", "list", "--format", "csv") == "provider,name,role,models\nanthropic,Anthropic,lab,1\nopenai,OpenAI,lab,2\n")
        #expect(try ok("model", "list", "--provider", "openai", "--format", "tsv")
            == "model\tprovider\tname\tkind\tsnapshot_of\nopenai/chatgpt\topenai\tChatGPT\tproduct\t\nopenai/gpt-4\topenai\tGPT-4\tapi\t\n")
        let json = try ok("model", "list", "--format", "json")
        let models = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(models?.map { $0["model"] as? String ?? "" } == ["anthropic/claude-2", "openai/chatgpt", "openai/gpt-4"])
        #expect(models?.allSatisfy { $0["snapshot_of"] is NSNull } == true)
        #expect(try ok("provider", "list", "--format", "markdown").hasPrefix("| provider | name | role | models |\n| --- | --- | --- | ---: |"))
    }

    @Test("capabilities: add, alias and list")
    func capabilities() throws {
        #expect(try ok("capability", "add", "translation", "--name", "Translation", "--description", "Translates between languages.")
            == "Added capability translation (Translation).\n")
        #expect(try ok("capability", "alias", "function-calling", "tools") == "'tools' now means capability function-calling.\n")
        let list = try ok("capability", "list", "--format", "csv")
        #expect(list.contains("translation,Translation,Translates between languages.,\n"))
        #expect(list.contains("function-calling,Function calling,") && list.contains(",supports_function_calling tool_call tools\n"))
        try ok("company", "expose", "papertalk", "tools", "--effect", "advantage")
        #expect(try ok("company", "show", "papertalk", "--format", "csv").contains("file-upload:necessity;function-calling:advantage"))
    }

    @Test("company show in every format")
    func companyShow() throws {
        try ok("company", "expose", "papertalk", "vision", "--effect", "advantage", "--provider", "openai", "--provider", "anthropic")
        let table = try ok("company", "show", "papertalk")
        #expect(table.contains("invested        $1,500,000"))
        #expect(table.contains("Exposures:") && table.contains("vision       advantage  anthropic, openai"))
        let json = try ok("company", "show", "papertalk", "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["invested_usd"] as? Double == 1_500_000)
        #expect(object?["dependencies"] as? [String] == ["openai/gpt-4"])
        #expect((object?["exposures"] as? [[String: Any]])?.count == 2)
        #expect(try ok("company", "show", "papertalk", "--format", "csv") == """
            slug,name,tier,since,sector,website,runway,notes,invested_usd,invested_on,round,depends,exposures
            papertalk,PaperTalk,3,2023-01-15,Document AI,,3,,1500000,2023-02-01,Seed,openai/gpt-4,file-upload:necessity;vision:advantage@anthropic+openai

            """)
        #expect(try ok("company", "show", "papertalk", "--format", "markdown").contains("## Exposures\n| capability | effect | providers |"))
    }

    @Test("company edit and list")
    func companyEdit() throws {
        #expect(try ok("company", "edit", "papertalk", "--tier", "6", "--runway", "4", "--website", "https://papertalk.example")
            == """
            Updated company papertalk (PaperTalk): tier 6 months from 2023-01-15, runway 4 months.
            papertalk: elapsed -> replaced (openai/chatgpt shipped file-upload on 2023-07-06; runway to 2023-11-06)

            """)
        try ok("company", "edit", "papertalk", "--sector", "")
        #expect(try ok("company", "list", "--format", "csv") == """
            company,name,tier_months,lifeline_start,status,lifeline_end,days_remaining,cause,runway_months,sector,invested_usd,dependencies,exposures,flags
            papertalk,PaperTalk,6,2023-01-15,replaced,2023-07-06,-148,openai/chatgpt file-upload (necessity),4,,1500000,1,1,

            """)
    }

    @Test("Unicode names and SQL metacharacters are stored as data")
    func namesAreData() throws {
        try ok("company", "add", "sahm", "--name", "سهم — Zéro 🚀", "--tier", "12", "--since", "today",
               "--notes", "'); DROP TABLE companies;--")
        let json = try ok("company", "show", "sahm", "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "سهم — Zéro 🚀")
        #expect(object?["notes"] as? String == "'); DROP TABLE companies;--")
        #expect(object?["lifeline_start"] as? String == "2023-12-01")
        #expect(try ok("company", "list", "--format", "csv").split(separator: "\n").count == 3)
    }

    @Test("release log prints the id; json prints the release; --if-new replays quietly")
    func releaseLog() throws {
        #expect(try ok("release", "log", "anthropic/claude-2", "--on", "2023-07-11", "--capability", "file-upload", "--capability", "long-context") == "2\n")
        let json = try ok("release", "log", "openai/gpt-4-0613", "--on", "2023-06-13", "--create-model", "--capability", "function-calling", "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["id"] as? Int == 3)
        #expect(object?["kind"] as? String == "launch")
        #expect(object?["capabilities"] as? [String] == ["function-calling"])
        #expect(object?["announced_on"] is NSNull)
        #expect(try ok("release", "log", "anthropic/claude-2", "--on", "2023-07-11", "--capability", "long-context", "--capability", "file-upload", "--if-new") == "2\n")
        #expect(try ok("release", "log", "openai/gpt-4", "--kind", "retirement", "--on", "2024-06-06", "--announced", "2023-11-06") == "4\n")
        #expect(try ok("release", "list", "--capability", "file-upload", "--format", "csv") == """
            id,released_on,date_basis,announced_on,model,kind,capabilities,source,note
            1,2023-07-06,logged,,openai/chatgpt,capability,file-upload,https://help.openai.com/notes,
            2,2023-07-11,logged,,anthropic/claude-2,capability,file-upload long-context,,

            """)
        #expect(try ok("release", "list", "--since", "2024-01-01", "--format", "csv").hasSuffix("4,2024-06-06,logged,2023-11-06,openai/gpt-4,retirement,,,\n"))
        #expect(try ok("release", "list", "--provider", "anthropic", "--format", "jsonl").split(separator: "\n").count == 1)
        #expect(try ok("release", "show", "4").contains("announced on  2023-11-06"))
    }

    @Test("removals say what goes and need --yes")
    func removals() throws {
        let before = try DatabaseSnapshot(path: database)
        let company = try lifeline("company", "remove", "papertalk")
        #expect(company.status == 64)
        #expect(company.stderr == "lifeline: error: removing company 'papertalk' also removes 1 investment, 1 dependency and 1 exposure; run again with --yes to confirm\n")
        let release = try lifeline("release", "remove", "1")
        #expect(release.status == 64)
        #expect(release.stderr.contains("openai/chatgpt capability file-upload on 2023-07-06"))
        #expect(try DatabaseSnapshot(path: database) == before)
        #expect(try ok("company", "remove", "papertalk", "--yes") == "Removed company papertalk with 1 investment, 1 dependency and 1 exposure.\n")
        #expect(try ok("release", "remove", "1", "--yes") == "Removed release 1 (openai/chatgpt capability file-upload on 2023-07-06).\n")
        let after = try DatabaseSnapshot(path: database)
        for table in ["companies", "investments", "dependencies", "exposures", "releases", "release_capabilities"] {
            #expect(after.tables[table]?.isEmpty == true, "\(table)")
        }
        #expect(after.tables["models"]?.count == 3)
    }

    // MARK: What is refused

    /// Each mistake: the command, its exit code, and what the one-line message says.
    static let mistakes: [(arguments: [String], status: Int32, message: String)] = [
        (["provider", "add", "Open AI"], 65, "invalid provider slug 'Open AI': use lower-case letters, digits, '-', '.' and '_', starting with a letter or digit (e.g. 'open-ai')"),
        (["provider", "add", "openai"], 65, "provider 'openai' already exists"),
        (["provider", "add", "mistral", "--name", ""], 65, "the provider name is empty"),
        (["model", "add", "opnai/gpt-5"], 65, "unknown provider 'opnai'; did you mean 'openai'?"),
        (["model", "add", "gpt-5"], 65, "invalid model 'gpt-5': write it as PROVIDER/MODEL, e.g. 'openai/gpt-4'"),
        (["model", "add", "openai/gpt-4"], 65, "model 'openai/gpt-4' already exists"),
        (["model", "add", "openai/gpt-5", "--kind", "service"], 64, ""),
        (["model", "list", "--provider", "antropic"], 65, "unknown provider 'antropic'; did you mean 'anthropic'?"),
        (["capability", "add", "vision", "--name", "Vision"], 65, "capability 'vision' already exists"),
        (["capability", "add", "x-ray"], 64, ""),
        (["capability", "alias", "function-call", "tools"], 65, "unknown capability 'function-call'; did you mean 'function-calling'?"),
        (["capability", "alias", "vision", "Images!"], 65, "invalid alias 'Images!'"),
        (["company", "add", "deckly", "--tier", "5", "--since", "2023-01-01"], 65, "invalid tier '5': use 3, 6 or 12 (months)"),
        (["company", "add", "deckly", "--tier", "3", "--since", "2023-02-29"], 65, "invalid --since date '2023-02-29': no such day in the calendar"),
        (["company", "add", "deckly", "--tier", "3"], 64, ""),
        (["company", "add", "deckly", "--tier", "3", "--since", "2023-01-01", "--website", "deckly.com"], 65, "invalid website 'deckly.com': use a full address such as https://example.com"),
        (["company", "add", "deckly", "--tier", "3", "--since", "2023-01-01", "--runway", "-1"], 64, ""),
        (["company", "add", "deckly", "--tier", "3", "--since", "2023-01-01", "--runway=-1"], 65, "invalid runway '-1': use whole months from 0 to 120"),
        (["company", "add", "deckly", "--tier", "3", "--since", "2023-01-01", "--name", String(repeating: "x", count: 10_000)], 65, "the company name is longer than 200 characters"),
        (["company", "add", "deckly", "--tier", "3", "--since", "2023-01-01", "--name", "tab\there"], 65, "the company name 'tab\\u{9}here' contains control characters"),
        (["company", "add", "papertalk", "--tier", "3", "--since", "2023-01-01"], 65, "company 'papertalk' already exists; change it with 'lifeline company edit papertalk'"),
        (["company", "edit", "papertalk"], 64, ""),
        (["company", "edit", "papertak", "--tier", "6"], 65, "unknown company 'papertak'; did you mean 'papertalk'?"),
        (["company", "edit", "papertalk", "--since", "2023-13-01"], 65, "invalid --since date '2023-13-01': no such day in the calendar"),
        (["company", "show", "paper"], 65, "unknown company 'paper'; did you mean 'papertalk'?"),
        (["company", "depend", "papertalk", "openai/gpt4"], 65, "unknown model 'openai/gpt4'; did you mean 'openai/gpt-4'?"),
        (["company", "depend", "papertalk", "openai/chatgpt", "openai/gpt-5"], 65, "unknown model 'openai/gpt-5'"),
        (["company", "undepend", "papertalk", "openai/chatgpt"], 65, "'papertalk' does not depend on 'openai/chatgpt'"),
        (["company", "expose", "papertalk", "file-uplod", "--effect", "necessity"], 65, "unknown capability 'file-uplod'; did you mean 'file-upload'?"),
        (["company", "expose", "papertalk", "vision", "--effect", "fatal"], 64, ""),
        (["company", "expose", "papertalk", "vision", "--effect", "advantage", "--provider", "googel"], 65, "unknown provider 'googel'"),
        (["company", "unexpose", "papertalk", "vision"], 65, "'papertalk' is not exposed to 'vision'"),
        (["company", "invest", "papertalk", "--on", "2023-02-01", "--amount=-5"], 65, "invalid amount '-5': amounts cannot be negative"),
        (["company", "invest", "papertalk", "--on", "2023-02-01", "--amount", "lots"], 65, "invalid amount 'lots': use a number such as 1500000, 1.5M or 250k"),
        (["company", "invest", "papertalk", "--on", "2023-02-30", "--amount", "1M"], 65, "invalid --on date '2023-02-30'"),
        (["company", "invest", "papertalk", "--amount", "1M"], 64, ""),
        (["company", "remove", "nobody", "--yes"], 65, "unknown company 'nobody'"),
        (["release", "log", "openai/chatgpt", "--on", "2023-07-06", "--capability", "file-upload"], 65, "this release is already logged as release 1; add --if-new to skip releases already logged"),
        (["release", "log", "openai/gpt-5", "--on", "2025-08-07", "--capability", "reasoning"], 65, "unknown model 'openai/gpt-5'; add --create-model to record it with this release; did you mean 'openai/gpt-4'?"),
        (["release", "log", "mistral/large", "--on", "2024-02-26", "--create-model"], 65, "unknown provider 'mistral'"),
        (["release", "log", "openai/gpt-5", "--on", "2025-08-07", "--capability", "reasonning", "--create-model"], 65, "unknown capability 'reasonning'; did you mean 'reasoning'?"),
        (["release", "log", "openai/chatgpt", "--on", "2023-11-06"], 64, "a capability release needs at least one --capability"),
        (["release", "log", "openai/chatgpt", "--on", "2023-11-06", "--kind", "capability"], 64, "a capability release needs at least one --capability"),
        (["release", "log", "openai/chatgpt", "--on", "2023-11-06", "--kind", "retirement", "--capability", "vision"], 64,
         "a retirement ships no capabilities; drop --capability or use --kind capability"),
        (["company", "add", "newco", "--tier", "3"], 64, "a new company needs --tier (3, 6 or 12) and --since DATE"),
        (["company", "edit", "papertalk"], 64, "nothing to change: give at least one of --name, --tier, --since, --runway, --sector, --website, --notes"),
        (["release", "log", "openai/chatgpt", "--on", "2023-11-06", "--capability", "agents", "--announced", "2023-11-07"], 65, "the announcement (2023-11-07) cannot come after the release (2023-11-06)"),
        (["release", "log", "openai/chatgpt", "--on", "2023-11-06", "--capability", "agents", "--source", "openai.com"], 65, "invalid source 'openai.com'"),
        (["release", "log", "openai/chatgpt", "--on", "next week", "--capability", "agents"], 65, "invalid --on date 'next week': use YYYY-MM-DD, 'today' or 'yesterday'"),
        (["release", "log", "openai/chatgpt", "--on", "2023-11-06", "--kind", "rumour"], 64, ""),
        (["release", "list", "--capability", "long-contxt"], 65, "unknown capability 'long-contxt'; did you mean 'long-context'?"),
        (["release", "list", "--since", "2023-02-30"], 65, "invalid --since date '2023-02-30'"),
        (["release", "show", "99"], 65, "no release 99; 'lifeline release list' lists them"),
        (["company", "add", "farfuture", "--tier", "12", "--since", "2199-12-31"], 65,
         "invalid --since date '2199-12-31': the year must be from 1900 to 2188 (lifeline adds up to 11 years to it)"),
        (["release", "log", "openai/chatgpt", "--on", "2190-01-01", "--capability", "vision"], 65,
         "invalid --on date '2190-01-01': the year must be from 1900 to 2188"),
        (["dismiss", "papertalk", "--reason", "x"], 64, "give a release id or --capability, not both"),
        (["dismiss", "papertalk", "1", "--capability", "file-upload", "--reason", "x"], 64, "give a release id or --capability, not both"),
        (["dismiss", "papertalk", "1", "--provider", "openai", "--reason", "x"], 64, "--provider goes with --capability"),
        (["dismiss", "papertalk", "--capability", "vison", "--reason", "x"], 65, "unknown capability 'vison'; did you mean 'vision'?"),
        (["dismiss", "papertalk", "--capability", "vision", "--reason", "x"], 65,
         "no release threatens 'papertalk' with vision; the releases that threaten it: 1 (file-upload)"),
        (["dismiss", "papertalk", "--capability", "file-upload", "--provider", "anthropic", "--reason", "x"], 65,
         "no release from anthropic threatens 'papertalk' with file-upload; the releases that threaten it: 1 (file-upload)"),
        (["dismiss", "papertalk", "--capability", "file-upload", "--provider", "opnai", "--reason", "x"], 65,
         "unknown provider 'opnai'; did you mean 'openai'?"),
        (["release", "show", "one"], 64, ""),
        (["release", "remove", "99", "--yes"], 65, "no release 99"),
    ]

    @Test("each mistake: its exit code, one line on stderr, the database unchanged row for row",
          arguments: 0..<Self.mistakes.count)
    func refused(index: Int) throws {
        let mistake = Self.mistakes[index]
        let before = try DatabaseSnapshot(path: database)
        let result = try lifeline(mistake.arguments)
        #expect(result.status == mistake.status, "lifeline \(mistake.arguments.joined(separator: " ")): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        if mistake.status == 65 {
            #expect(result.stderrLines.count == 1, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("lifeline: error: " + mistake.message), "\(result.stderr)")
        } else {
            #expect(mistake.message.isEmpty || result.stderr.contains(mistake.message), "\(result.stderr)")
            // A usage error: one line, and a second naming the command's help.
            #expect(result.stderrLines.count == 1 || result.stderrLines.last?.hasPrefix("see 'lifeline") == true, "\(result.stderr)")
            #expect(!result.stderr.contains("Usage:"), "\(result.stderr)")
        }
        #expect(try DatabaseSnapshot(path: database) == before)
    }

    @Test("LIFELINE_TODAY must be a date when set")
    func badToday() throws {
        let result = try LifelineProcess.run(
            ["company", "add", "deckly", "--tier", "3", "--since", "today"], in: scratch.path,
            environment: ["LIFELINE_DB": database, "LIFELINE_TODAY": "soon"])
        #expect(result.status == 64)
        #expect(result.stderr == "lifeline: error: LIFELINE_TODAY='soon' is not a date; use YYYY-MM-DD or unset it\n")
    }

    @Test("every command's help has an example")
    func helpExamples() throws {
        for command in [
            ["provider", "add"], ["provider", "list"], ["model", "add"], ["model", "list"], ["capability", "add"],
            ["capability", "list"], ["capability", "alias"], ["company", "add"], ["company", "list"], ["company", "show"],
            ["company", "edit"], ["company", "remove"], ["company", "depend"], ["company", "undepend"],
            ["company", "expose"], ["company", "unexpose"], ["company", "invest"], ["release", "log"],
            ["release", "list"], ["release", "show"], ["release", "remove"], ["init"], ["migrate"],
        ] {
            let help = try LifelineProcess.run(command + ["--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example"), "\(command.joined(separator: " ")) --help has no example")
        }
    }

    @Test("dismiss by what a threat is: every release shipping the capability, from the providers named; show lists the threats")
    func dismissByCapability() throws {
        let show = try ok("company", "show", "papertalk")
        #expect(show.contains("""
            Threats (release ids for 'lifeline dismiss'):
            release_id  released_on  model           capability   effect     role   dismissed_until
            ----------  -----------  --------------  -----------  ---------  -----  ---------------
                     1  2023-07-06   openai/chatgpt  file-upload  necessity  later
            """), "\(show)")
        #expect(try ok("dismiss", "papertalk", "--capability", "file-upload", "--provider", "openai", "--reason", "on-premise")
            == "Dismissed file-upload for papertalk, for good: release 1.\n")
        #expect(try ok("sql", "SELECT release_id, role FROM v_company_threats", "--format", "csv") == "release_id,role\n1,dismissed\n")
        let json = try ok("company", "show", "papertalk", "--format", "json")
        #expect(json.contains(#""threats":[{"release_id":1,"released_on":"2023-07-06","announced_on":null,"model":"openai/chatgpt","capability":"file-upload","effect":"necessity","dismissed_until":null,"role":"dismissed"}]"#))
    }

    @Test("a command line of thousands of arguments is refused at once, not parsed for seconds; repeats are looked up once")
    func tooManyArguments() throws {
        let repeated = Array(repeating: ["--capability", "vision"], count: 1_000).flatMap { $0 }
        let refused = try lifeline(["release", "log", "openai/chatgpt", "--on", "2023-11-30"] + repeated)
        #expect(refused.status == 64)
        #expect(refused.stderr == "lifeline: error: 2005 arguments are too many (at most 1000); put long lists in a file ('company import', 'sql --file')\n")
        let some = Array(repeating: ["--capability", "vision"], count: 400).flatMap { $0 }
        #expect(try lifeline(["release", "log", "openai/chatgpt", "--on", "2023-11-30"] + some).status == 0)
        #expect(try ok("release", "show", "2", "--format", "json").contains(#""capabilities":["vision"]"#))
    }
}
