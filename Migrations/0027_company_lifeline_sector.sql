-- v_company_lifeline gains a last column, `sector`: the company's sector (NULL when none
-- was given), so that a reader can group or facet the portfolio's lifelines by sector
-- (the Datasette kit offers it as a facet) without joining `companies`. The view is
-- otherwise as migration 0022 left it; a column added last keeps every query that
-- names its columns, or reads them by position, as it was.
DROP VIEW v_company_lifeline;

CREATE VIEW v_company_lifeline AS
WITH assessed AS (
    SELECT max(as_of) AS as_of,
           coalesce((SELECT stall_days FROM reassessment_runs WHERE trigger = 'reassess' ORDER BY id DESC LIMIT 1), 90) AS stall_days
    FROM reassessment_runs
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
    a.as_of                                         AS assessment_as_of,
    CASE WHEN a.status IS NOT NULL AND a.status != 'closed' THEN nullif(trim(
        CASE WHEN EXISTS (
            SELECT 1
            FROM (SELECT d.model_id FROM dependencies d
                  WHERE d.company_id = c.id AND c.lifeline_start = a.lifeline_start
                  UNION ALL
                  SELECT d.model_id FROM earlier_lifelines l JOIN earlier_lifeline_dependencies d ON d.lifeline_id = l.id
                  WHERE l.company_id = c.id AND l.starts_on = a.lifeline_start) dm
            JOIN models m ON m.id = dm.model_id OR m.snapshot_of = dm.model_id
            JOIN releases r ON r.model_id = m.id
            JOIN release_capabilities x ON x.release_id = r.id
            WHERE r.released_on >= a.lifeline_start
              AND r.released_on < date(s.as_of, '-' || s.stall_days || ' days')
              AND NOT EXISTS (SELECT 1 FROM adoptions ad
                              WHERE ad.company_id = c.id AND ad.capability_id = x.capability_id AND ad.adopted_on <= s.as_of)
              AND NOT EXISTS (SELECT 1 FROM exposures e
                              WHERE e.company_id = c.id AND e.capability_id = x.capability_id AND c.lifeline_start = a.lifeline_start)
              AND NOT EXISTS (SELECT 1 FROM earlier_lifelines l JOIN earlier_lifeline_exposures e ON e.lifeline_id = l.id
                              WHERE l.company_id = c.id AND l.starts_on = a.lifeline_start AND e.capability_id = x.capability_id))
        THEN 'stale-opportunities' ELSE '' END
        || ',' ||
        CASE WHEN a.status = 'rebuild' AND a.lifeline_end < date(s.as_of, '-' || s.stall_days || ' days')
        THEN 'rebuild-overdue' ELSE '' END, ','), '') END AS flags,
    c.sector                                        AS sector
FROM companies c
CROSS JOIN assessed s
LEFT JOIN current_assessment a ON a.company_id = c.id
LEFT JOIN invested i ON i.company_id = c.id
WHERE s.as_of IS NULL
   OR coalesce((SELECT min(l.starts_on) FROM earlier_lifelines l WHERE l.company_id = c.id), c.lifeline_start) <= s.as_of;
