package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** A game under test with a clock the test moves by hand: {@code now} is the server's time in millis. */
final class TestGame {

	long now = 1_000_000L;

	final Game game;

	/** Every event so far, in order. */
	final List<GameEvent> events = new ArrayList<>();

	TestGame(GameSettings settings, GameQuestion... questions) {
		this.game = new Game("g1", List.of(questions), settings, Nicknames.standard(), now);
	}

	Player join(String nickname) {
		return game.join(nickname, "token-" + nickname, now, events);
	}

	List<GameEvent> next() {
		List<GameEvent> caused = Game.events();
		game.next(now, caused);
		events.addAll(caused);
		return caused;
	}

	List<GameEvent> tick() {
		List<GameEvent> caused = Game.events();
		game.tick(now, caused);
		events.addAll(caused);
		return caused;
	}

	List<GameEvent> tickAt(long time) {
		now = time;
		return tick();
	}

	List<GameEvent> skip() {
		List<GameEvent> caused = Game.events();
		game.skip(now, caused);
		events.addAll(caused);
		return caused;
	}

	List<GameEvent> pause() {
		List<GameEvent> caused = Game.events();
		game.pause(now, caused);
		events.addAll(caused);
		return caused;
	}

	List<GameEvent> resume() {
		List<GameEvent> caused = Game.events();
		game.resume(now, caused);
		events.addAll(caused);
		return caused;
	}

	List<GameEvent> end() {
		List<GameEvent> caused = Game.events();
		game.end("HOST_ENDED", now, caused);
		events.addAll(caused);
		return caused;
	}

	List<GameEvent> kick(Player player) {
		List<GameEvent> caused = Game.events();
		game.kick(player.number(), caused);
		events.addAll(caused);
		return caused;
	}

	/** From PREVIEW, lets the preview timer open the options; returns the server's open time. */
	long open() {
		tickAt(game.previewEndsAt());
		return game.opensAt();
	}

	int currentIndex() {
		return game.currentQuestion().orElseThrow().index();
	}

	AnswerReceipt answer(Player player, Submission submission) {
		return game.answer(player.number(), currentIndex(), submission, now);
	}

	AnswerReceipt answerAt(long time, Player player, Submission submission) {
		now = time;
		return answer(player, submission);
	}

	GameEvent.QuestionClosed closed() {
		return game.lastClosed().orElseThrow();
	}

	Outcome outcome(Player player) {
		return closed().outcomes().get(player.number());
	}

	<T extends GameEvent> List<T> all(Class<T> type) {
		return events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** The reason code of the refusal the call must throw. */
	static String refusal(ThrowingCallable call) {
		Throwable thrown = catchThrowable(call);
		assertThat(thrown).as("a refusal").isInstanceOf(Game.Refusal.class);
		return ((Game.Refusal) thrown).code();
	}
}
