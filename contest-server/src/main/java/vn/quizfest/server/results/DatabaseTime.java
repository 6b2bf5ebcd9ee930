package vn.quizfest.server.results;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Binds instants to {@code TIMESTAMP(3)} columns as text. mysql-connector-j drops the fractional
 * seconds of a bound {@code java.sql.Timestamp} on MariaDB (the server announces itself as
 * "5.5.5-10.x", older than fractional-second support), so answer times would lose their
 * milliseconds. Text in the JVM's zone is exactly what both drivers send for a Timestamp, with the
 * milliseconds kept; {@code ResultSet.getTimestamp} reads it back in the same zone.
 */
final class DatabaseTime {

	private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	/** SQL for a bound instant where the column type cannot be inferred (inside COALESCE). */
	static final String PARAMETER = "CAST(? AS DATETIME(3))";

	private DatabaseTime() {
	}

	static String text(long epochMillis) {
		return TEXT.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneId.systemDefault()));
	}

	static String text(Instant instant) {
		return text(instant.toEpochMilli());
	}
}
