-- Contest indexes after the 500,000-attempt benchmark (docs/benchmarks.md, "Online contest").
-- Runs on MySQL 8, MariaDB 10.11+ and H2 (MySQL mode).

-- Nothing looks results up by entrant (retention keeps the winners through ix_result_prize), and a
-- close writes one entry of this index per entrant.
DROP INDEX ix_result_entrant ON contest_result;

-- The overview's registrations and attempt starts per hour of the last 48 hours: counted from the
-- index alone, instead of one row lookup per registration or attempt of the period.
CREATE INDEX ix_entrant_registered ON contest_entrant (contest_id, registered_at);
CREATE INDEX ix_attempt_round_started ON contest_attempt (round_id, started_at);
