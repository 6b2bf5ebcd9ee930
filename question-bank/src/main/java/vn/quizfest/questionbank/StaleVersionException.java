package vn.quizfest.questionbank;

/**
 * Someone else changed (or deleted) the row since the caller read it: the caller's version no
 * longer matches, so nothing was written. The caller reloads and tries again.
 */
public class StaleVersionException extends RuntimeException {

	private final String entity;

	private final long id;

	private final int expectedVersion;

	public StaleVersionException(String entity, long id, int expectedVersion) {
		super(entity + " " + id + " is no longer at version " + expectedVersion);
		this.entity = entity;
		this.id = id;
		this.expectedVersion = expectedVersion;
	}

	/** {@code question} or {@code quiz}. */
	public String entity() {
		return entity;
	}

	public long id() {
		return id;
	}

	public int expectedVersion() {
		return expectedVersion;
	}
}
