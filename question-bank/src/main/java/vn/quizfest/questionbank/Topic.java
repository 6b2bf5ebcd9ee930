package vn.quizfest.questionbank;

/** Topics of the "Digital Literacy for All" (Bình dân học vụ số) movement. */
public enum Topic {
	BASIC_SKILLS, VNEID, PUBLIC_SERVICES, CASHLESS_PAYMENT, SCAMS_CYBER_SAFETY, PERSONAL_DATA,
	DIGITAL_SIGNATURE, AI_TOOLS, SOCIAL_MEDIA, DIGITAL_GOVERNMENT
}
