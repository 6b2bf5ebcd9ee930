package vn.quizfest.server.live.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

import vn.quizfest.server.live.cluster.RelayCodec.Received;
import vn.quizfest.server.live.cluster.RelayMessage.Again;
import vn.quizfest.server.live.cluster.RelayMessage.Bound;
import vn.quizfest.server.live.cluster.RelayMessage.OwnerMoved;
import vn.quizfest.server.live.cluster.RelayMessage.ClientClosed;
import vn.quizfest.server.live.cluster.RelayMessage.ClientFrame;
import vn.quizfest.server.live.cluster.RelayMessage.CloseAll;
import vn.quizfest.server.live.cluster.RelayMessage.CloseSocket;
import vn.quizfest.server.live.cluster.RelayMessage.EndGame;
import vn.quizfest.server.live.cluster.RelayMessage.PerSocket;
import vn.quizfest.server.live.cluster.RelayMessage.Resync;
import vn.quizfest.server.live.cluster.RelayMessage.Sync;
import vn.quizfest.server.live.cluster.RelayMessage.ToHosts;
import vn.quizfest.server.live.cluster.RelayMessage.ToPlayers;
import vn.quizfest.server.live.cluster.RelayMessage.ToSocket;

/** Every relay message survives the codec; the text stays what nodes already running expect. */
class RelayCodecTest {

	private static final String FRAME = "{\"type\":\"question\",\"text\":\"Dòng 1\\nDòng 2\",\"q\":3}";

	/** A frame with a real newline in it: the last field of a message takes the rest of the text. */
	private static final String MULTILINE = "{\"type\":\"x\"}\n{\"more\":true}";

	private final RelayCodec codec = new RelayCodec(JsonMapper.builder().build());

	/** One or more samples of every kind of message, with the text it must have on the channel. */
	static Stream<Object[]> samples() {
		Map<String, String> perSocket = new LinkedHashMap<>();
		perSocket.put(PerSocket.key("node-a", "conn-1"), FRAME);
		perSocket.put(PerSocket.key("node-b", "conn-2"), MULTILINE);
		return Stream.of(
				new Object[] { new ClientFrame("node-a", "conn-1", "10.0.0.7", FRAME), "C\nnode-a\nconn-1\n10.0.0.7\n" + FRAME },
				new Object[] { new ClientFrame("node-a", "conn-1", "2001:db8::1", MULTILINE),
						"C\nnode-a\nconn-1\n2001:db8::1\n" + MULTILINE },
				new Object[] { new ClientClosed("node-a", "conn-1"), "D\nnode-a\nconn-1" },
				new Object[] { new ToSocket("node-b", "c9", FRAME), "P\nnode-b\nc9\n" + FRAME },
				new Object[] { new CloseSocket("node-b", "c9", 4001, FRAME), "X\nnode-b\nc9\n4001\n" + FRAME },
				new Object[] { new CloseSocket("node-b", "c9", 1001, ""), "X\nnode-b\nc9\n1001\n" },
				new Object[] { new Bound("node-b", "c9", 17), "K\nnode-b\nc9\n17" },
				new Object[] { new Bound("node-b", "c9", Bound.HOST), "K\nnode-b\nc9\n-1" },
				new Object[] { new Bound("node-b", "c9", 17, "tok-EN_x"), "K\nnode-b\nc9\n17\ntok-EN_x" },
				new Object[] { new ToPlayers(FRAME), "B\n" + FRAME },
				new Object[] { new ToPlayers(MULTILINE), "B\n" + MULTILINE },
				new Object[] { new ToHosts(FRAME), "H\n" + FRAME },
				new Object[] { new PerSocket(perSocket), null },
				new Object[] { new PerSocket(Map.of()), "Q\n{}" },
				new Object[] { new CloseAll(4002, FRAME), "E\n4002\n" + FRAME },
				new Object[] { new EndGame("node-b"), "N\nnode-b" },
				new Object[] { new OwnerMoved("node-c", "123456"), "O\nnode-c\n123456" },
				new Object[] { new Again("node-a", "conn-1", "10.0.0.7", FRAME), "A\nnode-a\nconn-1\n10.0.0.7\n" + FRAME },
				new Object[] { new Again("node-a", "conn-1", "::1", MULTILINE), "A\nnode-a\nconn-1\n::1\n" + MULTILINE },
				new Object[] { new Resync("node-a"), "R\nnode-a" },
				new Object[] { new Sync(), "G" });
	}

