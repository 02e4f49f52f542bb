-- The nightly digest reports the replaced companies whose runway ran out since the
-- previous run: found by their runway's end, not by reading every assessment.
CREATE INDEX assessments_by_runway_end ON assessments (runway_end) WHERE runway_end IS NOT NULL;
