package vn.quizfest.server.contest.window;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Contest times: stored as epoch milliseconds, shown as ISO-8601 with the offset of the rules' zone
 * (Asia/Ho_Chi_Minh, {@code 2026-12-03T09:00:00+07:00}); days of the daily reports are yyyymmdd there.
 */
final class ContestTime {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private ContestTime() {
	}

	static String iso(long epochMillis) {
		return ISO.format(Instant.ofEpochMilli(epochMillis).atZone(ZONE).toOffsetDateTime());
	}

	static @Nullable String isoOrNull(@Nullable Long epochMillis) {
		return epochMillis == null ? null : iso(epochMillis);
	}

	/** An instant with an offset, or a local date-time read in Asia/Ho_Chi_Minh; null when it is neither. */
	static @Nullable Long parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant().toEpochMilli();
		}
		catch (DateTimeException ex) {
			try {
				return LocalDateTime.parse(text.strip()).atZone(ZONE).toInstant().toEpochMilli();
			}
			catch (DateTimeException again) {
				return null;
			}
		}
	}

	/** The day in Asia/Ho_Chi_Minh as yyyymmdd. */
	static int day(long epochMillis) {
		LocalDate date = Instant.ofEpochMilli(epochMillis).atZone(ZONE).toLocalDate();
		return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
	}

	static String dayText(int day) {
		return String.format("%04d-%02d-%02d", day / 10_000, day / 100 % 100, day % 100);
	}

	static int year(long epochMillis) {
		return Instant.ofEpochMilli(epochMillis).atZone(ZONE).getYear();
	}
}
