-- Notify tags (issue 22): a company's tag routes its alerts - one partner's or one
-- fund's channel (`company edit --notify-tag partner-a`, `notify --tag partner-a`). One
-- tag a company; a slug like any name lifeline keeps. It goes with the company.
CREATE TABLE notify_tags (
    company_id INTEGER PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 64 AND tag GLOB '[a-z0-9]*' AND tag NOT GLOB '*[^a-z0-9._-]*')
) STRICT;

CREATE INDEX notify_tags_by_tag ON notify_tags (tag);
