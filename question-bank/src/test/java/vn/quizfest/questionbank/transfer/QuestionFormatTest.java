package vn.quizfest.questionbank.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class QuestionFormatTest {

	@Test
	void formatsAreFoundByTheirNames() {
		assertThat(QuestionFormat.fromName("xlsx")).isEqualTo(QuestionFormat.XLSX);
		assertThat(QuestionFormat.fromName(" CSV ")).isEqualTo(QuestionFormat.CSV);
		assertThat(QuestionFormat.fromName("kahoot-xlsx")).isEqualTo(QuestionFormat.KAHOOT_XLSX);
		assertThat(QuestionFormat.fromName("Kahoot")).isEqualTo(QuestionFormat.KAHOOT_XLSX);
		assertThat(QuestionFormat.fromName("json")).isEqualTo(QuestionFormat.JSON);
		assertThatIllegalArgumentException().isThrownBy(() -> QuestionFormat.fromName("xls"));
	}

	@Test
	void eachFormatHasItsMediaTypeAndExtension() {
		assertThat(QuestionFormat.XLSX.contentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(QuestionFormat.KAHOOT_XLSX.extension()).isEqualTo("xlsx");
		assertThat(QuestionFormat.CSV.contentType()).startsWith("text/csv");
		assertThat(QuestionFormat.JSON.extension()).isEqualTo("json");
	}

	@Test
	void defaultOptionsAreVietnameseAllOrNothingFiveMegabytes() {
		ImportOptions options = ImportOptions.defaults();
		assertThat(options.maxBytes()).isEqualTo(5L * 1024 * 1024);
		assertThat(options.validRowsOnly()).isFalse();
		assertThat(options.defaultLanguage()).isEqualTo(vn.quizfest.questionbank.Language.VI);
		assertThatIllegalArgumentException().isThrownBy(() -> new ImportOptions(options.defaultLanguage(),
				options.defaultTopic(), 4, false, 1, null));
	}
}
