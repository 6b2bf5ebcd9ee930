package vn.quizfest.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A question's image comes from this server's /api/images only. */
class QuestionImageUrlTest {

	static final String OWN = "/api/images/" + "0f".repeat(32);

	static Question withImage(String imageUrl) {
		return new Question(null, 1L, UUID.randomUUID().toString(), Language.VI, QuestionType.TRUE_FALSE,
				"Mã OTP có được chia sẻ cho người khác không?", List.of(), AnswerKey.options(List.of(1)), null, 20,
				Points.STANDARD, 1, Topic.SCAMS_CYBER_SAFETY, List.of(), imageUrl, null, QuestionStatus.DRAFT, null, null,
				null, null, 0);
	}

	static List<String> imageViolations(String imageUrl) {
		return QuestionValidator.validate(withImage(imageUrl))
			.stream()
			.filter(violation -> violation.field().equals("imageUrl"))
			.map(QuestionValidator.Violation::code)
			.toList();
	}

	@Test
	void anImageUploadedToThisServerIsTaken() {
		assertThat(imageViolations(OWN)).isEmpty();
		assertThat(imageViolations(null)).isEmpty();
	}

	@Test
	void scriptDataAndOutsideAddressesAreAFieldError() {
		for (String url : List.of("javascript:alert(document.cookie)", "JavaScript:alert(1)",
				"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=", "https://tracker.example/pixel.png",
				"//tracker.example/api/images/" + "0f".repeat(32), "/api/images/" + "0f".repeat(32) + "?x=1",
				"/api/images/../auth/logout", " " + OWN, "/api/images/" + "0F".repeat(32))) {
			assertThat(imageViolations(url)).as(url).containsExactly("question.image-url.not-own");
		}
	}
}
