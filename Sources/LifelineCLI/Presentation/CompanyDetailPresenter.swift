import Lifeline
import LifelineCore

/// `company show` in each format: sections for people, one nested object for JSON,
/// one spreadsheet row for CSV and TSV.
struct CompanyDetailPresenter {
    let picture: CompanyPicture
    let today: CivilDate

    private var detail: CompanyDetail { picture.detail }
    /// The engine's answer as of the date asked for; nil when the company was not in the
    /// portfolio yet then.
    private var assessment: Assessment? { picture.assessment }
    private var dismissals: [Dismissal] { picture.dismissals }
    /// Every open threat to the current lifeline (`v_company_threats`).
    private var threats: [CompanyThreat] { picture.threats }

    func render(as format: OutputFormat) -> String {
        switch format {
        case .json, .jsonl: json.serialized()
        case .csv, .tsv: format.writer.render(spreadsheetRow)
        case .table, .markdown: sections(format)
        }
    }

    private var company: Company { detail.company }

    var json: JSONValue {
        .object([
            ("company", .string(company.slug)), ("name", .string(company.name)),
            ("tier_months", .integer(Int64(company.tier.months))), ("lifeline_start", .string(company.lifelineStart.iso)),
            ("runway_months", .integer(Int64(company.runwayMonths))), ("sector", JSONValue(company.sector)),
            ("website", JSONValue(company.website)), ("notes", JSONValue(company.notes)),
            ("notify_tag", JSONValue(picture.notifyTag)),
            ("invested_usd", .usd(cents: detail.totalInvestedCents)),
            ("investments", .array(detail.investments.map { investment in
                .object([
                    ("invested_on", .string(investment.investedOn.iso)), ("round", JSONValue(investment.round)),
                    ("amount_usd", .usd(cents: investment.amountCents)),
                ])
            })),
            ("dependencies", .array(detail.dependencies.map { .string($0.description) })),
            ("exposures", .array(detail.exposures.map { exposure in
                .object([
                    ("capability", .string(exposure.capability)), ("effect", .string(exposure.effect.rawValue)),
                    ("providers", .array(exposure.providers.map(JSONValue.string))),
                ])
            })),
            ("lifelines", .array(picture.lifelines.map { lifeline in
                .object([
                    ("starts_on", .string(lifeline.start.iso)), ("tier_months", .integer(Int64(lifeline.tier.months))),
                    ("runway_months", .integer(Int64(lifeline.runwayMonths))), ("began", .string(lifeline.began.rawValue)),
                    ("note", JSONValue(lifeline.note)),
                ])
            })),
            ("closed", picture.closing.map { closing in
                .object([
                    ("closed_on", .string(closing.closedOn.iso)), ("reason", .string(closing.reason.rawValue)),
                    ("note", JSONValue(closing.note)),
                ])
            } ?? .null),
            ("as_of", .string(picture.asOf.iso)),
            ("assessment", assessment.map(AssessmentJSON.assessment) ?? .null),
            ("flags", .array(picture.flags.map(StagnationPresenter.json))),
            ("opportunities", .array((assessment?.opportunities ?? []).map(AssessmentJSON.opportunity))),
            ("adoptions", .array(picture.adoptions.map { adoption in
                .object([
                    ("capability", .string(adoption.capability)), ("adopted_on", .string(adoption.adoptedOn.iso)),
                    ("release_id", .integer(adoption.release.id)), ("released_on", .string(adoption.release.releasedOn.iso)),
                    ("lag_days", .integer(Int64(adoption.lagDays))), ("note", JSONValue(adoption.note)),
                ])
            })),
            ("dismissals", .array(dismissals.map { dismissal in
                .object([
                    ("release_id", .integer(dismissal.release.id)), ("reason", .string(dismissal.reason)),
                    ("until", JSONValue(dismissal.until?.iso)),
                ])
            })),
            ("threats", .array(threats.map { threat in
                .object([
                    ("release_id", .integer(threat.releaseID)), ("released_on", .string(threat.releasedOn.iso)),
                    ("announced_on", JSONValue(threat.announcedOn?.iso)), ("model", .string(threat.model.description)),
                    ("capability", JSONValue(threat.capability)), ("effect", JSONValue(threat.effect?.rawValue)),
                    ("dismissed_until", JSONValue(threat.dismissedUntil?.iso)), ("role", .string(threat.role.rawValue)),
                ])
            })),
        ])
    }

