package vn.quizfest.server.contest.window;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Multi-row INSERTs: hundreds of rows per statement, so 500,000 results are written in a few hundred
 * round trips on every database (no driver-specific batch rewriting needed).
 */
final class Batches {

	/** Rows per statement; times the columns it stays far below every database's parameter limit. */
	static final int ROWS = 500;

	/** Binds one row's values with typed setters, from parameter {@code first} (1-based) on. */
	@FunctionalInterface
	interface Row {

		void bind(PreparedStatement statement, int first, int index) throws SQLException;

	}

	private Batches() {
	}

	static void insert(JdbcClient jdbc, String table, String columns, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		int width = rows.get(0).length;
		for (int from = 0; from < rows.size(); from += ROWS) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS));
			List<Object> params = new ArrayList<>(chunk.size() * width);
			for (Object[] row : chunk) {
				Collections.addAll(params, row);
			}
			jdbc.sql(sql(table, columns, width, chunk.size())).params(params).update();
		}
	}

	/**
	 * Inserts rows {@code from} (inclusive) to {@code to} (exclusive) on the caller's connection,
	 * {@code perStatement} rows a statement. One prepared statement serves every full chunk (the SQL of
	 * thousands of placeholders is built and parsed once), and the values go in with typed setters: a
	 * null bound without its type makes the JDBC layer ask the driver for parameter metadata, which
	 * Connector/J answers with an exception per null, half a million of them in a big close.
	 */
	static void insert(Connection connection, String table, String columns, int width, int from, int to, int perStatement,
			Row row) throws SQLException {
		if (to <= from) {
			return;
		}
		int full = Math.min(perStatement, to - from);
		try (PreparedStatement statement = connection.prepareStatement(sql(table, columns, width, full))) {
			int next = from;
			while (to - next >= full) {
				for (int i = 0; i < full; i++) {
					row.bind(statement, i * width + 1, next + i);
				}
				statement.executeUpdate();
				next += full;
			}
			if (next < to) {
				try (PreparedStatement rest = connection.prepareStatement(sql(table, columns, width, to - next))) {
					for (int i = 0; next + i < to; i++) {
						row.bind(rest, i * width + 1, next + i);
					}
					rest.executeUpdate();
				}
			}
		}
	}

	private static String sql(String table, String columns, int width, int rows) {
		String tuple = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
		return "INSERT INTO " + table + " (" + columns + ") VALUES " + String.join(", ", Collections.nCopies(rows, tuple));
	}
}
