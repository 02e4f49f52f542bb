import Testing
@testable import LifelineCLI
@testable import LifelineCore

@Suite("The large report's histogram of lifeline ends")
struct StatusHistogramTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test("a bar per month from the first end to the last, empty months kept, each company counted once by status")
    func months() {
        let histogram = StatusHistogram(
            ends: [(Self.date("2023-01-31"), .replaced), (Self.date("2023-01-01"), .replaced), (Self.date("2023-04-15"), .alive),
                   (Self.date("2023-04-30"), .rebuild)],
            asOf: Self.date("2023-02-10"))
        #expect(!histogram.byYear)
        #expect(histogram.buckets.map(\.start) == ["2023-01-01", "2023-02-01", "2023-03-01", "2023-04-01"].map(Self.date))
        #expect(histogram.buckets.map(\.total) == [2, 0, 0, 2])
        #expect(histogram.buckets[3].counts == [.alive: 1, .rebuild: 1])
        let svg = histogram.svg()
        #expect(svg.contains("<title>2023-01: 2 replaced of 2</title></rect>"))
        #expect(svg.contains("<title>2023-04: 1 alive of 2</title></rect>"))
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 3, "a segment per status present in a month")
        #expect(svg.contains("<line class=\"as-of\""))
    }

    @Test("past ten years of ends, a bar per year; nothing to draw, no bars")
    func years() {
        let histogram = StatusHistogram(
            ends: [(Self.date("2021-06-01"), .replaced), (Self.date("2040-01-01"), .alive)], asOf: Self.date("2024-01-01"))
        #expect(histogram.byYear)
        #expect(histogram.buckets.count == 20)
        #expect(histogram.buckets.first?.counts == [.replaced: 1] && histogram.buckets.last?.counts == [.alive: 1])
        #expect(histogram.svg().contains("<title>2040: 1 alive of 1</title></rect>"))
        #expect(StatusHistogram(ends: [], asOf: Self.date("2024-01-01")).buckets.isEmpty)
    }

    @Test("the timeline's title leaves out a side with no company")
    func drawnTitle() {
        #expect(ReportHTML.drawnTitle(running: 25, ended: 25) == "the 25 ending soonest and the 25 ended most recently")
        #expect(ReportHTML.drawnTitle(running: 0, ended: 50) == "the 50 ended most recently")
        #expect(ReportHTML.drawnTitle(running: 3, ended: 0) == "the 3 ending soonest")
        #expect(ReportHTML.drawnTitle(running: 0, ended: 0) == "none running or ended")
    }
}
