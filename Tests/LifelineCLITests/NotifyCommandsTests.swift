import Foundation
import LifelineStorage
import Testing

/// The notifications outbox and `lifeline notify`, end to end (issue 22): a real HTTP
/// receiver on 127.0.0.1 (Python's http.server, started and stopped here) and curl as
/// the delivery command, as a team's Slack webhook would be reached.
@Suite("Notifications, end to end")
struct NotifyCommandsTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    func run(_ arguments: [String], today: String = "2026-01-15") throws -> LifelineProcess.Result {
        try LifelineProcess.run(arguments, in: scratch.path, environment: ["LIFELINE_DB": scratch.file("n.db"), "LIFELINE_TODAY": today])
    }

    @discardableResult
    func ok(_ arguments: [String], today: String = "2026-01-15") throws -> String {
        let result = try run(arguments, today: today)
        #expect(result.status == 0, "lifeline \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    func count(_ condition: String = "1") throws -> Int {
        let connection = try Database(path: scratch.file("n.db"), configuration: .init(mode: .readOnly))
        return try connection.fetchOne(sql: "SELECT count(*) FROM notifications WHERE \(condition)") { try $0.get(0) as Int } ?? -1
    }

    /// Companies building on GPT-4o and exposed to agents (necessity): a release of agents
    /// on it replaces each of them.
    func makePortfolio(companies: [String] = ["alpha", "beta"]) throws {
        try ok(["init", "--with-history"])
        for slug in companies {
            try ok(["company", "add", slug, "--tier", "12", "--since", "2025-10-01", "--depend", "openai/gpt-4o", "--expose", "agents:necessity"])
        }
    }

    /// Logs agents on GPT-4o. Dated more than 30 days back, the release itself is no
    /// news (no `release-hits-portfolio`): only the companies' changes are told.
    func replaceThem(on date: String = "2025-12-01") throws {
        try ok(["release", "log", "openai/gpt-4o", "--on", date, "--capability", "agents"])
    }

    /// A receiver that answers 500 to its first `failing` requests and 200 after, and logs
    /// every request: its status, the X-Lifeline-Notification header and the body.
    final class Receiver {
        let process = Process()
        let log: String
        let port: Int

        init(in scratch: Scratch, failing: Int = 0) throws {
            let script = scratch.file("receiver.py")
            try """
                import http.server, json, os, sys, threading
                log, failing, port_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
                lock = threading.Lock()
                seen = [0]
                class Handler(http.server.BaseHTTPRequestHandler):
                    def do_POST(self):
                        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                        with lock:
                            seen[0] += 1
                            status = 500 if seen[0] <= failing else 200
                            with open(log, "a") as f:
                                f.write(json.dumps({"status": status, "id": self.headers.get("X-Lifeline-Notification"), "body": body}) + "\\n")
                        self.send_response(status)
                        self.end_headers()
                        self.wfile.write(b"ok" if status == 200 else b"boom")
                    def log_message(self, *args):
                        pass
                server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
                with open(port_file + ".tmp", "w") as f:
                    f.write(str(server.server_address[1]))
                os.rename(port_file + ".tmp", port_file)
                server.serve_forever()
                """.write(toFile: script, atomically: true, encoding: .utf8)
            log = scratch.file("received.jsonl")
            FileManager.default.createFile(atPath: log, contents: nil)
            let portFile = scratch.file("port")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script, log, String(failing), portFile]
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            while !FileManager.default.fileExists(atPath: portFile) && Date() < deadline { usleep(20_000) }
            port = Int(try String(contentsOfFile: portFile, encoding: .utf8)) ?? 0
        }

        /// SIGKILL: a process started by Foundation may inherit a blocked SIGTERM.
        deinit {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        /// curl, failing on an HTTP error, with the ids in a header.
        var command: String {
            #"curl -sf --data-binary @- -H 'Content-Type: application/json' -H "X-Lifeline-Notification: $LIFELINE_NOTIFICATION_IDS" http://127.0.0.1:"#
                + String(port) + "/"
        }

        var requests: [(status: Int, id: String, body: String)] {
            ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { line in
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
                return (object["status"] as? Int ?? 0, object["id"] as? String ?? "", object["body"] as? String ?? "")
            }
        }
    }

    @Test("a release that replaces two companies sends exactly their two messages and its own, in Slack format, each once")
    func slackMessages() throws {
        try makePortfolio()
        try replaceThem(on: "2026-01-10")
        #expect(try count() == 3)
        let receiver = try Receiver(in: scratch)
        #expect(try ok(["notify", "--exec", receiver.command, "--format", "slack"]) == "Delivered 3 notifications.\n")
        let requests = receiver.requests
        #expect(requests.map(\.id) == ["1", "2", "3"])
        let texts = try requests.map { request in
            let body = try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any]
            #expect((body?["blocks"] as? [[String: Any]])?.first?["type"] as? String == "section")
            return body?["text"] as? String ?? ""
        }
        #expect(texts == [
            "lifeline: alpha: alive -&gt; replaced (openai/gpt-4o shipped agents on 2026-01-10; runway to 2026-04-10)",
            "lifeline: beta: alive -&gt; replaced (openai/gpt-4o shipped agents on 2026-01-10; runway to 2026-04-10)",
            "lifeline: openai/gpt-4o capability agents on 2026-01-10: alpha (replaced), beta (replaced)",
        ])
        #expect(try ok(["notify", "--exec", receiver.command, "--format", "slack"]) == "", "nothing is delivered twice")
        #expect(receiver.requests.count == 3)
        #expect(try count("delivered_at IS NOT NULL AND attempts = 1") == 3)
    }

    @Test("a receiver that fails twice gets the message on the third run; --list shows the attempts; a digest is one message")
    func retries() throws {
        try makePortfolio(companies: ["alpha"])
        try replaceThem()
        let receiver = try Receiver(in: scratch, failing: 2)
        for attempt in 1...2 {
            let failed = try run(["notify", "--exec", receiver.command, "--digest"])
            #expect(failed.status == 75)
            #expect(failed.stderr.hasPrefix("lifeline: error: 1 delivery attempt failed, kept pending (notify --list): 1: exit 22"), "\(failed.stderr)")
            let listed = try ok(["notify", "--list", "--format", "csv"])
            #expect(listed.contains("\n1,"), "\(listed)")
            #expect(listed.contains(",status-changed,alpha,pending,\(attempt),exit 22,"), "\(listed)")
        }
        #expect(try ok(["notify", "--exec", receiver.command, "--digest"]) == "Delivered 1 notification.\n")
        #expect(receiver.requests.map(\.status) == [500, 500, 200])
        #expect(try ok(["notify", "--list", "--format", "csv"]).contains(",status-changed,alpha,delivered,3,,"))
    }

    @Test("after --max-attempts a message is given up: kept, reported by doctor, and back in the queue with --retry")
    func givingUp() throws {
        try makePortfolio(companies: ["alpha"])
        try replaceThem()
        for _ in 1...2 { #expect(try run(["notify", "--exec", "echo refused >&2; exit 1", "--max-attempts", "2"]).status == 75) }
        #expect(try ok(["notify", "--list", "--format", "csv"]).contains(",alpha,given-up,2,exit 1: refused,"))
        #expect(try ok(["notify", "--exec", "true"]) == "", "a given-up message is not delivered")
        let doctor = try run(["doctor"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("notifications      0 pending, 0 delivered, 1 given up\n"), "\(doctor.stdout)")
        #expect(doctor.stderr.contains(
            "lifeline: problem: 1 notification was given up after failed deliveries: 'lifeline notify --list' shows why; 'lifeline notify --retry ID' puts one back"))
        #expect(try ok(["notify", "--retry", "1"]) == "Notification 1 (status-changed, alpha) is pending again.\n")
        #expect(try ok(["notify", "--exec", "true"]) == "Delivered 1 notification.\n")
        let again = try run(["notify", "--retry", "1"])
        #expect(again.status == 65)
        #expect(again.stderr == "lifeline: error: notification 1 is delivered, not given up: only a given-up message is retried\n")
        #expect(try run(["notify", "--retry", "9"]).stderr == "lifeline: error: no notification 9; 'lifeline notify --list' lists them\n")
    }

    @Test("two notify runs at once deliver each message once")
    func concurrentRuns() throws {
        try makePortfolio(companies: (1...12).map { "company-\($0)" })
        try replaceThem()
        #expect(try count() == 12)
        let receiver = try Receiver(in: scratch)
        let results = try [0, 1].map { _ in
            try Self.start(["notify", "--exec", receiver.command + " && sleep 0.05"], scratch: scratch)
        }.map { process in
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(results == [0, 0])
        let ids = receiver.requests.map(\.id)
        #expect(ids.count == 12, "\(ids)")
        #expect(Set(ids) == Set((1...12).map(String.init)))
    }

    @Test("notify killed while the command runs, then run again, delivers every message at least once, duplicates with the same id")
    func killedWhileDelivering() throws {
        try makePortfolio()
        try replaceThem()
        let receiver = try Receiver(in: scratch)
        // The first run delivers message 1 and hangs; it is killed before recording it.
        let first = try Self.start(["notify", "--exec", receiver.command + " && sleep 13", "--timeout", "1"], scratch: scratch)
        let deadline = Date().addingTimeInterval(20)
        while receiver.requests.isEmpty && Date() < deadline { usleep(20_000) }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        // Its claim lapses (the timeout and a 10 s margin); then the next run takes both.
        sleep(12)
        #expect(try ok(["notify", "--exec", receiver.command]) == "Delivered 2 notifications.\n")
        let ids = receiver.requests.map(\.id)
        #expect(ids == ["1", "1", "2"])
        #expect(Set(ids) == ["1", "2"])
    }

    @Test("a command that fails and rolls back leaves no notification; a backtest and a dry run leave none; a nightly run does")
    func onlyWhatLands() throws {
        try makePortfolio()
        // The first row would replace both companies; the second is bad: nothing lands.
        try """
            date,provider,model_or_product,kind,capability,announced,source
            2026-01-10,openai,gpt-4o,capability,agents,,https://example.com/a
            2026-01-11,openai,gpt-4o,capability,no-such-capability,,https://example.com/b
            """.write(toFile: scratch.file("feed.csv"), atomically: true, encoding: .utf8)
        #expect(try run(["import", "releases", "feed.csv"]).status == 65)
        #expect(try count() == 0)
        try replaceThem()
        #expect(try count() == 2)
        // A nightly run a quarter on: the runways ran out. As a backtest, and dry, nothing.
        try ok(["reassess", "--as-of", "2026-01-12"])
        try ok(["reassess", "--as-of", "2025-12-01"])
        try ok(["reassess", "--dry-run"], today: "2026-04-20")
        #expect(try count() == 2)
        try ok(["reassess"], today: "2026-04-20")
        #expect(try count("kind = 'runway-ended'") == 2)
    }

    @Test("--kind and --company choose what one run delivers; unknown kinds and formats are usage errors with a suggestion")
    func scoping() throws {
        try makePortfolio()
        try replaceThem()
        #expect(try ok(["notify", "--exec", "cat > /dev/null", "--company", "beta", "--kind", "status-changed"]) == "Delivered 1 notification.\n")
        #expect(try ok(["notify", "--list", "--format", "csv"]).contains(",status-changed,beta,delivered,"))
        let kind = try run(["notify", "--exec", "true", "--kind", "status-change"])
        #expect(kind.status == 64)
        #expect(kind.stderr.hasPrefix("lifeline: error: unknown notification kind 'status-change'; did you mean 'status-changed'?"))
        let format = try run(["notify", "--exec", "true", "--format", "slak"])
        #expect(format.stderr.hasPrefix("lifeline: error: unknown message format 'slak'; did you mean 'slack'?"))
        #expect(try run(["notify"]).status == 64)
        #expect(try run(["notify", "--exec", "true", "--format", "email"]).stderr.contains("--format email needs --to"))
        let dry = try ok(["notify", "--dry-run", "--format", "email", "--to", "partners@fund.example", "--from", "lifeline@fund.example", "--digest"])
        #expect(dry.hasPrefix("From: lifeline@fund.example\nTo: partners@fund.example\nSubject: lifeline: alpha: alive -> replaced"))
        #expect(dry.contains("X-Lifeline-Notification: 1\n"))
        let teams = try ok(["notify", "--dry-run", "--format", "teams", "--digest"])
        let card = try JSONSerialization.jsonObject(with: Data(teams.utf8)) as? [String: Any]
        #expect(card?["@type"] as? String == "MessageCard")
        #expect((card?["summary"] as? String)?.hasPrefix("lifeline: alpha: alive -> replaced") == true)
        #expect(try count("delivered_at IS NULL") == 1, "a dry run marks nothing")
    }

    @Test("a release just logged that ends a lifeline or is an opportunity is told once; an old one is not news")
    func releaseHits() throws {
        try makePortfolio(companies: ["alpha"])
        try ok(["company", "add", "beta", "--tier", "12", "--since", "2025-10-01", "--depend", "openai/gpt-4o", "--expose", "voice:necessity"])
        try replaceThem(on: "2026-01-10")
        try ok(["release", "log", "openai/gpt-4o", "--on", "2025-06-10", "--capability", "vision"])
        try ok(["release", "log", "openai/gpt-4o", "--on", "2026-01-12", "--capability", "vision"])
        let listed = try ok(["notify", "--list", "--kind", "release-hits-portfolio", "--format", "tsv"])
        #expect(listed.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).last.map(String.init) ?? "" } == [
            "openai/gpt-4o capability agents on 2026-01-10: alpha (replaced); an opportunity for 1 company (beta)",
            "openai/gpt-4o capability vision on 2026-01-12: an opportunity for 2 companies (alpha, beta)",
        ])
        let json = try ok(["notify", "--dry-run", "--kind", "release-hits-portfolio", "--format", "json", "--digest"])
        #expect(json.contains(#""opportunity_for":["beta"],"opportunity_for_more":false"#))
        #expect(json.contains(#""changes":[{"company":"alpha","as_of":"2026-01-15","previous_status":"alive","status":"replaced","#))
    }

    @Test("a release of a snapshot is an opportunity for the companies on its base; one on a model nobody builds on is not news")
    func releaseHitsThroughSnapshots() throws {
        try makePortfolio(companies: ["alpha"])
        try ok(["model", "add", "openai/gpt-4o-2026-01-05", "--snapshot-of", "openai/gpt-4o"])
        try ok(["model", "add", "openai/nobodys-model"])
        try ok(["release", "log", "openai/gpt-4o-2026-01-05", "--on", "2026-01-12", "--capability", "vision"])
        try ok(["release", "log", "openai/nobodys-model", "--on", "2026-01-12", "--capability", "vision"])
        let listed = try ok(["notify", "--list", "--kind", "release-hits-portfolio", "--format", "tsv"])
        #expect(listed.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).last.map(String.init) ?? "" } == [
            "openai/gpt-4o-2026-01-05 capability vision on 2026-01-12: an opportunity for 1 company (alpha)",
        ])
    }

    @Test("a release that is an opportunity for more than 100 companies names the first 100 and says there are more")
    func manyAdopters() throws {
        try ok(["init", "--with-history"])
        let rows = (1...102).map { "company-\(1000 + $0),Company \($0),12,2025-10-01,,,,,,,,openai/gpt-4o,agents:necessity" }
        try (["slug,name,tier,since,sector,website,runway,notes,invested_usd,invested_on,round,depends,exposures"] + rows)
            .joined(separator: "\n").write(toFile: scratch.file("companies.csv"), atomically: true, encoding: .utf8)
        try ok(["company", "import", "companies.csv"])
        try ok(["release", "log", "openai/gpt-4o", "--on", "2026-01-12", "--capability", "vision"])
        let json = try ok(["notify", "--dry-run", "--kind", "release-hits-portfolio", "--format", "json"])
        #expect(json.contains("an opportunity for more than 100 companies (company-1001, company-1002, company-1003, company-1004, company-1005, ...)"))
        #expect(json.contains(#""opportunity_for_more":true"#))
        #expect(json.components(separatedBy: #""company-1"#).count - 1 == 100, "100 named in the list")
    }

    @Test("a nightly run that did not finish is told by the next one; a run still going is left alone")
    func runFailed() throws {
        try makePortfolio(companies: ["alpha"])
        // A process that has exited: the pid of a run that was killed.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let connection = try Database(path: scratch.file("n.db"))
        try connection.execute(sql: """
            INSERT INTO runs_in_progress (trigger, as_of, started_at, pid)
            VALUES ('reassess', '2026-01-14', '2026-01-14T06:15:00.000Z', \(finished.processIdentifier)),
                   ('reassess', '2026-01-15', '2026-01-15T06:15:00.000Z', \(getpid()))
            """)
        try ok(["reassess"])
        let listed = try ok(["notify", "--list", "--kind", "run-failed", "--format", "csv"])
        #expect(listed.contains(",run-failed,,pending,0,,\"the nightly run as of 2026-01-14, started at 2026-01-14T06:15:00.000Z (process \(finished.processIdentifier)), did not finish: nothing it computed was recorded\""), "\(listed)")
        #expect(try connection.fetchAll(sql: "SELECT as_of FROM runs_in_progress") { try $0.get(0) as String } == ["2026-01-15"],
                "the run still going (this test's process) is left alone, and the finished run cleared its own mark")
        try ok(["reassess", "--dry-run"])
        #expect(try count("kind = 'run-failed'") == 1)
    }

    @Test("a company's notify tag routes its alerts; it is shown, exported and restored; a bad one is refused")
    func notifyTags() throws {
        try makePortfolio(companies: ["alpha", "beta", "gamma"])
        #expect(try ok(["company", "edit", "alpha", "--notify-tag", "partner-a"]) == "Updated company alpha (alpha): tier 12 months from 2025-10-01, runway 3 months.\n")
        try ok(["company", "edit", "gamma", "--notify-tag", "partner-a"])
        try ok(["company", "edit", "gamma", "--notify-tag", ""])
        let bad = try run(["company", "edit", "beta", "--notify-tag", "Partner A"])
        #expect(bad.status == 65)
        #expect(bad.stderr.hasPrefix("lifeline: error: invalid notify tag slug 'Partner A'"))
        try replaceThem()
        #expect(try ok(["notify", "--exec", "cat >> partner-a.txt", "--format", "text", "--tag", "partner-a"]) == "Delivered 1 notification.\n")
        #expect(try String(contentsOfFile: scratch.file("partner-a.txt"), encoding: .utf8).hasPrefix("[1] alpha: alive -> replaced"))
        #expect(try ok(["company", "show", "alpha"]).contains("notify tag      partner-a\n"))
        #expect(try ok(["company", "show", "alpha", "--format", "json"]).contains(#""notes":null,"notify_tag":"partner-a","#))
        try ok(["export", "--out", "out"])
        #expect(try String(contentsOfFile: scratch.file("out/notify_tags.csv"), encoding: .utf8) == "company,tag\nalpha,partner-a\n")
        let restored = try LifelineProcess.run(["restore", "out"], in: scratch.path, environment: ["LIFELINE_DB": scratch.file("r.db"), "LIFELINE_TODAY": "2026-01-15"])
        #expect(restored.status == 0, "\(restored.stderr)")
        let connection = try Database(path: scratch.file("r.db"), configuration: .init(mode: .readOnly))
        #expect(try connection.fetchAll(sql: "SELECT tag FROM notify_tags") { try $0.get(0) as String } == ["partner-a"])
    }

    @Test("a notification edited by hand into something else is an error naming it, never delivered")
    func strictReading() throws {
        try makePortfolio(companies: ["alpha"])
        try replaceThem()
        let connection = try Database(path: scratch.file("n.db"))
        try connection.execute(sql: "UPDATE notifications SET payload = '[1, 2]' WHERE id = 1")
        let refused = try run(["notify", "--exec", "cat > delivered.txt"])
        #expect(refused.status == 65)
        #expect(refused.stderr == "lifeline: error: notifications.payload of notification 1 is not a JSON object; 'lifeline doctor' checks the database\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("delivered.txt")))
    }

    /// Starts `lifeline arguments...` without waiting for it.
    static func start(_ arguments: [String], scratch: Scratch) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LifelineProcess.binaryPath)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LIFELINE_DB": scratch.file("n.db"), "LIFELINE_TODAY": "2026-01-15"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
