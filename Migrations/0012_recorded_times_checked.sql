-- Every time lifeline records (when a release was logged, a dismissal or closing
-- recorded, a run started...) is a UTC time to the millisecond, as
-- strftime('%Y-%m-%dT%H:%M:%fZ') writes it: 2024-06-01T06:15:02.118Z. A restore once
-- wrote a 20 KB logged_at full of terminal escape codes, which `release show` then
-- printed. Triggers hold every insert and update to the rule, by hand too (CHECK
-- constraints would need every table rebuilt); `lifeline doctor` finds values written
-- before this migration.

CREATE TRIGGER providers_created_at_is_a_time_on_insert
BEFORE INSERT ON providers
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at) IS NOT NEW.created_at
BEGIN SELECT RAISE(ABORT, 'providers.created_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER providers_created_at_is_a_time_on_update
BEFORE UPDATE OF created_at ON providers
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at) IS NOT NEW.created_at
BEGIN SELECT RAISE(ABORT, 'providers.created_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER models_created_at_is_a_time_on_insert
BEFORE INSERT ON models
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at) IS NOT NEW.created_at
BEGIN SELECT RAISE(ABORT, 'models.created_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER models_created_at_is_a_time_on_update
BEFORE UPDATE OF created_at ON models
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at) IS NOT NEW.created_at
BEGIN SELECT RAISE(ABORT, 'models.created_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER capabilities_created_at_is_a_time_on_insert
BEFORE INSERT ON capabilities
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at) IS NOT NEW.created_at
BEGIN SELECT RAISE(ABORT, 'capabilities.created_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER capabilities_created_at_is_a_time_on_update
BEFORE UPDATE OF created_at ON capabilities
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at) IS NOT NEW.created_at
BEGIN SELECT RAISE(ABORT, 'capabilities.created_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER companies_created_at_is_a_time_on_insert
BEFORE INSERT ON companies
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at) IS NOT NEW.created_at
BEGIN SELECT RAISE(ABORT, 'companies.created_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER companies_created_at_is_a_time_on_update
BEFORE UPDATE OF created_at ON companies
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.created_at) IS NOT NEW.created_at
BEGIN SELECT RAISE(ABORT, 'companies.created_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER releases_logged_at_is_a_time_on_insert
BEFORE INSERT ON releases
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.logged_at) IS NOT NEW.logged_at
BEGIN SELECT RAISE(ABORT, 'releases.logged_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER releases_logged_at_is_a_time_on_update
BEFORE UPDATE OF logged_at ON releases
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.logged_at) IS NOT NEW.logged_at
BEGIN SELECT RAISE(ABORT, 'releases.logged_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER dismissals_recorded_at_is_a_time_on_insert
BEFORE INSERT ON dismissals
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.recorded_at) IS NOT NEW.recorded_at
BEGIN SELECT RAISE(ABORT, 'dismissals.recorded_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER dismissals_recorded_at_is_a_time_on_update
BEFORE UPDATE OF recorded_at ON dismissals
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.recorded_at) IS NOT NEW.recorded_at
BEGIN SELECT RAISE(ABORT, 'dismissals.recorded_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER earlier_lifelines_superseded_at_is_a_time_on_insert
BEFORE INSERT ON earlier_lifelines
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.superseded_at) IS NOT NEW.superseded_at
BEGIN SELECT RAISE(ABORT, 'earlier_lifelines.superseded_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER earlier_lifelines_superseded_at_is_a_time_on_update
BEFORE UPDATE OF superseded_at ON earlier_lifelines
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.superseded_at) IS NOT NEW.superseded_at
BEGIN SELECT RAISE(ABORT, 'earlier_lifelines.superseded_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER closures_recorded_at_is_a_time_on_insert
BEFORE INSERT ON closures
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.recorded_at) IS NOT NEW.recorded_at
BEGIN SELECT RAISE(ABORT, 'closures.recorded_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER closures_recorded_at_is_a_time_on_update
BEFORE UPDATE OF recorded_at ON closures
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.recorded_at) IS NOT NEW.recorded_at
BEGIN SELECT RAISE(ABORT, 'closures.recorded_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER reassessment_runs_started_at_is_a_time_on_insert
BEFORE INSERT ON reassessment_runs
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.started_at) IS NOT NEW.started_at
BEGIN SELECT RAISE(ABORT, 'reassessment_runs.started_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER reassessment_runs_started_at_is_a_time_on_update
BEFORE UPDATE OF started_at ON reassessment_runs
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.started_at) IS NOT NEW.started_at
BEGIN SELECT RAISE(ABORT, 'reassessment_runs.started_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER reassessment_runs_finished_at_is_a_time_on_insert
BEFORE INSERT ON reassessment_runs
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.finished_at) IS NOT NEW.finished_at
BEGIN SELECT RAISE(ABORT, 'reassessment_runs.finished_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;

CREATE TRIGGER reassessment_runs_finished_at_is_a_time_on_update
BEFORE UPDATE OF finished_at ON reassessment_runs
WHEN strftime('%Y-%m-%dT%H:%M:%fZ', NEW.finished_at) IS NOT NEW.finished_at
BEGIN SELECT RAISE(ABORT, 'reassessment_runs.finished_at must be a UTC time such as 2024-06-01T06:15:02.118Z'); END;
