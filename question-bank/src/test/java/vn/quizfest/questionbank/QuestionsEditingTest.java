package vn.quizfest.questionbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/** Creating, changing and deleting questions on H2 (MySQL mode). */
class QuestionsEditingTest {

	final TestBank db = new TestBank();

	final long bank = db.banks.create("Phường Hòa Bình", 1L, false);

	@Test
	void anUpdateAtTheCurrentVersionWritesEverythingAndBumpsTheVersion() {
		long id = db.add(bank, Language.VI, "Câu hỏi cũ", Topic.VNEID, 1, QuestionStatus.DRAFT, "cu");
		Question stored = db.questions.findById(id).orElseThrow();

		Question updated = db.questions.update(TestBank.withTags(TestBank.withText(stored, "Định danh điện tử"), "moi", "vneid"));

		assertThat(updated.version()).isEqualTo(stored.version() + 1);
		assertThat(updated.text()).isEqualTo("Định danh điện tử");
		assertThat(updated.tags()).containsExactly("moi", "vneid");
		assertThat(updated.createdAt()).isEqualTo(stored.createdAt());
		assertThat(updated.updatedAt()).isAfterOrEqualTo(stored.updatedAt());
		assertThat(db.questions.search(QuestionQuery.inBanks(Set.of(bank)).withText("dinh danh"), 0, 10).total())
			.as("the folded text follows the new text")
			.isEqualTo(1);
	}

	@Test
	void anUpdateFromAStaleVersionIsRefusedAndChangesNothing() {
		long id = db.add(bank, Language.VI, "Bản gốc", Topic.VNEID, 1, QuestionStatus.DRAFT);
		Question read = db.questions.findById(id).orElseThrow();
		db.questions.update(TestBank.withText(read, "Người thứ nhất sửa"));

		assertThatThrownBy(() -> db.questions.update(TestBank.withTags(TestBank.withText(read, "Người thứ hai sửa"), "x")))
			.isInstanceOfSatisfying(StaleVersionException.class, ex -> {
				assertThat(ex.entity()).isEqualTo("question");
				assertThat(ex.id()).isEqualTo(id);
				assertThat(ex.expectedVersion()).isEqualTo(read.version());
			});
		Question now = db.questions.findById(id).orElseThrow();
		assertThat(now.text()).isEqualTo("Người thứ nhất sửa");
		assertThat(now.tags()).isEmpty();
	}

	@Test
	void invalidQuestionsAreNeitherAddedNorUpdated() {
		Question noText = TestBank.withText(TestBank.question(bank, Language.VI, "x", Topic.VNEID, 1, QuestionStatus.DRAFT), " ");

		assertThatThrownBy(() -> db.questions.add(noText)).isInstanceOfSatisfying(InvalidQuestionException.class,
				ex -> assertThat(ex.violations()).extracting(QuestionValidator.Violation::code)
					.containsExactly("question.text.required"));
		assertThat(db.questions.count()).isZero();

		long id = db.add(bank, Language.VI, "Hợp lệ", Topic.VNEID, 1, QuestionStatus.DRAFT);
		Question stored = db.questions.findById(id).orElseThrow();
		assertThatThrownBy(() -> db.questions.update(TestBank.withText(stored, "")))
			.isInstanceOf(InvalidQuestionException.class);
		assertThat(db.questions.findById(id).orElseThrow().text()).isEqualTo("Hợp lệ");
	}

	@Test
	void theStatusChangesWithOrWithoutAVersionCheck() {
		long id = db.add(bank, Language.VI, "Duyệt tôi", Topic.VNEID, 1, QuestionStatus.DRAFT);

		Question reviewed = db.questions.changeStatus(id, QuestionStatus.REVIEWED, 0);
		Question published = db.questions.changeStatus(id, QuestionStatus.PUBLISHED, null);

		assertThat(reviewed.status()).isEqualTo(QuestionStatus.REVIEWED);
		assertThat(published.status()).isEqualTo(QuestionStatus.PUBLISHED);
		assertThat(published.version()).isEqualTo(2);
		assertThatThrownBy(() -> db.questions.changeStatus(id, QuestionStatus.DRAFT, 0))
			.isInstanceOf(StaleVersionException.class);
		assertThatThrownBy(() -> db.questions.changeStatus(987654, QuestionStatus.DRAFT, null))
			.isInstanceOf(StaleVersionException.class);
	}

	@Test
	void languageVersionsAreFoundByTheirTranslationGroup() {
		String group = UUID.randomUUID().toString();
		Question vi = TestBank.question(bank, Language.VI, "Chữ ký số là gì?", Topic.DIGITAL_SIGNATURE, 2,
				QuestionStatus.PUBLISHED);
		db.questions.add(TestBank.withTranslation(vi, group, Language.EN, "What is a digital signature?"));
		db.questions.add(TestBank.withTranslation(vi, group, Language.VI, "Chữ ký số là gì?"));
		db.add(bank, Language.VI, "Câu khác", Topic.DIGITAL_SIGNATURE, 2, QuestionStatus.PUBLISHED);

		assertThat(db.questions.findByTranslationGroup(group)).extracting(Question::language)
			.containsExactly(Language.VI, Language.EN);
	}

	@Test
	void tagsThatDifferOnlyInCaseOrAccentsAreStoredOnce() {
		long id = db.questions.add(TestBank.question(bank, Language.VI, "Thẻ trùng", Topic.SCAMS_CYBER_SAFETY, 1,
				QuestionStatus.DRAFT, "lừa-đảo", "OTP", "lua-dao", "otp"));

		assertThat(db.questions.findById(id).orElseThrow().tags()).containsExactly("OTP", "lừa-đảo");
	}

	@Test
	void deletingAQuestionRemovesItsTagsButNotWhileAQuizListsIt() {
		long kept = db.add(bank, Language.VI, "Trong đề thi", Topic.VNEID, 1, QuestionStatus.PUBLISHED, "a");
		long gone = db.add(bank, Language.VI, "Bị xóa", Topic.VNEID, 1, QuestionStatus.PUBLISHED, "a", "b");
		long quiz = db.quizzes.create(1L, "Đề thi", null, Language.VI, null, List.of(kept));

		assertThat(db.questions.delete(gone)).isTrue();
		assertThat(db.questions.delete(gone)).isFalse();
		assertThat(db.jdbc.sql("SELECT COUNT(*) FROM question_tag WHERE question_id = ?").param(gone).query(Long.class).single())
			.isZero();
		assertThatThrownBy(() -> db.questions.delete(kept)).isInstanceOfSatisfying(QuestionInUseException.class,
				ex -> assertThat(ex.quizIds()).containsExactly(quiz));
		assertThat(db.questions.findById(kept)).isPresent();
	}

	@Test
	void aPageOfQuestionsReadsItsTagsWithOneQuery() {
		for (int i = 0; i < 40; i++) {
			db.add(bank, Language.VI, "Câu " + i, Topic.BASIC_SKILLS, 1, QuestionStatus.PUBLISHED, "t" + i, "chung");
		}
		var counting = new CountingDataSource(db.dataSource);
		var questions = new Questions(JdbcClient.create(counting), JsonMapper.builder().build());

		Page<Question> page = questions.search(QuestionQuery.inBanks(Set.of(bank)), 0, 40);

		assertThat(page.items()).hasSize(40).allSatisfy(q -> assertThat(q.tags()).hasSize(2));
		assertThat(counting.statements).as("count, page, tags").hasValue(3);
	}
}
