package vn.quizfest.server.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Formats are told by their first bytes, sizes read from the header. */
class ImageFormatTest {

	@Test
	void realImagesAreRecognisedWithTheirSize() {
		assertThat(ImageFormat.detect(TestImages.drawn("png", 40, 30))).hasValue(ImageFormat.PNG);
		assertThat(ImageFormat.PNG.size(TestImages.drawn("png", 40, 30))).isEqualTo(new ImageFormat.Size(40, 30));
		assertThat(ImageFormat.detect(TestImages.drawn("jpg", 321, 123))).hasValue(ImageFormat.JPEG);
		assertThat(ImageFormat.JPEG.size(TestImages.drawn("jpg", 321, 123))).isEqualTo(new ImageFormat.Size(321, 123));
		assertThat(ImageFormat.detect(TestImages.drawn("gif", 17, 300))).hasValue(ImageFormat.GIF);
		assertThat(ImageFormat.GIF.size(TestImages.drawn("gif", 17, 300))).isEqualTo(new ImageFormat.Size(17, 300));
	}

	@Test
	void webpHeadersOfEachKindGiveTheirSize() {
		assertThat(ImageFormat.detect(TestImages.webpExtended(1920, 1080))).hasValue(ImageFormat.WEBP);
		assertThat(ImageFormat.WEBP.size(TestImages.webpExtended(1920, 1080))).isEqualTo(new ImageFormat.Size(1920, 1080));
		assertThat(ImageFormat.WEBP.size(TestImages.webpLossless(800, 600))).isEqualTo(new ImageFormat.Size(800, 600));
		assertThat(ImageFormat.WEBP.size(TestImages.webpLossy(640, 480))).isEqualTo(new ImageFormat.Size(640, 480));
	}

	@Test
	void otherFilesAreNoImage() {
		for (String text : new String[] { "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
				"%PDF-1.7", "GIF88a", "RIFF\0\0\0\0WAVEfmt ", "", "\u0089PN" }) {
			assertThat(ImageFormat.detect(text.getBytes(StandardCharsets.ISO_8859_1))).as(text).isEmpty();
		}
		assertThat(ImageFormat.detect(new byte[] { (byte) 0xff, (byte) 0xd8 })).isEmpty();
	}

	@Test
	void aHeaderCutShortHasNoSize() {
		byte[] png = TestImages.drawn("png", 40, 30);
		byte[] jpeg = TestImages.drawn("jpg", 40, 30);
		assertThat(ImageFormat.PNG.size(Arrays.copyOf(png, 20))).isNull();
		assertThat(ImageFormat.JPEG.size(Arrays.copyOf(jpeg, 40))).isNull();
		assertThat(ImageFormat.GIF.size("GIF89a".getBytes(StandardCharsets.US_ASCII))).isNull();
		assertThat(ImageFormat.WEBP.size(Arrays.copyOf(TestImages.webpExtended(10, 10), 20))).isNull();
		assertThat(ImageFormat.PNG.size(TestImages.pngOfSize(100))).isNull();
	}
}
