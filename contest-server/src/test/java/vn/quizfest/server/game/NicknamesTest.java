package vn.quizfest.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.quizfest.server.game.TestGame.refusal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.quizfest.questionbank.Points;

class NicknamesTest {

	private final Nicknames nicknames = Nicknames.standard();

	private String error(String raw) {
		return nicknames.check(raw).error();
	}

	// ---- length and spaces --------------------------------------------------------------------

	@Test
	void surroundingSpacesAreTrimmedAndInnerRunsCollapsed() {
		assertThat(nicknames.check("  Lan  ")).isEqualTo(new Nicknames.Checked("Lan", "lan", null));
		assertThat(nicknames.check("Lan    Anh")).isEqualTo(new Nicknames.Checked("Lan Anh", "lan anh", null));
		assertThat(nicknames.check("\u2003Lan\u3000")).isEqualTo(new Nicknames.Checked("Lan", "lan", null));
	}

	@Test
	void emptyOrBlankNicknamesAreRefused() {
		assertThat(error(null)).isEqualTo("NICKNAME_EMPTY");
		assertThat(error("")).isEqualTo("NICKNAME_EMPTY");
		assertThat(error("   ")).isEqualTo("NICKNAME_EMPTY");
		assertThat(error(" \n ")).isEqualTo("NICKNAME_EMPTY");
	}

	@Test
	void twentyCharactersPassAndTwentyOneDoNot() {
		assertThat(error("a".repeat(20))).isNull();
		assertThat(error("a".repeat(21))).isEqualTo("NICKNAME_TOO_LONG");
		// Spaces around do not count; spaces inside do.
		assertThat(error("  " + "a".repeat(20) + "  ")).isNull();
		assertThat(error("a".repeat(10) + " " + "a".repeat(10))).isEqualTo("NICKNAME_TOO_LONG");
	}

	@Test
	void vietnameseLettersCountAsOneCharacterWhateverFormTheyArriveIn() {
		String composed = "Nguyễn Thị Minh Khai";
		// The same name with the marks as separate combining characters (NFD): 23 code points before NFC.
		String decomposed = "Nguye\u0302\u0303n Thi\u0323 Minh Khai";
		assertThat(composed.codePointCount(0, composed.length())).isEqualTo(20);
		assertThat(decomposed.codePointCount(0, decomposed.length())).isEqualTo(23);
		assertThat(nicknames.check(composed)).isEqualTo(new Nicknames.Checked(composed, "nguyen thi minh khai", null));
		assertThat(nicknames.check(decomposed)).isEqualTo(new Nicknames.Checked(composed, "nguyen thi minh khai", null));
		assertThat(error(composed + "!")).isEqualTo("NICKNAME_TOO_LONG");
		assertThat(error(decomposed + "!")).isEqualTo("NICKNAME_TOO_LONG");
	}

	@Test
	void anEmojiCountsAsOneCharacter() {
		String nineteenAndAnEmoji = "a".repeat(19) + "😀";
		assertThat(nineteenAndAnEmoji.length()).isEqualTo(21);
		assertThat(error(nineteenAndAnEmoji)).isNull();
		assertThat(error("a".repeat(20) + "😀")).isEqualTo("NICKNAME_TOO_LONG");
		assertThat(error("😀")).isNull();
	}

	// ---- invisible characters -----------------------------------------------------------------

	@ParameterizedTest(name = "U+{0}")
	@ValueSource(strings = { "0000", "0007", "0009", "000A", "001B", "007F", "0085", "00AD", "200B", "200C", "200D",
			"2060", "FEFF", "200E", "200F", "202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069", "061C",
			"2028", "2029", "E000" })
	void controlZeroWidthAndBidiCharactersAreRefused(String hex) {
		String invisible = Character.toString(Integer.parseInt(hex, 16));
		assertThat(error("Lan" + invisible + "Anh")).isEqualTo("NICKNAME_INVALID");
	}

	@Test
	void aLoneSurrogateIsRefused() {
		assertThat(error("Lan\uD83D")).isEqualTo("NICKNAME_INVALID");
	}

	// ---- the block list -----------------------------------------------------------------------

