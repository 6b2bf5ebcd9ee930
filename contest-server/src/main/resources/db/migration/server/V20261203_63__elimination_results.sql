-- Rung chuông vàng: each player's number (số báo danh) and the name the organiser's list gives it,
-- the question (position, from 0) at which the player fell for good, how often the player came back
-- onto the floor, and whether the player rang the golden bell. NULL in games of other formats.
ALTER TABLE game_player ADD COLUMN badge VARCHAR(12) NULL;
ALTER TABLE game_player ADD COLUMN badge_name VARCHAR(200) NULL;
ALTER TABLE game_player ADD COLUMN fell_at INT NULL;
ALTER TABLE game_player ADD COLUMN rescues INT NULL;
ALTER TABLE game_player ADD COLUMN golden_bell BOOLEAN NULL;

-- The organiser's list of numbers travels in the settings: a list of a few thousand does not fit 2,000 characters.
ALTER TABLE game MODIFY COLUMN settings_json MEDIUMTEXT NOT NULL;
