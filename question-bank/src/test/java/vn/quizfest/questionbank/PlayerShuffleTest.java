package vn.quizfest.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vn.quizfest.questionbank.PlayerShuffle.Permutation;

/** Per-player shuffles: deterministic, different between players, and reversible. */
class PlayerShuffleTest {

	@Test
	void thePlayerGetsTheSameOrderAgainAfterAReconnect() {
		Permutation first = PlayerShuffle.of(99, 17).questionOrder(20);
		Permutation again = PlayerShuffle.of(99, 17).questionOrder(20);

		assertThat(again).isEqualTo(first);
		assertThat(first.order()).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).boxed().toList());
	}

	@Test
	void neighboursAndOtherGamesGetOtherOrders() {
		Set<List<Integer>> orders = new HashSet<>();
		for (long player = 1; player <= 50; player++) {
			orders.add(PlayerShuffle.of(99, player).questionOrder(10).order());
		}
		orders.add(PlayerShuffle.of(100, 1).questionOrder(10).order());

		assertThat(orders).as("51 orders of 10 questions hardly ever repeat").hasSizeGreaterThan(48);
	}

	@Test
	void optionOrdersDifferFromQuestionToQuestionAndMapBackToTheAnswerKey() {
		PlayerShuffle shuffle = PlayerShuffle.of(2026, 7);
		List<String> options = List.of("VNeID", "Zalo", "Facebook", "TikTok", "Gmail", "YouTube");
		Set<List<Integer>> orders = new HashSet<>();
		for (int question = 0; question < 10; question++) {
			orders.add(shuffle.optionOrder(question, options.size()).order());
		}
		Permutation order = shuffle.optionOrder(3, options.size());
		List<String> shown = order.apply(options);

		int shownVneid = shown.indexOf("VNeID");
		assertThat(orders).hasSizeGreaterThan(1);
		assertThat(order.shown(0)).isEqualTo(shownVneid);
		assertThat(order.original(shownVneid)).isZero();
		assertThat(order.toOriginal(List.of(shown.indexOf("Gmail"), shownVneid))).containsExactly(4, 0);
		assertThat(shuffle.optionOrder(3, options.size())).isEqualTo(order);
	}

	@Test
	void trueFalseKeepsItsOrderAndTypedAnswersHaveNoOptions() {
		PlayerShuffle shuffle = PlayerShuffle.of(1, 1);
		Question trueFalse = new Question(1L, 1, "g", Language.VI, QuestionType.TRUE_FALSE, "Đúng hay sai?", List.of("Đúng", "Sai"),
				AnswerKey.options(List.of(0)), null, 20, Points.STANDARD, 1, Topic.VNEID, List.of(), null, null,
				QuestionStatus.PUBLISHED, null, null, null, null, 0);
		Question typed = new Question(2L, 1, "h", Language.VI, QuestionType.TYPE_ANSWER, "Gõ đáp án", List.of(),
				new AnswerKey(List.of(), List.of("vneid"), null, null), null, 20, Points.STANDARD, 1, Topic.VNEID,
				List.of(), null, null, QuestionStatus.PUBLISHED, null, null, null, null, 0);

		for (int question = 0; question < 20; question++) {
			assertThat(shuffle.optionOrder(question, trueFalse).order()).containsExactly(0, 1);
			assertThat(shuffle.optionOrder(question, typed).size()).isZero();
		}
	}

	@Test
	void aSeedKeepsGivingTheSameOrderAcrossReleases() {
		// Pinned: a changed algorithm would show a resuming player a different order than before.
		assertThat(PlayerShuffle.of(123456789L, 42).questionOrder(8).order()).containsExactly(PINNED);
	}

	static final Integer[] PINNED = { 6, 5, 0, 3, 1, 4, 2, 7 };
}
