-- Team play by unit (docs/organiser-console.md, "Thi theo đơn vị"): the unit each player played for,
-- and the units' final standings. Settings now hold the unit list and assignments, so they outgrow
-- 2000 characters. Runs on MySQL 8, MariaDB 10.11+ and H2 (MySQL mode).

ALTER TABLE game MODIFY settings_json TEXT NOT NULL;

ALTER TABLE game_player ADD COLUMN unit_id VARCHAR(40) NULL;

ALTER TABLE game_player ADD COLUMN unit_name VARCHAR(200) NULL;

-- unit_rank is NULL for a unit with fewer members than the game's minimum (listed, not ranked).
CREATE TABLE game_unit_result (
  game_id   CHAR(26) NOT NULL,
  unit_id   VARCHAR(40) NOT NULL,
  unit_name VARCHAR(200) NOT NULL,
  unit_rank INT NULL,
  position  INT NOT NULL,
  score     DOUBLE NOT NULL,
  members   INT NOT NULL,
  PRIMARY KEY (game_id, unit_id),
  CONSTRAINT fk_game_unit_result_game FOREIGN KEY (game_id) REFERENCES game (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;
