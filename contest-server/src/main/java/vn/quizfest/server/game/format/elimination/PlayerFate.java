package vn.quizfest.server.game.format.elimination;

import org.jspecify.annotations.Nullable;

/**
 * Where one player of a Rung chuông vàng game stands, as screens and results show it.
 *
 * @param badge the player's number (số báo danh): from the organiser's list, or the join order
 * @param name the name the organiser's list gives the number, if any
 * @param fellAt the index of the question at which the player left the floor for the last time, or -1
 *        while on the floor (a rescued player is on the floor again)
 * @param rescues how many times the player came back onto the floor
 */
public record PlayerFate(int player, String badge, @Nullable String name, FloorState state, int fellAt,
		int rescues) {
}
