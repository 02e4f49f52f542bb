-- v_company_threats: every open threat to each company's current lifeline, not only the
-- one that ends it - a second provider shipping the same capability, or a threat a
-- dismissal hides, was visible nowhere until it became the cause. As of the same date
-- as v_company_lifeline (the latest date the database was assessed for): only releases
-- known by then count (rule 3 of docs/engine.md).
--
-- A threat is a release dated on or after the lifeline's start that ships a capability
-- the company is exposed to, within the exposure's provider scope, or that retires a
-- model it depends on with no fallback: no other dependency left unretired by a known
-- retirement on or before it (rule 4). One row per company, release and capability.
--
-- role: 'cause' - the threat that ends the lifeline in the company's current assessment
-- (at most one per company); 'dismissed' - a dismissal of the release is in force
-- (dismissed_until: when it ends; NULL for good);
-- 'announced' - known, but not landed yet; 'later' - any other.

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
    SELECT e.company_id, r.id AS release_id, k.slug AS capability, e.effect
    FROM exposures e
    JOIN companies c ON c.id = e.company_id
    JOIN capabilities k ON k.id = e.capability_id
    JOIN release_capabilities x ON x.capability_id = e.capability_id
    JOIN known r ON r.id = x.release_id AND r.released_on >= c.lifeline_start
    WHERE NOT EXISTS (SELECT 1 FROM exposure_providers ep WHERE ep.exposure_id = e.id)
       OR EXISTS (SELECT 1 FROM exposure_providers ep WHERE ep.exposure_id = e.id AND ep.provider_id = r.provider_id)
    UNION ALL
    SELECT d.company_id, r.id, NULL, NULL
    FROM dependencies d
    JOIN companies c ON c.id = d.company_id
    JOIN known r ON r.model_id = d.model_id AND r.kind = 'retirement' AND r.released_on >= c.lifeline_start
    WHERE NOT EXISTS (
        SELECT 1 FROM dependencies other
        WHERE other.company_id = d.company_id AND other.model_id != d.model_id
          AND NOT EXISTS (
              SELECT 1 FROM known later
              WHERE later.model_id = other.model_id AND later.kind = 'retirement' AND later.released_on <= r.released_on))
),
current_cause AS (
    SELECT company_id, cause_release_id, cause_capability FROM (
        SELECT a.company_id, a.cause_release_id, a.cause_capability,
               row_number() OVER (PARTITION BY a.company_id ORDER BY a.as_of DESC, a.run_id DESC) AS recency
        FROM assessments a)
    WHERE recency = 1
)
SELECT
    c.slug           AS company,
    c.lifeline_start AS lifeline_start,
    r.id             AS release_id,
    r.released_on    AS released_on,
    r.announced_on   AS announced_on,
    r.provider       AS provider,
    r.model          AS model,
    t.capability     AS capability,
    t.effect         AS effect,
    ds.until         AS dismissed_until,
    CASE
        WHEN cc.cause_release_id = t.release_id AND cc.cause_capability IS t.capability THEN 'cause'
        WHEN ds.release_id IS NOT NULL THEN 'dismissed'
        WHEN s.as_of IS NOT NULL AND r.released_on > s.as_of THEN 'announced'
        ELSE 'later'
    END              AS role
FROM threats t
JOIN companies c ON c.id = t.company_id
JOIN known r ON r.id = t.release_id
CROSS JOIN assessed s
LEFT JOIN current_cause cc ON cc.company_id = t.company_id
LEFT JOIN dismissals ds ON ds.company_id = t.company_id AND ds.release_id = t.release_id
    AND (ds.until IS NULL OR s.as_of IS NULL OR ds.until > s.as_of);
