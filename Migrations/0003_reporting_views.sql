-- The reporting views: the public contract for ad-hoc SQL (docs/schema.md documents
-- every column). Column names are stable; dates are ISO text; money is US dollars as
-- REAL (the tables keep whole cents).

-- One row per company: its current assessment (latest as-of date, ties to the latest
-- run) and the dollars invested. Companies never assessed have NULL status.
CREATE VIEW v_company_lifeline AS
WITH current_assessment AS (
    SELECT * FROM (
        SELECT a.*, row_number() OVER (PARTITION BY a.company_id ORDER BY a.as_of DESC, a.run_id DESC) AS recency
        FROM assessments a)
    WHERE recency = 1
),
invested AS (
    SELECT company_id, sum(amount_cents) AS cents FROM investments GROUP BY company_id
)
SELECT
    c.slug                                          AS company,
    c.name                                          AS name,
    coalesce(a.tier_months, c.tier_months)          AS tier_months,
    a.status                                        AS status,
    coalesce(a.lifeline_start, c.lifeline_start)    AS lifeline_start,
    a.lifeline_end                                  AS lifeline_end,
    a.days_remaining                                AS days_remaining,
    a.runway_end                                    AS runway_end,
    a.cause_kind                                    AS cause_kind,
    a.cause_release_id                              AS cause_release_id,
    a.cause_provider                                AS cause_provider,
    a.cause_model                                   AS cause_model,
    a.cause_capability                              AS cause_capability,
    a.cause_effect                                  AS cause_effect,
    a.as_of                                         AS as_of,
    coalesce(i.cents, 0) / 100.0                    AS invested_usd
FROM companies c
LEFT JOIN current_assessment a ON a.company_id = c.id
LEFT JOIN invested i ON i.company_id = c.id;

-- Per status: how many companies and how many dollars. Ordered from the statuses that
-- need action to those that do not.
CREATE VIEW v_portfolio_status AS
SELECT
    coalesce(status, 'unassessed') AS status,
    count(*)                       AS companies,
    sum(invested_usd)              AS invested_usd
FROM v_company_lifeline
GROUP BY 1
ORDER BY CASE coalesce(status, 'unassessed')
    WHEN 'replaced' THEN 1 WHEN 'migrate' THEN 2 WHEN 'rebuild' THEN 3 WHEN 'elapsed' THEN 4
    WHEN 'at-risk' THEN 5 WHEN 'alive' THEN 6 ELSE 7 END;

-- Per release and company whose current lifeline it ended or put at risk.
CREATE VIEW v_release_impact AS
SELECT
    r.id                   AS release_id,
    r.released_on          AS released_on,
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

-- Company x capability: every exposure, its effect and provider scope ('+'-separated
-- provider slugs; NULL means any provider), with the dollars invested in the company.
CREATE VIEW v_exposure_matrix AS
SELECT
    c.slug AS company,
    k.slug AS capability,
    e.effect AS effect,
    (SELECT group_concat(slug, '+') FROM (
        SELECT p.slug FROM exposure_providers ep JOIN providers p ON p.id = ep.provider_id
        WHERE ep.exposure_id = e.id ORDER BY p.slug)) AS providers,
    coalesce((SELECT sum(amount_cents) FROM investments i WHERE i.company_id = c.id), 0) / 100.0 AS invested_usd
FROM exposures e
JOIN companies c ON c.id = e.company_id
JOIN capabilities k ON k.id = e.capability_id;

-- Per capability: the first release to ship it (earliest date, ties to the lower id).
-- Capabilities no release has shipped yet have NULLs.
CREATE VIEW v_capability_firsts AS
WITH shipped AS (
    SELECT
        x.capability_id,
        r.id AS release_id,
        r.released_on,
        p.slug AS provider,
        p.slug || '/' || m.slug AS model,
        row_number() OVER (PARTITION BY x.capability_id ORDER BY r.released_on, r.id) AS rank
    FROM release_capabilities x
    JOIN releases r ON r.id = x.release_id
    JOIN models m ON m.id = r.model_id
    JOIN providers p ON p.id = m.provider_id
)
SELECT
    k.slug        AS capability,
    k.name        AS name,
    s.provider    AS provider,
    s.model       AS model,
    s.released_on AS released_on,
    s.release_id  AS release_id
FROM capabilities k
LEFT JOIN shipped s ON s.capability_id = k.id AND s.rank = 1;

-- Every recorded assessment over time, with the run that recorded it.
CREATE VIEW v_lifeline_history AS
SELECT
    c.slug             AS company,
    a.as_of            AS as_of,
    a.status           AS status,
    a.tier_months      AS tier_months,
    a.lifeline_start   AS lifeline_start,
    a.lifeline_end     AS lifeline_end,
    a.days_remaining   AS days_remaining,
    a.runway_end       AS runway_end,
    a.cause_kind       AS cause_kind,
    a.cause_release_id AS cause_release_id,
    a.cause_provider   AS cause_provider,
    a.cause_model      AS cause_model,
    a.cause_capability AS cause_capability,
    a.cause_effect     AS cause_effect,
    a.run_id           AS run_id,
    r.trigger          AS trigger,
    r.rules_version    AS rules_version,
    r.finished_at      AS recorded_at
FROM assessments a
JOIN companies c ON c.id = a.company_id
JOIN reassessment_runs r ON r.id = a.run_id;
