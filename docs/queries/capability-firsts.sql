-- For each capability, the first provider and model to ship it, and when.
SELECT capability, provider, model, released_on
FROM v_capability_firsts
ORDER BY released_on IS NULL, released_on, capability;