	private static boolean toOwner(RelayMessage message) {
		return message instanceof ClientFrame || message instanceof ClientClosed || message instanceof EndGame
				|| message instanceof Again;
	}

	/** With a sequence number the text has a header after its kind letter; the rest is the same. */
	@ParameterizedTest
	@MethodSource("samples")
	void aNumberedMessageRoundTripsWithItsSenderAndNumber(RelayMessage message, String text) {
		String encoded = codec.encode(message, "node-x1", 42);
		String plain = codec.encode(message);
		assertThat(encoded).isEqualTo(plain.charAt(0) + "42@node-x1" + plain.substring(1));
		assertThat(codec.decodeReceived(encoded)).contains(new Received("node-x1", 42, message));
		assertThat(codec.decode(encoded)).contains(message);
		assertThat(RelayCodec.isToOwner(encoded)).isEqualTo(toOwner(message));
		assertThat(RelayCodec.isToOwner(message)).isEqualTo(toOwner(message));
		// The largest number a long holds still fits.
		assertThat(codec.decodeReceived(codec.encode(message, "n", Long.MAX_VALUE)))
			.contains(new Received("n", Long.MAX_VALUE, message));
	}

	@Test
	void aTextWithoutANumberIsReadAsNumberZeroFromNobody() {
		assertThat(codec.decodeReceived("P\nnode-b\nc9\n" + FRAME))
			.contains(new Received("", 0, new ToSocket("node-b", "c9", FRAME)));
		assertThat(codec.decodeReceived("G")).contains(new Received("", 0, new Sync()));
	}

	@Test
	void onlyANumberFromOneAndANodeIdMakeAHeader() {
		assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(new Sync(), "node", 0));
		assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(new Sync(), "node", -5));
		assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(new Sync(), "", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(new Sync(), "no@de", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> codec.encode(new Sync(), "no\nde", 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "P0@n\nn\nc\nf", "P-1@n\nn\nc\nf", "Px@n\nn\nc\nf", "P5@\nn\nc\nf", "P5n\nn\nc\nf",
			"P@n\nn\nc\nf", "P99999999999999999999@n\nn\nc\nf", "G5", "G@n", "G5@", "G\n", "G5@n\nmore", "R\n",
			"R\na\nb", "R5@n", "A\nn\nc\naddress", "B5@n" })
	void aBadHeaderOrAMissingFieldDecodesToNothing(String text) {
		assertThat(codec.decodeReceived(text)).isEmpty();
		assertThat(codec.decode(text)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("samples")
	void aMessageRoundTrips(RelayMessage message, String text) {
		String encoded = codec.encode(message);
		if (text != null) {
			assertThat(encoded).isEqualTo(text);
		}
		assertThat(codec.decode(encoded)).contains(message);
		assertThat(RelayCodec.isToOwner(encoded)).isEqualTo(toOwner(message));
	}

	@Test
	void theSamplesCoverEveryKindOfMessage() {
		List<Class<?>> sampled = samples().<Class<?>>map(sample -> sample[0].getClass()).distinct().toList();
		assertThat(sampled).containsExactlyInAnyOrder(RelayMessage.class.getPermittedSubclasses());
		assertThat(Arrays.asList(RelayMessage.class.getPermittedSubclasses())).hasSize(14);
	}

	@Test
	void framesForManySocketsKeepEachSocketsOwnFrame() {
		Map<String, String> frames = new LinkedHashMap<>();
		for (int i = 0; i < 500; i++) {
			frames.put(PerSocket.key("node-" + (i % 3), "conn-" + i), "{\"type\":\"result\",\"rank\":" + i + "}");
		}
		RelayMessage decoded = codec.decode(codec.encode(new PerSocket(frames))).orElseThrow();
		assertThat(((PerSocket) decoded).frames()).isEqualTo(frames);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "C", "C\n", "Cnode", "Z\nwhat", "C\nnode-a\nconn-1", "D\nnode-a", "P\nn\nc",
			"X\nn\nc\n4001", "X\nn\nc\nnot-a-code\nframe", "K\nn\nc\nplayer", "K\nn\nc", "E\nframe-without-code",
			"E\nabc\nframe", "Q\nnot json", "Q\n[1,2", "N\n", "N\nnode-a\nconn-1" })
	void aTextThatIsNoMessageDecodesToNothing(String text) {
		assertThat(codec.decode(text)).isEmpty();
	}
}
