-- Deleting a provider, model or capability by hand forgets that the assessments are
-- current, like every other write that can change an outcome (migration 0005).
--
-- With foreign keys on, SQLite refuses to delete one that anything refers to, and an
-- unreferenced one changes no outcome. But the sqlite3 shell leaves foreign keys off,
-- and then the deletion leaves dependencies, exposures or releases pointing nowhere.
-- The commands that compute check foreign keys before trusting a database only while
-- the assessments are not known to be current (docs/reliability.md): so every write
-- that can leave a reference dangling must forget it.
CREATE TRIGGER providers_delete_forgets_current AFTER DELETE ON providers
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER models_delete_forgets_current AFTER DELETE ON models
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
CREATE TRIGGER capabilities_delete_forgets_current AFTER DELETE ON capabilities
BEGIN UPDATE assessment_state SET current_since = NULL WHERE current_since IS NOT NULL; END;
