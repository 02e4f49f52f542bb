-- Which companies are exposed to which capabilities, how, and to which providers.
SELECT company, capability, effect, coalesce(providers, 'any') AS providers, invested_usd
FROM v_exposure_matrix
ORDER BY capability, company;
