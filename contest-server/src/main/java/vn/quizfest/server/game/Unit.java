package vn.quizfest.server.game;

import java.util.Locale;

/**
 * A team a player plays for: a class, a commune, a neighbourhood. The id is what a phone sends and
 * what results are grouped by (a contest unit's code when the list comes from the organisation's
 * units); the name is what screens show.
 */
public record Unit(String id, String name) {

	public static final int MAX_ID_LENGTH = 40;

	public static final int MAX_NAME_LENGTH = 200;

	public Unit {
		if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
			throw new IllegalArgumentException("a unit id is 1.." + MAX_ID_LENGTH + " characters");
		}
		if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("a unit name is 1.." + MAX_NAME_LENGTH + " characters");
		}
		id = id.strip();
		name = name.strip();
	}

	/** How ids compare: a phone may send "10a1" for "10A1". */
	public static String key(String id) {
		return id.strip().toLowerCase(Locale.ROOT);
	}
}
