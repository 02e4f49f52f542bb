import Lifeline
import LifelineCore

extension Reports {
    /// Every listing `company list` would print as of `asOf`, gathered for a test to
    /// compare whole.
    func companyListings(asOf: CivilDate) throws -> [CompanyListing] {
        var listings: [CompanyListing] = []
        try forEachCompanyListing(asOf: asOf) { listings.append($0) }
        return listings
    }
}
