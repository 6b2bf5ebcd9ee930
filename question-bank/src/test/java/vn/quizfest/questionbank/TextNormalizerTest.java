package vn.quizfest.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

	@Test
	void foldsVietnameseDiacriticsCaseAndSpaces() {
		assertThat(TextNormalizer.fold("  Định   danh ĐIỆN TỬ  ")).isEqualTo("dinh danh dien tu");
		assertThat(TextNormalizer.fold("Cổng Dịch vụ công Quốc gia")).isEqualTo("cong dich vu cong quoc gia");
	}

	@Test
	void composedAndDecomposedTextFoldTheSame() {
		String composed = "Chữ ký số";
		String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);

		assertThat(decomposed).isNotEqualTo(composed);
		assertThat(TextNormalizer.fold(decomposed)).isEqualTo(TextNormalizer.fold(composed)).isEqualTo("chu ky so");
	}
}
