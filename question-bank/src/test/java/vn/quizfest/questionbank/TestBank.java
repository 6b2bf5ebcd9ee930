package vn.quizfest.questionbank;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/** A fresh H2 database in MySQL mode with this module's migrations, and its repositories. */
final class TestBank {

	final DataSource dataSource;

	final JdbcClient jdbc;

	final Questions questions;

	final QuestionBanks banks;

	final Quizzes quizzes;

	final TransactionTemplate transactions;

	TestBank() {
		var h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(h2).locations("classpath:db/migration/questionbank").load().migrate();
		dataSource = h2;
		jdbc = JdbcClient.create(h2);
		questions = new Questions(jdbc, JsonMapper.builder().build());
		banks = new QuestionBanks(jdbc);
		quizzes = new Quizzes(jdbc, questions);
		transactions = new TransactionTemplate(new DataSourceTransactionManager(h2));
	}

	/** A valid single-choice question; tests change what they care about with {@link #with}. */
	static Question question(long bankId, Language language, String text, Topic topic, int difficulty,
			QuestionStatus status, String... tags) {
		return new Question(null, bankId, UUID.randomUUID().toString(), language, QuestionType.SINGLE_CHOICE, text,
				List.of("Đúng là nó", "Không phải", "Chưa rõ"), AnswerKey.options(List.of(0)), "Giải thích ngắn.", 20,
				Points.STANDARD, difficulty, topic, List.of(tags), null, null, status, "Tổ soạn đề", null, null, null, 0);
	}

	long add(long bankId, Language language, String text, Topic topic, int difficulty, QuestionStatus status,
			String... tags) {
		return questions.add(question(bankId, language, text, topic, difficulty, status, tags));
	}

	static Question withText(Question q, String text) {
		return new Question(q.id(), q.bankId(), q.translationGroup(), q.language(), q.type(), text, q.options(),
				q.answer(), q.explanation(), q.timeLimitSeconds(), q.points(), q.difficulty(), q.topic(), q.tags(),
				q.imageUrl(), q.source(), q.status(), q.author(), q.externalKey(), q.createdAt(), q.updatedAt(),
				q.version());
	}

	static Question withTags(Question q, String... tags) {
		return new Question(q.id(), q.bankId(), q.translationGroup(), q.language(), q.type(), q.text(), q.options(),
				q.answer(), q.explanation(), q.timeLimitSeconds(), q.points(), q.difficulty(), q.topic(), List.of(tags),
				q.imageUrl(), q.source(), q.status(), q.author(), q.externalKey(), q.createdAt(), q.updatedAt(),
				q.version());
	}

	static Question withTranslation(Question q, String group, Language language, String text) {
		return new Question(q.id(), q.bankId(), group, language, q.type(), text, q.options(), q.answer(),
				q.explanation(), q.timeLimitSeconds(), q.points(), q.difficulty(), q.topic(), q.tags(), q.imageUrl(),
				q.source(), q.status(), q.author(), q.externalKey(), q.createdAt(), q.updatedAt(), q.version());
	}
}
