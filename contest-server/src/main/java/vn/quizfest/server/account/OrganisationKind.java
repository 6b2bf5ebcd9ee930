package vn.quizfest.server.account;

/** Kinds of organisation, after Vietnam's two-level local government (province, then commune or ward). */
public enum OrganisationKind {
	PROVINCE, COMMUNE, WARD, SPECIAL_ZONE, SCHOOL, OTHER
}
