-- Each release and the companies whose current lifeline it ended or put at risk.
SELECT release_id, released_on, model, capability, company, effect, status, invested_usd
FROM v_release_impact
ORDER BY released_on, release_id, company;
