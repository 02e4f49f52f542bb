-- Companies whose lifeline is at risk or has ended, soonest first, with the cause.
SELECT company, status, lifeline_end, days_remaining, runway_end, cause_model, cause_capability, invested_usd
FROM v_company_lifeline
WHERE status IN ('at-risk', 'rebuild', 'replaced', 'migrate')
ORDER BY lifeline_end, company;
