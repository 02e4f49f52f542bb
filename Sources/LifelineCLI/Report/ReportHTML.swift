import Lifeline
import LifelineCore

/// The report as one self-contained HTML page: inline CSS and SVG, no scripts, fonts or
/// network. Light and dark follow the reader's system; it prints on white.
struct ReportHTML {
    let report: PortfolioReport
    let sections: ReportSections
    /// The tier estimates judged so far (`lifeline scorecard`), shown as a small panel.
    let scorecard: Scorecard?

    /// How many companies the large layout's timeline draws.
    static let drawnInFull = 50

    func page() -> String {
        let isLarge = sections.isLarge
        var body: [String] = []
        body.append("<header><h1>Lifelines as of \(report.asOf)</h1><p>\(HTML.escape(sections.headline))</p></header>")
        body.append(summaryCards())
        body += isLarge ? largeBody() : smallBody()
        if let scorecard { body.append(scorecardPanel(scorecard)) }
        body.append("<footer>lifeline \(LifelineVersion.current) · rules version \(LifelineEngine.rulesVersion)</footer>")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>Lifelines as of \(report.asOf)</title>
            <style>\(Self.css)\(isLarge ? Self.largeCSS : "")</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// Every company on the timeline, then every section whole.
    private func smallBody() -> [String] {
        let chart = TimelineChart(entries: report.companies, asOf: report.asOf)
        var body = ["<section><h2>Timeline</h2>", legend(chart)]
        body.append("<div class=\"chart\">" + (report.companies.isEmpty ? "<p>No companies yet.</p>" : chart.svg()) + "</div></section>")
        body.append("<p class=\"note\">\(HTML.escape(sections.capitalAtRisk))</p>")
        for (title, rows, note) in sections.titled.dropFirst() {
            body.append(section(title, rows, note))
        }
        return body
    }

    /// What a reader takes in of a large portfolio: the companies that matter now drawn
    /// in full, every company as a histogram, capital at risk by what puts it at risk,
    /// and each section cut to its first rows. Every row stays in the JSON report.
    private func largeBody() -> [String] {
        let drawn = Self.drawn(report.companies)
        let running = drawn.count { $0.assessment.status.isRunning }
        let chart = TimelineChart(entries: drawn, asOf: report.asOf)
        let histogram = StatusHistogram(report: report)
        return [
            "<section><h2>Timeline: " + Self.drawnTitle(running: running, ended: drawn.count - running) + "</h2>",
            legend(chart),
            "<div class=\"chart\">" + (drawn.isEmpty ? "<p>None running or ended.</p>" : chart.svg()) + "</div>",
            "<p class=\"note\">Of \(report.companies.count) companies; \(ReportSections.everyRowIsElsewhere).</p></section>",
            "<section><h2>Every company, by \(histogram.byYear ? "year" : "month") of lifeline end</h2>",
            "<p class=\"legend\">" + StatusHistogram.stacking.map { "<span class=\"swatch \($0.rawValue)\"></span>\($0.rawValue)" }.joined(separator: " ")
                + " (hover for counts)</p>",
            "<div class=\"chart\">" + histogram.svg() + "</div></section>",
            "<p class=\"note\">\(HTML.escape(sections.capitalAtRisk))</p>",
            section("Capital at risk by provider", sections.capitalAtRiskByProvider, nil),
            section("Capital at risk by capability", sections.capitalAtRiskByCapability, nil),
        ] + sections.titledForLargePage.map { section($0.title, $0.rows, $0.note) }
    }

    /// The companies the timeline draws: every one on a small page; on a large one,
    /// those ending soonest and those that ended (or elapsed) most recently, half each,
    /// one side taking what the other lacks, `drawnInFull` in all.
    /// Counted and picked lazily: of 100,000 entries, only the drawn are copied.
    static func drawn(_ companies: [PortfolioReport.Entry]) -> [PortfolioReport.Entry] {
        guard companies.count > ReportSections.everyCompanyUpTo else { return companies }
        let isRunning = { (entry: PortfolioReport.Entry) in entry.assessment.status.isRunning }
        let hasEnded = ReportSections.hasEndedOrElapsed
        let runningShown = min(companies.count(where: isRunning), max(drawnInFull / 2, drawnInFull - companies.count(where: hasEnded)))
        return Array(companies.lazy.filter(isRunning).prefix(runningShown))
            + Array(companies.reversed().lazy.filter(hasEnded).prefix(drawnInFull - runningShown))
    }

    /// "the 25 ending soonest and the 25 ended most recently", leaving out a side with none.
    static func drawnTitle(running: Int, ended: Int) -> String {
        let parts = (running > 0 ? ["the \(running) ending soonest"] : []) + (ended > 0 ? ["the \(ended) ended most recently"] : [])
        return parts.isEmpty ? "none running or ended" : parts.joined(separator: " and ")
    }

    private func legend(_ chart: TimelineChart) -> String {
        "<p class=\"legend\">" + LifelineStatus.allCases.map { "<span class=\"swatch \($0.rawValue)\"></span>\($0.rawValue)" }.joined(separator: " ")
            + " <span class=\"swatch runway\"></span>runway <span class=\"diamond\">◆</span>release that ended or threatens it"
            + (chart.hasGroupedMarks ? ", <span class=\"diamond\">●</span> several close together, with their count" : "") + " (hover for details)</p>"
    }

    private func section(_ title: String, _ rows: Rows, _ note: String?) -> String {
        "<section><h2>\(HTML.escape(title))</h2>" + table(rows) + (note.map { "<p class=\"note\">\(HTML.escape($0))</p>" } ?? "") + "</section>"
    }

    private func summaryCards() -> String {
        let cards = report.statusSummary.map { line in
            "<div class=\"card \(line.status.rawValue)\"><span class=\"count\">\(line.companies)</span>"
                + "<span class=\"status\">\(line.status.rawValue)</span><span class=\"money\">\(USDAmount.text(cents: line.investedCents))</span></div>"
        }
        let risk = "<div class=\"card risk\"><span class=\"count\">\(USDAmount.text(cents: report.capitalAtRiskCents))</span>"
            + "<span class=\"status\">capital at risk</span><span class=\"money\">of \(USDAmount.text(cents: report.totalInvestedCents))</span></div>"
        return "<section class=\"cards\">" + (cards + [risk]).joined() + "</section>"
    }

    /// The coin line and the scorecard by tier; the rest is `lifeline scorecard`'s.
    private func scorecardPanel(_ scorecard: Scorecard) -> String {
        "<section class=\"scorecard\"><h2>Scorecard</h2><p>\(HTML.escape(ScorecardPresenter.coinLine(scorecard.total)))</p>"
            + (scorecard.groups.isEmpty ? "" : table(ScorecardPresenter.groupRows(scorecard)))
            + "<p class=\"note\">Lifelines ended by \(report.asOf), by tier: held lasted their tier, fell short ended by a release first; "
            + "a verdict needs 10 judged. docs/scorecard.md explains each figure.</p></section>"
    }

    private func table(_ rows: Rows) -> String {
        guard !rows.values.isEmpty else { return "<p class=\"none\">None.</p>" }
        let head = "<tr>" + rows.columns.map { "<th>\(HTML.escape($0.replacing("_", with: " ")))</th>" }.joined() + "</tr>"
        let isMoney = rows.columns.map { $0.hasSuffix("_usd") }
        let body = rows.values.map { row in
            "<tr>" + zip(row, isMoney).map { value, isMoney in
                let text = isMoney ? value.cents.map { USDAmount.text(cents: $0) } ?? value.plainText : value.plainText
                let classes = (value.isNumeric ? ["number"] : []) + (text.count > 32 ? ["long"] : [])
                return "<td\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\(HTML.escape(text))</td>"
            }.joined() + "</tr>"
        }.joined(separator: "\n")
        return "<table><thead>\(head)</thead><tbody>\n\(body)\n</tbody></table>"
    }

    /// The histogram's colours, only on the large page (the small one stays as it was).
    static let largeCSS = """

        svg.histogram { display: block; max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
        svg.histogram .alive { fill: var(--alive); } svg.histogram .at-risk { fill: var(--at-risk); }
        svg.histogram .elapsed { fill: var(--elapsed); } svg.histogram .rebuild { fill: var(--rebuild); }
        svg.histogram .replaced { fill: var(--replaced); } svg.histogram .migrate { fill: var(--migrate); }
        svg.histogram .closed { fill: var(--muted); opacity: 0.5; }
        """

    static let css = """
        :root { --ink: #1d232b; --muted: #5c6773; --paper: #ffffff; --line: #d7dde3; --panel: #f4f6f8;
          --alive: #2f9e68; --at-risk: #e0a400; --elapsed: #8a94a0; --rebuild: #3b6fd8; --replaced: #d64545; --migrate: #9b4dca; }
        @media (prefers-color-scheme: dark) {
          :root { --ink: #e6e9ed; --muted: #9aa5b1; --paper: #15191e; --line: #2c343d; --panel: #1e242b;
            --alive: #3fbf80; --at-risk: #f0b90b; --elapsed: #7d8793; --rebuild: #5b8cf0; --replaced: #ef6161; --migrate: #b274e0; } }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1000px; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
          color: var(--ink); background: var(--paper); }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; }
        header p, .note, footer, .legend { color: var(--muted); }
        .cards { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 16px; }
        .card { flex: 1 1 120px; padding: 10px 12px; border-radius: 8px; background: var(--panel); border-left: 5px solid var(--muted); }
        .card .count { display: block; font-size: 20px; font-weight: 600; }
        .card .status, .card .money { display: block; color: var(--muted); }
        .card.alive { border-color: var(--alive); } .card.at-risk { border-color: var(--at-risk); }
        .card.elapsed { border-color: var(--elapsed); } .card.rebuild { border-color: var(--rebuild); }
        .card.replaced { border-color: var(--replaced); } .card.migrate { border-color: var(--migrate); }
        .card.risk { border-color: var(--replaced); }
        .chart { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; padding: 8px 0; }
        svg.timeline { display: block; max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
        svg .grid { stroke: var(--line); stroke-width: 1; }
        svg .tick { fill: var(--muted); text-anchor: middle; }
        svg .label { fill: var(--ink); text-anchor: end; }
        svg .bar { fill: var(--muted); }
        svg .row.alive .bar { fill: var(--alive); } svg .row.at-risk .bar { fill: var(--at-risk); }
        svg .row.elapsed .bar { fill: var(--elapsed); } svg .row.rebuild .bar { fill: var(--rebuild); }
        svg .row.replaced .bar { fill: var(--replaced); } svg .row.migrate .bar { fill: var(--migrate); }
        svg .row .bar.earlier { fill: var(--muted); opacity: 0.45; }
        svg .runway { fill: var(--replaced); opacity: 0.3; }
        svg .marker { fill: var(--paper); stroke: var(--ink); stroke-width: 1.5; }
        svg .marker.cause { fill: var(--ink); }
        svg .marker-group .count { fill: var(--ink); font-size: 9px; font-weight: 600; text-anchor: middle; }
        svg .as-of { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 4 3; }
        svg .as-of-label { fill: var(--ink); font-weight: 600; }
        .legend .swatch { display: inline-block; width: 12px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; vertical-align: middle; }
        .swatch.alive { background: var(--alive); } .swatch.at-risk { background: var(--at-risk); }
        .swatch.elapsed { background: var(--elapsed); } .swatch.rebuild { background: var(--rebuild); }
        .swatch.replaced { background: var(--replaced); } .swatch.migrate { background: var(--migrate); }
        .swatch.runway { background: var(--replaced); opacity: 0.3; }
        .legend .diamond { margin-left: 10px; }
        table { width: 100%; border-collapse: collapse; }
        th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; white-space: nowrap; }
        td.long { white-space: normal; }
        th { color: var(--muted); font-weight: 600; } td.number { text-align: right; font-variant-numeric: tabular-nums; }
        .none { color: var(--muted); }
        footer { margin-top: 32px; font-size: 12px; }
        @media print {
          :root { --ink: #000; --muted: #444; --paper: #fff; --line: #ccc; --panel: #f3f3f3; }
          body { max-width: none; padding: 0; } .chart { overflow: visible; border: none; }
          section { break-inside: avoid; } svg.timeline { max-width: 100%; }
        }
        """
}
