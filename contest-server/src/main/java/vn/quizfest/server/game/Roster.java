package vn.quizfest.server.game;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The players of one game, shared by every format: numbers in join order, resume tokens, unique
 * nicknames, the units (teams) players play for, and the counts of those taking part and connected
 * (kept as players come and go, since they are read after every answer of a 10,000-player game).
 */
public final class Roster {

	private final Nicknames nicknames;

	private final int maxPlayers;

	private final Map<Integer, Player> players = new LinkedHashMap<>();

	private final Map<String, Player> byToken = new HashMap<>();

	private final Map<String, Player> byNicknameKey = new HashMap<>();

	/** The units a player may play for, by {@link Unit#key}; empty in a game without units. */
	private final Map<String, Unit> units = new LinkedHashMap<>();

	/** Units the organiser assigned: by nickname key, or by player number as text. */
	private final Map<String, Unit> assigned = new HashMap<>();

	/** Every player of each unit, in join order (kicked ones included, as in {@link #players()}). */
	private final Map<String, List<Player>> byUnit = new LinkedHashMap<>();

	/** Players joined and not kicked; of them, those connected. */
	private int active;

	private int connected;

	private boolean lobbyLocked;

	public Roster(Nicknames nicknames, int maxPlayers) {
		this(nicknames, maxPlayers, List.of());
	}

	/** A roster whose players each play for one of these units (none: a game without units). */
	public Roster(Nicknames nicknames, int maxPlayers, List<Unit> units) {
		this(nicknames, maxPlayers, units, Map.of());
	}

	/**
	 * A roster with units where the organiser assigned some players a unit from a list: by nickname
	 * (compared as nicknames are, without case and spacing) or by player number. An assigned player
	 * plays for that unit whatever the phone chose.
	 */
	public Roster(Nicknames nicknames, int maxPlayers, List<Unit> units, Map<String, String> assignments) {
		this.nicknames = nicknames;
		this.maxPlayers = maxPlayers;
		for (Unit unit : units) {
			if (this.units.putIfAbsent(Unit.key(unit.id()), unit) != null) {
				throw new IllegalArgumentException("unit " + unit.id() + " is listed twice");
			}
			byUnit.put(Unit.key(unit.id()), new ArrayList<>());
		}
		assignments.forEach((who, unitId) -> {
			Unit unit = this.units.get(Unit.key(unitId));
			if (unit == null) {
				throw new IllegalArgumentException("assignment " + who + " names a unit that is not listed");
			}
			assigned.put(assignmentKey(who), unit);
		});
	}

	/** A digits-only key is a player number; anything else a nickname, keyed as the nickname rules key it. */
	private String assignmentKey(String who) {
		String stripped = who.strip();
		if (!stripped.isEmpty() && stripped.length() <= 9 && stripped.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return "#" + Integer.parseInt(stripped);
		}
		Nicknames.Checked checked = nicknames.check(stripped);
		return checked.error() == null ? checked.key() : stripped;
	}

	/** Whether players join for a unit. */
	public boolean hasUnits() {
		return !units.isEmpty();
	}

	/** The units of the game, in the organiser's order. */
	public List<Unit> units() {
		return List.copyOf(units.values());
	}

	/** Every player of the unit with this id, in join order (kicked ones included); empty if unknown. */
	public List<Player> playersOf(String unitId) {
		List<Player> members = byUnit.get(Unit.key(unitId));
		return members == null ? List.of() : Collections.unmodifiableList(members);
	}

	/** Every unit with its players (kicked ones included), in the organiser's order. */
	public Map<Unit, List<Player>> byUnit() {
		Map<Unit, List<Player>> view = new LinkedHashMap<>();
		units.forEach((key, unit) -> view.put(unit, Collections.unmodifiableList(byUnit.get(key))));
		return view;
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

	/** Adds a player to a game without units (a unit sent anyway is ignored). */
	public Player join(@Nullable String nickname, String resumeToken, long now) {
		return join(nickname, resumeToken, null, now);
	}

	/**
	 * Adds a player; throws {@link Game.Refusal} when the lobby is locked, the game full, the
	 * nickname refused or taken, or, in a game with units, the unit missing ({@code UNIT_REQUIRED}) or
	 * not one of the game's ({@code UNIT_UNKNOWN}). In a game without units the unit is ignored, so a
	 * phone that always sends one still joins.
	 */
	public Player join(@Nullable String nickname, String resumeToken, @Nullable String unitId, long now) {
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
		Unit unit = assigned.get(checked.key());
		if (unit == null) {
			unit = assigned.get("#" + (players.size() + 1));
		}
		if (unit == null) {
			unit = unitFor(unitId);
		}
		Player player = new Player(players.size() + 1, checked.nickname(), checked.key(), resumeToken, now, unit);
		players.put(player.number(), player);
		if (unit != null) {
			byUnit.get(Unit.key(unit.id())).add(player);
		}
		active++;
		connected++;
		byToken.put(resumeToken, player);
		byNicknameKey.put(checked.key(), player);
		return player;
	}

	private @Nullable Unit unitFor(@Nullable String unitId) {
		if (units.isEmpty()) {
			return null;
		}
		if (unitId == null || unitId.isBlank()) {
			throw new Game.Refusal("UNIT_REQUIRED");
		}
		Unit unit = units.get(Unit.key(unitId));
		if (unit == null) {
			throw new Game.Refusal("UNIT_UNKNOWN");
		}
		return unit;
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

	/** The players and the lobby lock, for a snapshot; the counts and indexes follow from them. */
	public GameSnapshot.RosterState state() {
		List<GameSnapshot.PlayerState> states = new ArrayList<>(players.size());
		for (Player player : players.values()) {
			states.add(player.state());
		}
		return new GameSnapshot.RosterState(states, lobbyLocked);
	}

	/**
	 * Fills this new, empty roster (made from the game's settings, as at creation) with a snapshot's
	 * players; throws {@link GameSnapshot.Unrestorable} when they do not fit it (numbers out of join order,
	 * a unit the settings do not list).
	 */
	public void restore(GameSnapshot.RosterState state) {
		if (!players.isEmpty()) {
			throw new IllegalStateException("a roster is restored only while empty");
		}
		for (GameSnapshot.PlayerState saved : state.players()) {
			if (saved.number() != players.size() + 1) {
				throw new GameSnapshot.Unrestorable("player " + saved.number() + " is out of join order");
			}
			Unit unit = null;
			if (saved.unit() != null) {
				unit = units.get(Unit.key(saved.unit()));
				if (unit == null) {
					throw new GameSnapshot.Unrestorable("player " + saved.number() + " plays for an unknown unit");
				}
			}
			Player player = Player.restore(saved, unit);
			players.put(player.number(), player);
			if (unit != null) {
				byUnit.get(Unit.key(unit.id())).add(player);
			}
			if (!player.kicked()) {
				active++;
				if (player.connected()) {
					connected++;
				}
			}
			byToken.put(player.resumeToken(), player);
			// As join keeps it: the latest player of a nickname holds it (a kicked one frees it).
			byNicknameKey.put(player.nicknameKey(), player);
		}
		lobbyLocked = state.lobbyLocked();
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
