package vn.quizfest.server.live.cluster;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import vn.quizfest.server.game.GameCommand;
import vn.quizfest.server.game.GameSnapshot;
import vn.quizfest.server.game.Submission;

/**
 * The text of the engine's commands in a game's journal: one JSON object per command, its kind in
 * {@code k}. A rebuilt game replays these texts with their {@code now}, so this is the one place that
 * writes and reads them; whatever a format does, it sees the same {@link GameCommand} it saw first.
 * {@code join {n, t}}, {@code resume {t}}, {@code disconnect {p}}, {@code answer {p, q, s}},
 * {@code buzz {p}}, {@code host {a, p, ph, q}}, {@code tick}, {@code expire}.
 */
public final class CommandCodec {

	/** A journal text this build cannot read (damage, or a command of a newer build). */
	public static final class UnreadableCommand extends RuntimeException {

		UnreadableCommand(String message) {
			super(message);
		}
	}

	private final JsonMapper json;

	/**
	 * The snapshots' mapper: the records there are one per player (players, answers, outcomes, standings),
	 * so they are written as arrays in component order, not objects with their names, and other nulls are
	 * left out. That keeps a 2,000-player snapshot to a few hundred kilobytes (docs/operations.md, "Failover").
	 * A change to those records' components changes the text: {@link GameSnapshot#VERSION} goes up with it.
	 */
	private final JsonMapper snapshots;

	@JsonFormat(shape = JsonFormat.Shape.ARRAY)
	private interface AsArray {
	}

	public CommandCodec(JsonMapper json) {
		this.json = json;
		this.snapshots = json.rebuild()
			.addMixIn(GameSnapshot.PlayerState.class, AsArray.class)
			.addMixIn(GameSnapshot.AnswerState.class, AsArray.class)
			.addMixIn(vn.quizfest.server.game.Outcome.class, AsArray.class)
			.addMixIn(vn.quizfest.server.game.Standing.class, AsArray.class)
			.addMixIn(vn.quizfest.server.game.AnswerReceipt.class, AsArray.class)
			.addMixIn(Submission.class, AsArray.class)
			.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
	}

	/**
	 * The text of a game's snapshot (the engine's {@link GameSnapshot} records as JSON), stored beside the
	 * journal: a rebuilt game starts from it and replays only the commands after it.
	 */
	public String encodeSnapshot(GameSnapshot snapshot) {
		return snapshots.writeValueAsString(snapshot);
	}

	/** Reads a snapshot's text; throws {@link UnreadableCommand} for damage or a shape this build does not know. */
	public GameSnapshot decodeSnapshot(String text) {
		try {
			GameSnapshot snapshot = snapshots.readValue(text, GameSnapshot.class);
			if (snapshot == null) {
				throw new UnreadableCommand("an empty snapshot");
			}
			return snapshot;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new UnreadableCommand("an unreadable snapshot: " + ex.getMessage());
		}
	}

	public String encode(GameCommand command) {
		ObjectNode node = json.createObjectNode();
		command.accept(new GameCommand.Handler<Void>() {

			@Override
			public Void join(GameCommand.Join join) {
				node.put("k", "join");
				if (join.nickname() != null) {
					node.put("n", join.nickname());
				}
				node.put("t", join.resumeToken());
				if (join.unit() != null) {
					node.put("u", join.unit());
				}
				return null;
			}

			@Override
			public Void resume(GameCommand.Resume resume) {
				node.put("k", "resume").put("t", resume.resumeToken());
				return null;
			}

			@Override
			public Void disconnect(GameCommand.Disconnect disconnect) {
				node.put("k", "disconnect").put("p", disconnect.player());
				return null;
			}

			@Override
			public Void answer(GameCommand.Answer answer) {
				node.put("k", "answer").put("p", answer.player()).put("q", answer.question());
				node.set("s", submission(answer.submission()));
				return null;
			}

			@Override
			public Void buzz(GameCommand.Buzz buzz) {
				node.put("k", "buzz").put("p", buzz.player());
				return null;
			}

			@Override
			public Void host(GameCommand.Host host) {
				node.put("k", "host").put("a", host.action().wireName());
				if (host.player() != null) {
					node.put("p", host.player());
				}
				if (host.expectedPhase() != null) {
					node.put("ph", host.expectedPhase());
				}
				if (host.expectedQuestion() != null) {
					node.put("q", host.expectedQuestion());
				}
				return null;
			}

			@Override
			public Void tick(GameCommand.Tick tick) {
				node.put("k", "tick");
				return null;
			}

			@Override
			public Void expire(GameCommand.Expire expire) {
				node.put("k", "expire");
				return null;
			}
		});
		return json.writeValueAsString(node);
	}

