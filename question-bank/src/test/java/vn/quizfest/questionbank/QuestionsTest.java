package vn.quizfest.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Storage on H2 in MySQL mode with this module's migrations. The same code runs against MariaDB in
 * contest-server's cluster integration tests.
 */
class QuestionsTest {

	final JdbcClient jdbc;

	final Questions questions;

	final QuestionBanks banks;

	QuestionsTest() {
		var dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/questionbank").load().migrate();
		JsonMapper json = JsonMapper.builder().build();
		jdbc = JdbcClient.create(dataSource);
		questions = new Questions(jdbc, json);
		banks = new QuestionBanks(jdbc);
	}

	@Test
	void aQuestionSurvivesTheRoundTripWithVietnameseText() {
		long bank = banks.create("Trường Tiểu học Hòa Bình", null, false);
		Question question = new Question(null, bank, UUID.randomUUID().toString(), Language.VI,
				QuestionType.MULTIPLE_SELECT, "Những thông tin nào KHÔNG được chia sẻ qua điện thoại?",
				List.of("Mã OTP", "Mật khẩu ngân hàng", "Tên trường học", "Số CCCD"), AnswerKey.options(List.of(0, 1, 3)),
				"Kẻ gian dùng OTP và mật khẩu để chiếm tài khoản.", 30, Points.DOUBLE, 2, Topic.SCAMS_CYBER_SAFETY,
				List.of("otp", "lừa-đảo"), "/api/images/a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1", "Bộ Công an", QuestionStatus.REVIEWED,
				"Phạm Minh Đức", "ext-1", null, null, 0);

		Question stored = questions.findById(questions.add(question)).orElseThrow();

		assertThat(stored).usingRecursiveComparison()
			.ignoringFields("id", "createdAt", "updatedAt", "tags")
			.isEqualTo(question);
		assertThat(stored.tags()).containsExactlyInAnyOrder("otp", "lừa-đảo");
		assertThat(stored.createdAt()).isNotNull();
		assertThat(jdbc.sql("SELECT normalized_text FROM question WHERE id = ?").param(stored.id()).query(String.class).single())
			.isEqualTo("nhung thong tin nao khong duoc chia se qua dien thoai?");
	}
}
