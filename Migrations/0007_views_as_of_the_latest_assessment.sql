-- v_company_lifeline as of one date for every row: the latest date the database was
-- assessed for (the latest run's as-of date). A company's recorded assessment is
-- rewritten only when its outcome changes, so its own date goes stale: counted from it,
-- days_remaining said 182 days after three nightly runs for a lifeline ending in 90, and
-- `sql --saved ending-within` missed the company. Now days_remaining counts from the
-- view's as_of, the date of the recorded assessment is assessment_as_of, and
-- invested_usd counts only the investments made by as_of. v_portfolio_status and
-- v_release_impact, built on it, follow. Before any run, as_of is NULL and every
-- investment counts.

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
LEFT JOIN invested i ON i.company_id = c.id;
