package vn.quizfest.server.live.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.game.GameCommand;
import vn.quizfest.server.game.GameCommand.HostAction;
import vn.quizfest.server.game.Submission;

/** Every command of the engine survives the journal: what is read back is what was written. */
class CommandCodecTest {

	private final CommandCodec codec = new CommandCodec(JsonMapper.builder().build());

	static Stream<GameCommand> samples() {
		return Stream.of(new GameCommand.Join("Người chơi \"Một\"\nhai", "tok_AbC-123"), new GameCommand.Join(null, "t"),
				new GameCommand.Join("An", "tok_unit", "10A1"),
				new GameCommand.Resume("tok_AbC-123"), new GameCommand.Disconnect(7),
				new GameCommand.Answer(3, 0, Submission.choice(2)),
				new GameCommand.Answer(3, 1, Submission.choices(List.of(0, 2, 3))),
				new GameCommand.Answer(4, 2, Submission.text("Hà Nội — thủ đô")),
				new GameCommand.Answer(5, 3, Submission.order(List.of(3, 1, 0, 2))),
				new GameCommand.Answer(6, 4, Submission.value(-12.75)),
				new GameCommand.Answer(6, 4, new Submission(null, null, null, null, null)), new GameCommand.Buzz(9),
				GameCommand.Host.of(HostAction.START), new GameCommand.Host(HostAction.KICK, 12, null, null),
				new GameCommand.Host(HostAction.NEXT, null, "OPEN", 4), new GameCommand.Tick(), new GameCommand.Expire());
	}

	@ParameterizedTest
	@MethodSource("samples")
	void aCommandRoundTrips(GameCommand command) {
		assertThat(codec.decode(codec.encode(command))).isEqualTo(command);
	}

	@Test
	void theSamplesCoverEveryKindOfCommandAndEveryHostAction() {
		assertThat(samples().map(Object::getClass).distinct().toList())
			.containsExactlyInAnyOrder(GameCommand.class.getPermittedSubclasses());
		for (HostAction action : HostAction.values()) {
			GameCommand.Host host = GameCommand.Host.of(action);
			assertThat(codec.decode(codec.encode(host))).isEqualTo(host);
		}
		assertThat(Arrays.asList(GameCommand.class.getPermittedSubclasses())).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not json", "[]", "{}", "{\"k\":\"teleport\"}", "{\"k\":\"answer\",\"p\":1,\"q\":0}",
			"{\"k\":\"answer\",\"p\":\"one\",\"q\":0,\"s\":{}}", "{\"k\":\"join\"}", "{\"k\":\"host\",\"a\":\"fly\"}",
			"{\"k\":\"answer\",\"p\":1,\"q\":0,\"s\":{\"choices\":[\"a\"]}}", "{\"k\":\"disconnect\",\"p\":1.5}" })
	void aDamagedOrUnknownEntryIsRefusedByName(String text) {
		assertThatThrownBy(() -> codec.decode(text)).isInstanceOf(CommandCodec.UnreadableCommand.class);
	}
}
