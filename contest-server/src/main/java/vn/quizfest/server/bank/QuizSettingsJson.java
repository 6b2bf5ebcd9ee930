package vn.quizfest.server.bank;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * A quiz's game settings as the question bank stores them: compact JSON of the fields the quiz sets,
 * no text at all when it sets none.
 */
@Component
public class QuizSettingsJson {

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
		return json.writeValueAsString(settings);
	}

	public @Nullable GameSettingsRequest read(@Nullable String text) {
		return text == null ? null : json.readValue(text, GameSettingsRequest.class);
	}
}
