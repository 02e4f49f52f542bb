-- Dollars invested in companies at risk or ended, against the whole portfolio.
SELECT
    sum(CASE WHEN status IN ('at-risk', 'rebuild', 'replaced', 'migrate') THEN invested_usd ELSE 0 END) AS at_risk_usd,
    sum(invested_usd) AS total_usd,
    round(100.0 * sum(CASE WHEN status IN ('at-risk', 'rebuild', 'replaced', 'migrate') THEN invested_usd ELSE 0 END)
        / nullif(sum(invested_usd), 0), 1) AS at_risk_percent
FROM v_company_lifeline;
