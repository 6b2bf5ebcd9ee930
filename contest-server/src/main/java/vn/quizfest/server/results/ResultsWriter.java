package vn.quizfest.server.results;

/** TEMPORARY placeholder until the results branch is merged. */
public class ResultsWriter {

	public void submit(ResultRecord record) {
	}
}
