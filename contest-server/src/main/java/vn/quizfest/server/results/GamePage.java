package vn.quizfest.server.results;

import java.util.List;

/**
 * One page of games, newest first.
 *
 * @param page the page number, from 0
 * @param total games on all pages
 */
public record GamePage(List<StoredGame> games, int page, int size, long total) {

	public GamePage {
		games = List.copyOf(games);
	}
}
