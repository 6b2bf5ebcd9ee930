package vn.quizfest.server.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import vn.quizfest.questionbank.Language;
import vn.quizfest.server.results.ResultRecord.AnswerScored;
import vn.quizfest.server.results.ResultRecord.PlayerJoined;

/** Games and records for the results tests. */
final class ResultFixtures {

	/** A time with milliseconds, so that the tests see whether they survive the database. */
	static final long START = Instant.parse("2026-11-23T08:00:00.123Z").toEpochMilli();

	private static final long RUN = ThreadLocalRandom.current().nextLong(1_000_000_000_000L);

	private static final AtomicLong SEQUENCE = new AtomicLong();

	private ResultFixtures() {
	}

	/** A 26-character id that sorts after every id made before it in this JVM. */
	static String newGameId() {
		return String.format("G%012d%013d", RUN, SEQUENCE.incrementAndGet());
	}

	/** Creates a game of {@code questions} single-choice questions with four options each. */
	static String createGame(Games games, int questions, @Nullable Long organisation) {
		String id = newGameId();
		List<SnapshotRow> snapshot = new ArrayList<>();
		for (int position = 0; position < questions; position++) {
			snapshot.add(new SnapshotRow(position, 1000L + position, "SINGLE_CHOICE",
					"{\"text\":\"Câu hỏi " + (position + 1) + "\",\"options\":[\"A\",\"B\",\"C\",\"D\"]}"));
		}
		games.create(gameRow(id, "Hội thi thử", organisation, questions), snapshot);
		return id;
	}

	static GameRow gameRow(String id, String title, @Nullable Long organisation, int questions) {
		return new GameRow(id, String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)), title, 7L,
				organisation, 3L, "ab".repeat(32), "{\"scoring\":\"SPEED\"}", Language.VI, "LOBBY", questions);
	}

	static PlayerJoined join(String game, int player) {
		return new PlayerJoined(game, player, "Người chơi " + player, START + player * 17L);
	}

	/** A deterministic answer, varied enough that sums catch a missing or doubled row. */
	static AnswerScored answer(String game, int position, int player) {
		boolean correct = (player + position) % 3 != 0;
		int points = correct ? 500 + (player * 7 + position * 13) % 500 : 0;
		long response = 300 + (player * 31L + position * 17L) % 19_000;
		return new AnswerScored(game, position, player, "{\"choice\":" + ((player + position) % 4) + "}", correct,
				correct ? 1.0 : 0.0, points, correct ? 1 + position % 4 : 0, response,
				START + 60_000L * (position + 1) + response);
	}

	static List<ResultRecord> playersAndAnswers(String game, int players, int questions) {
		List<ResultRecord> records = new ArrayList<>();
		for (int player = 1; player <= players; player++) {
			records.add(join(game, player));
		}
		for (int position = 0; position < questions; position++) {
			for (int player = 1; player <= players; player++) {
				records.add(answer(game, position, player));
			}
		}
		return records;
	}
}
