package vn.quizfest.server.game;

/** Team play by unit: where a player stands inside its unit; place 1 is the unit's best player. */
public record UnitPlace(Unit unit, int place, int of) {
}
