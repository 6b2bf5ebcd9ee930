package vn.quizfest.questionbank;

import java.util.List;

/** One page of a longer result: its items, the total count over all pages, and where it starts. */
public record Page<T>(List<T> items, long total, int page, int size) {

	public Page {
		items = List.copyOf(items);
	}
}
