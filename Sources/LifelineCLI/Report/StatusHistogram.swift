import Lifeline
import LifelineCore

/// Every company of a large portfolio on one chart: a bar per month of lifeline end (a
/// year, when the ends span more than ten years), stacked by status. A timeline of
/// 100,000 rows is unreadable long before it is slow; this shows where the ends fall and
/// what they are. Pure SVG: each segment's count is in its `<title>`.
struct StatusHistogram {
    /// One bar: its first day, and how many companies of each status end in it.
    struct Bucket: Equatable {
        let start: CivilDate
        var counts: [LifelineStatus: Int] = [:]
        var total: Int { counts.values.reduce(0, +) }
    }

    let buckets: [Bucket]
    let byYear: Bool
    let asOf: CivilDate

    /// Buckets by month (by year past `monthsShownUpTo`), from the earliest lifeline end
    /// to the latest, empty ones included so the axis stays linear in time.
    init(report: PortfolioReport) {
        self.init(ends: report.companies.map { ($0.assessment.outcome.lifelineEnd, $0.assessment.status) }, asOf: report.asOf)
    }

    /// The same from each company's lifeline end and status.
    init(ends: [(CivilDate, LifelineStatus)], asOf: CivilDate) {
        self.asOf = asOf
        guard let first = ends.map(\.0).min(), let last = ends.map(\.0).max() else {
            buckets = []
            byYear = false
            return
        }
        let months = (last.year - first.year) * 12 + last.month - first.month + 1
        let yearly = months > Self.monthsShownUpTo
        byYear = yearly
        let start = CivilDate(year: first.year, month: yearly ? 1 : first.month, day: 1)!
        let count = yearly ? last.year - first.year + 1 : months
        var buckets = (0..<count).map { Bucket(start: start.adding(months: yearly ? 12 * $0 : $0)) }
        for (end, status) in ends {
            let index = yearly ? end.year - first.year : (end.year - start.year) * 12 + end.month - start.month
            buckets[index].counts[status, default: 0] += 1
        }
        self.buckets = buckets
    }

    /// Ten years of months; past that, years.
    static let monthsShownUpTo = 120
    static let plotWidth = 900.0
    static let plotHeight = 180.0
    static let left = 50.0
    static let top = 10.0
    static let axisHeight = 24.0

    var width: Double { Self.left + Self.plotWidth + 10 }
    var height: Double { Self.top + Self.plotHeight + Self.axisHeight }

    /// The order segments stack in, from the baseline up: what needs action lowest.
    static let stacking: [LifelineStatus] = [.replaced, .migrate, .rebuild, .elapsed, .atRisk, .alive, .closed]

    func label(_ bucket: Bucket) -> String {
        byYear ? String(bucket.start.year) : String(bucket.start.iso.prefix(7))
    }

    func svg() -> String {
        let tallest = max(1, buckets.map(\.total).max() ?? 1)
        let slot = Self.plotWidth / Double(max(1, buckets.count))
        let barWidth = max(1, slot - (slot > 4 ? 1 : 0))
        var parts = [
            "<svg class=\"histogram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
                + "width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" "
                + "aria-label=\"Companies by \(byYear ? "year" : "month") of lifeline end and status\">",
            "<line class=\"grid\" x1=\"\(n(Self.left))\" y1=\"\(n(Self.top))\" x2=\"\(n(Self.left + Self.plotWidth))\" y2=\"\(n(Self.top))\"/>",
            "<text class=\"tick\" x=\"\(n(Self.left - 6))\" y=\"\(n(Self.top + 4))\" text-anchor=\"end\">\(tallest)</text>",
            "<text class=\"tick\" x=\"\(n(Self.left - 6))\" y=\"\(n(Self.top + Self.plotHeight))\" text-anchor=\"end\">0</text>",
        ]
        for (index, bucket) in buckets.enumerated() {
            let x = Self.left + Double(index) * slot
            var baseline = Self.top + Self.plotHeight
            for status in Self.stacking {
                guard let count = bucket.counts[status] else { continue }
                let height = Self.plotHeight * Double(count) / Double(tallest)
                baseline -= height
                parts.append(
                    "<rect class=\"\(status.rawValue)\" x=\"\(n(x))\" y=\"\(n(baseline))\" width=\"\(n(barWidth))\" height=\"\(n(max(height, 0.5)))\">"
                        + "<title>\(label(bucket)): \(count) \(status.rawValue) of \(bucket.total)</title></rect>")
            }
            if byYear || bucket.start.month == 1 || index == 0 {
                parts.append("<text class=\"tick\" x=\"\(n(x))\" y=\"\(n(height - 6))\" text-anchor=\"start\">\(label(bucket).prefix(4))</text>")
            }
        }
        // The as-of line in the bar of its month (at the right edge past the last).
        let index = (buckets.firstIndex { asOf < $0.start } ?? buckets.count) - 1
        if index >= 0 {
            let bucket = buckets[index]
            let days = Double(bucket.start.days(until: asOf)) / Double(bucket.start.days(until: bucket.start.adding(months: byYear ? 12 : 1)))
            let x = Self.left + (Double(index) + min(1, max(0, days))) * slot
            parts.append(
                "<line class=\"as-of\" x1=\"\(n(x))\" y1=\"\(n(Self.top))\" x2=\"\(n(x))\" y2=\"\(n(Self.top + Self.plotHeight))\"><title>as of \(asOf)</title></line>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private func n(_ value: Double) -> String { SVG.coordinate(value) }
}
