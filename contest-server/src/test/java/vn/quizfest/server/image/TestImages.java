package vn.quizfest.server.image;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Image files for the tests: real ones drawn with ImageIO, WebP headers written byte by byte. */
final class TestImages {

	private TestImages() {
	}

	/** A real image of the given ImageIO format ("png", "jpg", "gif"). */
	static byte[] drawn(String format, int width, int height) {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(new Color(0xda251d));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(new Color(0xffcd00));
		graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		var out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** An extended WebP header (VP8X), which states the canvas size. */
	static byte[] webpExtended(int width, int height) {
		var out = new ByteArrayOutputStream();
		out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
		le(out, 22, 4);
		out.writeBytes("WEBPVP8X".getBytes(StandardCharsets.US_ASCII));
		le(out, 10, 4);
		le(out, 0, 4);
		le(out, width - 1, 3);
		le(out, height - 1, 3);
		return out.toByteArray();
	}

	/** A lossless WebP header (VP8L): 14 bits of width - 1 and of height - 1 after the signature byte. */
	static byte[] webpLossless(int width, int height) {
		var out = new ByteArrayOutputStream();
		out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
		le(out, 22, 4);
		out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
		le(out, 10, 4);
		out.write(0x2f);
		le(out, (width - 1) | (height - 1) << 14, 4);
		out.writeBytes(new byte[5]);
		return out.toByteArray();
	}

	/** A lossy WebP header (VP8): the key frame's start code, then 14-bit width and height. */
	static byte[] webpLossy(int width, int height) {
		var out = new ByteArrayOutputStream();
		out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
		le(out, 22, 4);
		out.writeBytes("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII));
		le(out, 10, 4);
		le(out, 0, 3);
		out.write(0x9d);
		out.write(0x01);
		out.write(0x2a);
		le(out, width, 2);
		le(out, height, 2);
		out.writeBytes(new byte[4]);
		return out.toByteArray();
	}

	/** Bytes that start like a PNG and are otherwise zeros: only the size matters. */
	static byte[] pngOfSize(int bytes) {
		byte[] data = new byte[bytes];
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
		System.arraycopy(signature, 0, data, 0, signature.length);
		return data;
	}

	private static void le(ByteArrayOutputStream out, int value, int bytes) {
		for (int i = 0; i < bytes; i++) {
			out.write(value >> 8 * i & 0xff);
		}
	}
}
