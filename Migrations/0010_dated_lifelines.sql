-- Lifelines as dated records (docs/engine.md, "Lifelines"), and closed companies.
--
-- A company has an ordered list of lifelines, each with its start, tier, runway, how it
-- began (`added`, `rebuilt`, `renewed`), a note, and its own exposures and
-- dependencies. The latest is the current one and stays where it always was: the
-- companies row (lifeline_start, tier_months, runway_months, and now lifeline_began and
-- lifeline_note) with the exposures and dependencies tables, which `company expose`,
-- `depend` and the rest change. When a rebuild or renewal starts a new lifeline, the
-- current one moves to `earlier_lifelines` with a copy of its exposures and
-- dependencies, which nothing changes afterwards. A backtest as of a date uses the
-- lifeline in force then: the latest start on or before it. `v_lifelines` lists them all.
--
-- Before this migration a rebuild kept only the earlier lifeline's start and tier
-- (table `rebuilds`). Its rows become earlier lifelines with the company's runway and
-- its current exposures and dependencies - the best that was recorded. Two rebuilds
-- that left the same start (a start edited back in between) keep the first.

ALTER TABLE companies ADD COLUMN lifeline_began TEXT NOT NULL DEFAULT 'added'
    CHECK (lifeline_began = 'added' OR lifeline_began = 'rebuilt' OR lifeline_began = 'renewed');
ALTER TABLE companies ADD COLUMN lifeline_note TEXT
    CHECK (lifeline_note IS NULL OR length(lifeline_note) BETWEEN 1 AND 10000);

-- A company's lifelines before its current one. superseded_at: when the lifeline that
-- followed it was recorded.
CREATE TABLE earlier_lifelines (
    id            INTEGER PRIMARY KEY,
    company_id    INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    starts_on     TEXT NOT NULL CHECK (date(starts_on, '+0 days') IS starts_on),
    tier_months   INTEGER NOT NULL CHECK (tier_months = 3 OR tier_months = 6 OR tier_months = 12),
    runway_months INTEGER NOT NULL CHECK (runway_months BETWEEN 0 AND 120),
    began         TEXT NOT NULL CHECK (began = 'added' OR began = 'rebuilt' OR began = 'renewed'),
    note          TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 10000),
    superseded_at TEXT NOT NULL CHECK (length(superseded_at) BETWEEN 1 AND 64),
    UNIQUE (company_id, starts_on)
) STRICT;

CREATE TABLE earlier_lifeline_exposures (
    id            INTEGER PRIMARY KEY,
    lifeline_id   INTEGER NOT NULL REFERENCES earlier_lifelines (id) ON DELETE CASCADE,
    capability_id INTEGER NOT NULL REFERENCES capabilities (id) ON DELETE RESTRICT,
    effect        TEXT NOT NULL CHECK (effect = 'advantage' OR effect = 'necessity'),
    UNIQUE (lifeline_id, capability_id)
) STRICT;

CREATE INDEX earlier_lifeline_exposures_by_capability ON earlier_lifeline_exposures (capability_id);

