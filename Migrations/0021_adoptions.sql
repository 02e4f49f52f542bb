-- Adoptions (issue 21): that a company adopted a capability - an opportunity, a
-- capability shipped on a model it builds on - on a date (`lifeline company adopt`).
-- From that date the capability is no longer listed to adopt; `release_id` is the
-- opportunity adopted (the one named, or the earliest on a model the company depended
-- on), so the lag from release to adoption is kept. One adoption per capability.
-- Opportunities are never recorded in assessments, so no outcome depends on this table.
CREATE TABLE adoptions (
    id            INTEGER PRIMARY KEY,
    company_id    INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    capability_id INTEGER NOT NULL REFERENCES capabilities (id) ON DELETE RESTRICT,
    release_id    INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    adopted_on    TEXT NOT NULL CHECK (date(adopted_on, '+0 days') IS adopted_on),
    note          TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 10000),
    recorded_at   TEXT NOT NULL CHECK (length(recorded_at) BETWEEN 1 AND 64),
    UNIQUE (company_id, capability_id)
) STRICT;

CREATE INDEX adoptions_by_release ON adoptions (release_id);
CREATE INDEX adoptions_by_capability ON adoptions (capability_id);
