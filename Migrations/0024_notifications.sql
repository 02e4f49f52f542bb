-- The notifications outbox (issue 22): what a change means for a company, written in
-- the same transaction as the change - so no alert is lost and none is sent for a change
-- that rolled back - and delivered later by `lifeline notify` through a command the user
-- chooses. `company` is the slug at the time, by value: a message outlives a removed
-- company. `payload` is JSON: the kind, the company, the change or event as `reassess
-- --format json` prints it, and `text`, its line in the digest.
-- A message is pending until delivered or given up. A `notify` run claims the messages
-- it is about to deliver (`claimed_until`) in a short transaction of its own, so that a
-- second run leaves them alone; a claim that outlives its run (the process was killed)
-- lapses, and the message is delivered again: at least once, with the same id.
CREATE TABLE notifications (
    id            INTEGER PRIMARY KEY,
    created_at    TEXT NOT NULL CHECK (length(created_at) BETWEEN 1 AND 64),
    kind          TEXT NOT NULL CHECK (kind IN ('status-changed', 'runway-ended', 'dismissal-expired', 'announced-landed',
                                                'stagnating', 'release-hits-portfolio', 'run-failed')),
    company       TEXT CHECK (company IS NULL OR length(company) BETWEEN 1 AND 200),
    payload       TEXT NOT NULL CHECK (json_valid(payload)),
    delivered_at  TEXT CHECK (delivered_at IS NULL OR length(delivered_at) BETWEEN 1 AND 64),
    attempts      INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error    TEXT CHECK (last_error IS NULL OR length(last_error) <= 2000),
    claimed_until TEXT CHECK (claimed_until IS NULL OR length(claimed_until) BETWEEN 1 AND 64),
    given_up_at   TEXT CHECK (given_up_at IS NULL OR length(given_up_at) BETWEEN 1 AND 64)
) STRICT;

CREATE INDEX notifications_pending ON notifications (id) WHERE delivered_at IS NULL AND given_up_at IS NULL;