    /// The company in the spreadsheet import format, exactly as `export` writes it in
    /// companies.csv: `company import` takes it back as it is. One row per investment (the
    /// first carries the company's fields and lists), one row without any.
    var spreadsheetRow: Rows {
        var rows = Rows(columns: CompanyImportRow.columns)
        let fields: [OutputValue] = [
            .text(company.slug), .text(company.name), OutputValue(company.tier.months), .text(company.lifelineStart.iso),
            OutputValue(company.sector), OutputValue(company.website), OutputValue(company.runwayMonths), OutputValue(company.notes),
        ]
        let lists: [OutputValue] = [
            detail.dependencies.isEmpty ? .null : .text(detail.dependencies.map(\.description).joined(separator: ";")),
            detail.exposures.isEmpty ? .null : .text(detail.exposures.map(\.cell).joined(separator: ";")),
        ]
        let investments = detail.investments.map { investment -> [OutputValue] in
            [.usd(cents: investment.amountCents), .text(investment.investedOn.iso), OutputValue(investment.round)]
        }
        rows.append(fields + (investments.first ?? [.null, .null, .null]) + lists)
        for investment in investments.dropFirst() {
            rows.append([.text(company.slug)] + Array(repeating: .null, count: 7) + investment + [.null, .null])
        }
        return rows
    }

