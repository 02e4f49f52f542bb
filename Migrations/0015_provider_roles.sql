-- Providers have a role (issue 19): a `lab` makes models (openai, anthropic, ...); a
-- `host` serves other labs' models (openrouter, azure, amazon-bedrock, ...). A host's
-- catalogue listing says a model is available there, with today's flags; it is not a lab
-- shipping a capability. So a host's release threatens a company only through an
-- exposure that names the host (`company expose ... --provider azure`); a retirement by a
-- host still threatens the companies that depend on that host's model. Firsts count
-- labs' releases and those logged by hand.
--
-- Providers recorded before are labs unless the list below knows them as hosts.
-- `known_provider_roles` is that list: `provider add` and the catalogue imports take a
-- new provider's role from it, and the imports guess the others.

ALTER TABLE providers ADD COLUMN role TEXT NOT NULL DEFAULT 'lab' CHECK (role = 'lab' OR role = 'host');

CREATE TABLE known_provider_roles (
    slug TEXT PRIMARY KEY CHECK (length(slug) BETWEEN 1 AND 64),
    role TEXT NOT NULL CHECK (role = 'lab' OR role = 'host')
) STRICT, WITHOUT ROWID;

INSERT INTO known_provider_roles (slug, role) VALUES
    ('openai', 'lab'), ('anthropic', 'lab'), ('google', 'lab'), ('meta', 'lab'),
    ('llama', 'lab'), ('mistral', 'lab'), ('xai', 'lab'), ('deepseek', 'lab'),
    ('alibaba', 'lab'), ('cohere', 'lab'), ('amazon', 'lab'),
    ('nova', 'lab'), ('microsoft', 'lab'), ('moonshotai', 'lab'),
    ('zai', 'lab'), ('zhipuai', 'lab'), ('minimax', 'lab'), ('xiaomi', 'lab'),
    ('perplexity', 'lab'), ('upstage', 'lab'), ('sakana', 'lab'), ('stepfun', 'lab'),
    ('inception', 'lab'), ('ai21', 'lab'), ('reka', 'lab'), ('baidu', 'lab'),
    ('tencent', 'lab'), ('bytedance', 'lab'), ('01-ai', 'lab'),
    ('black-forest-labs', 'lab'), ('stability', 'lab'), ('stabilityai', 'lab'),
    ('midjourney', 'lab'), ('runway', 'lab'), ('elevenlabs', 'lab'),
    ('openrouter', 'host'), ('vercel', 'host'), ('poe', 'host'), ('kilo', 'host'),
    ('github-models', 'host'), ('github-copilot', 'host'), ('azure', 'host'),
    ('azure-cognitive-services', 'host'), ('azure_ai', 'host'), ('amazon-bedrock', 'host'),
    ('bedrock', 'host'), ('bedrock_converse', 'host'), ('sagemaker', 'host'),
    ('google-vertex', 'host'), ('google-vertex-anthropic', 'host'), ('vertex_ai', 'host'),
    ('together', 'host'), ('togetherai', 'host'), ('together_ai', 'host'),
    ('groq', 'host'), ('fireworks', 'host'), ('fireworks-ai', 'host'),
    ('fireworks_ai', 'host'), ('deepinfra', 'host'), ('huggingface', 'host'),
    ('cloudflare', 'host'), ('cloudflare-workers-ai', 'host'),
    ('cloudflare-ai-gateway', 'host'), ('nebius', 'host'), ('novita-ai', 'host'),
    ('novita', 'host'), ('siliconflow', 'host'), ('siliconflow-cn', 'host'),
    ('baseten', 'host'), ('cerebras', 'host'), ('requesty', 'host'), ('helicone', 'host'),
    ('llmgateway', 'host'), ('zenmux', 'host'), ('nano-gpt', 'host'), ('302ai', 'host'),
    ('aihubmix', 'host'), ('opencode', 'host'), ('venice', 'host'), ('scaleway', 'host'),
    ('ovhcloud', 'host'), ('databricks', 'host'), ('snowflake-cortex', 'host'),
    ('sap-ai-core', 'host'), ('digitalocean', 'host'), ('vultr', 'host'),
    ('chutes', 'host'), ('friendli', 'host'), ('ollama', 'host'), ('ollama-cloud', 'host'),
    ('lmstudio', 'host'), ('wandb', 'host'), ('replicate', 'host'), ('anyscale', 'host'),
    ('watsonx', 'host'), ('gitlab', 'host'), ('cortecs', 'host'), ('abacus', 'host'),
    ('fastrouter', 'host'), ('orcarouter', 'host'), ('merge-gateway', 'host'),
    ('anyapi', 'host'), ('clarifai', 'host');

