-- Companies still standing whose lifeline ends within :days days of the latest date assessed (--param days=90).
SELECT company, status, lifeline_end, days_remaining, cause_model, cause_capability, invested_usd
FROM v_company_lifeline
WHERE status IN ('alive', 'at-risk') AND days_remaining <= CAST(:days AS INTEGER)
ORDER BY days_remaining, company;
