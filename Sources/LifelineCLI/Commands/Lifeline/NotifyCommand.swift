import ArgumentParser
import Lifeline
import LifelineCore

/// `lifeline notify`: delivers the notifications outbox through a command of the user's.
struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Deliver pending notifications through a command (Slack, Teams, a webhook, email).",
        discussion: """
            Every command that changes a company's outcome writes notifications in the same \
            transaction (status-changed, runway-ended, dismissal-expired, announced-landed, \
            stagnating, release-hits-portfolio, run-failed); a backtest and a dry run \
            write none. notify runs --exec COMMAND \
            with /bin/sh once per message, or once for all with --digest, with the message \
            on standard input and LIFELINE_NOTIFICATION_IDS (and, for one message, \
            LIFELINE_NOTIFICATION_ID and LIFELINE_NOTIFICATION_KIND) in its environment. \
            Exit 0 marks it delivered; any other exit, or none within --timeout seconds, \
            keeps it pending with the error, and after --max-attempts it is given up (kept, \
            reported by doctor, back with --retry). Delivery is at least once: each message \
            carries its ids, for the receiver to drop what it has seen. Two notify runs at \
            once never take the same message. --kind, --company and --tag (a company's \
            notify tag, company edit --notify-tag) choose what one run delivers. Exits 75 \
            when a message was not delivered. \
            docs/alerts.md has the recipes (contrib/notify/).

            Examples:
              lifeline notify --exec contrib/notify/slack.sh --format slack --digest
              lifeline notify --exec 'sendmail -t' --format email \\
                --to partners@fund.example --from lifeline@fund.example
              lifeline notify --list --format json
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The command that delivers a message, run by /bin/sh with it on standard input.", valueName: "command"))
    var exec: String?
    @Option(help: ArgumentHelp(
        "The message format: slack, teams, json, text or email (default json); with --list, the list's: table, json, jsonl, csv, tsv or markdown.",
        valueName: "format"))
    var format: String?
    @Flag(help: "One message for every pending notification, not one each.")
    var digest = false
    @Option(help: ArgumentHelp("Only notifications of this kind (repeatable).", valueName: "kind"))
    var kind: [String] = []
    @Option(help: ArgumentHelp("Only notifications about this company (repeatable).", valueName: "slug"))
    var company: [String] = []
    @Option(help: ArgumentHelp("Only notifications about companies with this notify tag (repeatable; company edit --notify-tag).", valueName: "tag"))
    var tag: [String] = []
    @Option(help: ArgumentHelp("Give a message up after this many failed attempts.", valueName: "n"))
    var maxAttempts = 10
    @Option(help: ArgumentHelp("Seconds the command has to exit before it counts as failed.", valueName: "seconds"))
    var timeout = 30
    @Option(help: ArgumentHelp("For --format email: the To header.", valueName: "address"))
    var to: String?
    @Option(help: ArgumentHelp("For --format email: the From header.", valueName: "address"))
    var from: String?
    @Flag(help: "Print the messages that would be delivered; run nothing, mark nothing.")
    var dryRun = false
    @Flag(help: "List the notifications - pending, delivered and given up - and deliver nothing.")
    var list = false
    @Option(help: ArgumentHelp("Put a given-up notification back in the queue.", valueName: "id"))
    var retry: Int64?

    func validate() throws {
        guard (1...1000).contains(maxAttempts) else { throw ValidationError("--max-attempts must be 1 to 1000") }
        guard (1...3600).contains(timeout) else { throw ValidationError("--timeout must be 1 to 3600 seconds") }
        if !list && retry == nil && !dryRun && exec == nil { throw ValidationError("give --exec COMMAND (or --list, --retry ID, --dry-run)") }
        if messageFormat == .email && to == nil && !list { throw ValidationError("--format email needs --to") }
    }

    private var messageFormat: NotificationMessage.Format? { format.flatMap(NotificationMessage.Format.init(rawValue:)) }

    func run() throws {
        let outbox = try global.portfolio().outbox
        let selection = Outbox.Selection(
            kinds: try kind.map { try Self.named($0, among: Notification.Kind.self, what: "notification kind") }, companies: company,
            tags: tag)
        if let retry {
            let message = try outbox.retry(retry)
            Console.output("Notification \(message.id) (\(message.kind.rawValue)\(message.company.map { ", \($0)" } ?? "")) is pending again.")
            return
        }
        if list { return try printList(try outbox.list(selection)) }
        let format = try format.map { try Self.named($0, among: NotificationMessage.Format.self, what: "message format") } ?? .json
        let addresses = NotificationMessage.Addresses(to: to, from: from)
        // Claimed for as long as the command may take, and a margin for recording what
        // it did: a claim that outlives its run lapses then.
        let lease = timeout + 10
        if dryRun {
            let pending = try outbox.claim(selection, forSeconds: lease, dryRun: true)
            let batches = digest ? (pending.isEmpty ? [] : [pending]) : pending.map { [$0] }
            Console.outputWithoutNewline(batches.map { NotificationMessage.render($0, as: format, addresses: addresses) }.joined())
            return
        }
        var delivered = 0
        var failures: [String] = []
        var lastTried: Int64 = 0
        while true {
            let batch = try outbox.claim(selection, afterID: lastTried, limit: digest ? Int(Int32.max) : 1, forSeconds: lease)
            guard let last = batch.last else { break }
            lastTried = last.id
            let outcome = try ChildProcess.run(
                exec!, input: NotificationMessage.render(batch, as: format, addresses: addresses),
                environment: Self.environment(batch), timeoutSeconds: timeout)
            let ids = batch.map(\.id)
            if outcome.succeeded {
                try outbox.markDelivered(ids)
                delivered += batch.count
            } else {
                try outbox.markFailed(ids, error: outcome.failure, maxAttempts: maxAttempts)
                failures.append("\(ids.map(String.init).joined(separator: ", ")): \(outcome.failure)")
            }
            if digest { break }
        }
        if delivered > 0 { Console.output("Delivered \(delivered) notification\(delivered == 1 ? "" : "s").") }
        if !failures.isEmpty {
            throw Failure(
                .busy,
                "\(failures.count) delivery attempt\(failures.count == 1 ? "" : "s") failed, kept pending (notify --list): " + failures.joined(separator: "; "))
        }
    }

    /// The case of `Choice` named `name`, or a usage error with the closest name.
    private static func named<Choice: RawRepresentable & CaseIterable>(_ name: String, among _: Choice.Type, what: String) throws -> Choice
    where Choice.RawValue == String {
        guard let choice = Choice(rawValue: name) else {
            throw Failure(.usage, "unknown \(what) '\(name)'" + Suggestion.hint(
                for: name, among: Choice.allCases.map(\.rawValue), listCommand: "lifeline notify --help"))
        }
        return choice
    }

    private static func environment(_ batch: [Notification]) -> [String: String] {
        var variables = ["LIFELINE_NOTIFICATION_IDS": batch.map { String($0.id) }.joined(separator: ",")]
        if batch.count == 1 {
            variables["LIFELINE_NOTIFICATION_ID"] = String(batch[0].id)
            variables["LIFELINE_NOTIFICATION_KIND"] = batch[0].kind.rawValue
        }
        return variables
    }

    private func printList(_ messages: [Notification]) throws {
        let output = try format.map { try Self.named($0, among: OutputFormat.self, what: "list format") } ?? .table
        var rows = Rows(columns: ["id", "created_at", "kind", "company", "state", "attempts", "last_error", "text"])
        for message in messages {
            rows.append([
                .integer(message.id), .text(message.createdAt), .text(message.kind.rawValue), OutputValue(message.company),
                .text(message.state.rawValue), OutputValue(message.attempts), OutputValue(message.lastError), .text(message.text),
            ])
        }
        rows.print(as: output)
    }
}
