package vn.quizfest.questionbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Quizzes and their ordered question lists on H2 (MySQL mode). */
class QuizzesTest {

	final TestBank db = new TestBank();

	final long bank = db.banks.create("Trường THCS Kim Đồng", 5L, false);

	final long first = db.add(bank, Language.VI, "Câu một", Topic.VNEID, 1, QuestionStatus.PUBLISHED, "a");

	final long second = db.add(bank, Language.VI, "Câu hai", Topic.AI_TOOLS, 2, QuestionStatus.PUBLISHED);

	final long third = db.add(bank, Language.VI, "Câu ba", Topic.PERSONAL_DATA, 3, QuestionStatus.PUBLISHED, "b");

	@Test
	void aQuizKeepsItsQuestionsInTheGivenOrder() {
		long id = db.quizzes.create(5L, "Rung chuông vàng", "Vòng loại", Language.VI, 42L, List.of(third, first, second));

		Quiz quiz = db.quizzes.findById(id).orElseThrow();
		List<Question> questions = db.quizzes.quizQuestions(id);

		assertThat(quiz.title()).isEqualTo("Rung chuông vàng");
		assertThat(quiz.description()).isEqualTo("Vòng loại");
		assertThat(quiz.ownerOrganisationId()).isEqualTo(5L);
		assertThat(quiz.createdBy()).isEqualTo(42L);
		assertThat(quiz.version()).isZero();
		assertThat(quiz.questionIds()).containsExactly(third, first, second);
		assertThat(questions).extracting(Question::text).containsExactly("Câu ba", "Câu một", "Câu hai");
		assertThat(questions.get(0).tags()).containsExactly("b");
		assertThat(quiz.settingsJson()).isNull();
	}

	@Test
	void aQuizKeepsItsSettingsTextAsGivenAndAnUpdateReplacesIt() {
		String settings = "{\"leaderboardSize\":10,\"autoAdvance\":true}";
		long id = db.quizzes.create(5L, "Đề có cài đặt", null, Language.VI, null, List.of(first), settings);

		assertThat(db.quizzes.findById(id).orElseThrow().settingsJson()).isEqualTo(settings);
		assertThat(db.quizzes.findByOwner(5L).get(0).settingsJson()).isEqualTo(settings);

		db.transactions.executeWithoutResult(
				status -> db.quizzes.update(id, "Đề có cài đặt", null, "{\"previewSeconds\":0}", List.of(first), 0));
		assertThat(db.quizzes.findById(id).orElseThrow().settingsJson()).isEqualTo("{\"previewSeconds\":0}");
		db.transactions.executeWithoutResult(status -> db.quizzes.update(id, "Đề có cài đặt", null, null, List.of(first), 1));
		assertThat(db.quizzes.findById(id).orElseThrow().settingsJson()).isNull();

		String tooLong = "{\"x\":\"" + "a".repeat(Quizzes.MAX_SETTINGS_JSON) + "\"}";
		assertThatThrownBy(() -> db.quizzes.create(5L, "Quá dài", null, Language.VI, null, List.of(), tooLong))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(db.quizzes.findByOwner(5L)).extracting(Quiz::title).doesNotContain("Quá dài");
	}

	@Test
	void renamingAndReplacingTheListEachNeedTheCurrentVersion() {
		long id = db.quizzes.create(5L, "Tên cũ", null, Language.VI, null, List.of(first));

		db.quizzes.rename(id, "Tên mới", "Mô tả", 0);
		db.quizzes.replaceQuestions(id, List.of(second, third), 1);

		Quiz quiz = db.quizzes.findById(id).orElseThrow();
		assertThat(quiz.title()).isEqualTo("Tên mới");
		assertThat(quiz.questionIds()).containsExactly(second, third);
		assertThat(quiz.version()).isEqualTo(2);
		assertThatThrownBy(() -> db.quizzes.rename(id, "Muộn", null, 1)).isInstanceOf(StaleVersionException.class);
		assertThatThrownBy(() -> db.quizzes.replaceQuestions(id, List.of(first), 0))
			.isInstanceOf(StaleVersionException.class);
		assertThat(db.quizzes.findById(id).orElseThrow().questionIds()).containsExactly(second, third);
	}

