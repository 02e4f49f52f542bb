-- Where each release's date comes from (issue 19), so that "OpenAI shipped this on this
-- date" can be told from "a catalogue lists this model with this flag today":
--   logged                      typed by a person (`release log`, a restore of such rows);
--   catalogue-release-date      a catalogue's release date for a model it lists;
--   catalogue-deprecation-date  a catalogue's deprecation date (LiteLLM), for a retirement;
--   catalogue-diff              the day a later snapshot of a catalogue showed a new
--                               capability (its `last_updated`, else the import's --as-of),
--                               or listed a model with no release date;
--   history                     a sourced release history (`lifeline import releases`).
--
-- Releases recorded before are classified by what the imports wrote: their source
-- (`import: CATALOGUE FILE`), their kind, and the note an undated launch carries.
ALTER TABLE releases ADD COLUMN date_basis TEXT NOT NULL DEFAULT 'logged'
    CHECK (date_basis IN ('logged', 'catalogue-release-date', 'catalogue-deprecation-date', 'catalogue-diff', 'history'));

UPDATE releases SET date_basis = CASE
    WHEN kind = 'retirement' THEN 'catalogue-deprecation-date'
    WHEN kind = 'launch' AND (note IS NULL OR note NOT LIKE '% gives no release date; dated the day of the import') THEN 'catalogue-release-date'
    ELSE 'catalogue-diff'
END
WHERE source LIKE 'import:%';

-- v_release_impact (0007) and v_company_threats (0015) show it beside each release's date.
DROP VIEW v_release_impact;

CREATE VIEW v_release_impact AS
SELECT
    r.id                   AS release_id,
    r.released_on          AS released_on,
    r.date_basis           AS date_basis,
    p.slug                 AS provider,
    p.slug || '/' || m.slug AS model,
    l.cause_capability     AS capability,
    l.company              AS company,
    l.cause_effect         AS effect,
    l.status               AS status,
    l.invested_usd         AS invested_usd
FROM v_company_lifeline l
JOIN releases r ON r.id = l.cause_release_id
JOIN models m ON m.id = r.model_id
JOIN providers p ON p.id = m.provider_id
WHERE l.status IN ('at-risk', 'rebuild', 'replaced', 'migrate');

DROP VIEW v_company_threats;

CREATE VIEW v_company_threats AS
WITH assessed AS (
    SELECT max(as_of) AS as_of FROM reassessment_runs
),
known AS (
    SELECT r.*, p.id AS provider_id, p.slug AS provider, p.role AS provider_role, p.slug || '/' || m.slug AS model
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
       OR (r.provider_role = 'lab'
           AND NOT EXISTS (SELECT 1 FROM exposure_providers ep WHERE ep.exposure_id = e.id)
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
    r.date_basis     AS date_basis,
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
