package vn.quizfest.questionbank;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Question banks: named groups of questions owned by an organisation, or shared with all. */
public class QuestionBanks {

	private final JdbcClient jdbc;

	public QuestionBanks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long create(String name, @Nullable Long ownerOrganisationId, boolean shared) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO question_bank (name, owner_organisation_id, shared) VALUES (?, ?, ?)")
			.params(name, ownerOrganisationId, shared)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public Optional<Long> findSharedByName(String name) {
		return jdbc.sql("SELECT id FROM question_bank WHERE name = ? AND shared = TRUE ORDER BY id")
			.param(name)
			.query(Long.class)
			.optional();
	}
}
