package vn.quizfest.server.game.format.elimination;

/** Where a player of Rung chuông vàng is: on the floor, eliminated, or a substitute waiting. */
public enum FloorState {
	FLOOR, OUT, RESERVE
}
