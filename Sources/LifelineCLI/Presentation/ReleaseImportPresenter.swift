import Lifeline
import LifelineCore

/// What `import releases` and `import history` did, in words.
enum ReleaseImportPresenter {
    /// A feed with problems is refused whole: each problem on a line of its own, then the
    /// error (exit 65), before the database is opened.
    static func refuseProblems(of feed: ReleaseFeed.Reading, fileName: String) throws {
        guard !feed.problems.isEmpty else { return }
        for problem in feed.problems { Console.error("lifeline: problem: \(problem)") }
        throw Failure(.badData, "\(fileName): \(ImportPresenter.count(feed.problems.count, "problem")); nothing was imported")
    }

    static func print(_ summary: ReleaseImportSummary) {
        let count = ImportPresenter.count
        if summary.releasesAdded.isEmpty && summary.modelsAdded.isEmpty {
            Console.output("Nothing new in \(summary.fileName): its \(count(summary.rowsInFile, "release")) are all logged already.")
        } else {
            var parts = ["\(count(summary.releasesAdded.count, "release"))"]
            if summary.alreadyLogged > 0 { parts[0] += " (\(summary.alreadyLogged) already logged, skipped)" }
            if !summary.providersAdded.isEmpty { parts.append(count(summary.providersAdded.count, "new provider")) }
            if !summary.modelsAdded.isEmpty { parts.append(count(summary.modelsAdded.count, "new model")) }
            Console.output("\(summary.isDryRun ? "Would import" : "Imported") \(summary.fileName): \(parts.joined(separator: ", ")).")
        }
        if summary.isDryRun {
            for release in summary.releasesAdded { Console.output("  \(ReleaseWords.summary(release))") }
            Console.output("Dry run: nothing was written.")
        }
        if let reassessment = summary.reassessment {
            AssessmentPresenter.printChanges(of: reassessment)
        }
    }
}
