import LifelineCore

extension AssessmentPresenter {
    /// Prints the change lines of a reassessment that followed a command.
    static func printChanges(of report: ReassessmentReport) {
        for change in report.changes { Console.output(line(change)) }
    }
}
