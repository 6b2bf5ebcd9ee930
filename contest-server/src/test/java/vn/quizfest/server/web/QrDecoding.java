package vn.quizfest.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads a QR code SVG back to its text, as a phone's camera would: the path's rectangles are painted
 * black on a white image, which ZXing's QR reader then decodes.
 */
public final class QrDecoding {

	/** Pixels per module: a camera's view of a code on a screen is at least this sharp. */
	static final int SCALE = 4;

	private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

	private static final Pattern PATH = Pattern.compile("<path fill=\"#000\" d=\"([^\"]*)\"/>");

	private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

	private QrDecoding() {
	}

	public static String decode(byte[] svgBytes) throws Exception {
		String svg = new String(svgBytes, StandardCharsets.UTF_8);
		Matcher viewBox = VIEW_BOX.matcher(svg);
		assertThat(viewBox.find()).as("viewBox in " + svg).isTrue();
		int size = Integer.parseInt(viewBox.group(1));
		assertThat(Integer.parseInt(viewBox.group(2))).isEqualTo(size);
		Matcher path = PATH.matcher(svg);
		assertThat(path.find()).as("one black path").isTrue();
		BufferedImage image = new BufferedImage(size * SCALE, size * SCALE, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				image.setRGB(x, y, 0xffffff);
			}
		}
		String d = path.group(1);
		Matcher run = RUN.matcher(d);
		int consumed = 0;
		while (run.find()) {
			assertThat(run.start()).as("the path is nothing but rectangles").isEqualTo(consumed);
			consumed = run.end();
			int left = Integer.parseInt(run.group(1));
			int top = Integer.parseInt(run.group(2));
			int width = Integer.parseInt(run.group(3));
			assertThat(run.group(4)).isEqualTo(run.group(3));
			for (int y = top * SCALE; y < (top + 1) * SCALE; y++) {
				for (int x = left * SCALE; x < (left + width) * SCALE; x++) {
					image.setRGB(x, y, 0x000000);
				}
			}
		}
		assertThat(consumed).isEqualTo(d.length());
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
	}
}
