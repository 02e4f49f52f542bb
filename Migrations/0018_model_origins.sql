-- Every model has an origin lab (issue 19): the lab that made it, whoever lists it.
-- openrouter's `openai-gpt-4o`, azure's `gpt-4o` and openai's own `gpt-4o` are all
-- openai's. Firsts credit the origin lab, and count a lab's release only when the model
-- is its own: a lab re-listing another lab's model says nothing about when that lab
-- first shipped.
--
-- The origin is found, in order, from:
--   prefix    a word of the model id names a lab, the earliest one (`openai-gpt-4o`,
--             `meta-llama-3`, `us.anthropic.claude-3-haiku`);
--   family    the catalogue's family field (models.dev's `family`, kept in models.family)
--             through model_families (`gpt` -> openai, `claude` -> anthropic, ...);
--   name      a family that starts a word of the model id, the earliest one, through
--             model_families (`gpt-4o`, `mistralai-mixtral-8x7b`);
--   provider  the provider, when it is a lab.
-- A family matches a name it starts, followed by no letter: `gpt` starts `gpt-4o` and
-- `o` starts `o3-mini`, but `command` does not start `commander`; the longest family
-- that matches wins. `lifeline family map FAMILY LAB` edits the table.

ALTER TABLE models ADD COLUMN family TEXT CHECK (family IS NULL OR length(family) BETWEEN 1 AND 64);

INSERT OR IGNORE INTO model_families (family, lab) VALUES
    ('o', 'openai'), ('text-embedding', 'openai'), ('tts', 'openai'), ('babbage', 'openai'), ('davinci', 'openai'),
    ('omni-moderation', 'openai'), ('aya', 'cohere'), ('c4ai', 'cohere'), ('cohere', 'cohere'),
    ('nemotron', 'nvidia'), ('mimo', 'xiaomi'), ('seed', 'bytedance'), ('doubao', 'bytedance'),
    ('ernie', 'baidu'), ('sonar', 'perplexity'), ('hunyuan', 'tencent'), ('glmv', 'zai'), ('chatglm', 'zai'),
    ('step', 'stepfun'), ('granite', 'ibm'), ('flux', 'black-forest-labs'), ('jamba', 'ai21'), ('yi', '01-ai'),
    ('solar', 'upstage'), ('mercury', 'inception'), ('moonshot', 'moonshotai'), ('abab', 'minimax'),
    ('stable-diffusion', 'stability'), ('sdxl', 'stability'), ('titan', 'amazon'), ('palm', 'google'),
    ('chat-bison', 'google'), ('text-bison', 'google'), ('learnlm', 'google'), ('ling', 'inclusionai'),
    ('ring', 'inclusionai'), ('lfm', 'liquid'), ('voyage', 'voyage'), ('recraft', 'recraft'),
    ('eleven', 'elevenlabs'), ('reka', 'reka');

