-- Several exposures of a company to one capability, each with its own provider scope:
-- "computer-use is an advantage threat from Anthropic but a necessity threat from
-- OpenAI". The scopes are disjoint: a provider is named by at most one exposure of a
-- capability, and an exposure with no providers counts every provider that no other
-- exposure of that capability names. The same holds for an earlier lifeline's exposures.
--
-- SQLite cannot drop a UNIQUE constraint, so both exposure tables are rebuilt with the
-- same ids, and their provider tables with them: renaming a parent table rewrites the
-- child's REFERENCES while foreign keys are on, and dropping the parent would delete the
-- children's rows. So the provider rows wait in a temporary table while the parent is
-- rebuilt, then come back into a provider table made anew with the columns of 0001 and
-- 0010. The views keep their text (legacy_alter_table); the triggers and indexes of 0001,
-- 0005 and 0010 went with the old tables and are made again below.
CREATE TEMP TABLE kept_exposure_providers AS SELECT exposure_id, provider_id FROM exposure_providers;
CREATE TEMP TABLE kept_earlier_lifeline_exposure_providers AS
SELECT exposure_id, provider_id FROM earlier_lifeline_exposure_providers;
DROP TABLE exposure_providers;
DROP TABLE earlier_lifeline_exposure_providers;

PRAGMA legacy_alter_table = ON;

CREATE TABLE exposures_rebuilt (
    id            INTEGER PRIMARY KEY,
    company_id    INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    capability_id INTEGER NOT NULL REFERENCES capabilities (id) ON DELETE RESTRICT,
    effect        TEXT NOT NULL CHECK (effect IN ('advantage', 'necessity'))
) STRICT;

INSERT INTO exposures_rebuilt (id, company_id, capability_id, effect)
SELECT id, company_id, capability_id, effect FROM exposures;
DROP TABLE exposures;
ALTER TABLE exposures_rebuilt RENAME TO exposures;

CREATE TABLE earlier_lifeline_exposures_rebuilt (
    id            INTEGER PRIMARY KEY,
    lifeline_id   INTEGER NOT NULL REFERENCES earlier_lifelines (id) ON DELETE CASCADE,
    capability_id INTEGER NOT NULL REFERENCES capabilities (id) ON DELETE RESTRICT,
    effect        TEXT NOT NULL CHECK (effect = 'advantage' OR effect = 'necessity')
) STRICT;

INSERT INTO earlier_lifeline_exposures_rebuilt (id, lifeline_id, capability_id, effect)
SELECT id, lifeline_id, capability_id, effect FROM earlier_lifeline_exposures;
DROP TABLE earlier_lifeline_exposures;
ALTER TABLE earlier_lifeline_exposures_rebuilt RENAME TO earlier_lifeline_exposures;

PRAGMA legacy_alter_table = OFF;

CREATE TABLE exposure_providers (
    exposure_id INTEGER NOT NULL REFERENCES exposures (id) ON DELETE CASCADE,
    provider_id INTEGER NOT NULL REFERENCES providers (id) ON DELETE RESTRICT,
    PRIMARY KEY (exposure_id, provider_id)
) STRICT, WITHOUT ROWID;

INSERT INTO exposure_providers (exposure_id, provider_id) SELECT exposure_id, provider_id FROM kept_exposure_providers;
DROP TABLE kept_exposure_providers;

CREATE TABLE earlier_lifeline_exposure_providers (
    exposure_id INTEGER NOT NULL REFERENCES earlier_lifeline_exposures (id) ON DELETE CASCADE,
    provider_id INTEGER NOT NULL REFERENCES providers (id) ON DELETE RESTRICT,
    PRIMARY KEY (exposure_id, provider_id)
) STRICT, WITHOUT ROWID;

INSERT INTO earlier_lifeline_exposure_providers (exposure_id, provider_id)
SELECT exposure_id, provider_id FROM kept_earlier_lifeline_exposure_providers;
DROP TABLE kept_earlier_lifeline_exposure_providers;

CREATE INDEX exposures_by_company ON exposures (company_id, capability_id);
CREATE INDEX exposures_by_capability ON exposures (capability_id, company_id);
CREATE INDEX exposure_providers_by_provider ON exposure_providers (provider_id);
CREATE INDEX earlier_lifeline_exposures_by_lifeline ON earlier_lifeline_exposures (lifeline_id, capability_id);
CREATE INDEX earlier_lifeline_exposures_by_capability ON earlier_lifeline_exposures (capability_id);
CREATE INDEX earlier_lifeline_exposure_providers_by_provider ON earlier_lifeline_exposure_providers (provider_id);