    private func sections(_ format: OutputFormat) -> String {
        var fields = Rows(columns: ["field", "value"])
        let pairs: [(String, OutputValue)] = [
            ("company", .text(company.slug)), ("name", .text(company.name)),
            ("tier", .text("\(company.tier.months) months")), ("lifeline start", .text(company.lifelineStart.iso)),
            ("runway", .text("\(company.runwayMonths) months")), ("sector", OutputValue(company.sector)),
            ("website", OutputValue(company.website)), ("notes", OutputValue(company.notes)),
            ("notify tag", OutputValue(picture.notifyTag)),
            ("invested", .text(USDAmount.text(cents: detail.totalInvestedCents)
                + (picture.asOf == today ? "" : " (by \(picture.asOf))"))),
            ("closed", OutputValue(picture.closing.map { "on \($0.closedOn) (\($0.reason.rawValue))" + ($0.note.map { ": \($0)" } ?? "") })),
        ]
        for (field, value) in pairs where value != .null { fields.append([.text(field), value]) }

        var investments = Rows(columns: ["invested_on", "round", "amount_usd"])
        for investment in detail.investments {
            investments.append([.text(investment.investedOn.iso), OutputValue(investment.round), .usd(cents: investment.amountCents)])
        }
        var dependencies = Rows(columns: ["model"])
        for reference in detail.dependencies { dependencies.append([.text(reference.description)]) }
        var exposures = Rows(columns: ["capability", "effect", "providers"])
        for exposure in detail.exposures {
            exposures.append([
                .text(exposure.capability), .text(exposure.effect.rawValue),
                .text(exposure.scopeText(among: detail.exposures)),
            ])
        }
        let writer = format.writer
        let heading = { (title: String) in format == .markdown ? "## \(title)" : "\(title):" }
        var parts = [writer.render(fields)]
        for (title, rows) in [("Investments", investments), ("Dependencies", dependencies), ("Exposures", exposures)] {
            parts.append(heading(title) + "\n" + (rows.values.isEmpty ? "(none)" : writer.render(rows)))
        }
        var lifelines = Rows(columns: ["starts_on", "tier_months", "runway_months", "began", "note"])
        for lifeline in picture.lifelines {
            lifelines.append([
                .text(lifeline.start.iso), OutputValue(lifeline.tier.months), OutputValue(lifeline.runwayMonths),
                .text(lifeline.began.rawValue), OutputValue(lifeline.note),
            ])
        }
        if lifelines.values.count > 1 { parts.append(heading("Lifelines") + "\n" + writer.render(lifelines)) }
        parts.append(heading("Lifeline") + "\n" + lifelineText)
        if !picture.flags.isEmpty {
            parts.append(heading("Stagnating (flags)") + "\n"
                + picture.flags.map { "\($0.kind.rawValue): \(StagnationPresenter.sentence($0))" }.joined(separator: "\n"))
        }
        var adopt = Rows(columns: ["released_on", "model", "capability"])
        for opportunity in assessment?.opportunities ?? [] {
            adopt.append([.text(opportunity.releasedOn.iso), .text(opportunity.model.description), .text(opportunity.capability)])
        }
        parts.append(heading("Adopt (new capabilities on models it builds on)") + "\n" + (adopt.values.isEmpty ? "(none)" : writer.render(adopt)))
        if !picture.adoptions.isEmpty {
            parts.append(heading("Adopted (lag: days from the release)") + "\n" + writer.render(AdoptionPresenter.rows(picture.adoptions)))
        }
        var open = Rows(columns: ["release_id", "released_on", "model", "capability", "effect", "role", "dismissed_until"])
        for threat in threats {
            open.append([
                .integer(threat.releaseID), .text(threat.releasedOn.iso), .text(threat.model.description),
                OutputValue(threat.capability ?? "retirement"), OutputValue(threat.effect?.rawValue), .text(threat.role.rawValue),
                OutputValue(threat.dismissedUntil?.iso),
            ])
        }
        // The threats are the current lifeline's, as of the latest date assessed: a
        // picture as of another date says so rather than pass them off as that date's.
        let threatsTitle = picture.asOf == today
            ? "Threats (release ids for 'lifeline dismiss')"
            : "Threats to the current lifeline, as of the latest assessment (release ids for 'lifeline dismiss')"
        parts.append(heading(threatsTitle) + "\n" + (open.values.isEmpty ? "(none)" : writer.render(open)))
        let dismissed = DismissalPresenter.rows(dismissals)
        parts.append(heading("Dismissed threats") + "\n" + (dismissed.values.isEmpty ? "(none)" : writer.render(dismissed)))
        return parts.joined(separator: "\n\n")
    }

    /// "replaced: openai/chatgpt shipped ... - as of 2023-11-01", and, as of today, a
    /// note when the recorded assessment says something else (the nightly job has not
    /// run since).
    private var lifelineText: String {
        guard let assessment else {
            return "not in the portfolio as of \(picture.asOf): its first lifeline began on \(picture.lifelines[0].start)"
        }
        var text = "\(assessment.status.rawValue): \(AssessmentPresenter.reason(assessment)) - as of \(assessment.asOf)"
        guard picture.asOf == today else { return text }
        let recorded = picture.recorded
        if let recorded, recorded.outcome != assessment.outcome {
            text += "\n(recorded as \(recorded.outcome.status.rawValue) as of \(recorded.asOf); 'lifeline reassess' records today's)"
        } else if recorded == nil {
            text += "\n(not recorded yet; 'lifeline reassess' records it)"
        }
        return text
    }
}

extension JSONValue {
    /// Money in JSON: US dollars as a number (exact for whole cents).
    static func usd(cents: Int64) -> JSONValue { .number(Double(cents) / 100) }
}

extension OutputValue {
    /// Money in rows: US dollars as a number.
    static func usd(cents: Int64) -> OutputValue { .number(Double(cents) / 100) }
}
