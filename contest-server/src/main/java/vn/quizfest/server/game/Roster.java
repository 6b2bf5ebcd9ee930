package vn.quizfest.server.game;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The players of one game, shared by every format: numbers in join order, resume tokens, unique
 * nicknames, and the counts of those taking part and connected (kept as players come and go, since
 * they are read after every answer of a 10,000-player game).
 */
public final class Roster {

	private final Nicknames nicknames;

	private final int maxPlayers;

	private final Map<Integer, Player> players = new LinkedHashMap<>();

	private final Map<String, Player> byToken = new HashMap<>();

	private final Map<String, Player> byNicknameKey = new HashMap<>();

	/** Players joined and not kicked; of them, those connected. */
	private int active;

	private int connected;

	private boolean lobbyLocked;

	public Roster(Nicknames nicknames, int maxPlayers) {
		this.nicknames = nicknames;
		this.maxPlayers = maxPlayers;
	}

	public Collection<Player> players() {
		return players.values();
	}

	public Optional<Player> player(int number) {
		return Optional.ofNullable(players.get(number));
	}

	/** The player with this number if it takes part (joined, not kicked). */
	public @Nullable Player active(int number) {
		Player player = players.get(number);
		return player == null || player.kicked() ? null : player;
	}

	public Optional<Player> byToken(String token) {
		return Optional.ofNullable(byToken.get(token));
	}

	public int activeCount() {
		return active;
	}

	public int connectedCount() {
		return connected;
	}

	/** Whether the host has locked the lobby: no new player may join (resumes still may). */
	public boolean lobbyLocked() {
		return lobbyLocked;
	}

	public void lockLobby(boolean locked) {
		lobbyLocked = locked;
	}

	/**
	 * Adds a player; throws {@link Game.Refusal} when the lobby is locked, the game full, or the
	 * nickname refused or taken.
	 */
	public Player join(@Nullable String nickname, String resumeToken, long now) {
		if (lobbyLocked) {
			throw new Game.Refusal("LOBBY_LOCKED");
		}
		if (active >= maxPlayers && seatedCount() >= maxPlayers) {
			throw new Game.Refusal("GAME_FULL");
		}
		Nicknames.Checked checked = nicknames.check(nickname);
		if (checked.error() != null) {
			throw new Game.Refusal(checked.error());
		}
		Player holder = byNicknameKey.get(checked.key());
		if (holder != null && !holder.kicked()) {
			throw new Game.Refusal("NICKNAME_TAKEN");
		}
		Player player = new Player(players.size() + 1, checked.nickname(), checked.key(), resumeToken, now);
		players.put(player.number(), player);
		active++;
		connected++;
		byToken.put(resumeToken, player);
		byNicknameKey.put(checked.key(), player);
		return player;
	}

	/**
	 * Players who hold a seat towards {@code maxPlayers}: connected, or disconnected after answering.
	 * A socket that joined and vanished without ever answering does not keep an honest player out.
	 * Counted only when the game looks full.
	 */
	int seatedCount() {
		int seated = 0;
		for (Player player : players.values()) {
			if (!player.kicked() && (player.connected() || player.answeredOnce())) {
				seated++;
			}
		}
		return seated;
	}

	/** The player of a resume token; kicked players cannot come back. */
	public Player resumable(String resumeToken) {
		Player player = byToken.get(resumeToken);
		if (player == null) {
			throw new Game.Refusal("RESUME_UNKNOWN");
		}
		if (player.kicked()) {
			throw new Game.Refusal("KICKED");
		}
		return player;
	}

	/** Marks the player connected; returns false when it already was. */
	public boolean connect(Player player) {
		if (player.connected()) {
			return false;
		}
		player.connected(true);
		connected++;
		return true;
	}

	/** Marks the player disconnected; returns false when unknown or already disconnected. */
	public boolean disconnect(int number) {
		Player player = players.get(number);
		if (player == null || !player.connected()) {
			return false;
		}
		player.connected(false);
		connected--;
		return true;
	}

	/** Takes the player out of the game for good; throws {@code PLAYER_UNKNOWN} if not taking part. */
	public Player kick(int number) {
		Player player = players.get(number);
		if (player == null || player.kicked()) {
			throw new Game.Refusal("PLAYER_UNKNOWN");
		}
		if (player.connected()) {
			connected--;
		}
		active--;
		player.kick();
		return player;
	}
}
