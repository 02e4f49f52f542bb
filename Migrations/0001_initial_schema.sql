-- lifeline's initial schema: the portfolio's recorded facts.
--
-- Every rule that keeps the data meaningful is a constraint here, so that rows
-- written by hand with `sqlite3` are held to the same rules as the CLI's:
--   * dates are ISO `YYYY-MM-DD` real calendar dates: `date(d, '+0 days')` normalises
--     an impossible date such as 2023-02-30 to another day, so it cannot equal `d`;
--   * slugs are lower-case letters, digits, '-', '.', '_', starting with a letter or digit;
--   * display names are 1 to 200 characters with no control characters;
--   * tiers are 3, 6 or 12 months, effects `advantage` or `necessity`, amounts >= 0.
-- Tables are STRICT, so a value of the wrong type is refused rather than stored.
-- A shipped migration is never edited; later changes go in new numbered files.

CREATE TABLE providers (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE
               CHECK (length(slug) BETWEEN 1 AND 64
                      AND slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9._-]*'),
    name       TEXT NOT NULL
               CHECK (length(name) BETWEEN 1 AND 200
                      AND name NOT GLOB ('*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- A model API (`openai/gpt-4-0613`) or a product (`microsoft/m365-copilot`).
CREATE TABLE models (
    id          INTEGER PRIMARY KEY,
    provider_id INTEGER NOT NULL REFERENCES providers (id) ON DELETE RESTRICT,
    slug        TEXT NOT NULL
                CHECK (length(slug) BETWEEN 1 AND 128
                       AND slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9._-]*'),
    name        TEXT NOT NULL
                CHECK (length(name) BETWEEN 1 AND 200
                       AND name NOT GLOB ('*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*')),
    kind        TEXT NOT NULL DEFAULT 'api' CHECK (kind IN ('api', 'product')),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (provider_id, slug)
) STRICT;

-- What a release can ship, and what a company can be exposed to.
CREATE TABLE capabilities (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE
                CHECK (length(slug) BETWEEN 1 AND 64
                       AND slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9._-]*'),
    name        TEXT NOT NULL
                CHECK (length(name) BETWEEN 1 AND 200
                       AND name NOT GLOB ('*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*')),
    description TEXT
                CHECK (description IS NULL
                       OR (length(description) BETWEEN 1 AND 500
                           AND description NOT GLOB ('*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*'))),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Other names for a capability: catalogue fields (`tool_call`,
-- `supports_function_calling`) and user shorthands. Importers map through this table.
CREATE TABLE capability_aliases (
    alias         TEXT PRIMARY KEY
                  CHECK (length(alias) BETWEEN 1 AND 100
                         AND alias GLOB '[a-z0-9]*' AND alias NOT GLOB '*[^a-z0-9._:-]*'),
    capability_id INTEGER NOT NULL REFERENCES capabilities (id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX capability_aliases_by_capability ON capability_aliases (capability_id);

-- A dated event: a provider launches a model or product, adds capabilities to one,
-- or retires one. `announced_on` is set only when the announcement came before the
-- release date; a release is known from coalesce(announced_on, released_on).
-- `source` is where the fact comes from: a URL, or a catalogue and file for imports.
CREATE TABLE releases (
    id           INTEGER PRIMARY KEY,
    model_id     INTEGER NOT NULL REFERENCES models (id) ON DELETE RESTRICT,
    kind         TEXT NOT NULL CHECK (kind IN ('launch', 'capability', 'retirement')),
    released_on  TEXT NOT NULL CHECK (date(released_on, '+0 days') IS released_on),
    announced_on TEXT
                 CHECK (announced_on IS NULL
                        OR (date(announced_on, '+0 days') IS announced_on
                            AND announced_on <= released_on)),
    note         TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 10000),
    source       TEXT CHECK (source IS NULL OR length(source) BETWEEN 1 AND 2000),
    logged_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX releases_by_model ON releases (model_id, released_on);
CREATE INDEX releases_by_date ON releases (released_on);

-- The capabilities a release ships.
CREATE TABLE release_capabilities (
    release_id    INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    capability_id INTEGER NOT NULL REFERENCES capabilities (id) ON DELETE RESTRICT,
    PRIMARY KEY (release_id, capability_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX release_capabilities_by_capability ON release_capabilities (capability_id, release_id);

-- A retirement ends a model; it ships nothing.
CREATE TRIGGER release_capabilities_not_for_retirement
BEFORE INSERT ON release_capabilities
WHEN (SELECT kind FROM releases WHERE id = NEW.release_id) = 'retirement'
BEGIN
    SELECT RAISE(ABORT, 'a retirement release ships no capabilities');
END;

CREATE TRIGGER releases_retirement_without_capabilities
BEFORE UPDATE OF kind ON releases
WHEN NEW.kind = 'retirement'
     AND EXISTS (SELECT 1 FROM release_capabilities WHERE release_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'a retirement release ships no capabilities');
END;

-- A portfolio company. `lifeline_start` is when its current lifeline began (its
-- founding date for this purpose, or its latest rebuild); `runway_months` is how long
-- it keeps operating after a provider makes it unnecessary.
CREATE TABLE companies (
    id             INTEGER PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE
                   CHECK (length(slug) BETWEEN 1 AND 64
                          AND slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9._-]*'),
    name           TEXT NOT NULL
                   CHECK (length(name) BETWEEN 1 AND 200
                          AND name NOT GLOB ('*[' || char(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127) || ']*')),
    tier_months    INTEGER NOT NULL CHECK (tier_months IN (3, 6, 12)),
    lifeline_start TEXT NOT NULL CHECK (date(lifeline_start, '+0 days') IS lifeline_start),
    runway_months  INTEGER NOT NULL DEFAULT 3 CHECK (runway_months BETWEEN 0 AND 120),
    sector         TEXT CHECK (sector IS NULL OR length(sector) BETWEEN 1 AND 200),
    website        TEXT CHECK (website IS NULL OR length(website) BETWEEN 1 AND 2000),
    notes          TEXT CHECK (notes IS NULL OR length(notes) BETWEEN 1 AND 10000),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Money is whole US cents, never floating point.
CREATE TABLE investments (
    id           INTEGER PRIMARY KEY,
    company_id   INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    invested_on  TEXT NOT NULL CHECK (date(invested_on, '+0 days') IS invested_on),
    round        TEXT CHECK (round IS NULL OR length(round) BETWEEN 1 AND 100),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0)
) STRICT;

CREATE INDEX investments_by_company ON investments (company_id, invested_on);

-- The model APIs a company builds on.
CREATE TABLE dependencies (
    company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    model_id   INTEGER NOT NULL REFERENCES models (id) ON DELETE RESTRICT,
    PRIMARY KEY (company_id, model_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX dependencies_by_model ON dependencies (model_id, company_id);

-- The capabilities whose arrival ends a company's lifeline: `advantage` (it must
-- rebuild) or `necessity` (it is replaced).
CREATE TABLE exposures (
    id            INTEGER PRIMARY KEY,
    company_id    INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    capability_id INTEGER NOT NULL REFERENCES capabilities (id) ON DELETE RESTRICT,
    effect        TEXT NOT NULL CHECK (effect IN ('advantage', 'necessity')),
    UNIQUE (company_id, capability_id)
) STRICT;

CREATE INDEX exposures_by_capability ON exposures (capability_id, company_id);

-- An exposure's provider scope: when it has rows, only releases by these providers
-- count; with none, any provider's release counts.
CREATE TABLE exposure_providers (
    exposure_id INTEGER NOT NULL REFERENCES exposures (id) ON DELETE CASCADE,
    provider_id INTEGER NOT NULL REFERENCES providers (id) ON DELETE RESTRICT,
    PRIMARY KEY (exposure_id, provider_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX exposure_providers_by_provider ON exposure_providers (provider_id);

-- The capability catalogue of docs/lifeline-model.md. Users add their own with
-- `lifeline capability add`.
INSERT INTO capabilities (slug, name, description) VALUES
    ('chat-assistant',     'Chat assistant',     'A general conversational assistant for end users, such as ChatGPT or Claude.'),
    ('file-upload',        'File upload',        'Users can upload documents (PDFs and other files) and ask questions about them.'),
    ('function-calling',   'Function calling',   'The model calls developer-defined functions or tools with structured arguments.'),
    ('fine-tuning',        'Fine-tuning',        'Customers can fine-tune the model on their own data through the provider.'),
    ('vision',             'Vision',             'The model accepts images as input and reasons about them.'),
    ('long-context',       'Long context',       'A context window large enough for whole books or codebases (100k tokens or more).'),
    ('structured-output',  'Structured output',  'Output guaranteed to follow a given JSON schema.'),
    ('code-execution',     'Code execution',     'The model writes and runs code in a sandbox (code interpreter, data analysis).'),
    ('web-browsing',       'Web browsing',       'The model searches and reads the live web.'),
    ('agents',             'Agents',             'Built-in autonomous agents or assistants that plan and act over many steps with tools.'),
    ('reasoning',          'Reasoning',          'Models that think step by step before answering, for maths, code and planning.'),
    ('image-generation',   'Image generation',   'The assistant or model creates images from text.'),
    ('voice',              'Voice',              'Spoken conversation: speech input and speech output.'),
    ('office-integration', 'Office integration', 'The assistant works inside office documents, slides, mail and spreadsheets.');
