package vn.quizfest.loadtest;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Builds answers that are right or wrong on purpose. It knows the answer keys of a game the
 * simulator created (read from the question bank); for a game it attached to, it answers with a
 * valid shape at random and cannot aim. Options are matched by their text, because the server
 * shuffles ordering options.
 */
final class AnswerBook {

	/** One question's key as the bank holds it. */
	record Key(String type, List<String> options, List<Integer> correct, String accepted, double value,
			double tolerance) {

		static Key of(JsonNode question) {
			List<String> options = new ArrayList<>();
			question.path("options").forEach(o -> options.add(o.asString()));
			List<Integer> correct = new ArrayList<>();
			JsonNode answer = question.path("answer");
			answer.path("correct").forEach(c -> correct.add(c.asInt()));
			String accepted = answer.path("accepted").path(0).asString("");
			return new Key(question.path("type").asString(), options, correct, accepted,
					answer.path("value").asDouble(0), answer.path("tolerance").asDouble(0));
		}
	}

	/** What the simulator meant to send. */
	enum Intent {
		RIGHT, WRONG, UNKNOWN
	}

	private final List<Key> keys;

	AnswerBook(List<Key> keys) {
		this.keys = List.copyOf(keys);
	}

	static AnswerBook unknown() {
		return new AnswerBook(List.of());
	}

	boolean knows(int question) {
		return question >= 0 && question < keys.size();
	}

	/** The answer's JSON fields after {@code "q":n,} (no braces), for the question as the open frame shows it. */
	String answerFields(int question, JsonNode open, boolean right, double pick) {
		String qtype = open.path("qtype").asString();
		List<String> shown = new ArrayList<>();
		open.path("options").forEach(o -> shown.add(o.asString()));
		if (!knows(question)) {
			return randomAnswer(qtype, shown, pick);
		}
		Key key = keys.get(question);
		switch (qtype) {
			case "SINGLE_CHOICE", "TRUE_FALSE" -> {
				int correct = shownIndex(key, key.correct().isEmpty() ? 0 : key.correct().get(0), shown);
				if (right || shown.size() < 2) {
					return "\"choice\":" + correct;
				}
				int other = (int) (pick * (shown.size() - 1));
				return "\"choice\":" + (other >= correct ? other + 1 : other);
			}
			case "MULTIPLE_SELECT" -> {
				List<Integer> picked = new ArrayList<>();
				for (int i = 0; i < shown.size(); i++) {
					boolean isCorrect = key.correct().contains(key.options().indexOf(shown.get(i)));
					if (right == isCorrect) {
						picked.add(i);
					}
				}
				if (picked.isEmpty()) {
					picked.add(0);
				}
				return "\"choices\":" + picked;
			}
			case "ORDERING" -> {
				List<Integer> order = new ArrayList<>();
				for (int bankIndex : key.correct()) {
					order.add(shownIndex(key, bankIndex, shown));
				}
				if (!right) {
					java.util.Collections.reverse(order);
				}
				return "\"order\":" + order;
			}
			case "TYPE_ANSWER" -> {
				return "\"text\":" + quote(right && !key.accepted().isEmpty() ? key.accepted() : "không biết");
			}
			case "NUMERIC" -> {
				return "\"value\":" + (right ? key.value() : key.value() + key.tolerance() + 1000);
			}
			default -> {
				return randomAnswer(qtype, shown, pick);
			}
		}
	}

	Intent intent(int question, String qtype, boolean right) {
		if (!knows(question) || "POLL".equals(qtype)) {
			return Intent.UNKNOWN;
		}
		return right ? Intent.RIGHT : Intent.WRONG;
	}

	private static int shownIndex(Key key, int bankIndex, List<String> shown) {
		if (bankIndex < 0 || bankIndex >= key.options().size()) {
			return 0;
		}
		int index = shown.indexOf(key.options().get(bankIndex));
		return index < 0 ? bankIndex : index;
	}

	private static String randomAnswer(String qtype, List<String> shown, double pick) {
		int n = Math.max(1, shown.size());
		int choice = Math.min(n - 1, (int) (pick * n));
		switch (qtype) {
			case "MULTIPLE_SELECT" -> {
				return "\"choices\":[" + choice + "]";
			}
			case "ORDERING" -> {
				List<Integer> order = new ArrayList<>();
				for (int i = 0; i < shown.size(); i++) {
					order.add(i);
				}
				return "\"order\":" + order;
			}
			case "TYPE_ANSWER" -> {
				return "\"text\":\"không biết\"";
			}
			case "NUMERIC" -> {
				return "\"value\":" + choice;
			}
			default -> {
				return "\"choice\":" + choice;
			}
		}
	}

	static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}
}
