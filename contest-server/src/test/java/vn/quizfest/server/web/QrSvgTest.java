package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** QR codes as SVG: scanned back with ZXing's reader, and in a form a strict CSP page can show at any size. */
class QrSvgTest {

	@Test
	void aJoinLinkReadsBack() throws Exception {
		String link = "http://192.168.1.20:8080/join/482913";

		byte[] svg = QrSvg.of(link);

		assertThat(QrDecoding.decode(svg)).isEqualTo(link);
	}

	@Test
	void vietnameseTextReadsBackExactly() throws Exception {
		String text = "https://thi.sotttt.gov.vn/admin/host.html#game=01m8505er1pbcrq7dfa1w2dm68&token=Whb5PZarxNbdFU2k5wZ62R8L "
				+ "Hội thi “Bình dân học vụ số” xã Tân Hòa – Đoàn Thanh niên; ".repeat(5);

		assertThat(QrDecoding.decode(QrSvg.of(text))).isEqualTo(text);
	}

	@Test
	void theSvgScalesAndCarriesNothingACspWouldBlock() {
		String svg = new String(QrSvg.of("http://localhost:8080/join/123456"), StandardCharsets.US_ASCII);

		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
			.contains("shape-rendering=\"crispEdges\"")
			.containsOnlyOnce("<path ")
			.containsOnlyOnce("<rect ")
			.doesNotContain("<script", "style", "href", "<image", "<foreignObject")
			.doesNotContainPattern("\\son\\w+=");
		String root = svg.substring(0, svg.indexOf('>'));
		assertThat(root).doesNotContain("width=", "height=");
		// 25 modules (version 2) and a quiet zone of 2 on each side.
		int size = Integer.parseInt(root.replaceAll(".*viewBox=\"0 0 (\\d+) .*", "$1"));
		assertThat((size - 2 * QrSvg.QUIET_ZONE - 17) % 4).isZero();
		assertThat(svg).contains("<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>");
	}

	@Test
	void textTooLongForAnyQrCodeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> QrSvg.of("ữ".repeat(1000)));
	}
}
