package vn.quizfest.server.account;

/** What an organiser account may do. Each role includes the ones below it. */
public enum Role {
	/** Manages organisations and accounts, and everything an organiser can do. */
	ADMIN,
	/** Writes question banks and quizzes, runs contests. */
	ORGANISER,
	/** Hosts games from existing quizzes. */
	HOST
}
