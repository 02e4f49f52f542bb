-- v_company_threats (0017), the same rows, fast for one company again. `known` - every
-- release known as of the latest date assessed, with its model and provider - was
-- materialized whole by every query of the view, with an index built over it, before
-- one company's threats were read from it: 40 ms for a company of the 100,000-company
-- benchmark portfolio (10,000 releases), most of `company show`. NOT MATERIALIZED lets
-- SQLite look up just the releases the company's exposures and dependencies reach, by
-- their ids: 3 ms. The price is paid by a query over every company at once, which now
-- looks each release up again for each threat: 7.7 to 14 s for the 1.3 million threats
-- of 1,000 companies. Such a query lists every release since a lifeline's start that
-- ships a capability its company is exposed to; `company show`, `dismiss --capability`
-- and `release list --touching` read it a company at a time. The rows are those of 0017,
-- compared on the 1,000-company benchmark portfolio.

DROP VIEW v_company_threats;

CREATE VIEW v_company_threats AS
WITH assessed AS (
    SELECT max(as_of) AS as_of FROM reassessment_runs
),
known AS NOT MATERIALIZED (
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
