package vn.quizfest.server.bank;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.system.ApiException;

/**
 * A quiz's game settings as the question bank stores them: compact JSON of the fields the quiz sets,
 * no text at all when it sets none.
 */
@Component
public class QuizSettingsJson {

	/** The length of the quiz's settings column. */
	static final int MAX_STORED = 2_000;

	private final JsonMapper json;

	QuizSettingsJson(JsonMapper json) {
		this.json = json;
	}

	/** Checks the settings as a game would ({@code 400 game.settings.invalid}) and writes them; null for none. */
	@Nullable String write(@Nullable GameSettingsRequest settings) {
		if (settings == null || settings.isEmpty()) {
			return null;
		}
		settings.resolve();
		String text = json.writeValueAsString(settings);
		if (text.length() > MAX_STORED) {
			// quiz.settings_json holds 2,000 characters: a Rung chuông vàng list of numbers belongs to the game.
			throw new ApiException(HttpStatus.BAD_REQUEST, "game.settings.invalid",
					"a quiz keeps at most " + MAX_STORED + " characters of settings; give the list of numbers when creating the game");
		}
		return text;
	}

	public @Nullable GameSettingsRequest read(@Nullable String text) {
		return text == null ? null : json.readValue(text, GameSettingsRequest.class);
	}
}