	@Test
	void anUpdateChangesTitleAndListTogether() {
		long id = db.quizzes.create(5L, "Đề", null, Language.VI, null, List.of(first, second));

		db.transactions.executeWithoutResult(status -> db.quizzes.update(id, "Đề mới", null, null, List.of(third), 0));
		assertThatThrownBy(() -> db.transactions
			.executeWithoutResult(status -> db.quizzes.update(id, "Đề cũ", null, null, List.of(first), 0)))
			.isInstanceOf(StaleVersionException.class);

		Quiz quiz = db.quizzes.findById(id).orElseThrow();
		assertThat(quiz.title()).isEqualTo("Đề mới");
		assertThat(quiz.questionIds()).containsExactly(third);
	}

	@Test
	void quizzesAreListedPerOwnerNewestFirst() {
		long older = db.quizzes.create(5L, "Cũ", null, Language.VI, null, List.of(first));
		long newer = db.quizzes.create(5L, "Mới", null, Language.VI, null, List.of(second, third));
		long elsewhere = db.quizzes.create(6L, "Nơi khác", null, Language.VI, null, List.of());
		long admins = db.quizzes.create(null, "Của quản trị", null, Language.EN, null, List.of());

		assertThat(db.quizzes.findByOwner(5L)).extracting(Quiz::id).containsExactly(newer, older);
		assertThat(db.quizzes.findByOwner(5L).get(0).questionIds()).containsExactly(second, third);
		assertThat(db.quizzes.findByOwner(null)).extracting(Quiz::id).containsExactly(admins);
		assertThat(db.quizzes.findAll()).extracting(Quiz::id).containsExactly(admins, elsewhere, newer, older);
	}

	@Test
	void deletingAQuizFreesItsQuestions() {
		long id = db.quizzes.create(5L, "Tạm", null, Language.VI, null, List.of(first));

		assertThat(db.quizzes.delete(id)).isTrue();
		assertThat(db.quizzes.findById(id)).isEmpty();
		assertThat(db.quizzes.quizQuestions(id)).isEmpty();
		assertThat(db.questions.delete(first)).isTrue();
	}

	@Test
	void aBankIsDeletedWithItsQuestionsUnlessAQuizUsesOne() {
		long other = db.banks.create("Bộ đề tạm", 5L, false);
		db.add(other, Language.VI, "Tạm", Topic.VNEID, 1, QuestionStatus.DRAFT, "x");
		db.quizzes.create(5L, "Đề", null, Language.VI, null, List.of(first));

		assertThatThrownBy(() -> db.banks.delete(bank)).isInstanceOf(QuestionInUseException.class);
		assertThat(db.banks.delete(other)).isTrue();
		assertThat(db.banks.findById(other)).isEmpty();
		assertThat(db.questions.countInBank(other)).isZero();
		assertThat(db.banks.findById(bank).orElseThrow().questionCount()).isEqualTo(3);
	}

	@Test
	void banksAreVisibleWhenSharedOrOwned() {
		long shared = db.banks.create("Bộ chung", null, true);
		long foreign = db.banks.create("Của đơn vị khác", 6L, false);

		assertThat(db.banks.findSharedOrOwnedBy(5L)).extracting(QuestionBank::id).containsExactly(shared, bank);
		assertThat(db.banks.findSharedOrOwnedBy(null)).extracting(QuestionBank::id).containsExactly(shared);
		assertThat(db.banks.findAll()).extracting(QuestionBank::id).contains(shared, bank, foreign);
		assertThat(db.banks.update(foreign, "Đổi tên", true)).isTrue();
		assertThat(db.banks.findById(foreign).orElseThrow()).extracting(QuestionBank::name, QuestionBank::shared)
			.containsExactly("Đổi tên", true);
	}
}
