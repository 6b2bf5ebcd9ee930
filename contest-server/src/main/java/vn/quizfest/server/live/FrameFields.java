package vn.quizfest.server.live;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Reads numbers out of client frames without ever throwing anything but {@link OutOfRange}. A number
 * a field cannot hold (beyond the int or long range, or not finite like {@code 1e400}) is a
 * malformed frame ({@code BAD_FRAME}), not a server failure: Jackson's {@code asInt()} would throw
 * on it and turn it into {@code SERVER_ERROR} with a stack trace. A value of the wrong kind (a string
 * where a number belongs) keeps its older meaning: the field counts as absent.
 */
final class FrameFields {

	/** Longest list an answer may carry ({@code choices}, {@code order}); longer lists count as absent. */
	static final int MAX_LIST = 16;

	private FrameFields() {
	}

	/** A number out of the range of its field; answered with {@code BAD_FRAME}. Cheap: no stack trace. */
	static final class OutOfRange extends RuntimeException {

		OutOfRange(String field) {
			super(field, null, false, false);
		}
	}

	/** An int field: null when absent or not an integral number; throws when a number does not fit. */
	static @Nullable Integer integer(JsonNode frame, String field) {
		return intValue(frame.get(field), field);
	}

	private static @Nullable Integer intValue(@Nullable JsonNode node, String field) {
		if (node == null || !node.isNumber()) {
			return null;
		}
		if (node.isIntegralNumber()) {
			if (!node.canConvertToInt()) {
				throw new OutOfRange(field);
			}
			return node.intValue();
		}
		double value = node.asDouble();
		if (!Double.isFinite(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw new OutOfRange(field);
		}
		return null; // 1.5 is no index: as before, the answer counts as having no such field
	}

	/** A long field (a client clock): a finite number in the long range, truncated; throws otherwise. */
	static @Nullable Long longNumber(JsonNode frame, String field) {
		JsonNode node = frame.get(field);
		if (node == null || !node.isNumber()) {
			return null;
		}
		if (node.isIntegralNumber() ? !node.canConvertToLong() : !fitsLong(node.asDouble())) {
			throw new OutOfRange(field);
		}
		return node.asLong();
	}

	private static boolean fitsLong(double value) {
		// 2^63 itself is out of range; every double below it converts exactly enough.
		return Double.isFinite(value) && value >= -0x1p63 && value < 0x1p63;
	}

	/** A decimal field (a numeric answer): a finite double; throws for a number no double holds. */
	static @Nullable Double decimal(JsonNode frame, String field) {
		JsonNode node = frame.get(field);
		if (node == null || !node.isNumber()) {
			return null;
		}
		double value = node.asDouble();
		if (!Double.isFinite(value)) {
			throw new OutOfRange(field);
		}
		return value;
	}

	/**
	 * A list of ints: null when absent, not an array, longer than {@link #MAX_LIST} or holding a
	 * non-integral element; throws when an element is a number no int holds.
	 */
	static @Nullable List<Integer> integers(JsonNode frame, String field) {
		JsonNode node = frame.get(field);
		if (node == null || !node.isArray() || node.size() > MAX_LIST) {
			return null;
		}
		List<Integer> values = new ArrayList<>(node.size());
		for (JsonNode element : node) {
			Integer value = intValue(element, field);
			if (value == null) {
				return null;
			}
			values.add(value);
		}
		return values;
	}
}
