import Lifeline
import LifelineCore

/// The import's summary in words.
enum ImportPresenter {
    static func print(_ summary: ImportSummary) {
        let source = "\(summary.catalogue) (\(summary.fileName))"
        if summary.changedNothing {
            Console.output("Nothing new in \(source): its \(summary.modelsInFile) models are all recorded already.")
        } else {
            let verb = summary.isDryRun ? "Would import" : "Imported"
            Console.output(
                "\(verb) \(source): \(count(summary.providersAdded.count, "provider")), \(count(summary.modelsAdded, "model")), "
                    + "\(count(summary.releasesAdded, "release")) (\(summary.launches) launch, "
                    + "\(summary.capabilityReleases) capability, \(summary.retirements) retirement).")
        }
        if !summary.guessedRoles.isEmpty {
            let byRole = Provider.Role.allCases.compactMap { role -> String? in
                let providers = summary.guessedRoles.filter { $0.role == role }.map(\.provider).sorted()
                guard !providers.isEmpty else { return nil }
                return "\(role.rawValue) \(providers.prefix(12).joined(separator: ", "))\(providers.count > 12 ? " and \(providers.count - 12) more" : "")"
            }
            Console.output(
                "Guessed the role of \(count(summary.guessedRoles.count, "new provider")) from their model ids: \(byRole.joined(separator: "; ")); "
                    + "correct one with 'lifeline provider edit SLUG --role lab|host'.")
        }
        if !summary.snapshots.isEmpty {
            let shown = summary.snapshots.prefix(5).joined(separator: ", ") + (summary.snapshots.count > 5 ? ", ..." : "")
            Console.output(
                "Recorded \(count(summary.snapshots.count, "model")) as dated snapshots of recorded ones (\(shown)); "
                    + "undo a wrong one with 'lifeline model edit MODEL --no-snapshot-of'.")
        }
        if summary.modelsWithoutOrigin > 0 {
            Console.output(
                "\(count(summary.modelsWithoutOrigin, "new model")) with no known origin lab (SELECT * FROM v_model_origins WHERE origin_lab IS NULL); "
                    + "map a family with 'lifeline family map FAMILY LAB'.")
        }
        if summary.monthOnlyDates > 0 {
            Console.output("\(count(summary.monthOnlyDates, "launch")) dated by month only, taken as the 1st (the release notes say so).")
        }
        if summary.undatedLaunches > 0 {
            Console.output("\(count(summary.undatedLaunches, "launch")) without a release date in the catalogue, dated --as-of.")
        }
        if !summary.unmappedFields.isEmpty {
            let fields = summary.unmappedFields.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            Console.output("Fields that map to no capability (map one with 'lifeline capability alias CAPABILITY FIELD'): \(fields).")
        }
        if !summary.modalityReadings.isEmpty {
            let readings = summary.modalityReadings.sorted { $0.key < $1.key }
                .map { "\($0.key.summary) (\(count($0.value, "model")))" }.joined(separator: "; ")
            Console.output("Read by modality: \(readings).")
        }
        if !summary.problems.isEmpty {
            Console.output("Worked around \(count(summary.problems.count, "unusable value")) (--strict refuses them): \(summary.problems.prefix(5).joined(separator: "; "))\(summary.problems.count > 5 ? "; ..." : "").")
        }
        if !summary.collisions.isEmpty {
            Console.output("Skipped \(count(summary.collisions.count, "entry")) whose slug an earlier entry took: \(summary.collisions.prefix(5).joined(separator: "; "))\(summary.collisions.count > 5 ? "; ..." : "").")
        }
        if summary.isDryRun {
            Console.output("Dry run: nothing was written.")
        }
        if let reassessment = summary.reassessment {
            AssessmentPresenter.printChanges(of: reassessment)
        }
    }

    static func count(_ number: Int, _ noun: String) -> String {
        let plural = noun.hasSuffix("y") ? noun.dropLast() + "ies" : noun.hasSuffix("ch") ? noun + "es" : noun + "s"
        return "\(number) \(number == 1 ? noun : plural)"
    }
}
