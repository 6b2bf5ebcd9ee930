package vn.quizfest.server.image;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Question images.
 *
 * @param maxBytes the largest image an organiser may upload (1 MB = 1,048,576 bytes); players' phones
 * load every image on weak networks, so keep it small. Uploads above the multipart limit
 * ({@code spring.servlet.multipart.max-file-size}, 5 MB) are refused before they are read.
 * @param maxPixels the most pixels (width x height, as the file's header says) an image may have
 * (default 16,000,000 = 4000 x 4000): a small file can unpack to gigabytes on every phone that shows it
 */
@ConfigurationProperties("quizfest.images")
record ImageSettings(@DefaultValue("2MB") DataSize maxBytes, @DefaultValue("16000000") long maxPixels) {

	ImageSettings {
		if (maxBytes.toBytes() < 1) {
			throw new IllegalArgumentException("quizfest.images.max-bytes must be positive");
		}
		if (maxPixels < 1) {
			throw new IllegalArgumentException("quizfest.images.max-pixels must be positive");
		}
	}
}
