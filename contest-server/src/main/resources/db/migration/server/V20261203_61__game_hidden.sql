-- An organiser can hide a game (left behind in progress, or ended) from the console's lists of games in
-- progress and results; its players and answers stay, and "show hidden" finds it again to unhide it.
-- Runs on MySQL 8, MariaDB 10.11+ and H2 (MySQL mode).
ALTER TABLE game ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT FALSE;
