-- v_company_threats (0009), the same rows, fast for one company. `company show` reads the
-- threats of one company from it; the view built every company's threats and only then
-- kept that company's (3 s on 1,000 companies, minutes on 100,000). Now each arm of the
-- threats carries the company's slug, so that `WHERE company = ?` reaches into both arms
-- (SQLite's push-down), and the current cause is looked up per threat through
-- assessments_by_company rather than by ranking every company's assessments: 50 ms for
-- one company of 100,000. The rows are those of 0009, checked on the benchmark portfolio.

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
    WHERE NOT EXISTS (SELECT 1 FROM exposure_providers ep WHERE ep.exposure_id = e.id)
       OR EXISTS (SELECT 1 FROM exposure_providers ep WHERE ep.exposure_id = e.id AND ep.provider_id = r.provider_id)
    UNION ALL
    SELECT c.slug, c.lifeline_start, d.company_id, r.id, NULL, NULL
    FROM dependencies d
    JOIN companies c ON c.id = d.company_id
    JOIN known r ON r.model_id = d.model_id AND r.kind = 'retirement' AND r.released_on >= c.lifeline_start
    WHERE NOT EXISTS (
        SELECT 1 FROM dependencies other
        WHERE other.company_id = d.company_id AND other.model_id != d.model_id
          AND NOT EXISTS (
              SELECT 1 FROM known later
              WHERE later.model_id = other.model_id AND later.kind = 'retirement' AND later.released_on <= r.released_on))
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
            SELECT 1 FROM (SELECT a.cause_release_id, a.cause_capability FROM assessments a WHERE a.company_id = t.company_id
                           ORDER BY a.as_of DESC, a.run_id DESC LIMIT 1) cc
            WHERE cc.cause_release_id = t.release_id AND cc.cause_capability IS t.capability) THEN 'cause'
        WHEN ds.release_id IS NOT NULL THEN 'dismissed'
        WHEN s.as_of IS NOT NULL AND r.released_on > s.as_of THEN 'announced'
        ELSE 'later'
    END              AS role
FROM threats t
JOIN known r ON r.id = t.release_id
CROSS JOIN assessed s
LEFT JOIN dismissals ds ON ds.company_id = t.company_id AND ds.release_id = t.release_id
    AND (ds.until IS NULL OR s.as_of IS NULL OR ds.until > s.as_of);
