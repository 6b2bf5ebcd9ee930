package vn.quizfest.questionbank.transfer;

import java.util.List;

/** A file that cannot be imported at all; carries the file-level issues to report. */
final class ImportFailure extends RuntimeException {

	private final List<ImportIssue> issues;

	ImportFailure(List<ImportIssue> issues) {
		super(issues.get(0).code(), null, false, false);
		this.issues = List.copyOf(issues);
	}

	ImportFailure(ImportIssue issue) {
		this(List.of(issue));
	}

	static ImportFailure of(String code, Object... args) {
		return new ImportFailure(ImportIssue.ofFile(code, args));
	}

	List<ImportIssue> issues() {
		return issues;
	}
}
