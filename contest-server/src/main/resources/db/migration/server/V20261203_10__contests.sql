-- Self-paced contests: contests, rounds, units, entrants, attempts and results (docs/contests.md).
-- Runs on MySQL 8, MariaDB 10.11+ and H2 (MySQL mode). Times are epoch milliseconds (BIGINT): exact
-- on every driver, and the ranking compares them as numbers. Days (*_day) are yyyymmdd in
-- Asia/Ho_Chi_Minh, written by the server, so the daily reports group on an indexed integer.

CREATE TABLE contest (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  slug               VARCHAR(80) NOT NULL,
  title              VARCHAR(200) NOT NULL,
  rules_text         TEXT NULL,
  organisation_id    BIGINT NOT NULL,
  form_json          VARCHAR(2000) NOT NULL,
  identity_key       VARCHAR(10) NOT NULL,
  consent_purpose    VARCHAR(2000) NOT NULL,
  consent_retention  VARCHAR(1000) NOT NULL,
  consent_controller VARCHAR(300) NOT NULL,
  retention_days     INT NOT NULL,
  identity_erased_at BIGINT NULL,
  created_by         BIGINT NULL,
  created_at         BIGINT NOT NULL,
  row_version        INT NOT NULL DEFAULT 0,
  CONSTRAINT uq_contest_slug UNIQUE (slug)
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_contest_organisation ON contest (organisation_id, created_at);

-- state: SCHEDULED -> OPEN -> CLOSING -> CLOSED. Every change is a conditional UPDATE on the state,
-- so with several nodes exactly one opens or closes a round.
CREATE TABLE contest_round (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  contest_id          BIGINT NOT NULL,
  name                VARCHAR(200) NOT NULL,
  opens_at            BIGINT NOT NULL,
  closes_at           BIGINT NOT NULL,
  plan_json           VARCHAR(4000) NOT NULL,
  question_count      INT NOT NULL,
  time_limit_seconds  INT NOT NULL,
  attempt_kind        VARCHAR(20) NOT NULL,
  max_attempts        INT NOT NULL,
  prediction_kind     VARCHAR(20) NOT NULL,
  tie_break           VARCHAR(100) NOT NULL,
  prizes_json         VARCHAR(2000) NOT NULL,
  show_answers        BOOLEAN NOT NULL,
  state               VARCHAR(12) NOT NULL,
  state_changed_at    BIGINT NOT NULL,
  real_figure         BIGINT NULL,
  close_summary_json  VARCHAR(2000) NULL,
  row_version         INT NOT NULL DEFAULT 0,
  CONSTRAINT fk_round_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_round_contest ON contest_round (contest_id, opens_at);
CREATE INDEX ix_round_state ON contest_round (state, opens_at);

-- The round's question pool, copied from the banks when the round opens: editing a bank later
-- never changes a round. Each attempt draws its questions from this pool with its own seed.
CREATE TABLE contest_round_question (
  round_id      BIGINT NOT NULL,
  position      INT NOT NULL,
  question_id   BIGINT NOT NULL,
  snapshot_json TEXT NOT NULL,
  PRIMARY KEY (round_id, position),
  CONSTRAINT fk_round_question_round FOREIGN KEY (round_id) REFERENCES contest_round (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE contest_unit (
  contest_id  BIGINT NOT NULL,
  code        VARCHAR(40) NOT NULL,
  name        VARCHAR(200) NOT NULL,
  parent_code VARCHAR(40) NULL,
  population  BIGINT NULL,
  level       INT NOT NULL,
  position    INT NOT NULL,
  PRIMARY KEY (contest_id, code),
  CONSTRAINT fk_unit_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

-- identity_value is the normalised identity key (CCCD or phone); unique per contest. Erasing keeps
-- the row (counts stay true) and replaces it with a value no real key can take.
CREATE TABLE contest_entrant (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  contest_id       BIGINT NOT NULL,
  identity_value   VARCHAR(64) NOT NULL,
  full_name        VARCHAR(200) NULL,
  birth_year       INT NULL,
  gender           VARCHAR(10) NULL,
  cccd             VARCHAR(12) NULL,
  phone            VARCHAR(10) NULL,
  email            VARCHAR(254) NULL,
  unit_code        VARCHAR(40) NULL,
  free_text        VARCHAR(500) NULL,
  consent_at       BIGINT NOT NULL,
  consent_hash     CHAR(64) NOT NULL,
  registered_at    BIGINT NOT NULL,
  registered_day   INT NOT NULL,
  locked           BOOLEAN NOT NULL DEFAULT FALSE,
  erased_at        BIGINT NULL,
  CONSTRAINT uq_entrant_identity UNIQUE (contest_id, identity_value),
  CONSTRAINT fk_entrant_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_entrant_unit_day ON contest_entrant (contest_id, unit_code, registered_day);
CREATE INDEX ix_entrant_day ON contest_entrant (contest_id, registered_day);

-- Only the hash of an entrant's token is stored; one entrant may hold several (one per phone).
CREATE TABLE contest_entrant_token (
  token_hash  CHAR(64) PRIMARY KEY,
  entrant_id  BIGINT NOT NULL,
  created_at  BIGINT NOT NULL,
  CONSTRAINT fk_token_entrant FOREIGN KEY (entrant_id) REFERENCES contest_entrant (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_token_entrant ON contest_entrant_token (entrant_id);

-- policy_slot makes the attempt policy a unique constraint: "C" (one per contest), "R<round>" (one per
-- round) or "R<round>#<n>" (n of N): parallel starts from many phones cannot make one attempt too many.
CREATE TABLE contest_attempt (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  round_id       BIGINT NOT NULL,
  entrant_id     BIGINT NOT NULL,
  policy_slot    VARCHAR(40) NOT NULL,
  seed           BIGINT NOT NULL,
  state          VARCHAR(12) NOT NULL,
  started_at     BIGINT NOT NULL,
  started_day    INT NOT NULL,
  deadline       BIGINT NOT NULL,
  unit_code      VARCHAR(40) NULL,
  submitted_at   BIGINT NULL,
  auto_submitted BOOLEAN NOT NULL DEFAULT FALSE,
  score          INT NULL,
  max_score      INT NULL,
  correct_count  INT NULL,
  question_count INT NOT NULL,
  time_used_ms   BIGINT NULL,
  prediction     BIGINT NULL,
  CONSTRAINT uq_attempt_slot UNIQUE (entrant_id, policy_slot),
  CONSTRAINT fk_attempt_round FOREIGN KEY (round_id) REFERENCES contest_round (id) ON DELETE CASCADE,
  CONSTRAINT fk_attempt_entrant FOREIGN KEY (entrant_id) REFERENCES contest_entrant (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_attempt_entrant_round ON contest_attempt (entrant_id, round_id);
CREATE INDEX ix_attempt_round_state ON contest_attempt (round_id, state, deadline);
CREATE INDEX ix_attempt_deadline ON contest_attempt (state, deadline);
CREATE INDEX ix_attempt_round_unit_day ON contest_attempt (round_id, unit_code, started_day);

-- One saved choice per question of an attempt; saving again replaces it (idempotent).
CREATE TABLE contest_answer (
  attempt_id  BIGINT NOT NULL,
  position    INT NOT NULL,
  answer_json VARCHAR(500) NOT NULL,
  saved_at    BIGINT NOT NULL,
  PRIMARY KEY (attempt_id, position),
  CONSTRAINT fk_answer_attempt FOREIGN KEY (attempt_id) REFERENCES contest_attempt (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

-- The ranking of a closed round: one row per entrant (their counted attempt), written in bulk.
CREATE TABLE contest_result (
  round_id            BIGINT NOT NULL,
  position            INT NOT NULL,
  result_rank         INT NOT NULL,
  attempt_id          BIGINT NOT NULL,
  entrant_id          BIGINT NOT NULL,
  unit_code           VARCHAR(40) NULL,
  score               INT NOT NULL,
  correct_count       INT NOT NULL,
  time_used_ms        BIGINT NOT NULL,
  submitted_at        BIGINT NOT NULL,
  prediction          BIGINT NULL,
  prediction_distance BIGINT NULL,
  prize_index         INT NULL,
  PRIMARY KEY (round_id, position),
  CONSTRAINT fk_result_round FOREIGN KEY (round_id) REFERENCES contest_round (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_result_unit ON contest_result (round_id, unit_code, position);
CREATE INDEX ix_result_prize ON contest_result (round_id, prize_index);
CREATE INDEX ix_result_entrant ON contest_result (entrant_id);

-- Units' standing in a closed round.
CREATE TABLE contest_unit_result (
  round_id           BIGINT NOT NULL,
  code               VARCHAR(40) NOT NULL,
  entrants           BIGINT NOT NULL,
  participation_rate DOUBLE NOT NULL,
  prize_points       BIGINT NOT NULL,
  points             DOUBLE NOT NULL,
  unit_rank          INT NOT NULL,
  PRIMARY KEY (round_id, code),
  CONSTRAINT fk_unit_result_round FOREIGN KEY (round_id) REFERENCES contest_round (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

-- Who exported or viewed which personal data, and when (docs/contests.md, "Personal data").
CREATE TABLE contest_data_access (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  contest_id  BIGINT NOT NULL,
  user_id     BIGINT NULL,
  username    VARCHAR(100) NOT NULL,
  at_ms       BIGINT NOT NULL,
  what        VARCHAR(200) NOT NULL,
  row_count   INT NOT NULL,
  CONSTRAINT fk_data_access_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_data_access_contest ON contest_data_access (contest_id, at_ms);
