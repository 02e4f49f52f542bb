/// What importing a catalogue did (or, for a dry run, would do).
public struct ImportSummary: Sendable {
    public let catalogue: String
    public let fileName: String
    public let isDryRun: Bool
    public var modelsInFile = 0
    public var providersAdded: [String] = []
    /// The roles guessed for new providers lifeline did not know (the rest took the known one).
    public var guessedRoles: [(provider: String, role: Provider.Role)] = []
    public var modelsAdded = 0
    public var launches = 0
    public var capabilityReleases = 0
    public var retirements = 0
    /// New models recorded as dated snapshots of recorded ones: "openai/gpt-4-0613 of openai/gpt-4".
    public var snapshots: [String] = []
    /// New models whose origin lab `v_model_origins` cannot find.
    public var modelsWithoutOrigin = 0
    /// Launches dated by month only (taken as the 1st), and by `--as-of` for lack of a date.
    public var monthOnlyDates = 0
    public var undatedLaunches = 0
    /// Catalogue fields that are true somewhere but map to no capability, with how many
    /// models have them: reported once, never silently dropped.
    public var unmappedFields: [String: Int] = [:]
    /// How many of the file's models each modality rule read (see `ModalityRule`).
    public var modalityReadings: [ModalityRule: Int] = [:]
    /// Catalogue entries whose slug another entry of the file already took.
    public var collisions: [String] = []
    /// Values the reader could not use (see `Catalogue.problems`).
    public var problems: [String] = []
    public var reassessment: ReassessmentReport?

    public var releasesAdded: Int { launches + capabilityReleases + retirements }
    public var changedNothing: Bool { providersAdded.isEmpty && modelsAdded == 0 && releasesAdded == 0 }

    package init(catalogue: Catalogue, isDryRun: Bool) {
        self.catalogue = catalogue.name
        self.fileName = catalogue.fileName
        self.isDryRun = isDryRun
        self.modelsInFile = catalogue.models.count
        self.problems = catalogue.problems
        for model in catalogue.models {
            for rule in model.modalityRules { modalityReadings[rule, default: 0] += 1 }
        }
    }
}
