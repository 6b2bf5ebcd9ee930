package vn.quizfest.server.web;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * A QR code as a small SVG: one path of dark modules on a white square, sized by its viewBox only,
 * so it scales to a phone or a projector without blurring. No script and no style attribute: it
 * passes the pages' Content-Security-Policy.
 */
public final class QrSvg {

	public static final String CONTENT_TYPE = "image/svg+xml";

	/** Modules of white around the code; scanners need some, and the big screen has its own margin. */
	static final int QUIET_ZONE = 2;

	private QrSvg() {
	}

	/**
	 * @throws IllegalArgumentException when the text does not fit in a QR code
	 */
	public static byte[] of(String text) {
		ByteMatrix matrix;
		try {
			matrix = Encoder.encode(text, ErrorCorrectionLevel.M, hints(text)).getMatrix();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Text does not fit in a QR code: " + ex.getMessage(), ex);
		}
		int size = matrix.getWidth() + 2 * QUIET_ZONE;
		var svg = new StringBuilder(matrix.getWidth() * matrix.getHeight());
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(size).append(' ').append(size)
			.append("\" shape-rendering=\"crispEdges\"><rect width=\"").append(size).append("\" height=\"").append(size)
			.append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
		for (int y = 0; y < matrix.getHeight(); y++) {
			int x = 0;
			while (x < matrix.getWidth()) {
				if (matrix.get(x, y) != 1) {
					x++;
					continue;
				}
				int start = x;
				while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
					x++;
				}
				// One rectangle per run of dark modules in a row keeps the path short.
				svg.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append('h').append(x - start)
					.append("v1h-").append(x - start).append('z');
			}
		}
		svg.append("\"/></svg>");
		return svg.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/** ASCII (every join link) needs no hint; other text is UTF-8, declared by an ECI so scanners read it right. */
	private static Map<EncodeHintType, Object> hints(String text) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
			hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
		}
		return hints;
	}
}
