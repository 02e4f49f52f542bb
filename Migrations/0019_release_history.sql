-- The release history lifeline ships (issue 20, data/provider-history.csv) dates
-- capabilities the seeded catalogue lacked. A capability a user already added under one
-- of these slugs, or an alias already named so, is left as it is.
WITH seeded (slug, name, description) AS (VALUES
    ('computer-use', 'Computer use', 'The model operates a computer like a person: it sees the screen and uses the mouse and keyboard.'),
    ('deep-research', 'Deep research', 'An agent that searches the web and reads many sources for minutes to write a cited report.'),
    ('coding-agent', 'Coding agent', 'An agent that works on a code repository by itself: reads it, edits files, runs tests and proposes changes.'),
    ('memory', 'Memory', 'The assistant remembers facts and preferences across conversations.'),
    ('video-generation', 'Video generation', 'The assistant or model creates video from text or images.')
)
INSERT INTO capabilities (slug, name, description)
SELECT slug, name, description FROM seeded s
WHERE NOT EXISTS (SELECT 1 FROM capabilities c WHERE c.slug = s.slug)
  AND NOT EXISTS (SELECT 1 FROM capability_aliases a WHERE a.alias = s.slug);

-- v_capability_firsts (0018), with a date a person or the history gave preferred to a
-- catalogue's: a lab's history release is never pushed aside by a catalogue listing
-- dated earlier. A capability only catalogues date keeps their first.
DROP VIEW v_capability_firsts;

CREATE VIEW v_capability_firsts AS
WITH shipped AS (
    SELECT
        x.capability_id,
        r.id AS release_id,
        r.released_on,
        r.date_basis,
        p.slug AS provider,
        p.slug || '/' || m.slug AS model,
        row_number() OVER (
            PARTITION BY x.capability_id ORDER BY r.date_basis NOT IN ('logged', 'history'), r.released_on, r.id) AS rank
    FROM release_capabilities x
    JOIN releases r ON r.id = x.release_id
    JOIN models m ON m.id = r.model_id
    JOIN providers p ON p.id = m.provider_id
    WHERE p.role = 'lab' OR r.date_basis IN ('logged', 'history')
)
SELECT
    k.slug        AS capability,
    k.name        AS name,
    o.origin_lab  AS lab,
    s.provider    AS provider,
    s.model       AS model,
    s.released_on AS released_on,
    s.date_basis  AS date_basis,
    s.release_id  AS release_id
FROM capabilities k
LEFT JOIN shipped s ON s.capability_id = k.id AND s.rank = 1
LEFT JOIN v_model_origins o ON o.model = s.model;
