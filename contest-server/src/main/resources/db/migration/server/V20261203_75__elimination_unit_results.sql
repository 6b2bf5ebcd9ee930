-- Rung chuông vàng by unit (docs/organiser-console.md, "Rung chuông vàng", units): each unit's players
-- left on the floor at the end, and whether the unit won (the last unit with survivors). NULL in games
-- of other formats. Runs on MySQL 8, MariaDB 10.11+ and H2 (MySQL mode).
ALTER TABLE game_unit_result ADD COLUMN survivors INT NULL;
ALTER TABLE game_unit_result ADD COLUMN golden_bell BOOLEAN NULL;
