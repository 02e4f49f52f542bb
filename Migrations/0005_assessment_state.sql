-- Whether the recorded assessments are current, so that the nightly run can recompute
-- only the companies whose outcome can have moved since (docs/engine.md, "Incremental
-- nightly runs"), and logging a release only the companies it can still threaten.
--
-- While `current_since` is set, every company's current assessment (its latest) is
-- what the engine gives for the current facts as of some date on or after
-- `current_since`, with `warn_days` and rules `rules_version`, and no assessment is
-- dated after `latest_as_of`. lifeline's own commands keep this true. Any other write
-- to the facts - `sqlite3` by hand - clears `current_since` through the triggers below,
-- and the next `lifeline reassess` recomputes every company and sets it again.
CREATE TABLE assessment_state (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    current_since  TEXT CHECK (current_since IS NULL OR date(current_since, '+0 days') IS current_since),
    latest_as_of   TEXT CHECK (latest_as_of IS NULL OR date(latest_as_of, '+0 days') IS latest_as_of),
    warn_days      INTEGER CHECK (warn_days IS NULL OR warn_days BETWEEN 0 AND 3650),
    rules_version  INTEGER CHECK (rules_version IS NULL OR rules_version > 0),
    CHECK ((current_since IS NULL) OR (latest_as_of >= current_since AND warn_days IS NOT NULL AND rules_version IS NOT NULL))
) STRICT;

INSERT INTO assessment_state (id) VALUES (1);

-- The assessments table again, with the same columns and rules, for speed: its
-- CHECK constraints compared status, cause_kind and cause_effect with IN lists, which
-- SQLite builds into a lookup table for every statement and probes for every row - a
-- tenth of a first nightly run's time. Equalities joined by OR say the same thing.
-- The reporting views refer to the table by name; with legacy_alter_table on, renaming
-- the new table into place leaves them as they are.
PRAGMA legacy_alter_table = ON;

CREATE TABLE assessments_rebuilt (
    id               INTEGER PRIMARY KEY,
    run_id           INTEGER NOT NULL REFERENCES reassessment_runs (id) ON DELETE CASCADE,
    company_id       INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    as_of            TEXT NOT NULL CHECK (date(as_of, '+0 days') IS as_of),
    status           TEXT NOT NULL
                     CHECK (status = 'alive' OR status = 'at-risk' OR status = 'elapsed' OR status = 'rebuild'
                            OR status = 'replaced' OR status = 'migrate'),
    tier_months      INTEGER NOT NULL CHECK (tier_months = 3 OR tier_months = 6 OR tier_months = 12),
    lifeline_start   TEXT NOT NULL CHECK (date(lifeline_start, '+0 days') IS lifeline_start),
    natural_end      TEXT NOT NULL CHECK (date(natural_end, '+0 days') IS natural_end),
    lifeline_end     TEXT NOT NULL CHECK (date(lifeline_end, '+0 days') IS lifeline_end),
    days_remaining   INTEGER NOT NULL,
    runway_end       TEXT CHECK (runway_end IS NULL OR date(runway_end, '+0 days') IS runway_end),
    cause_kind       TEXT NOT NULL CHECK (cause_kind = 'threat' OR cause_kind = 'retirement' OR cause_kind = 'tier'),
    cause_release_id INTEGER REFERENCES releases (id) ON DELETE SET NULL,
    cause_provider   TEXT,
    cause_model      TEXT,
    cause_capability TEXT,
    cause_effect     TEXT CHECK (cause_effect IS NULL OR cause_effect = 'advantage' OR cause_effect = 'necessity'),
    cause_released_on TEXT CHECK (cause_released_on IS NULL OR date(cause_released_on, '+0 days') IS cause_released_on),
    UNIQUE (run_id, company_id),
    CHECK ((cause_kind = 'tier') = (cause_model IS NULL)),
    CHECK ((cause_kind = 'threat') = (cause_capability IS NOT NULL AND cause_effect IS NOT NULL)),
    CHECK ((status = 'replaced') = (runway_end IS NOT NULL))
) STRICT;

INSERT INTO assessments_rebuilt SELECT * FROM assessments;
DROP TABLE assessments;
ALTER TABLE assessments_rebuilt RENAME TO assessments;
PRAGMA legacy_alter_table = OFF;

-- The indexes of migration 0002 but assessments_by_run: the unique index on (run_id,
-- company_id) serves every lookup by run, and another index costs every insert.
CREATE INDEX assessments_by_company ON assessments (company_id, as_of, run_id);
CREATE INDEX assessments_by_cause ON assessments (cause_release_id) WHERE cause_release_id IS NOT NULL;

-- Companies that a release dated D can still end: those with an assessment whose
-- lifeline runs on or after D (lifeline_end >= D). Also the nightly run's date
-- thresholds. Covering, so neither query reads the table.
CREATE INDEX assessments_by_end ON assessments (lifeline_end, lifeline_start, company_id);

-- Releases by kind and date, for the retirements: the engine needs every retirement,
-- however early (one can take away a later one's fallback), but other releases only
-- from a lifeline's start on. Not a partial index (WHERE kind = 'retirement'): a
-- statement comparing kind with a parameter would then be prepared again each time
-- the parameter changed.
CREATE INDEX releases_by_kind ON releases (kind, released_on);

-- Every write that can change an outcome forgets that the assessments are current.
-- New providers, models and capabilities change nothing until something refers to them.
CREATE TRIGGER companies_insert_forgets_current AFTER INSERT ON companies
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER companies_update_forgets_current AFTER UPDATE OF id, tier_months, lifeline_start, runway_months ON companies
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER companies_delete_forgets_current AFTER DELETE ON companies
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;

CREATE TRIGGER exposures_insert_forgets_current AFTER INSERT ON exposures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER exposures_update_forgets_current AFTER UPDATE ON exposures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER exposures_delete_forgets_current AFTER DELETE ON exposures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;

CREATE TRIGGER exposure_providers_insert_forgets_current AFTER INSERT ON exposure_providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER exposure_providers_update_forgets_current AFTER UPDATE ON exposure_providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER exposure_providers_delete_forgets_current AFTER DELETE ON exposure_providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;

CREATE TRIGGER dependencies_insert_forgets_current AFTER INSERT ON dependencies
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER dependencies_update_forgets_current AFTER UPDATE ON dependencies
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER dependencies_delete_forgets_current AFTER DELETE ON dependencies
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;

CREATE TRIGGER releases_insert_forgets_current AFTER INSERT ON releases
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER releases_update_forgets_current AFTER UPDATE OF id, model_id, kind, released_on, announced_on ON releases
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER releases_delete_forgets_current AFTER DELETE ON releases
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;

CREATE TRIGGER release_capabilities_insert_forgets_current AFTER INSERT ON release_capabilities
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER release_capabilities_update_forgets_current AFTER UPDATE ON release_capabilities
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER release_capabilities_delete_forgets_current AFTER DELETE ON release_capabilities
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;

CREATE TRIGGER dismissals_insert_forgets_current AFTER INSERT ON dismissals
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER dismissals_update_forgets_current AFTER UPDATE OF company_id, release_id, until ON dismissals
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER dismissals_delete_forgets_current AFTER DELETE ON dismissals
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;

CREATE TRIGGER providers_update_forgets_current AFTER UPDATE OF id, slug ON providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER models_update_forgets_current AFTER UPDATE OF id, provider_id, slug ON models
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER capabilities_update_forgets_current AFTER UPDATE OF id, slug ON capabilities
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;

-- The record itself: an assessment changed or removed by hand (or a run deleted, which
-- removes its assessments) may leave a company's latest assessment out of date.
-- Inserting is left alone: lifeline inserts 100,000 rows in a first nightly run.
CREATE TRIGGER assessments_update_forgets_current AFTER UPDATE ON assessments
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER assessments_delete_forgets_current AFTER DELETE ON assessments
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
