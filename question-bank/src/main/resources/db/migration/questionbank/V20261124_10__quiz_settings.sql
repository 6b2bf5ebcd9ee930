-- A quiz's game settings: the defaults of every game made from it. Opaque JSON to the question bank
-- (contest-server owns the game settings and checks them); NULL when the quiz sets none.

ALTER TABLE quiz ADD COLUMN settings_json VARCHAR(2000) NULL;
