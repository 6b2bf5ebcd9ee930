package vn.quizfest.server.image;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The image formats every phone shows, recognised by their first bytes (never by the file name or the
 * content type the browser sent), with the pixel size read from the header.
 */
enum ImageFormat {

	PNG("image/png"), JPEG("image/jpeg"), GIF("image/gif"), WEBP("image/webp");

	/** Width and height in pixels. */
	record Size(int width, int height) {
	}

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final String contentType;

	ImageFormat(String contentType) {
		this.contentType = contentType;
	}

	String contentType() {
		return contentType;
	}

	static Optional<ImageFormat> detect(byte[] data) {
		if (startsWith(data, 0, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (data.length >= 3 && u8(data, 0) == 0xff && u8(data, 1) == 0xd8 && u8(data, 2) == 0xff) {
			return Optional.of(JPEG);
		}
		if (startsWith(data, 0, ascii("GIF87a")) || startsWith(data, 0, ascii("GIF89a"))) {
			return Optional.of(GIF);
		}
		if (startsWith(data, 0, ascii("RIFF")) && startsWith(data, 8, ascii("WEBP"))) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	/** The size from the header, or null when the header is cut short or holds no size where expected. */
	@Nullable Size size(byte[] data) {
		Size size = switch (this) {
			case PNG -> data.length >= 24 && startsWith(data, 12, ascii("IHDR")) ? new Size(be32(data, 16), be32(data, 20))
					: null;
			case GIF -> data.length >= 10 ? new Size(le16(data, 6), le16(data, 8)) : null;
			case JPEG -> jpegSize(data);
			case WEBP -> webpSize(data);
		};
		return size != null && size.width() > 0 && size.height() > 0 ? size : null;
	}

	/** Walks the JPEG segments to the first start-of-frame marker, which holds the size. */
	private static @Nullable Size jpegSize(byte[] data) {
		int at = 2;
		while (at + 9 < data.length) {
			if (u8(data, at) != 0xff) {
				return null;
			}
			int marker = u8(data, at + 1);
			if (marker == 0xff) {
				at++;
				continue;
			}
			boolean standalone = marker == 0x01 || marker >= 0xd0 && marker <= 0xd7;
			if (standalone) {
				at += 2;
				continue;
			}
			boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8
					&& marker != 0xcc;
			if (startOfFrame) {
				return new Size(be16(data, at + 7), be16(data, at + 5));
			}
			at += 2 + be16(data, at + 2);
		}
		return null;
	}

	private static @Nullable Size webpSize(byte[] data) {
		if (data.length < 30) {
			return null;
		}
		if (startsWith(data, 12, ascii("VP8 ")) && u8(data, 23) == 0x9d && u8(data, 24) == 0x01 && u8(data, 25) == 0x2a) {
			return new Size(le16(data, 26) & 0x3fff, le16(data, 28) & 0x3fff);
		}
		if (startsWith(data, 12, ascii("VP8L")) && u8(data, 20) == 0x2f) {
			long bits = u8(data, 21) | u8(data, 22) << 8 | u8(data, 23) << 16 | (long) u8(data, 24) << 24;
			return new Size((int) (bits & 0x3fff) + 1, (int) (bits >> 14 & 0x3fff) + 1);
		}
		if (startsWith(data, 12, ascii("VP8X"))) {
			return new Size(le24(data, 24) + 1, le24(data, 27) + 1);
		}
		return null;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

	private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
		if (data.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int u8(byte[] data, int at) {
		return data[at] & 0xff;
	}

	private static int be16(byte[] data, int at) {
		return u8(data, at) << 8 | u8(data, at + 1);
	}

	private static int be32(byte[] data, int at) {
		long value = (long) u8(data, at) << 24 | u8(data, at + 1) << 16 | u8(data, at + 2) << 8 | u8(data, at + 3);
		return value > Integer.MAX_VALUE ? 0 : (int) value;
	}

	private static int le16(byte[] data, int at) {
		return u8(data, at) | u8(data, at + 1) << 8;
	}

	private static int le24(byte[] data, int at) {
		return u8(data, at) | u8(data, at + 1) << 8 | u8(data, at + 2) << 16;
	}
}
