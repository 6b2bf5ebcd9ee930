package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.quizfest.questionbank.Points;
import vn.quizfest.server.game.Decision.Reply;
import vn.quizfest.server.game.GameCommand.Host;
import vn.quizfest.server.game.GameCommand.HostAction;
import vn.quizfest.server.game.GameEvent.PlayerDisconnected;
import vn.quizfest.server.game.GameEvent.PlayerReconnected;
import vn.quizfest.server.game.GameEvent.QuestionClosed;

/** The engine's one input and its decision: replies, refusals as replies, the stale-command rule. */
class GameCommandTest {

	private final TestGame g = new TestGame(Fixtures.instant(), Fixtures.single(0, 20, Points.STANDARD, 1),
			Fixtures.single(1, 20, Points.STANDARD, 2));

	@Test
	void aJoinRepliesWithThePlayerAndTellsTheEvent() {
		Decision decision = g.handle(new GameCommand.Join("An", "token-an"));
		assertThat(decision.reply()).isInstanceOfSatisfying(Reply.Joined.class,
				joined -> assertThat(joined.player().nickname()).isEqualTo("An"));
		assertThat(decision.events()).singleElement().isInstanceOf(GameEvent.PlayerJoined.class);
	}

	@Test
	void aRefusalIsAReplyWithNoEvents() {
		Decision decision = g.handle(Host.of(HostAction.START));
		assertThat(decision.reply()).isEqualTo(new Reply.Refused("NO_PLAYERS"));
		assertThat(decision.isRefused()).isTrue();
		assertThat(decision.events()).isEmpty();
		assertThat(g.handle(new GameCommand.Resume("no-such-token")).reply())
			.isEqualTo(new Reply.Refused("RESUME_UNKNOWN"));
	}

	@Test
	void theHostPacedFormatRefusesABuzz() {
		Player an = g.join("An");
		assertThat(g.handle(new GameCommand.Buzz(an.number())).reply()).isEqualTo(new Reply.Refused("UNKNOWN_TYPE"));
	}

	@Test
	void aHostActionNamingAPhaseOrQuestionTheGameLeftIsStale() {
		g.join("An");
		g.next();
		assertThat(g.game.phase()).isEqualTo(Phase.OPEN);
		Decision wrongPhase = g.handle(new Host(HostAction.NEXT, null, "LOBBY", null));
		assertThat(wrongPhase.reply()).isEqualTo(new Reply.Refused("STALE_COMMAND"));
		Decision wrongQuestion = g.handle(new Host(HostAction.NEXT, null, "OPEN", 1));
		assertThat(wrongQuestion.reply()).isEqualTo(new Reply.Refused("STALE_COMMAND"));
		assertThat(g.game.phase()).as("nothing moved").isEqualTo(Phase.OPEN);
		Decision current = g.handle(new Host(HostAction.NEXT, null, "OPEN", 0));
		assertThat(current.reply()).isEqualTo(new Reply.Done());
		assertThat(current.events()).singleElement().isInstanceOf(QuestionClosed.class);
	}

	@Test
	void anAnswerRepliesWithItsReceiptAndTheQuestionClosesOnTheNextTick() {
		Player an = g.join("An");
		g.next();
		Decision decision = g.handle(new GameCommand.Answer(an.number(), 0, Submission.choice(1)));
		assertThat(decision.reply()).isInstanceOfSatisfying(Reply.Answered.class,
				answered -> assertThat(answered.receipt().accepted()).isTrue());
		assertThat(decision.events()).isEmpty();
		assertThat(g.handle(new GameCommand.Tick()).events()).singleElement().isInstanceOf(QuestionClosed.class);
	}

	@Test
	void disconnectsAndReturnsAreEventsOnlyWhenTheyChangeSomething() {
		Player an = g.join("An");
		assertThat(g.handle(new GameCommand.Disconnect(an.number())).events()).singleElement()
			.isInstanceOf(PlayerDisconnected.class);
		assertThat(g.handle(new GameCommand.Disconnect(an.number())).events()).isEmpty();
		Decision back = g.handle(new GameCommand.Resume("token-An"));
		assertThat(back.reply()).isInstanceOf(Reply.Resumed.class);
		assertThat(back.events()).singleElement().isInstanceOf(PlayerReconnected.class);
		assertThat(g.handle(new GameCommand.Resume("token-An")).events()).isEmpty();
	}

	@Test
	void aLockedLobbyRefusesJoinsAndPruneRemovesTheDisconnectedWhoNeverAnswered() {
		Player an = g.join("An");
		Player binh = g.join("Bình");
		Decision locked = g.handle(Host.of(HostAction.LOCK));
		assertThat(locked.events()).containsExactly(new GameEvent.LobbyLocked(true));
		assertThat(g.game.lobbyLocked()).isTrue();
		assertThat(g.handle(new GameCommand.Join("Chi", "token-chi")).reply())
			.isEqualTo(new Reply.Refused("LOBBY_LOCKED"));
		assertThat(g.handle(Host.of(HostAction.UNLOCK)).events()).containsExactly(new GameEvent.LobbyLocked(false));
		g.disconnect(binh.number());
		Decision pruned = g.handle(Host.of(HostAction.PRUNE));
		assertThat(pruned.reply()).isEqualTo(new Reply.Removed(1));
		assertThat(pruned.events()).singleElement().isInstanceOfSatisfying(GameEvent.PlayerKicked.class,
				kicked -> assertThat(kicked.player().number()).isEqualTo(binh.number()));
		assertThat(g.game.activePlayerCount()).isEqualTo(1);
		assertThat(g.game.player(an.number()).orElseThrow().kicked()).isFalse();
	}

	@Test
	void hostActionsHaveTheirWireNames() {
		for (HostAction action : HostAction.values()) {
			assertThat(HostAction.fromWire(action.wireName())).contains(action);
		}
		assertThat(HostAction.fromWire("launch")).isEmpty();
		assertThat(HostAction.START.wireName()).isEqualTo("start");
	}
}
