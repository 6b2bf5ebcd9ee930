package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import vn.quizfest.server.game.format.hosted.HostPacedFormat;

/** A game under test with a clock the test moves by hand: {@code now} is the server's time in millis. */
final class TestGame {

	long now = 1_000_000L;

	final Game game;

	/** The game's format, for what only the host-paced flow has (its clock, receipts, last close). */
	final HostPacedFormat hosted;

	/** Every event so far, in order. */
	final List<GameEvent> events = new ArrayList<>();

	TestGame(GameSettings settings, GameQuestion... questions) {
		this.game = Game.hostPaced("g1", List.of(questions), settings, Nicknames.standard(), now);
		this.hosted = (HostPacedFormat) game.format();
	}

	/** Runs one command at {@code now}, keeps its events, and returns the decision. */
	Decision handle(GameCommand command) {
		Decision decision = game.handle(command, now);
		events.addAll(decision.events());
		return decision;
	}

	/** Runs one command; a refused one throws its reason as a {@link Game.Refusal}, for {@link #refusal}. */
	List<GameEvent> run(GameCommand command) {
		Decision decision = handle(command);
		if (decision.reply() instanceof Decision.Reply.Refused refused) {
			throw new Game.Refusal(refused.code());
		}
		return decision.events();
	}

	private List<GameEvent> host(GameCommand.HostAction action) {
		return run(GameCommand.Host.of(action));
	}

	Player join(String nickname) {
		return join(nickname, "token-" + nickname);
	}

	Player join(String nickname, String token) {
		Decision decision = handle(new GameCommand.Join(nickname, token));
		if (decision.reply() instanceof Decision.Reply.Refused refused) {
			throw new Game.Refusal(refused.code());
		}
		return ((Decision.Reply.Joined) decision.reply()).player();
	}

	/** Team play by unit: joins for a unit (by id). */
	Player joinFor(String nickname, String unit) {
		Decision decision = handle(new GameCommand.Join(nickname, "token-" + nickname, unit));
		if (decision.reply() instanceof Decision.Reply.Refused refused) {
			throw new Game.Refusal(refused.code());
		}
		return ((Decision.Reply.Joined) decision.reply()).player();
	}

	Player resume(String token) {
		Decision decision = handle(new GameCommand.Resume(token));
		if (decision.reply() instanceof Decision.Reply.Refused refused) {
			throw new Game.Refusal(refused.code());
		}
		return ((Decision.Reply.Resumed) decision.reply()).player();
	}

	void disconnect(int player) {
		run(new GameCommand.Disconnect(player));
	}

	List<GameEvent> start() {
		return host(GameCommand.HostAction.START);
	}

	List<GameEvent> next() {
		return host(GameCommand.HostAction.NEXT);
	}

	List<GameEvent> tick() {
		return run(new GameCommand.Tick());
	}

	List<GameEvent> tickAt(long time) {
		now = time;
		return tick();
	}

	List<GameEvent> skip() {
		return host(GameCommand.HostAction.SKIP);
	}

	List<GameEvent> pause() {
		return host(GameCommand.HostAction.PAUSE);
	}

	List<GameEvent> resume() {
		return host(GameCommand.HostAction.RESUME);
	}

	List<GameEvent> end() {
		return host(GameCommand.HostAction.END);
	}

	List<GameEvent> kick(Player player) {
		return kick(player.number());
	}

	List<GameEvent> kick(int player) {
		return run(new GameCommand.Host(GameCommand.HostAction.KICK, player, null, null));
	}

	/** From PREVIEW, lets the preview timer open the options; returns the server's open time. */
	long open() {
		tickAt(hosted.previewEndsAt());
		return hosted.opensAt();
	}

	int currentIndex() {
		return game.currentQuestion().orElseThrow().index();
	}

	AnswerReceipt answer(Player player, Submission submission) {
		return answer(player.number(), currentIndex(), submission);
	}

	AnswerReceipt answer(int player, int question, Submission submission) {
		Decision decision = handle(new GameCommand.Answer(player, question, submission));
		return ((Decision.Reply.Answered) decision.reply()).receipt();
	}

	AnswerReceipt answerAt(long time, Player player, Submission submission) {
		now = time;
		return answer(player, submission);
	}

	GameEvent.QuestionClosed closed() {
		return hosted.lastClosed().orElseThrow();
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
