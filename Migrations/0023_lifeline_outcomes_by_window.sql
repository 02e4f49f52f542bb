-- v_lifeline_outcomes (0020) with the same rows, found faster. The next lifeline's
-- start is the next row of the company's lifelines (a window) instead of a correlated
-- subquery, which SQLite repeated for every expression that read it - over the
-- 100,000-company bench portfolio a query grouping by outcome ran for minutes (the
-- lifelines are in a union, with no index to search). Each lifeline's last assessment
-- is the one with no later one of the same lifeline, found along assessments_by_company,
-- instead of a window that sorted every assessment (0.8 s to 0.5 s there). Its comment
-- in 0020 still says what each row means.
DROP VIEW v_lifeline_outcomes;

CREATE VIEW v_lifeline_outcomes AS
WITH known AS (
    SELECT max(as_of) AS as_of FROM reassessment_runs
),
lifeline AS (
    SELECT company_id, starts_on, tier_months FROM earlier_lifelines
    UNION ALL
    SELECT id, lifeline_start, tier_months FROM companies
),
dated AS (
    SELECT
        l.company_id,
        l.starts_on,
        l.tier_months,
        min(date(l.starts_on, '+' || l.tier_months || ' months'),
            date(l.starts_on, 'start of month', '+' || (l.tier_months + 1) || ' months', '-1 day')) AS natural_end,
        lead(l.starts_on) OVER (PARTITION BY l.company_id ORDER BY l.starts_on) AS next_began_on,
        k.as_of AS known_as_of
    FROM lifeline l CROSS JOIN known k
    WHERE k.as_of IS NULL OR l.starts_on <= k.as_of
),
last_word AS (
    SELECT a.* FROM assessments a
    WHERE NOT EXISTS (
        SELECT 1 FROM assessments b
        WHERE b.company_id = a.company_id AND b.lifeline_start = a.lifeline_start
          AND (b.as_of > a.as_of OR (b.as_of = a.as_of AND b.run_id > a.run_id)))
),
ending AS (
    SELECT
        d.*,
        CASE WHEN w.status IN ('rebuild', 'replaced', 'migrate', 'elapsed', 'closed')
                  AND (d.next_began_on IS NULL OR w.lifeline_end <= d.next_began_on)
             THEN 1 ELSE 0 END AS recorded,
        w.lifeline_end,
        w.cause_kind,
        w.cause_provider,
        w.cause_capability,
        w.cause_effect,
        x.closed_on
    FROM dated d
    LEFT JOIN last_word w ON w.company_id = d.company_id AND w.lifeline_start = d.starts_on
    LEFT JOIN closures x ON x.company_id = d.company_id AND (d.known_as_of IS NULL OR x.closed_on <= d.known_as_of)
),
judged AS (
    SELECT
        e.*,
        CASE WHEN e.recorded = 1 THEN e.lifeline_end
             WHEN e.next_began_on IS NULL THEN e.closed_on
             ELSE e.next_began_on END AS ended_on,
        CASE WHEN e.recorded = 1 THEN
                  CASE e.cause_kind WHEN 'tier' THEN 'held' WHEN 'closed' THEN 'closed'
                       ELSE CASE WHEN e.lifeline_end < e.natural_end THEN 'fell-short' ELSE 'held' END END
             WHEN e.next_began_on IS NULL THEN 'closed'
             WHEN e.next_began_on >= e.natural_end THEN 'held'
             ELSE 'superseded' END AS outcome
    FROM ending e
)
SELECT
    c.slug                                                           AS company,
    c.sector                                                         AS sector,
    j.starts_on                                                      AS lifeline_start,
    j.tier_months                                                    AS tier_months,
    j.natural_end                                                    AS natural_end,
    j.ended_on                                                       AS ended_on,
    CAST(julianday(j.ended_on) - julianday(j.starts_on) AS INTEGER)  AS days_lasted,
    round((julianday(j.ended_on) - julianday(j.starts_on)) / 30.4375, 1) AS months_lasted,
    CASE WHEN j.outcome = 'fell-short'
         THEN round(j.tier_months - (julianday(j.ended_on) - julianday(j.starts_on)) / 30.4375, 1) END AS months_short,
    j.outcome                                                        AS outcome,
    CASE WHEN j.recorded = 1 AND j.cause_kind IN ('threat', 'retirement') THEN j.cause_kind END AS cause_kind,
    CASE WHEN j.recorded = 1 AND j.cause_kind IN ('threat', 'retirement') THEN j.cause_provider END AS cause_provider,
    CASE WHEN j.recorded = 1 AND j.cause_kind IN ('threat', 'retirement') THEN j.cause_capability END AS cause_capability,
    CASE WHEN j.recorded = 1 AND j.cause_kind IN ('threat', 'retirement') THEN j.cause_effect END AS cause_effect,
    (SELECT coalesce(sum(i.amount_cents), 0) FROM investments i
     WHERE i.company_id = j.company_id AND i.invested_on <= j.ended_on) / 100.0 AS invested_usd
FROM judged j
JOIN companies c ON c.id = j.company_id
WHERE j.ended_on IS NOT NULL AND (j.known_as_of IS NULL OR j.ended_on <= j.known_as_of);
