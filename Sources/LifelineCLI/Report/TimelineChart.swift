import Lifeline
import LifelineCore

/// The report's timeline: one row per company, a bar from lifeline start to end
/// coloured by status, the runway as a lighter extension, a marker for the release that
/// ended the lifeline or for each that threatens one still running (grouped, with their
/// count, when a row has more than a handful), and a line at the as-of date. Pure SVG, no
/// scripts: tooltips are `<title>` elements.
struct TimelineChart {
    struct Row: Equatable {
        let company: String
        let name: String
        let status: LifelineStatus
        let start: CivilDate
        let end: CivilDate
        let runwayEnd: CivilDate?
        let markers: [Marker]
        let summary: String
        /// The company's earlier lifelines, drawn faded before the current one.
        var earlier: [Earlier] = []
    }

    struct Earlier: Equatable {
        let start: CivilDate
        let end: CivilDate
        let summary: String
    }

    struct Marker: Equatable {
        let date: CivilDate
        let label: String
        /// True for the release that ended the lifeline.
        let isCause: Bool
    }

    let rows: [Row]
    let asOf: CivilDate
    /// The first and last dates shown: every bar, runway and marker, and the as-of date,
    /// with a little margin. Found once: every coordinate depends on it, and finding it
    /// for each marker made a chart quadratic in its markers (a report of 1,000
    /// companies with thousands of threats each did not finish in ten minutes).
    let dateRange: (first: CivilDate, last: CivilDate)

    init(rows: [Row], asOf: CivilDate) {
        self.rows = rows
        self.asOf = asOf
        var first = asOf
        var last = asOf
        for row in rows {
            for date in [row.start, row.end] + (row.runwayEnd.map { [$0] } ?? []) + row.markers.map(\.date) + row.earlier.map(\.start) {
                first = min(first, date)
                last = max(last, date)
            }
        }
        let margin = max(7, first.days(until: last) / 40)
        dateRange = (first.adding(days: -margin), last.adding(days: margin))
    }

    // Layout, in SVG user units (pixels at 100%).
    static let labelWidth = 190.0
    static let plotWidth = 760.0
    static let rowHeight = 22.0
    static let barHeight = 12.0
    static let axisHeight = 28.0

    var width: Double { Self.labelWidth + Self.plotWidth + 10 }
    var height: Double { Self.axisHeight + Double(rows.count) * Self.rowHeight + 10 }

    /// The horizontal position of `date`: linear in days across the plot.
    func x(_ date: CivilDate) -> Double {
        let (first, last) = dateRange
        let span = Double(max(1, first.days(until: last)))
        return Self.labelWidth + Self.plotWidth * Double(first.days(until: date)) / span
    }

    func y(row index: Int) -> Double { Self.axisHeight + Double(index) * Self.rowHeight }

    /// Axis ticks: months for up to two years, quarters up to six, years beyond.
    var ticks: [CivilDate] {
        let (first, last) = dateRange
        let months = first.days(until: last) / 30
        let step = months <= 24 ? 1 : months <= 72 ? 3 : 12
        var tick = CivilDate(year: first.year, month: 1, day: 1)!
        while tick < first || (tick.month - 1) % step != 0 { tick = tick.adding(months: 1) }
        var result: [CivilDate] = []
        while tick <= last {
            result.append(tick)
            tick = tick.adding(months: step)
        }
        return result
    }

