package vn.quizfest.server.game.format.buzzer;

/**
 * One round of a buzzer game: its kind and how many of the game's questions it takes, in order.
 *
 * @param questions how many questions, in the game's order, belong to this round (at least 1)
 */
public record BuzzerRound(Kind kind, int questions) {

	public BuzzerRound {
		if (kind == null) {
			throw new IllegalArgumentException("a buzzer round needs a kind");
		}
		if (questions < 1 || questions > 200) {
			throw new IllegalArgumentException("a buzzer round has 1..200 questions");
		}
	}

	/** The kinds of round, with the rules each scores by (docs/organiser-console.md, "Vòng bấm chuông"). */
	public enum Kind {

		/** Khởi động, individual: each contestant in turn answers a block of questions alone; +10 / -5. */
		WARMUP_INDIVIDUAL,

		/** Khởi động, common: buzzers open, the first press answers; +10 / -5; a score never goes below 0. */
		WARMUP_COMMON,

		/** Tăng tốc: every contestant types an answer; the right ones score 40/30/20/10 by order of arrival. */
		ACCELERATION,

		/**
		 * Về đích: each contestant in turn has a block of questions and picks 20 or 30 points for each,
		 * may play the star of hope once; a wrong or missing answer opens the buzzers for a steal.
		 */
		FINISH
	}
}
