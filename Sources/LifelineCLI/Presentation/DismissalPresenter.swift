import Lifeline
import LifelineCore

enum DismissalPresenter {
    static func rows(_ dismissals: [Dismissal]) -> Rows {
        var rows = Rows(columns: ["company", "release_id", "release", "reason", "until"])
        for dismissal in dismissals {
            rows.append([
                .text(dismissal.company), .integer(dismissal.release.id), .text(ReleaseWords.summary(dismissal.release)),
                .text(dismissal.reason), OutputValue(dismissal.until?.iso),
            ])
        }
        return rows
    }
}
