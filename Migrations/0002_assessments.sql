-- Reassessment: the engine's results over time, the runs that produced them, rebuilds
-- (a company's earlier lifelines) and dismissals (threats an investor judged not to apply).

-- One run of the engine: nightly (`lifeline reassess`) or after a change (`release log`,
-- `company expose`, ...), as of one date. `rules_version` is the engine's rules version,
-- so an old run can be explained after the rules change.
CREATE TABLE reassessment_runs (
    id                 INTEGER PRIMARY KEY,
    trigger            TEXT NOT NULL CHECK (length(trigger) BETWEEN 1 AND 200),
    as_of              TEXT NOT NULL CHECK (date(as_of, '+0 days') IS as_of),
    warn_days          INTEGER NOT NULL CHECK (warn_days BETWEEN 0 AND 3650),
    rules_version      INTEGER NOT NULL CHECK (rules_version > 0),
    started_at         TEXT NOT NULL,
    finished_at        TEXT NOT NULL,
    companies_assessed INTEGER NOT NULL CHECK (companies_assessed >= 0),
    changes_recorded   INTEGER NOT NULL CHECK (changes_recorded BETWEEN 0 AND companies_assessed)
) STRICT;

CREATE INDEX reassessment_runs_by_as_of ON reassessment_runs (as_of, id);

-- An assessment is recorded when it differs from the company's previous one (the
-- latest with an as-of date on or before its own). A company's current assessment is
-- the one with the latest as-of date, ties going to the latest run, so a backtest (a
-- run as of a past date) never overwrites the present picture.
-- The cause is kept by value as well as by id, so history still explains itself if a
-- release is later removed.
CREATE TABLE assessments (
    id               INTEGER PRIMARY KEY,
    run_id           INTEGER NOT NULL REFERENCES reassessment_runs (id) ON DELETE CASCADE,
    company_id       INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    as_of            TEXT NOT NULL CHECK (date(as_of, '+0 days') IS as_of),
    status           TEXT NOT NULL
                     CHECK (status IN ('alive', 'at-risk', 'elapsed', 'rebuild', 'replaced', 'migrate')),
    tier_months      INTEGER NOT NULL CHECK (tier_months IN (3, 6, 12)),
    lifeline_start   TEXT NOT NULL CHECK (date(lifeline_start, '+0 days') IS lifeline_start),
    natural_end      TEXT NOT NULL CHECK (date(natural_end, '+0 days') IS natural_end),
    lifeline_end     TEXT NOT NULL CHECK (date(lifeline_end, '+0 days') IS lifeline_end),
    days_remaining   INTEGER NOT NULL,
    runway_end       TEXT CHECK (runway_end IS NULL OR date(runway_end, '+0 days') IS runway_end),
    cause_kind       TEXT NOT NULL CHECK (cause_kind IN ('threat', 'retirement', 'tier')),
    cause_release_id INTEGER REFERENCES releases (id) ON DELETE SET NULL,
    cause_provider   TEXT,
    cause_model      TEXT,
    cause_capability TEXT,
    cause_effect     TEXT CHECK (cause_effect IS NULL OR cause_effect IN ('advantage', 'necessity')),
    cause_released_on TEXT CHECK (cause_released_on IS NULL OR date(cause_released_on, '+0 days') IS cause_released_on),
    UNIQUE (run_id, company_id),
    CHECK ((cause_kind = 'tier') = (cause_model IS NULL)),
    CHECK ((cause_kind = 'threat') = (cause_capability IS NOT NULL AND cause_effect IS NOT NULL)),
    CHECK ((status = 'replaced') = (runway_end IS NOT NULL))
) STRICT;

CREATE INDEX assessments_by_company ON assessments (company_id, as_of, run_id);
CREATE INDEX assessments_by_run ON assessments (run_id);
CREATE INDEX assessments_by_cause ON assessments (cause_release_id) WHERE cause_release_id IS NOT NULL;

-- A company's earlier lifelines: each rebuild ends one lifeline and starts the next.
-- The current lifeline is the company's own (companies.lifeline_start, tier_months).
CREATE TABLE rebuilds (
    id                    INTEGER PRIMARY KEY,
    company_id            INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    previous_start        TEXT NOT NULL CHECK (date(previous_start, '+0 days') IS previous_start),
    previous_tier_months  INTEGER NOT NULL CHECK (previous_tier_months IN (3, 6, 12)),
    rebuilt_on            TEXT NOT NULL CHECK (date(rebuilt_on, '+0 days') IS rebuilt_on AND rebuilt_on > previous_start),
    tier_months           INTEGER NOT NULL CHECK (tier_months IN (3, 6, 12)),
    note                  TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 10000),
    recorded_at           TEXT NOT NULL
) STRICT;

CREATE INDEX rebuilds_by_company ON rebuilds (company_id, rebuilt_on);

-- An investor's judgement that a release does not threaten a company, until a date
-- (exclusive) or for good.
CREATE TABLE dismissals (
    id          INTEGER PRIMARY KEY,
    company_id  INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    release_id  INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    until       TEXT CHECK (until IS NULL OR date(until, '+0 days') IS until),
    recorded_at TEXT NOT NULL,
    UNIQUE (company_id, release_id)
) STRICT;

CREATE INDEX dismissals_by_release ON dismissals (release_id);
