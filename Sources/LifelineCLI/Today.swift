import Glibc
import Lifeline
import LifelineCore

/// "Today" for dates typed as `today`/`yesterday` and for default as-of dates: the
/// local calendar date, or `$LIFELINE_TODAY` (YYYY-MM-DD) when set, so that tests,
/// demos and scripted backtests are reproducible.
enum Today {
    static func resolve() throws -> CivilDate {
        if let override = getenv("LIFELINE_TODAY").map({ String(cString: $0) }), !override.isEmpty {
            guard let date = CivilDate(iso: override) else {
                throw LifelineError(.usage, "LIFELINE_TODAY='\(override)' is not a date; use YYYY-MM-DD or unset it")
            }
            return date
        }
        var now = time(nil)
        var local = tm()
        localtime_r(&now, &local)
        guard let date = CivilDate(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday)) else {
            throw LifelineError(.unavailable, "the system clock gives a date lifeline cannot use")
        }
        return date
    }
}