-- Writes that can change an outcome forget that the assessments are current (0005).
CREATE TRIGGER exposures_insert_forgets_current AFTER INSERT ON exposures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER exposures_update_forgets_current AFTER UPDATE ON exposures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER exposures_delete_forgets_current AFTER DELETE ON exposures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_exposures_insert_forgets_current AFTER INSERT ON earlier_lifeline_exposures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_exposures_update_forgets_current AFTER UPDATE ON earlier_lifeline_exposures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_exposures_delete_forgets_current AFTER DELETE ON earlier_lifeline_exposures
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER exposure_providers_insert_forgets_current AFTER INSERT ON exposure_providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER exposure_providers_update_forgets_current AFTER UPDATE ON exposure_providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER exposure_providers_delete_forgets_current AFTER DELETE ON exposure_providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_exposure_providers_insert_forgets_current AFTER INSERT ON earlier_lifeline_exposure_providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_exposure_providers_update_forgets_current AFTER UPDATE ON earlier_lifeline_exposure_providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER earlier_lifeline_exposure_providers_delete_forgets_current AFTER DELETE ON earlier_lifeline_exposure_providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;

-- Disjoint scopes, whoever writes them: a provider joins an exposure's scope only if no
-- other exposure of the same company (or earlier lifeline) and capability names it.
CREATE TRIGGER exposure_providers_disjoint_on_insert
BEFORE INSERT ON exposure_providers
WHEN EXISTS (
    SELECT 1 FROM exposures e
    JOIN exposures other ON other.company_id = e.company_id AND other.capability_id = e.capability_id AND other.id != e.id
    JOIN exposure_providers ep ON ep.exposure_id = other.id AND ep.provider_id = NEW.provider_id
    WHERE e.id = NEW.exposure_id)
BEGIN SELECT RAISE(ABORT, 'a provider can be in the scope of only one exposure of a company to a capability'); END;

CREATE TRIGGER exposure_providers_disjoint_on_update
BEFORE UPDATE ON exposure_providers
WHEN EXISTS (
    SELECT 1 FROM exposures e
    JOIN exposures other ON other.company_id = e.company_id AND other.capability_id = e.capability_id AND other.id != e.id
    JOIN exposure_providers ep ON ep.exposure_id = other.id AND ep.provider_id = NEW.provider_id
    WHERE e.id = NEW.exposure_id)
BEGIN SELECT RAISE(ABORT, 'a provider can be in the scope of only one exposure of a company to a capability'); END;

CREATE TRIGGER earlier_lifeline_exposure_providers_disjoint_on_insert
BEFORE INSERT ON earlier_lifeline_exposure_providers
WHEN EXISTS (
    SELECT 1 FROM earlier_lifeline_exposures e
    JOIN earlier_lifeline_exposures other
        ON other.lifeline_id = e.lifeline_id AND other.capability_id = e.capability_id AND other.id != e.id
    JOIN earlier_lifeline_exposure_providers ep ON ep.exposure_id = other.id AND ep.provider_id = NEW.provider_id
    WHERE e.id = NEW.exposure_id)
BEGIN SELECT RAISE(ABORT, 'a provider can be in the scope of only one exposure of a lifeline to a capability'); END;

CREATE TRIGGER earlier_lifeline_exposure_providers_disjoint_on_update
BEFORE UPDATE ON earlier_lifeline_exposure_providers
WHEN EXISTS (
    SELECT 1 FROM earlier_lifeline_exposures e
    JOIN earlier_lifeline_exposures other
        ON other.lifeline_id = e.lifeline_id AND other.capability_id = e.capability_id AND other.id != e.id
    JOIN earlier_lifeline_exposure_providers ep ON ep.exposure_id = other.id AND ep.provider_id = NEW.provider_id
    WHERE e.id = NEW.exposure_id)
BEGIN SELECT RAISE(ABORT, 'a provider can be in the scope of only one exposure of a lifeline to a capability'); END;

-- v_company_threats (0011) with the scope rule above: an exposure counts a release when
-- its scope names the release's provider, or when it names none and no other exposure
-- of that capability names it.
DROP VIEW v_company_threats;

CREATE VIEW v_company_threats AS
WITH assessed AS (
    SELECT max(as_of) AS as_of FROM reassessment_runs
),
known AS (
    SELECT r.*, p.id AS provider_id, p.slug AS provider, p.slug || '/' || m.slug AS model
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
       OR (NOT EXISTS (SELECT 1 FROM exposure_providers ep WHERE ep.exposure_id = e.id)
           AND NOT EXISTS (
               SELECT 1 FROM exposures other JOIN exposure_providers ep ON ep.exposure_id = other.id
               WHERE other.company_id = e.company_id AND other.capability_id = e.capability_id
                 AND ep.provider_id = r.provider_id))
    UNION ALL
    SELECT c.slug, c.lifeline_start, d.company_id, r.id, NULL, NULL
    FROM dependencies d
    JOIN companies c ON c.id = d.company_id
    JOIN known r ON r.model_id = d.model_id AND r.kind = 'retirement' AND r.released_on >= c.lifeline_start
    WHERE NOT EXISTS (
        SELECT 1 FROM dependencies other
        WHERE other.company_id = d.company_id AND other.model_id != d.model_id
          AND NOT EXISTS (
              SELECT 1 FROM known later
              WHERE later.model_id = other.model_id AND later.kind = 'retirement' AND later.released_on <= r.released_on))
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
