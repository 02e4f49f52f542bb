-- Model snapshots: `openai/gpt-3.5-turbo-0613` is a dated snapshot of
-- `openai/gpt-3.5-turbo`. A dependency on the base model then covers its snapshots: a
-- capability shipped on a snapshot is an opportunity for the base's dependents (the
-- engine's rule 7), and a retirement of the base retires its snapshots too (rule 4). A
-- retirement of a snapshot counts only for that snapshot. `model add --snapshot-of`
-- sets it; the catalogue imports set it where a new model's id is a recorded model's id
-- with a dated suffix.
--
-- One level only, within one provider: a snapshot's base is a model of the same
-- provider that is no snapshot itself, and a model with snapshots cannot become one.
-- Triggers hold the rule for every write, by hand too.

ALTER TABLE models ADD COLUMN snapshot_of INTEGER REFERENCES models (id) ON DELETE RESTRICT;

CREATE INDEX models_by_snapshot_of ON models (snapshot_of) WHERE snapshot_of IS NOT NULL;

CREATE TRIGGER models_snapshot_of_a_base_on_insert
BEFORE INSERT ON models
WHEN NEW.snapshot_of IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM models base WHERE base.id = NEW.snapshot_of AND base.provider_id = NEW.provider_id AND base.snapshot_of IS NULL)
BEGIN SELECT RAISE(ABORT, 'a model is a snapshot of a model of the same provider that is no snapshot itself'); END;

CREATE TRIGGER models_snapshot_of_a_base_on_update
BEFORE UPDATE OF snapshot_of, provider_id ON models
WHEN NEW.snapshot_of IS NOT NULL AND (NEW.snapshot_of = NEW.id OR NOT EXISTS (
    SELECT 1 FROM models base WHERE base.id = NEW.snapshot_of AND base.provider_id = NEW.provider_id AND base.snapshot_of IS NULL))
BEGIN SELECT RAISE(ABORT, 'a model is a snapshot of a model of the same provider that is no snapshot itself'); END;

CREATE TRIGGER models_with_snapshots_stay_bases
BEFORE UPDATE OF snapshot_of ON models
WHEN NEW.snapshot_of IS NOT NULL AND EXISTS (SELECT 1 FROM models s WHERE s.snapshot_of = NEW.id)
BEGIN SELECT RAISE(ABORT, 'a model with snapshots cannot be a snapshot itself'); END;

CREATE TRIGGER models_bases_keep_their_provider
BEFORE UPDATE OF provider_id ON models
WHEN EXISTS (SELECT 1 FROM models s WHERE s.snapshot_of = NEW.id AND s.provider_id != NEW.provider_id)
BEGIN SELECT RAISE(ABORT, 'a model is a snapshot of a model of the same provider that is no snapshot itself'); END;

-- Which releases reach which dependents can change an outcome (0005). A new model has
-- no releases yet, so inserting a snapshot changes none.
CREATE TRIGGER models_snapshot_of_update_forgets_current AFTER UPDATE OF snapshot_of ON models
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;

-- v_company_threats (0013) with the snapshot rule for retirements: a retirement of a
-- dependency's base retires it too, and another dependency is a fallback unless a
-- known retirement of it, or of its base, came on or before.
DROP VIEW v_company_threats;

CREATE VIEW v_company_threats AS
WITH assessed AS (
    SELECT max(as_of) AS as_of FROM reassessment_runs
),
known AS (
    SELECT r.*, p.id AS provider_id, p.slug AS provider, p.slug || '/' || m.slug AS model
    FROM releases r
    JOIN models m ON m.id = r.model_id
    JOIN providers p ON p.id = m.provider_id
    CROSS JOIN assessed s
    WHERE s.as_of IS NULL OR coalesce(r.announced_on, r.released_on) <= s.as_of
),
threats AS (
    SELECT c.slug AS company, c.lifeline_start, e.company_id, r.id AS release_id, k.slug AS capability, e.effect
    FROM exposures e
    JOIN companies c ON c.id = e.company_id
    JOIN capabilities k ON k.id = e.capability_id
    JOIN release_capabilities x ON x.capability_id = e.capability_id
    JOIN known r ON r.id = x.release_id AND r.released_on >= c.lifeline_start
    WHERE EXISTS (SELECT 1 FROM exposure_providers ep WHERE ep.exposure_id = e.id AND ep.provider_id = r.provider_id)
       OR (NOT EXISTS (SELECT 1 FROM exposure_providers ep WHERE ep.exposure_id = e.id)
           AND NOT EXISTS (
               SELECT 1 FROM exposures other JOIN exposure_providers ep ON ep.exposure_id = other.id
               WHERE other.company_id = e.company_id AND other.capability_id = e.capability_id
                 AND ep.provider_id = r.provider_id))
    UNION ALL
    -- DISTINCT: a company depending on a base and its snapshot meets the base's retirement once.
    SELECT DISTINCT c.slug, c.lifeline_start, d.company_id, r.id, NULL, NULL
    FROM dependencies d
    JOIN companies c ON c.id = d.company_id
    JOIN models dm ON dm.id = d.model_id
    JOIN known r ON (r.model_id = d.model_id OR r.model_id = dm.snapshot_of)
        AND r.kind = 'retirement' AND r.released_on >= c.lifeline_start
    WHERE NOT EXISTS (
        SELECT 1 FROM dependencies other JOIN models om ON om.id = other.model_id
        WHERE other.company_id = d.company_id AND other.model_id != r.model_id AND om.snapshot_of IS NOT r.model_id
          AND NOT EXISTS (
              SELECT 1 FROM known later
              WHERE (later.model_id = other.model_id OR later.model_id = om.snapshot_of)
                AND later.kind = 'retirement' AND later.released_on <= r.released_on))
)
SELECT
    t.company        AS company,
    t.lifeline_start AS lifeline_start,
    r.id             AS release_id,
    r.released_on    AS released_on,
    r.announced_on   AS announced_on,
    r.provider       AS provider,
    r.model          AS model,
    t.capability     AS capability,
    t.effect         AS effect,
    ds.until         AS dismissed_until,
    CASE
        WHEN EXISTS (
            SELECT 1 FROM (SELECT a.cause_release_id, a.cause_capability, a.cause_effect FROM assessments a
                           WHERE a.company_id = t.company_id ORDER BY a.as_of DESC, a.run_id DESC LIMIT 1) cc
            WHERE cc.cause_release_id = t.release_id AND cc.cause_capability IS t.capability
              AND cc.cause_effect IS t.effect) THEN 'cause'
        WHEN ds.release_id IS NOT NULL THEN 'dismissed'
        WHEN s.as_of IS NOT NULL AND r.released_on > s.as_of THEN 'announced'
        ELSE 'later'
    END              AS role
FROM threats t
JOIN known r ON r.id = t.release_id
CROSS JOIN assessed s
LEFT JOIN dismissals ds ON ds.company_id = t.company_id AND ds.release_id = t.release_id
    AND (ds.until IS NULL OR s.as_of IS NULL OR ds.until > s.as_of);
