package vn.quizfest.server.results;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** TEMPORARY placeholder until the results branch is merged. */
public class Games {

	public record GameRow(String id, String pin, String title, @Nullable Long quizId, @Nullable Long ownerOrganisationId,
			@Nullable Long createdBy, String hostTokenHash, String settingsJson, String language, String status,
			int questionCount) {
	}

	public record SnapshotRow(int position, @Nullable Long questionId, String questionType, String snapshotJson) {
	}

	public void create(GameRow row, List<SnapshotRow> questions) {
	}
}