UPDATE providers SET role = 'host' WHERE slug IN (SELECT slug FROM known_provider_roles WHERE role = 'host');

-- Model families and the lab that makes each (`gpt` -> openai): a provider the list
-- above does not know is guessed a host when most of its model ids belong to another
-- lab's family or carry another provider's prefix.
CREATE TABLE model_families (
    family TEXT PRIMARY KEY CHECK (length(family) BETWEEN 1 AND 64),
    lab    TEXT NOT NULL CHECK (length(lab) BETWEEN 1 AND 64)
) STRICT, WITHOUT ROWID;

INSERT INTO model_families (family, lab) VALUES
    ('gpt', 'openai'), ('chatgpt', 'openai'), ('o1', 'openai'), ('o3', 'openai'), ('o4', 'openai'),
    ('dall-e', 'openai'), ('whisper', 'openai'), ('sora', 'openai'), ('codex', 'openai'),
    ('claude', 'anthropic'), ('gemini', 'google'), ('gemma', 'google'), ('imagen', 'google'), ('veo', 'google'),
    ('llama', 'meta'), ('mistral', 'mistral'), ('mixtral', 'mistral'), ('codestral', 'mistral'),
    ('devstral', 'mistral'), ('magistral', 'mistral'), ('pixtral', 'mistral'), ('ministral', 'mistral'),
    ('qwen', 'alibaba'), ('qwq', 'alibaba'), ('deepseek', 'deepseek'), ('grok', 'xai'), ('nova', 'amazon'),
    ('command', 'cohere'), ('phi', 'microsoft'), ('kimi', 'moonshotai'), ('glm', 'zai'), ('minimax', 'minimax');

-- A provider's role decides which releases threaten whom (0005).
CREATE TRIGGER providers_role_update_forgets_current AFTER UPDATE OF role ON providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;

-- The first release of each capability by a lab, or logged by hand (not imported from a
-- catalogue): a host's listing says nothing about when a capability first shipped.
DROP VIEW v_capability_firsts;

CREATE VIEW v_capability_firsts AS
WITH shipped AS (
    SELECT
        x.capability_id,
        r.id AS release_id,
        r.released_on,
        p.slug AS provider,
        p.slug || '/' || m.slug AS model,
        row_number() OVER (PARTITION BY x.capability_id ORDER BY r.released_on, r.id) AS rank
    FROM release_capabilities x
    JOIN releases r ON r.id = x.release_id
    JOIN models m ON m.id = r.model_id
    JOIN providers p ON p.id = m.provider_id
    WHERE p.role = 'lab' OR r.source IS NULL OR r.source NOT LIKE 'import:%'
)
SELECT
    k.slug        AS capability,
    k.name        AS name,
    s.provider    AS provider,
    s.model       AS model,
    s.released_on AS released_on,
    s.release_id  AS release_id
FROM capabilities k
LEFT JOIN shipped s ON s.capability_id = k.id AND s.rank = 1;

-- v_company_threats (0014) with the role rule: a host's release counts only for an
-- exposure that names the host.
DROP VIEW v_company_threats;

