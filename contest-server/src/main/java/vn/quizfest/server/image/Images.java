package vn.quizfest.server.image;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored question images. The id is the SHA-256 of the bytes, so an image never changes under its id. */
@Repository
class Images {

	/** What is known of a stored image without its bytes. */
	record StoredImage(String id, String contentType, int bytes, @Nullable Integer width, @Nullable Integer height) {
	}

	/** An image's bytes and how to serve them. */
	record ImageData(String contentType, byte[] data) {
	}

	/** An image to store and who uploaded it. */
	record NewImage(String id, ImageFormat format, byte[] data, ImageFormat.@Nullable Size size,
			@Nullable Long organisationId, long uploadedBy) {
	}

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	Images(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = JdbcClient.create(jdbcTemplate);
	}

	/**
	 * Stores the image unless an image with its id exists.
	 * @return whether this call stored it
	 */
	boolean add(NewImage image) {
		if (find(image.id()).isPresent()) {
			return false;
		}
		try {
			jdbcTemplate.update("""
					INSERT INTO question_image (id, content_type, byte_count, width, height, data, organisation_id, uploaded_by)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
				ps.setString(1, image.id());
				ps.setString(2, image.format().contentType());
				ps.setInt(3, image.data().length);
				ps.setObject(4, image.size() == null ? null : image.size().width(), Types.INTEGER);
				ps.setObject(5, image.size() == null ? null : image.size().height(), Types.INTEGER);
				ps.setBytes(6, image.data());
				ps.setObject(7, image.organisationId(), Types.BIGINT);
				ps.setLong(8, image.uploadedBy());
			});
			return true;
		}
		catch (DuplicateKeyException ex) {
			// The same file uploaded at the same moment by someone else: it is stored once, and that is this image.
			return false;
		}
	}

	Optional<StoredImage> find(String id) {
		return jdbc.sql("SELECT id, content_type, byte_count, width, height FROM question_image WHERE id = ?")
			.param(id)
			.query((rs, row) -> new StoredImage(rs.getString("id"), rs.getString("content_type"), rs.getInt("byte_count"),
					nullableInt(rs, "width"), nullableInt(rs, "height")))
			.optional();
	}

	Optional<ImageData> data(String id) {
		return jdbc.sql("SELECT content_type, data FROM question_image WHERE id = ?")
			.param(id)
			.query((rs, row) -> new ImageData(rs.getString("content_type"), rs.getBytes("data")))
			.optional();
	}

	private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}
}
