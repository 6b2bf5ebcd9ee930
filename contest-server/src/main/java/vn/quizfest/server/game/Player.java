package vn.quizfest.server.game;

import org.jspecify.annotations.Nullable;

/**
 * A player inside one game. The number is the join order (1, 2, ...) and the player's public id;
 * the resume token is the secret that lets a dropped phone come back as the same player.
 */
public final class Player {

	private final int number;

	private final String nickname;

	private final String nicknameKey;

	private final String resumeToken;

	private final long joinedAt;

	/** The team the player plays for, or null in a game without units. Fixed at join; a resume keeps it. */
	private final @Nullable Unit unit;

	private long score;

	private int streak;

	private int correctCount;

	private long correctMillis;

	private boolean connected = true;

	private boolean kicked;

	/** Whether this player has had an answer accepted: such a player keeps a seat while disconnected. */
	private boolean answeredOnce;

	Player(int number, String nickname, String nicknameKey, String resumeToken, long joinedAt) {
		this(number, nickname, nicknameKey, resumeToken, joinedAt, null);
	}

	Player(int number, String nickname, String nicknameKey, String resumeToken, long joinedAt, @Nullable Unit unit) {
		this.number = number;
		this.nickname = nickname;
		this.nicknameKey = nicknameKey;
		this.resumeToken = resumeToken;
		this.joinedAt = joinedAt;
		this.unit = unit;
	}

	/** The player as a snapshot holds it. */
	GameSnapshot.PlayerState state() {
		return new GameSnapshot.PlayerState(number, nickname, nicknameKey, resumeToken, joinedAt,
				unit == null ? null : unit.id(), score, streak, correctCount, correctMillis, connected, kicked,
				answeredOnce);
	}

	/** The player a snapshot holds, playing for this unit (the roster looks it up by id). */
	static Player restore(GameSnapshot.PlayerState state, @Nullable Unit unit) {
		Player player = new Player(state.number(), state.nickname(), state.nicknameKey(), state.resumeToken(),
				state.joinedAt(), unit);
		player.score = state.score();
		player.streak = state.streak();
		player.correctCount = state.correctCount();
		player.correctMillis = state.correctMillis();
		player.connected = state.connected();
		player.kicked = state.kicked();
		player.answeredOnce = state.answeredOnce();
		return player;
	}

	public int number() {
		return number;
	}

	public String nickname() {
		return nickname;
	}

	String nicknameKey() {
		return nicknameKey;
	}

	public String resumeToken() {
		return resumeToken;
	}

	public long joinedAt() {
		return joinedAt;
	}

	public @Nullable Unit unit() {
		return unit;
	}

	public long score() {
		return score;
	}

	public int streak() {
		return streak;
	}

	public int correctCount() {
		return correctCount;
	}

	/** Total response time of correct answers: the first tie-break after the score. */
	public long correctMillis() {
		return correctMillis;
	}

	public boolean connected() {
		return connected;
	}

	public boolean kicked() {
		return kicked;
	}

	void connected(boolean value) {
		connected = value;
	}

	void kick() {
		kicked = true;
		connected = false;
	}

	void apply(Outcome outcome, boolean scored) {
		if (!scored) {
			return;
		}
		score += outcome.points();
		streak = outcome.streak();
		if (outcome.correct()) {
			correctCount++;
			correctMillis += outcome.responseMillis();
		}
	}

	public boolean answeredOnce() {
		return answeredOnce;
	}

	void answered() {
		answeredOnce = true;
	}
}
