-- For each capability, the lab that first shipped it (the model's origin lab), who
-- listed it, and when; `date_basis` says whether a person or a catalogue gave the date.
SELECT capability, lab, provider, model, released_on, date_basis
FROM v_capability_firsts
ORDER BY released_on IS NULL, released_on, capability;
