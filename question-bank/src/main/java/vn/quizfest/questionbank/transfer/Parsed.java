package vn.quizfest.questionbank.transfer;

import java.util.List;

/** The rows of a file that could be read, each as a candidate question. */
record Parsed(List<Candidate> candidates) {

	Parsed {
		candidates = List.copyOf(candidates);
	}
}
