package vn.quizfest.server.contest.window;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Multi-row INSERTs: hundreds of rows per statement, so 500,000 results are written in about a
 * thousand round trips on every database (no driver-specific batch rewriting needed).
 */
final class Batches {

	/** Rows per statement; times the columns it stays far below every database's parameter limit. */
	static final int ROWS = 500;

	private Batches() {
	}

	static void insert(JdbcClient jdbc, String table, String columns, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		int width = rows.get(0).length;
		String tuple = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
		for (int from = 0; from < rows.size(); from += ROWS) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS));
			String sql = "INSERT INTO " + table + " (" + columns + ") VALUES "
					+ String.join(", ", Collections.nCopies(chunk.size(), tuple));
			List<Object> params = new ArrayList<>(chunk.size() * width);
			for (Object[] row : chunk) {
				Collections.addAll(params, row);
			}
			jdbc.sql(sql).params(params).update();
		}
	}
}
