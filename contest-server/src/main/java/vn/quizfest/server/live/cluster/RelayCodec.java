package vn.quizfest.server.live.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.quizfest.server.live.cluster.RelayMessage.Bound;
import vn.quizfest.server.live.cluster.RelayMessage.ClientClosed;
import vn.quizfest.server.live.cluster.RelayMessage.ClientFrame;
import vn.quizfest.server.live.cluster.RelayMessage.CloseAll;
import vn.quizfest.server.live.cluster.RelayMessage.CloseSocket;
import vn.quizfest.server.live.cluster.RelayMessage.EndGame;
import vn.quizfest.server.live.cluster.RelayMessage.OwnerMoved;
import vn.quizfest.server.live.cluster.RelayMessage.PerSocket;
import vn.quizfest.server.live.cluster.RelayMessage.ToHosts;
import vn.quizfest.server.live.cluster.RelayMessage.ToPlayers;
import vn.quizfest.server.live.cluster.RelayMessage.ToSocket;

/**
 * The text of {@link RelayMessage}s on a game's channel: a kind letter, then fields separated by
 * newlines, the last of which (a frame) may itself hold newlines. Node and socket ids never do.
 * {@code C node conn frame}, {@code D node conn}, {@code P node conn frame},
 * {@code X node conn code frame}, {@code K node conn player [token]}, {@code B frame}, {@code H frame},
 * {@code Q json-of-frames-by-socket}, {@code E code frame}, {@code N node}, {@code O node pin}.
 */
public final class RelayCodec {

	private final JsonMapper json;

	public RelayCodec(JsonMapper json) {
		this.json = json;
	}

	public String encode(RelayMessage message) {
		return message.accept(new RelayMessage.Handler<String>() {

			@Override
			public String clientFrame(ClientFrame m) {
				return join('C', m.node(), m.conn(), m.address(), m.frame());
			}

			@Override
			public String clientClosed(ClientClosed m) {
				return join('D', m.node(), m.conn());
			}

			@Override
			public String toSocket(ToSocket m) {
				return join('P', m.node(), m.conn(), m.frame());
			}

			@Override
			public String closeSocket(CloseSocket m) {
				return join('X', m.node(), m.conn(), Integer.toString(m.code()), m.frame());
			}

			@Override
			public String bound(Bound m) {
				// A host has no token: the text stays as before failover, which older nodes read.
				return m.token().isEmpty() ? join('K', m.node(), m.conn(), Integer.toString(m.player()))
						: join('K', m.node(), m.conn(), Integer.toString(m.player()), m.token());
			}

			@Override
			public String toPlayers(ToPlayers m) {
				return join('B', m.frame());
			}

			@Override
			public String toHosts(ToHosts m) {
				return join('H', m.frame());
			}

			@Override
			public String perSocket(PerSocket m) {
				ObjectNode frames = json.createObjectNode();
				m.frames().forEach(frames::put);
				return join('Q', json.writeValueAsString(frames));
			}

			@Override
			public String closeAll(CloseAll m) {
				return join('E', Integer.toString(m.code()), m.frame());
			}

			@Override
			public String endGame(EndGame m) {
				return join('N', m.node());
			}

			@Override
			public String ownerMoved(OwnerMoved m) {
				return join('O', m.node(), m.pin());
			}
		});
	}

	/**
	 * Whether a text is for the node that holds the game (a client's frame or close, an organiser's
	 * end): every node hears
	 * every message of the channel, and this sorts them without parsing.
	 */
	public static boolean isToOwner(String text) {
		return !text.isEmpty() && (text.charAt(0) == 'C' || text.charAt(0) == 'D' || text.charAt(0) == 'N');
	}

	/** The message in a text, or empty when the text is not one (a newer node's kind, or damage). */
	public Optional<RelayMessage> decode(String text) {
		if (text.length() < 2 || text.charAt(1) != '\n') {
			return Optional.empty();
		}
		String body = text.substring(2);
		try {
			return Optional.ofNullable(switch (text.charAt(0)) {
				case 'C' -> {
					String[] f = fields(body, 4);
					yield f == null ? null : new ClientFrame(f[0], f[1], f[2], f[3]);
				}
				case 'D' -> {
					String[] f = fields(body, 2);
					yield f == null ? null : new ClientClosed(f[0], f[1]);
				}
				case 'P' -> {
					String[] f = fields(body, 3);
					yield f == null ? null : new ToSocket(f[0], f[1], f[2]);
				}
				case 'X' -> {
					String[] f = fields(body, 4);
					yield f == null ? null : new CloseSocket(f[0], f[1], Integer.parseInt(f[2]), f[3]);
				}
				case 'K' -> {
					// A node of the build before failover sends no token.
					String[] f = body.split("\n", 4);
					yield f.length < 3 ? null
							: new Bound(f[0], f[1], Integer.parseInt(f[2]), f.length == 4 ? f[3] : "");
				}
				case 'B' -> new ToPlayers(body);
				case 'H' -> new ToHosts(body);
				case 'Q' -> perSocket(body);
				case 'N' -> body.isEmpty() || body.indexOf('\n') >= 0 ? null : new EndGame(body);
				case 'E' -> {
					String[] f = fields(body, 2);
					yield f == null ? null : new CloseAll(Integer.parseInt(f[0]), f[1]);
				}
				case 'O' -> {
					String[] f = fields(body, 2);
					yield f == null ? null : new OwnerMoved(f[0], f[1]);
				}
				default -> null;
			});
		}
		catch (NumberFormatException | JacksonException ex) {
			return Optional.empty();
		}
	}

	private PerSocket perSocket(String body) {
		JsonNode node = json.readTree(body);
		Map<String, String> frames = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			frames.put(entry.getKey(), entry.getValue().asString());
		}
		return new PerSocket(frames);
	}

	/** Exactly {@code count} fields, the last taking the rest of the text; null when there are fewer. */
	private static String[] fields(String body, int count) {
		String[] parts = body.split("\n", count);
		return parts.length == count ? parts : null;
	}

	private static String join(char kind, String... fields) {
		StringBuilder text = new StringBuilder(2 + fields.length * 16);
		text.append(kind);
		for (String field : fields) {
			text.append('\n').append(field);
		}
		return text.toString();
	}
}
