package vn.quizfest.server.live.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import vn.quizfest.server.live.cluster.RelayMessage.Again;
import vn.quizfest.server.live.cluster.RelayMessage.Bound;
import vn.quizfest.server.live.cluster.RelayMessage.ClientClosed;
import vn.quizfest.server.live.cluster.RelayMessage.ClientFrame;
import vn.quizfest.server.live.cluster.RelayMessage.CloseAll;
import vn.quizfest.server.live.cluster.RelayMessage.CloseSocket;
import vn.quizfest.server.live.cluster.RelayMessage.EndGame;
import vn.quizfest.server.live.cluster.RelayMessage.OwnerMoved;
import vn.quizfest.server.live.cluster.RelayMessage.PerSocket;
import vn.quizfest.server.live.cluster.RelayMessage.Resync;
import vn.quizfest.server.live.cluster.RelayMessage.Sync;
import vn.quizfest.server.live.cluster.RelayMessage.ToHosts;
import vn.quizfest.server.live.cluster.RelayMessage.ToPlayers;
import vn.quizfest.server.live.cluster.RelayMessage.ToSocket;

/**
 * The text of {@link RelayMessage}s on a game's channel: a kind letter, an optional header, then fields
 * separated by newlines, the last of which (a frame) may itself hold newlines. Node and socket ids never
 * do. {@code C node conn address frame}, {@code D node conn}, {@code A node conn address frame},
 * {@code P node conn frame}, {@code X node conn code frame}, {@code K node conn player [token]},
 * {@code B frame}, {@code H frame}, {@code Q json-of-frames-by-socket}, {@code E code frame},
 * {@code N node}, {@code O node pin}, {@code R node}, {@code G}.
 *
 * <p>The header, between the kind letter and the first newline, is the message's sequence number and its
 * sender's node id, {@code <seq>@<node>} ({@code P42@node-b\n...}): each node numbers what it sends on a
 * game's channel, one sequence to the owner and one from it, so that a receiver notices a message that
 * never came. A text without a header (the build before sequence numbers) has sequence number 0: it is
 * read, never checked.
 */
public final class RelayCodec {

	private final JsonMapper json;

	public RelayCodec(JsonMapper json) {
		this.json = json;
	}

	/** The text of a message without a sequence number. */
	public String encode(RelayMessage message) {
		return encode(message, "");
	}

	/** The text of a message that is number {@code seq} (from 1) of what {@code sender} says on the channel. */
	public String encode(RelayMessage message, String sender, long seq) {
		if (seq <= 0 || sender.isEmpty() || sender.indexOf('\n') >= 0 || sender.indexOf('@') >= 0) {
			throw new IllegalArgumentException("A sequence number from 1 and a node id without '@' or newlines");
		}
		return encode(message, seq + "@" + sender);
	}

	private String encode(RelayMessage message, String header) {
		return message.accept(new RelayMessage.Handler<String>() {

			private String join(char kind, String... fields) {
				return RelayCodec.join(kind, header, fields);
			}

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

			@Override
			public String again(Again m) {
				return join('A', m.node(), m.conn(), m.address(), m.frame());
			}

			@Override
			public String resync(Resync m) {
				return join('R', m.node());
			}

			@Override
			public String sync(Sync m) {
				return join('G');
			}
		});
	}

	/**
	 * A message as it came off the channel.
	 *
	 * @param sender the node that numbered it, empty when it has no sequence number
	 * @param seq its number in the sender's sequence, 0 for none
	 */
	public record Received(String sender, long seq, RelayMessage message) {
	}

	/**
	 * Whether a text is for the node that holds the game (a client's frame or close, an organiser's
	 * end): every node hears
	 * every message of the channel, and this sorts them without parsing.
	 */
	public static boolean isToOwner(String text) {
		if (text.isEmpty()) {
			return false;
		}
		char kind = text.charAt(0);
		return kind == 'C' || kind == 'D' || kind == 'N' || kind == 'A';
	}

	/** Whether a message is for the node that holds the game: the same sorting as {@link #isToOwner(String)}. */
	public static boolean isToOwner(RelayMessage message) {
		return message.accept(TO_OWNER);
	}

	/** Every kind sorted: a new kind fails the build until it is sorted here too. */
	private static final RelayMessage.Handler<Boolean> TO_OWNER = new RelayMessage.Handler<>() {

		@Override
		public Boolean clientFrame(ClientFrame message) {
			return true;
		}

		@Override
		public Boolean clientClosed(ClientClosed message) {
			return true;
		}

		@Override
		public Boolean toSocket(ToSocket message) {
			return false;
		}

		@Override
		public Boolean closeSocket(CloseSocket message) {
			return false;
		}

		@Override
		public Boolean bound(Bound message) {
			return false;
		}

		@Override
		public Boolean toPlayers(ToPlayers message) {
			return false;
		}

		@Override
		public Boolean toHosts(ToHosts message) {
			return false;
		}

		@Override
		public Boolean perSocket(PerSocket message) {
			return false;
		}

		@Override
		public Boolean closeAll(CloseAll message) {
			return false;
		}

		@Override
		public Boolean endGame(EndGame message) {
			return true;
		}

		@Override
		public Boolean ownerMoved(OwnerMoved message) {
			return false;
		}

		@Override
		public Boolean again(Again message) {
			return true;
		}

		@Override
		public Boolean resync(Resync message) {
			return false;
		}

		@Override
		public Boolean sync(Sync message) {
			return false;
		}
	};

	/** The message in a text, or empty when the text is not one (a newer node's kind, or damage). */
	public Optional<RelayMessage> decode(String text) {
		return decodeReceived(text).map(Received::message);
	}

	/** The message in a text with its sender and sequence number, or empty when the text is not one. */
	public Optional<Received> decodeReceived(String text) {
		if (text.isEmpty()) {
			return Optional.empty();
		}
		// A kind without fields (G) has no newline: its header runs to the end.
		int newline = text.indexOf('\n');
		boolean fieldless = newline < 0;
		int end = fieldless ? text.length() : newline;
		String sender = "";
		long seq = 0;
		if (end > 1) {
			int at = text.indexOf('@', 1);
			if (at < 2 || at >= end - 1) {
				return Optional.empty();
			}
			try {
				seq = Long.parseLong(text, 1, at, 10);
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
			if (seq <= 0) {
				return Optional.empty();
			}
			sender = text.substring(at + 1, end);
		}
		String body = fieldless ? "" : text.substring(end + 1);
		String from = sender;
		long number = seq;
		return message(text.charAt(0), body, fieldless).map(m -> new Received(from, number, m));
	}

	private Optional<RelayMessage> message(char kind, String body, boolean fieldless) {
		if (fieldless != (kind == 'G')) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(switch (kind) {
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
				case 'A' -> {
					String[] f = fields(body, 4);
					yield f == null ? null : new Again(f[0], f[1], f[2], f[3]);
				}
				case 'R' -> body.isEmpty() || body.indexOf('\n') >= 0 ? null : new Resync(body);
				case 'G' -> new Sync();
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

	private static String join(char kind, String header, String... fields) {
		StringBuilder text = new StringBuilder(2 + header.length() + fields.length * 16);
		text.append(kind).append(header);
		for (String field : fields) {
			text.append('\n').append(field);
		}
		return text.toString();
	}
}