CREATE VIEW v_model_origins AS
WITH RECURSIVE
-- Each model id and what follows each of its separators ('-', '.', '_'), by position:
-- `us.anthropic.claude-3` is `us.anthropic.claude-3`, `anthropic.claude-3`, `claude-3`, `3`.
-- The words are found in a copy with every separator made '-' (one search a step, not
-- three), whose offsets are the id's.
words (id, slug, position, start, separated) AS (
    SELECT id, slug, 1, 1, replace(replace(slug, '.', '-'), '_', '-') FROM models
    UNION ALL
    SELECT id, slug, position + 1, start + instr(separated, '-'), substr(separated, instr(separated, '-') + 1)
    FROM words WHERE instr(separated, '-') > 0
),
-- The words where a name can start - the first, and those that start with a letter -
-- with the letters that start each (`gpt` of `gpt-4o`, `llama` of `llama3`): a name that
-- matches there, followed by no letter, spans them, so it sorts between them and the
-- rest - the range in which each table is searched, by its key.
lettered (id, position, rest, letters) AS (
    SELECT id, position, substr(slug, start),
        max(substr(separated, 1, 1), substr(separated, 1, length(separated) - length(ltrim(separated, 'abcdefghijklmnopqrstuvwxyz'))))
    FROM words WHERE position = 1 OR separated GLOB '[a-z]*'
),
-- A lab's name, whole, where a word starts: `anthropic` in `us.anthropic.claude-3`. Lab
-- names that are also families (`deepseek`, `nova`) count as families.
lab_words (id, position, lab) AS (
    SELECT w.id, w.position, k.slug FROM lettered w JOIN known_provider_roles k
        ON k.slug BETWEEN w.letters AND w.rest AND k.role = 'lab'
       AND (w.rest = k.slug OR substr(w.rest, length(k.slug) + 1, 1) IN ('-', '.', '_')) AND substr(w.rest, 1, length(k.slug)) = k.slug
    WHERE NOT EXISTS (SELECT 1 FROM model_families f WHERE f.family = k.slug)
    UNION
    SELECT w.id, w.position, p.slug FROM lettered w JOIN providers p
        ON p.slug BETWEEN w.letters AND w.rest AND +p.role = 'lab'
       AND (w.rest = p.slug OR substr(w.rest, length(p.slug) + 1, 1) IN ('-', '.', '_')) AND substr(w.rest, 1, length(p.slug)) = p.slug
    WHERE NOT EXISTS (SELECT 1 FROM model_families f WHERE f.family = p.slug)
),
-- A family where a word starts, followed by no letter: `gpt` in `gpt-4o`, `llama` in
-- `cf-meta-llama-3`. Past the second word only families of three letters or more count:
-- `o` or `yi` deep in an id says little.
family_words (id, position, family, lab) AS (
    SELECT w.id, w.position, f.family, f.lab FROM lettered w JOIN model_families f
        ON f.family BETWEEN w.letters AND w.rest
       AND substr(w.rest, 1, length(f.family)) = f.family AND substr(w.rest, length(f.family) + 1, 1) NOT GLOB '[a-z]'
    WHERE w.position <= 2 OR length(f.family) >= 3
),
-- The earliest word's, the longest name there: the least of position, then length
-- (counted down), then name, as one string.
first_lab_word AS (
    SELECT id, substr(min(printf('%04d%04d', position, 999 - length(lab)) || lab), 9) AS lab FROM lab_words GROUP BY id
),
first_family_word AS (
    SELECT id, substr(min(printf('%04d%04d', position, 999 - length(family)) || lab), 9) AS lab FROM family_words GROUP BY id
),
found AS (
    SELECT
        m.id, m.slug, lower(m.family) AS family, p.slug AS provider, p.role,
        l.lab AS by_prefix,
        (SELECT f.lab FROM model_families f
         WHERE f.family BETWEEN substr(lower(m.family), 1, 1) AND lower(m.family)
           AND substr(lower(m.family), 1, length(f.family)) = f.family
           AND substr(lower(m.family), length(f.family) + 1, 1) NOT GLOB '[a-z]'
         ORDER BY length(f.family) DESC LIMIT 1) AS by_family,
        n.lab AS by_name
    FROM models m
    JOIN providers p ON p.id = m.provider_id
    LEFT JOIN first_lab_word l ON l.id = m.id
    LEFT JOIN first_family_word n ON n.id = m.id
)
SELECT
    provider || '/' || slug AS model,
    provider                AS provider,
    role                    AS provider_role,
    family                  AS family,
    coalesce(by_prefix, by_family, by_name, CASE WHEN role = 'lab' THEN provider END) AS origin_lab,
    CASE
        WHEN by_prefix IS NOT NULL THEN 'prefix'
        WHEN by_family IS NOT NULL THEN 'family'
        WHEN by_name IS NOT NULL THEN 'name'
        WHEN role = 'lab' THEN 'provider'
    END                     AS found_by
FROM found;

-- The first release of each capability by a lab, or logged by hand or from the release
-- history (0015), credited to the model's origin lab: openrouter's listing is no first,
-- and a lab's release of another lab's model credits the maker.
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
        row_number() OVER (PARTITION BY x.capability_id ORDER BY r.released_on, r.id) AS rank
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
