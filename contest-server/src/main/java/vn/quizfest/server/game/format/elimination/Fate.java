package vn.quizfest.server.game.format.elimination;

import org.jspecify.annotations.Nullable;

/** The changing part of one player's place in the game; read out as a {@link PlayerFate}. */
final class Fate {

	final String badge;

	final @Nullable String name;

	FloorState state;

	int fellAt = -1;

	int rescues;

	Fate(String badge, @Nullable String name, FloorState state) {
		this.badge = badge;
		this.name = name;
		this.state = state;
	}

	PlayerFate view(int player) {
		return new PlayerFate(player, badge, name, state, fellAt, rescues);
	}
}
