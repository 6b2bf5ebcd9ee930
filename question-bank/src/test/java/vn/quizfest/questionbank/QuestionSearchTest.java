package vn.quizfest.questionbank;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.quizfest.questionbank.QuestionStatus.DRAFT;
import static vn.quizfest.questionbank.QuestionStatus.PUBLISHED;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Searching the bank on H2 (MySQL mode); contest-server repeats the essentials on MariaDB. */
class QuestionSearchTest {

	final TestBank db = new TestBank();

	final long bank = db.banks.create("Xã Tả Van", 1L, false);

	final long otherBank = db.banks.create("Xã Bản Hồ", 2L, false);

	@Test
	void textMatchesWithAndWithoutDiacriticsAndInAnyCase() {
		long vneid = db.add(bank, Language.VI, "Định danh điện tử mức 2 dùng để làm gì?", Topic.VNEID, 1, PUBLISHED);
		db.add(bank, Language.VI, "Mã OTP có được chia sẻ không?", Topic.SCAMS_CYBER_SAFETY, 1, PUBLISHED);

		for (String text : List.of("dinh danh", "định danh", "ĐỊNH DANH", "  Định   danh  ", "danh dinh", "muc 2 dien")) {
			assertThat(ids(query().withText(text))).as(text).containsExactly(vneid);
		}
		assertThat(ids(query().withText("dinh danh otp"))).as("every word must match").isEmpty();
	}

	@Test
	void likeWildcardsInTheQueryAreTakenLiterally() {
		long percent = db.add(bank, Language.VI, "Lãi suất 100% mỗi ngày là dấu hiệu gì?", Topic.SCAMS_CYBER_SAFETY, 2,
				PUBLISHED);
		db.add(bank, Language.VI, "Lãi suất 1000 đồng_mỗi ngày", Topic.SCAMS_CYBER_SAFETY, 2, PUBLISHED);

		assertThat(ids(query().withText("100%"))).containsExactly(percent);
		assertThat(ids(query().withText("_"))).hasSize(1);
		assertThat(ids(query().withText("!"))).isEmpty();
	}

	@Test
	void filtersCombine() {
		long match = db.add(bank, Language.VI, "Câu 1", Topic.VNEID, 2, PUBLISHED, "vneid", "cccd");
		db.add(bank, Language.EN, "Question 1", Topic.VNEID, 2, PUBLISHED, "vneid");
		db.add(bank, Language.VI, "Câu 2", Topic.VNEID, 2, DRAFT, "vneid");
		db.add(bank, Language.VI, "Câu 3", Topic.VNEID, 3, PUBLISHED, "vneid");
		db.add(bank, Language.VI, "Câu 4", Topic.AI_TOOLS, 2, PUBLISHED, "vneid");
		db.add(bank, Language.VI, "Câu 5", Topic.VNEID, 2, PUBLISHED, "khac");

		QuestionQuery all = query().withTopic(Topic.VNEID)
			.withDifficulty(2)
			.withStatus(PUBLISHED)
			.withLanguage(Language.VI)
			.withTag("vneid");

		assertThat(ids(all)).containsExactly(match);
		assertThat(db.questions.search(all, 0, 10).items().get(0).tags()).containsExactly("cccd", "vneid");
		assertThat(ids(query().withTag("vneid"))).hasSize(5);
		assertThat(ids(query().withLanguage(Language.EN))).hasSize(1);
	}

	@Test
	void onlyTheGivenBanksAreSearched() {
		long mine = db.add(bank, Language.VI, "Câu của xã Tả Van", Topic.VNEID, 1, PUBLISHED);
		db.add(otherBank, Language.VI, "Câu của xã Bản Hồ", Topic.VNEID, 1, PUBLISHED);

		assertThat(ids(query().withText("cau cua xa"))).containsExactly(mine);
		assertThat(db.questions.search(QuestionQuery.inBanks(Set.of()), 0, 10).total()).isZero();
	}

	@Test
	void pagesAreStableAndTheirSizeIsCapped() {
		List<Long> added = new ArrayList<>();
		for (int i = 0; i < 130; i++) {
			added.add(db.add(bank, Language.VI, "Câu hỏi số " + i, Topic.BASIC_SKILLS, 1, PUBLISHED));
		}

		Page<Question> first = db.questions.search(query(), 0, 50);
		Page<Question> third = db.questions.search(query(), 2, 50);
		Page<Question> huge = db.questions.search(query(), 0, 10_000);
		Page<Question> beyond = db.questions.search(query(), 9, 50);

		assertThat(first.total()).isEqualTo(130);
		assertThat(first.items()).extracting(Question::id).containsExactlyElementsOf(added.subList(0, 50));
		assertThat(third.items()).extracting(Question::id).containsExactlyElementsOf(added.subList(100, 130));
		assertThat(huge.size()).isEqualTo(Questions.MAX_PAGE_SIZE);
		assertThat(huge.items()).hasSize(Questions.MAX_PAGE_SIZE);
		assertThat(beyond.items()).isEmpty();
		assertThat(beyond.total()).isEqualTo(130);
	}

	QuestionQuery query() {
		return QuestionQuery.inBanks(Set.of(bank));
	}

	List<Long> ids(QuestionQuery query) {
		return db.questions.search(query, 0, 100).items().stream().map(Question::id).toList();
	}
}
