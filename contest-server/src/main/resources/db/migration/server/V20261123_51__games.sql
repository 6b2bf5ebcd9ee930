-- Live games and their results. A game keeps a snapshot of its questions, so editing the bank
-- later never changes a past game's results. Runs on MySQL 8, MariaDB 10.11+ and H2 (MySQL mode).

CREATE TABLE game (
  id                    CHAR(26) PRIMARY KEY,
  pin                   CHAR(6) NOT NULL,
  title                 VARCHAR(200) NOT NULL,
  quiz_id               BIGINT NULL,
  owner_organisation_id BIGINT NULL,
  created_by            BIGINT NULL,
  host_token_hash       CHAR(64) NOT NULL,
  settings_json         VARCHAR(2000) NOT NULL,
  language              CHAR(2) NOT NULL,
  status                VARCHAR(12) NOT NULL,
  question_count        INT NOT NULL,
  player_count          INT NOT NULL DEFAULT 0,
  created_at            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  started_at            TIMESTAMP(3) NULL,
  ended_at              TIMESTAMP(3) NULL
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_game_owner ON game (owner_organisation_id, created_at);
CREATE INDEX ix_game_pin ON game (pin, status);

CREATE TABLE game_question (
  game_id       CHAR(26) NOT NULL,
  position      INT NOT NULL,
  question_id   BIGINT NULL,
  question_type VARCHAR(20) NOT NULL,
  snapshot_json TEXT NOT NULL,
  skipped       BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (game_id, position),
  CONSTRAINT fk_game_question_game FOREIGN KEY (game_id) REFERENCES game (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE game_player (
  game_id       CHAR(26) NOT NULL,
  player_number INT NOT NULL,
  nickname      VARCHAR(80) NOT NULL,
  joined_at     TIMESTAMP(3) NOT NULL,
  kicked        BOOLEAN NOT NULL DEFAULT FALSE,
  final_score   BIGINT NULL,
  final_rank    INT NULL,
  correct_count INT NULL,
  correct_ms    BIGINT NULL,
  PRIMARY KEY (game_id, player_number),
  CONSTRAINT fk_game_player_game FOREIGN KEY (game_id) REFERENCES game (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

-- One row per player per question answered; replays of the same answer are harmless (primary key).
CREATE TABLE game_answer (
  game_id        CHAR(26) NOT NULL,
  position       INT NOT NULL,
  player_number  INT NOT NULL,
  answer_json    VARCHAR(1000) NOT NULL,
  correct        BOOLEAN NOT NULL,
  credit         DOUBLE NOT NULL,
  points         INT NOT NULL,
  streak         INT NOT NULL,
  response_ms    BIGINT NOT NULL,
  received_at    TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (game_id, position, player_number),
  CONSTRAINT fk_game_answer_game FOREIGN KEY (game_id) REFERENCES game (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;