    func svg() -> String {
        var parts: [String] = []
        parts.append(
            "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
                + "width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"Lifelines of \(rows.count) companies as of \(asOf)\">")
        let monthly = ticks.count > 1 && ticks[0].days(until: ticks[1]) < 40
        for tick in ticks {
            let label = monthly && tick.month != 1 ? Self.monthNames[tick.month - 1] : (tick.month == 1 ? String(tick.year) : "\(Self.monthNames[tick.month - 1]) \(tick.year)")
            parts.append("<line class=\"grid\" x1=\"\(n(x(tick)))\" y1=\"\(n(Self.axisHeight - 6))\" x2=\"\(n(x(tick)))\" y2=\"\(n(height - 10))\"/>")
            parts.append("<text class=\"tick\" x=\"\(n(x(tick)))\" y=\"\(n(Self.axisHeight - 10))\">\(HTML.escape(label))</text>")
        }
        for (index, row) in rows.enumerated() {
            let top = y(row: index)
            let barTop = top + (Self.rowHeight - Self.barHeight) / 2
            parts.append("<g class=\"row \(row.status.rawValue)\" data-company=\"\(HTML.escape(row.company))\">")
            parts.append("<text class=\"label\" x=\"\(n(Self.labelWidth - 8))\" y=\"\(n(top + Self.rowHeight / 2 + 4))\">\(HTML.escape(Self.shortened(row.name)))</text>")
            for earlier in row.earlier {
                parts.append(
                    "<rect class=\"bar earlier\" x=\"\(n(x(earlier.start)))\" y=\"\(n(barTop))\" width=\"\(n(max(1, x(earlier.end) - x(earlier.start))))\" height=\"\(n(Self.barHeight))\" rx=\"2\">"
                        + "<title>\(HTML.escape(row.name)): \(HTML.escape(earlier.summary))</title></rect>")
            }
            let barEnd = max(x(row.end), x(row.start) + 1)
            parts.append(
                "<rect class=\"bar\" x=\"\(n(x(row.start)))\" y=\"\(n(barTop))\" width=\"\(n(barEnd - x(row.start)))\" height=\"\(n(Self.barHeight))\" rx=\"2\">"
                    + "<title>\(HTML.escape(row.name)): \(HTML.escape(row.summary))</title></rect>")
            if let runwayEnd = row.runwayEnd {
                parts.append(
                    "<rect class=\"runway\" x=\"\(n(barEnd))\" y=\"\(n(barTop))\" width=\"\(n(max(0, x(runwayEnd) - barEnd)))\" height=\"\(n(Self.barHeight))\" rx=\"2\">"
                        + "<title>\(HTML.escape(row.name)): runway to \(runwayEnd)</title></rect>")
            }
            let cy = barTop + Self.barHeight / 2
            let groups = markGroups(row.markers)
            for group in groups where group.count > 1 {
                let cx = x(group[0].date)
                let shown = group.prefix(Self.handful).map(\.label).joined(separator: "\n")
                let title = "\(group.count) threats, \(group[0].date) to \(group[group.count - 1].date):\n\(shown)"
                    + (group.count > Self.handful ? "\nand \(group.count - Self.handful) more" : "")
                parts.append(
                    "<g class=\"marker-group\"><circle class=\"marker\" cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"7\"/>"
                        + "<text class=\"count\" x=\"\(n(cx))\" y=\"\(n(cy + 3.5))\">\(group.count)</text><title>\(HTML.escape(title))</title></g>")
            }
            // The cause last, so that it is drawn on top of a threat on the same day.
            let single = groups.filter { $0.count == 1 }.map { $0[0] } + row.markers.filter(\.isCause)
            for marker in single {
                let cx = x(marker.date)
                parts.append(
                    "<path class=\"marker\(marker.isCause ? " cause" : "")\" d=\"M\(n(cx)) \(n(cy - 6))L\(n(cx + 5)) \(n(cy))L\(n(cx)) \(n(cy + 6))L\(n(cx - 5)) \(n(cy))Z\">"
                        + "<title>\(HTML.escape(marker.label))</title></path>")
            }
            parts.append("</g>")
        }
        parts.append("<line class=\"as-of\" x1=\"\(n(x(asOf)))\" y1=\"\(n(Self.axisHeight - 6))\" x2=\"\(n(x(asOf)))\" y2=\"\(n(height - 6))\"><title>as of \(asOf)</title></line>")
        // The label sits right of the line, or left of it near the right edge.
        let labelOnLeft = x(asOf) > Self.labelWidth + Self.plotWidth - 90
        parts.append(
            "<text class=\"as-of-label\" x=\"\(n(x(asOf) + (labelOnLeft ? -4 : 4)))\" y=\"\(n(height - 1))\" text-anchor=\"\(labelOnLeft ? "end" : "start")\">as of \(asOf)</text>")
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// True when some row's threats share a mark, which the legend then explains.
    var hasGroupedMarks: Bool { rows.contains { markGroups($0.markers).contains { $0.count > 1 } } }

    /// More threats than this on one row are grouped (`markGroups`).
    static let handful = 5
    /// Threats closer than this (in user units) on a crowded row share one mark.
    static let groupWidth = 16.0

    /// The row's threats other than the cause, in date order, as the marks to draw: one
    /// each when there are at most a handful; otherwise those closer together than
    /// `groupWidth` share a mark with their count. A company exposed to a capability
    /// every lab ships drew a hundred overlapping diamonds.
    func markGroups(_ markers: [Marker]) -> [[Marker]] {
        let threats = markers.filter { !$0.isCause }.sorted { $0.date < $1.date }
        guard threats.count > Self.handful else { return threats.map { [$0] } }
        var groups: [[Marker]] = []
        for marker in threats {
            if let first = groups.last?.first, x(marker.date) - x(first.date) < Self.groupWidth {
                groups[groups.count - 1].append(marker)
            } else {
                groups.append([marker])
            }
        }
        return groups
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Labels longer than the label column are cut, with an ellipsis (the full name is
    /// in the bar's tooltip).
    static func shortened(_ name: String) -> String {
        guard name.count > 26 else { return name }
        return String(name.prefix(25).reversed().drop { $0 == " " }.reversed()) + "…"
    }

    private func n(_ value: Double) -> String { SVG.coordinate(value) }
}

extension TimelineChart {
    /// The chart of `entries`, in their order, as of the report's date.
    init(entries: [PortfolioReport.Entry], asOf: CivilDate) {
        self.init(rows: entries.map { entry in
            let outcome = entry.assessment.outcome
            let cause = outcome.cause.threat
            return Row(
                company: entry.company.slug, name: entry.company.name, status: outcome.status,
                start: outcome.lifelineStart, end: outcome.lifelineEnd, runwayEnd: outcome.runwayEnd,
                // A threat after the lifeline ended changes nothing: only the cause of an
                // ended one is marked, every threat of one that runs.
                markers: entry.assessment.threats.filter { outcome.status.isRunning || $0 == cause }.map { threat in
                    Marker(date: threat.releasedOn, label: ThreatWords.describe(threat), isCause: threat == cause)
                },
                summary: "\(outcome.status.rawValue) - \(AssessmentPresenter.reason(entry.assessment))",
                earlier: entry.superseded.map { lifeline in
                    Earlier(
                        start: lifeline.outcome.lifelineStart, end: lifeline.end,
                        summary: "earlier lifeline from \(lifeline.outcome.lifelineStart): "
                            + (lifeline.outcome.status.hasEnded ? AssessmentPresenter.cause(lifeline.outcome) + " ended it on \(lifeline.outcome.lifelineEnd)"
                               : lifeline.outcome.status == .elapsed ? "its tier ran out on \(lifeline.outcome.lifelineEnd)" : "running")
                            + "; the next began on \(lifeline.nextBegan)")
                })
        }, asOf: asOf)
    }
}

enum ThreatWords {
    /// "openai/chatgpt: file-upload (necessity), 2023-07-06"
    static func describe(_ threat: Threat) -> String {
        threat.isRetirement
            ? "\(threat.model) retired, \(threat.releasedOn)"
            : "\(threat.model): \(threat.capability ?? "") (\(threat.effect?.rawValue ?? "")), \(threat.releasedOn)"
    }
}

enum SVG {
    /// A coordinate with at most one decimal, so the SVG stays small and diffable.
    static func coordinate(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// Escaping for HTML and SVG text and attributes.
enum HTML {
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
