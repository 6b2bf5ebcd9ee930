package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.quizfest.server.game.Outcome;

/** The per-player outcome frame from its template is the same text Jackson writes for it. */
class FramesTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final Frames frames = new Frames(json);

	@Test
	void theOutcomeTemplateWritesWhatJacksonWrites() {
		List<Outcome> outcomes = new ArrayList<>();
		outcomes.add(new Outcome(1, true, true, 1.0, 1000, 100, 3, 1234, null, 0));
		outcomes.add(new Outcome(2, false, false, 0.0, 0, 0, 0, 0, null, 0));
		outcomes.add(new Outcome(3, true, false, 0.0, 0, 0, 0, 20_000, null, 0));
		// Partial credit (ordering, multiple select): rounded to three places like before.
		outcomes.add(new Outcome(4, true, false, 1.0 / 3, 333, 0, 0, 5_000, null, 0));
		outcomes.add(new Outcome(5, true, true, 0.6666, 667, 0, 1, 5_000, null, 0));
		outcomes.add(new Outcome(6, true, true, 0.5, 500, 0, 1, 5_000, null, 0));
		outcomes.add(new Outcome(7, true, true, 0.0005, 1, 0, 1, 5_000, null, 0));
		int rank = 1;
		for (Outcome outcome : outcomes) {
			for (long score : new long[] { 0, 1, 987_654_321_012L }) {
				assertThat(frames.outcome(19, outcome, score, rank, 20_000))
					.isEqualTo(jackson(19, outcome, score, rank, 20_000));
			}
			rank += 1_111;
		}
	}

	/** How the outcome frame was built before the template: a Jackson tree per player. */
	private String jackson(int question, Outcome outcome, long score, int rank, int of) {
		ObjectNode node = json.createObjectNode();
		node.put("type", "outcome");
		node.put("q", question);
		node.put("answered", outcome.answered());
		node.put("correct", outcome.correct());
		if (outcome.credit() > 0 && outcome.credit() < 1) {
			node.put("credit", Math.round(outcome.credit() * 1000) / 1000.0);
		}
		node.put("points", outcome.points());
		node.put("bonus", outcome.streakBonus());
		node.put("streak", outcome.streak());
		node.put("score", score);
		node.put("rank", rank);
		node.put("of", of);
		return json.writeValueAsString(node);
	}
}
