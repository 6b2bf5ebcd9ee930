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
 */
@ConfigurationProperties("quizfest.images")
record ImageSettings(@DefaultValue("2MB") DataSize maxBytes) {

	ImageSettings {
		if (maxBytes.toBytes() < 1) {
			throw new IllegalArgumentException("quizfest.images.max-bytes must be positive");
		}
	}
}
