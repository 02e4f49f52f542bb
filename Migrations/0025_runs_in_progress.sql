-- Nightly runs in progress (issue 22, `run-failed`): a nightly run records itself here in
-- a transaction of its own before it starts, and deletes its row in the transaction
-- that records its results (a run that fails with an error deletes it too, and says so
-- itself). A row left behind is a run that was killed, or whose machine went down, and
-- the next nightly run tells it in a `run-failed` notification, in its own transaction,
-- and deletes the row. `pid` tells a run still going (on this host)
-- from one that died.
CREATE TABLE runs_in_progress (
    id         INTEGER PRIMARY KEY,
    trigger    TEXT NOT NULL CHECK (length(trigger) BETWEEN 1 AND 200),
    as_of      TEXT NOT NULL CHECK (date(as_of, '+0 days') IS as_of),
    started_at TEXT NOT NULL CHECK (length(started_at) BETWEEN 1 AND 64),
    pid        INTEGER NOT NULL CHECK (pid > 0)
) STRICT;