	/** The command in a journal text; throws {@link UnreadableCommand} when it is none. */
	public GameCommand decode(String text) {
		JsonNode node;
		try {
			node = json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new UnreadableCommand("not JSON: " + ex.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			throw new UnreadableCommand("not a JSON object");
		}
		String kind = node.path("k").asString("");
		return switch (kind) {
			case "join" -> new GameCommand.Join(string(node, "n"), required(node, "t"), string(node, "u"));
			case "resume" -> new GameCommand.Resume(required(node, "t"));
			case "disconnect" -> new GameCommand.Disconnect(number(node, "p"));
			case "answer" -> new GameCommand.Answer(number(node, "p"), number(node, "q"), submission(node.path("s")));
			case "buzz" -> new GameCommand.Buzz(number(node, "p"));
			case "host" -> new GameCommand.Host(GameCommand.HostAction.fromWire(node.path("a").asString(""))
				.orElseThrow(() -> new UnreadableCommand("unknown host action " + node.path("a"))), optionalNumber(node, "p"),
					string(node, "ph"), optionalNumber(node, "q"));
			case "tick" -> new GameCommand.Tick();
			case "expire" -> new GameCommand.Expire();
			default -> throw new UnreadableCommand("unknown command kind '" + kind + "'");
		};
	}

	private ObjectNode submission(Submission submission) {
		ObjectNode node = json.createObjectNode();
		if (submission.choice() != null) {
			node.put("choice", submission.choice());
		}
		if (submission.choices() != null) {
			ArrayNode choices = node.putArray("choices");
			submission.choices().forEach(choices::add);
		}
		if (submission.text() != null) {
			node.put("text", submission.text());
		}
		if (submission.order() != null) {
			ArrayNode order = node.putArray("order");
			submission.order().forEach(order::add);
		}
		if (submission.value() != null) {
			node.put("value", submission.value());
		}
		return node;
	}

	private static Submission submission(JsonNode node) {
		if (!node.isObject()) {
			throw new UnreadableCommand("an answer without its submission");
		}
		JsonNode value = node.path("value");
		return new Submission(optionalNumber(node, "choice"), numbers(node, "choices"), string(node, "text"),
				numbers(node, "order"), value.isNumber() ? value.asDouble() : null);
	}

	private static @Nullable List<Integer> numbers(JsonNode node, String field) {
		JsonNode array = node.get(field);
		if (array == null || array.isNull()) {
			return null;
		}
		if (!array.isArray()) {
			throw new UnreadableCommand(field + " is not a list");
		}
		List<Integer> numbers = new ArrayList<>(array.size());
		for (JsonNode item : array) {
			if (!item.isInt()) {
				throw new UnreadableCommand(field + " holds a non-integer");
			}
			numbers.add(item.asInt());
		}
		return numbers;
	}

	private static String required(JsonNode node, String field) {
		String value = string(node, field);
		if (value == null) {
			throw new UnreadableCommand("missing " + field);
		}
		return value;
	}

	private static @Nullable String string(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	private static int number(JsonNode node, String field) {
		Integer value = optionalNumber(node, field);
		if (value == null) {
			throw new UnreadableCommand("missing " + field);
		}
		return value;
	}

	private static @Nullable Integer optionalNumber(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isInt()) {
			throw new UnreadableCommand(field + " is not an integer");
		}
		return value.asInt();
	}
}