	@ParameterizedTest
	@ValueSource(strings = { "đụ má", "Đụ Má", "DU MA", "đụmá", "duma123", "ĐCM", "đ.c.m", "dcmmm", "vcl", "VCL 2k",
			"địt mẹ", "ditme", "Dit Me May", "djt", "Đjt", "dm", "Đ M", "d.m", "DMM", "dkm", "vkl", "vl", "V L",
			"cái lồn", "Ăn Lồn", "cái buồi", "đồ ngu", "Thằng Ngu 9x", "óc chó", "óc lợn", "con đĩ", "Con Đĩ" })
	void vietnameseBadWordsAreRefusedWithOrWithoutDiacritics(String nickname) {
		assertThat(error(nickname)).isEqualTo("NICKNAME_BLOCKED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "fuck", "FUCK", "Fück", "f u c k", "F.U.C.K", "xxfuckxx", "motherfucker", "shithead",
			"bullshit", "bitch", "sonofabitch", "cunt", "asshole", "nigga", "faggot", "dick", "Big Dick", "pussy",
			"whore", "slut", "bastard", "wanker", "cock", "porn", "rape", "nazi", "Hitler", "hitler 88" })
	void englishBadWordsAreRefused(String nickname) {
		assertThat(error(nickname)).isEqualTo("NICKNAME_BLOCKED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Lớn", "Buổi", "Các", "Vlad", "Lan", "Đức", "Nguyễn Văn Lớn", "Buổi Sáng", "Các Bạn",
			"Cúc", "Bích", "Phúc", "Cu Tí", "Đào Minh", "Đỗ Mười", "Vũ Linh", "Con Dê", "Ăn Cơm", "Ốc Sên", "Thằng Bờm",
			"Đồ Rê Mí", "Hà Nội", "Cần Thơ", "Dicky", "Cockpit", "Scrape", "Grape", "Therapist", "Hancock", "Essex",
			"Shiba", "Assam", "Analyst", "Class 6A", "Peacock", "Dickens", "Sussex", "Bảo Anh", "Lồng Đèn", "Buồn" })
	void innocentNamesPass(String nickname) {
		assertThat(error(nickname)).isNull();
	}

	// ---- uniqueness in a game -----------------------------------------------------------------

	@Test
	void nicknamesAreUniqueInAGameIgnoringCaseDiacriticsSpacesAndUnicodeForm() {
		TestGame g = new TestGame(Fixtures.hostPaced(), Fixtures.single(0, 20, Points.STANDARD, 0));
		g.join("Lân");
		g.join("Đức Anh");
		g.join("Nguyễn Thị Minh Khai");
		for (String same : new String[] { "Lân", "lân", "LÂN", "Lan", "lan", "  LAN ", "Lẫn", "Đức Anh", "duc anh",
				"DUC   ANH", "Đúc Ánh", "Nguye\u0302\u0303n Thi\u0323 Minh Khai", "nguyen thi minh khai" }) {
			assertThat(refusal(() -> g.join(same))).as(same).isEqualTo("NICKNAME_TAKEN");
		}
		assertThat(g.join("Lan Anh").nickname()).isEqualTo("Lan Anh");
		assertThat(g.join("Đức").nickname()).isEqualTo("Đức");
		assertThat(g.game.players()).extracting(Player::nickname)
			.containsExactly("Lân", "Đức Anh", "Nguyễn Thị Minh Khai", "Lan Anh", "Đức");
	}

	@Test
	void aJoinIsRefusedWithTheNicknameRuleItBreaks() {
		TestGame g = new TestGame(Fixtures.hostPaced(), Fixtures.single(0, 20, Points.STANDARD, 0));
		assertThat(refusal(() -> g.join(" "))).isEqualTo("NICKNAME_EMPTY");
		assertThat(refusal(() -> g.join("a".repeat(21)))).isEqualTo("NICKNAME_TOO_LONG");
		assertThat(refusal(() -> g.join("Lan\u200BAnh"))).isEqualTo("NICKNAME_INVALID");
		assertThat(refusal(() -> g.join("Đụ Má"))).isEqualTo("NICKNAME_BLOCKED");
		assertThat(g.game.players()).isEmpty();
		assertThat(g.events).isEmpty();
	}

	@Test
	void theNicknameShownKeepsTheCaseAndDiacriticsThePlayerTyped() {
		TestGame g = new TestGame(Fixtures.hostPaced(), Fixtures.single(0, 20, Points.STANDARD, 0));
		Player player = g.join("  Bà Tư   Bán Cá ");
		assertThat(player.nickname()).isEqualTo("Bà Tư Bán Cá");
		assertThat(g.events).containsExactly(new GameEvent.PlayerJoined(player));
	}
}
