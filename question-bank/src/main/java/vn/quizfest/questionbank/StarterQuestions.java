package vn.quizfest.questionbank;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.transaction.support.TransactionOperations;

import tools.jackson.databind.json.JsonMapper;

/**
 * The small starter set of published questions (Vietnamese and English) that an empty database
 * receives, so a fresh server can host a game at once.
 */
public class StarterQuestions {

	public static final String BANK_NAME = "QuizFest – Bộ câu hỏi khởi đầu";

	static final String RESOURCE = "questionbank/starter-questions.json";

	private static final Logger log = LoggerFactory.getLogger(StarterQuestions.class);

	private final QuestionBanks banks;

	private final Questions questions;

	private final JsonMapper json;

	private final TransactionOperations transactions;

	public StarterQuestions(QuestionBanks banks, Questions questions, JsonMapper json,
			TransactionOperations transactions) {
		this.banks = banks;
		this.questions = questions;
		this.json = json;
		this.transactions = transactions;
	}

	/** Loads the starter set when the database holds no question; returns how many rows it wrote. */
	public int loadIfEmpty() {
		Integer written = transactions.execute(status -> {
			if (questions.count() > 0) {
				return 0;
			}
			long bankId = banks.create(BANK_NAME, null, true);
			List<Question> starter = read(new ClassPathResource(RESOURCE), bankId);
			starter.forEach(questions::add);
			return starter.size();
		});
		int count = written == null ? 0 : written;
		if (count > 0) {
			log.info("Loaded {} starter questions into an empty database", count);
		}
		return count;
	}

	/** Reads the starter file for the given bank: one entry per question, a language version per row. */
	List<Question> read(Resource resource, long bankId) {
		List<StarterEntry> entries;
		try (InputStream in = resource.getInputStream()) {
			entries = List.of(json.readValue(in, StarterEntry[].class));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + resource, ex);
		}
		List<Question> result = new ArrayList<>();
		for (StarterEntry entry : entries) {
			String group = UUID.nameUUIDFromBytes(("starter:" + entry.key()).getBytes()).toString();
			for (Map.Entry<String, StarterText> version : entry.versions().entrySet()) {
				StarterText text = version.getValue();
				result.add(new Question(null, bankId, group, Language.fromCode(version.getKey()), entry.type(), text.text(),
						text.options(), AnswerKey.options(entry.correct()), text.explanation(),
						entry.timeLimitSeconds(), entry.points(), entry.difficulty(), entry.topic(), entry.tags(), null,
						entry.source(), QuestionStatus.PUBLISHED, "QuizFest", entry.key(), null, null, 0));
			}
		}
		return result;
	}

	record StarterText(String text, List<String> options, String explanation) {
	}

	record StarterEntry(String key, QuestionType type, Topic topic, int difficulty, int timeLimitSeconds,
			Points points, List<Integer> correct, List<String> tags, String source, StarterText vi, StarterText en) {

		Map<String, StarterText> versions() {
			return en == null ? Map.of("vi", vi) : Map.of("vi", vi, "en", en);
		}
	}
}