CREATE VIEW v_company_threats AS
WITH assessed AS (
    SELECT max(as_of) AS as_of FROM reassessment_runs
),
known AS (
    SELECT r.*, p.id AS provider_id, p.slug AS provider, p.role AS provider_role, p.slug || '/' || m.slug AS model
    FROM releases r
    JOIN models m ON m.id = r.model_id
    JOIN providers p ON p.id = m.provider_id
    CROSS JOIN assessed s
    WHERE s.as_of IS NULL OR coalesce(r.announced_on, r.released_on) <= s.as_of
),
threats AS (
    SELECT c.slug AS company, c.lifeline_start, e.company_id, r.id AS release_id, k.slug AS capability, e.effect
    FROM exposures e
    JOIN companies c ON c.id = e.company_id
    JOIN capabilities k ON k.id = e.capability_id
    JOIN release_capabilities x ON x.capability_id = e.capability_id
    JOIN known r ON r.id = x.release_id AND r.released_on >= c.lifeline_start
    WHERE EXISTS (SELECT 1 FROM exposure_providers ep WHERE ep.exposure_id = e.id AND ep.provider_id = r.provider_id)
       OR (r.provider_role = 'lab'
           AND NOT EXISTS (SELECT 1 FROM exposure_providers ep WHERE ep.exposure_id = e.id)
           AND NOT EXISTS (
               SELECT 1 FROM exposures other JOIN exposure_providers ep ON ep.exposure_id = other.id
               WHERE other.company_id = e.company_id AND other.capability_id = e.capability_id
                 AND ep.provider_id = r.provider_id))
    UNION ALL
    -- DISTINCT: a company depending on a base and its snapshot meets the base's retirement once.
    SELECT DISTINCT c.slug, c.lifeline_start, d.company_id, r.id, NULL, NULL
    FROM dependencies d
    JOIN companies c ON c.id = d.company_id
    JOIN models dm ON dm.id = d.model_id
    JOIN known r ON (r.model_id = d.model_id OR r.model_id = dm.snapshot_of)
        AND r.kind = 'retirement' AND r.released_on >= c.lifeline_start
    WHERE NOT EXISTS (
        SELECT 1 FROM dependencies other JOIN models om ON om.id = other.model_id
        WHERE other.company_id = d.company_id AND other.model_id != r.model_id AND om.snapshot_of IS NOT r.model_id
          AND NOT EXISTS (
              SELECT 1 FROM known later
              WHERE (later.model_id = other.model_id OR later.model_id = om.snapshot_of)
                AND later.kind = 'retirement' AND later.released_on <= r.released_on))
)
SELECT
    t.company        AS company,
    t.lifeline_start AS lifeline_start,
    r.id             AS release_id,
    r.released_on    AS released_on,
    r.announced_on   AS announced_on,
    r.provider       AS provider,
    r.model          AS model,
    t.capability     AS capability,
    t.effect         AS effect,
    ds.until         AS dismissed_until,
    CASE
        WHEN EXISTS (
            SELECT 1 FROM (SELECT a.cause_release_id, a.cause_capability, a.cause_effect FROM assessments a
                           WHERE a.company_id = t.company_id ORDER BY a.as_of DESC, a.run_id DESC LIMIT 1) cc
            WHERE cc.cause_release_id = t.release_id AND cc.cause_capability IS t.capability
              AND cc.cause_effect IS t.effect) THEN 'cause'
        WHEN ds.release_id IS NOT NULL THEN 'dismissed'
        WHEN s.as_of IS NOT NULL AND r.released_on > s.as_of THEN 'announced'
        ELSE 'later'
    END              AS role
FROM threats t
JOIN known r ON r.id = t.release_id
CROSS JOIN assessed s
LEFT JOIN dismissals ds ON ds.company_id = t.company_id AND ds.release_id = t.release_id
    AND (ds.until IS NULL OR s.as_of IS NULL OR ds.until > s.as_of);
