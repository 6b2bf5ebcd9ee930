package vn.quizfest.server.game;

/**
 * Rung chuông vàng by unit: how many of a unit's players are on the floor.
 *
 * @param remaining the unit's players on the floor now (eliminated players and substitutes still
 *        waiting are not counted)
 */
public record UnitSurvivors(Unit unit, int remaining) {
}
