-- Buzzer rounds (docs/organiser-console.md, "Vòng bấm chuông"): each contestant's figures, ranked among
-- the contestants only, apart from the audience (whose classic points stay in game_player). Points per
-- kind of round, presses, answers judged right and wrong, steals, and the question (position, from 0)
-- on which the star of hope was played. seat is NULL for a contestant who left the stage. A game's
-- rows are replaced after every change on stage, so the results read during the game are current too.
-- Runs on MySQL 8, MariaDB 10.11+ and H2 (MySQL mode).
CREATE TABLE game_contestant (
  game_id             CHAR(26) NOT NULL,
  player_number       INT NOT NULL,
  seat                INT NULL,
  stage_rank          INT NOT NULL,
  score               BIGINT NOT NULL,
  warmup_points       BIGINT NOT NULL,
  acceleration_points BIGINT NOT NULL,
  finish_points       BIGINT NOT NULL,
  presses             INT NOT NULL,
  right_answers       INT NOT NULL,
  wrong_answers       INT NOT NULL,
  steals              INT NOT NULL,
  steals_right        INT NOT NULL,
  star_at             INT NULL,
  PRIMARY KEY (game_id, player_number),
  CONSTRAINT fk_game_contestant_game FOREIGN KEY (game_id) REFERENCES game (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;