CREATE TABLE earlier_lifeline_exposure_providers (
    exposure_id INTEGER NOT NULL REFERENCES earlier_lifeline_exposures (id) ON DELETE CASCADE,
    provider_id INTEGER NOT NULL REFERENCES providers (id) ON DELETE RESTRICT,
    PRIMARY KEY (exposure_id, provider_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX earlier_lifeline_exposure_providers_by_provider ON earlier_lifeline_exposure_providers (provider_id);

CREATE TABLE earlier_lifeline_dependencies (
    lifeline_id INTEGER NOT NULL REFERENCES earlier_lifelines (id) ON DELETE CASCADE,
    model_id    INTEGER NOT NULL REFERENCES models (id) ON DELETE RESTRICT,
    PRIMARY KEY (lifeline_id, model_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX earlier_lifeline_dependencies_by_model ON earlier_lifeline_dependencies (model_id);

INSERT OR IGNORE INTO earlier_lifelines (company_id, starts_on, tier_months, runway_months, began, note, superseded_at)
SELECT r.company_id, r.previous_start, r.previous_tier_months, c.runway_months,
       CASE WHEN before.id IS NULL THEN 'added' ELSE 'rebuilt' END,
       before.note, r.recorded_at
FROM rebuilds r
JOIN companies c ON c.id = r.company_id
LEFT JOIN rebuilds before ON before.id = (
    SELECT p.id FROM rebuilds p
    WHERE p.company_id = r.company_id AND (p.rebuilt_on, p.id) < (r.rebuilt_on, r.id)
    ORDER BY p.rebuilt_on DESC, p.id DESC LIMIT 1)
WHERE r.previous_start < c.lifeline_start
ORDER BY r.company_id, r.rebuilt_on, r.id;

INSERT INTO earlier_lifeline_exposures (lifeline_id, capability_id, effect)
SELECT l.id, e.capability_id, e.effect
FROM earlier_lifelines l JOIN exposures e ON e.company_id = l.company_id;

INSERT INTO earlier_lifeline_exposure_providers (exposure_id, provider_id)
SELECT le.id, ep.provider_id
FROM earlier_lifeline_exposures le
JOIN earlier_lifelines l ON l.id = le.lifeline_id
JOIN exposures e ON e.company_id = l.company_id AND e.capability_id = le.capability_id
JOIN exposure_providers ep ON ep.exposure_id = e.id;

INSERT INTO earlier_lifeline_dependencies (lifeline_id, model_id)
SELECT l.id, d.model_id
FROM earlier_lifelines l JOIN dependencies d ON d.company_id = l.company_id;

UPDATE companies
SET lifeline_began = 'rebuilt',
    lifeline_note = (SELECT r.note FROM rebuilds r WHERE r.company_id = companies.id ORDER BY r.rebuilt_on DESC, r.id DESC LIMIT 1)
WHERE id IN (SELECT company_id FROM rebuilds);

DROP TABLE rebuilds;

-- Earlier lifelines start before the current one, whoever writes them.
CREATE TRIGGER earlier_lifelines_start_before_current
BEFORE INSERT ON earlier_lifelines
WHEN NEW.starts_on >= (SELECT lifeline_start FROM companies WHERE id = NEW.company_id)
BEGIN
    SELECT RAISE(ABORT, 'an earlier lifeline must start before the company''s current one');
END;

CREATE TRIGGER earlier_lifelines_start_stays_before_current
BEFORE UPDATE OF starts_on, company_id ON earlier_lifelines
WHEN NEW.starts_on >= (SELECT lifeline_start FROM companies WHERE id = NEW.company_id)
BEGIN
    SELECT RAISE(ABORT, 'an earlier lifeline must start before the company''s current one');
END;

CREATE TRIGGER companies_current_lifeline_after_earlier
BEFORE UPDATE OF lifeline_start ON companies
WHEN EXISTS (SELECT 1 FROM earlier_lifelines WHERE company_id = NEW.id AND starts_on >= NEW.lifeline_start)
BEGIN
    SELECT RAISE(ABORT, 'the current lifeline must start after the company''s earlier ones');
END;

-- A company that left the portfolio (exit, shutdown, write-off) on `closed_on`: status
-- `closed` from that date. `lifeline company reopen` deletes the row.
CREATE TABLE closures (
    company_id  INTEGER PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
    closed_on   TEXT NOT NULL CHECK (date(closed_on, '+0 days') IS closed_on),
    reason      TEXT NOT NULL CHECK (reason = 'exit' OR reason = 'shutdown' OR reason = 'write-off' OR reason = 'other'),
    note        TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 10000),
    recorded_at TEXT NOT NULL CHECK (length(recorded_at) BETWEEN 1 AND 64)
) STRICT;

-- Writes that can change an outcome forget that the assessments are current (0005).
CREATE TRIGGER earlier_lifelines_insert_forgets_current AFTER INSERT ON earlier_lifelines
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifelines_update_forgets_current AFTER UPDATE ON earlier_lifelines
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifelines_delete_forgets_current AFTER DELETE ON earlier_lifelines
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_exposures_insert_forgets_current AFTER INSERT ON earlier_lifeline_exposures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_exposures_update_forgets_current AFTER UPDATE ON earlier_lifeline_exposures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_exposures_delete_forgets_current AFTER DELETE ON earlier_lifeline_exposures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_dependencies_insert_forgets_current AFTER INSERT ON earlier_lifeline_dependencies
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_dependencies_update_forgets_current AFTER UPDATE ON earlier_lifeline_dependencies
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_dependencies_delete_forgets_current AFTER DELETE ON earlier_lifeline_dependencies
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER closures_insert_forgets_current AFTER INSERT ON closures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_exposure_providers_insert_forgets_current AFTER INSERT ON earlier_lifeline_exposure_providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_exposure_providers_update_forgets_current AFTER UPDATE ON earlier_lifeline_exposure_providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_exposure_providers_delete_forgets_current AFTER DELETE ON earlier_lifeline_exposure_providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER closures_update_forgets_current AFTER UPDATE ON closures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER closures_delete_forgets_current AFTER DELETE ON closures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;

-- The assessments table again, to record `closed`: a status of its own, with the cause
-- kind `closed` when the closing, not a threat or the tier, ended the lifeline. The
-- same columns and rules otherwise (0005); the views keep their text (legacy_alter_table).
PRAGMA legacy_alter_table = ON;

CREATE TABLE assessments_rebuilt (
    id               INTEGER PRIMARY KEY,
    run_id           INTEGER NOT NULL REFERENCES reassessment_runs (id) ON DELETE CASCADE,
    company_id       INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    as_of            TEXT NOT NULL CHECK (date(as_of, '+0 days') IS as_of),
    status           TEXT NOT NULL
                     CHECK (status = 'alive' OR status = 'at-risk' OR status = 'elapsed' OR status = 'rebuild'
                            OR status = 'replaced' OR status = 'migrate' OR status = 'closed'),
    tier_months      INTEGER NOT NULL CHECK (tier_months = 3 OR tier_months = 6 OR tier_months = 12),
    lifeline_start   TEXT NOT NULL CHECK (date(lifeline_start, '+0 days') IS lifeline_start),
    natural_end      TEXT NOT NULL CHECK (date(natural_end, '+0 days') IS natural_end),
    lifeline_end     TEXT NOT NULL CHECK (date(lifeline_end, '+0 days') IS lifeline_end),
    days_remaining   INTEGER NOT NULL,
    runway_end       TEXT CHECK (runway_end IS NULL OR date(runway_end, '+0 days') IS runway_end),
    cause_kind       TEXT NOT NULL
                     CHECK (cause_kind = 'threat' OR cause_kind = 'retirement' OR cause_kind = 'tier' OR cause_kind = 'closed'),
    cause_release_id INTEGER REFERENCES releases (id) ON DELETE SET NULL,
    cause_provider   TEXT,
    cause_model      TEXT,
    cause_capability TEXT,
    cause_effect     TEXT CHECK (cause_effect IS NULL OR cause_effect = 'advantage' OR cause_effect = 'necessity'),
    cause_released_on TEXT CHECK (cause_released_on IS NULL OR date(cause_released_on, '+0 days') IS cause_released_on),
    UNIQUE (run_id, company_id),
    CHECK ((cause_kind = 'tier' OR cause_kind = 'closed') = (cause_model IS NULL)),
    CHECK ((cause_kind = 'threat') = (cause_capability IS NOT NULL AND cause_effect IS NOT NULL)),
    CHECK ((status = 'replaced') = (runway_end IS NOT NULL)),
    CHECK (cause_kind != 'closed' OR status = 'closed')
) STRICT;

INSERT INTO assessments_rebuilt SELECT * FROM assessments;
DROP TABLE assessments;
ALTER TABLE assessments_rebuilt RENAME TO assessments;
PRAGMA legacy_alter_table = OFF;

CREATE INDEX assessments_by_company ON assessments (company_id, as_of, run_id);
CREATE INDEX assessments_by_cause ON assessments (cause_release_id) WHERE cause_release_id IS NOT NULL;
CREATE INDEX assessments_by_end ON assessments (lifeline_end, lifeline_start, company_id);
CREATE INDEX assessments_by_runway_end ON assessments (runway_end) WHERE runway_end IS NOT NULL;

CREATE TRIGGER assessments_update_forgets_current AFTER UPDATE ON assessments
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER assessments_delete_forgets_current AFTER DELETE ON assessments
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;

-- Every lifeline of every company, oldest first; next_began_on is when the next one
-- began (NULL for the current one).
CREATE VIEW v_lifelines AS
SELECT
    c.slug          AS company,
    l.starts_on     AS starts_on,
    l.tier_months   AS tier_months,
    l.runway_months AS runway_months,
    l.began         AS began,
    l.note          AS note,
    coalesce((SELECT min(n.starts_on) FROM earlier_lifelines n
              WHERE n.company_id = l.company_id AND n.starts_on > l.starts_on), c.lifeline_start) AS next_began_on,
    0               AS is_current
FROM earlier_lifelines l JOIN companies c ON c.id = l.company_id
UNION ALL
SELECT c.slug, c.lifeline_start, c.tier_months, c.runway_months, c.lifeline_began, c.lifeline_note, NULL, 1
FROM companies c;

-- v_company_lifeline (0007) without the companies that were not in the portfolio yet
-- on the view's as_of date (no lifeline started by then).
DROP VIEW v_company_lifeline;

CREATE VIEW v_company_lifeline AS
WITH assessed AS (
    SELECT max(as_of) AS as_of FROM reassessment_runs
),
current_assessment AS (
    SELECT * FROM (
        SELECT a.*, row_number() OVER (PARTITION BY a.company_id ORDER BY a.as_of DESC, a.run_id DESC) AS recency
        FROM assessments a)
    WHERE recency = 1
),
invested AS (
    SELECT i.company_id, sum(i.amount_cents) AS cents
    FROM investments i, assessed s
    WHERE s.as_of IS NULL OR i.invested_on <= s.as_of
    GROUP BY i.company_id
)
SELECT
    c.slug                                          AS company,
    c.name                                          AS name,
    coalesce(a.tier_months, c.tier_months)          AS tier_months,
    a.status                                        AS status,
    coalesce(a.lifeline_start, c.lifeline_start)    AS lifeline_start,
    a.lifeline_end                                  AS lifeline_end,
    CAST(julianday(a.lifeline_end) - julianday(s.as_of) AS INTEGER) AS days_remaining,
    a.runway_end                                    AS runway_end,
    a.cause_kind                                    AS cause_kind,
    a.cause_release_id                              AS cause_release_id,
    a.cause_provider                                AS cause_provider,
    a.cause_model                                   AS cause_model,
    a.cause_capability                              AS cause_capability,
    a.cause_effect                                  AS cause_effect,
    s.as_of                                         AS as_of,
    coalesce(i.cents, 0) / 100.0                    AS invested_usd,
    a.as_of                                         AS assessment_as_of
FROM companies c
CROSS JOIN assessed s
LEFT JOIN current_assessment a ON a.company_id = c.id
LEFT JOIN invested i ON i.company_id = c.id
WHERE s.as_of IS NULL
   OR coalesce((SELECT min(l.starts_on) FROM earlier_lifelines l WHERE l.company_id = c.id), c.lifeline_start) <= s.as_of;

-- The engine now reads each company's earlier lifelines and closing: the next nightly
-- run recomputes every company.
UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL;
