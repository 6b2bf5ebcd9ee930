package vn.quizfest.questionbank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/** Loading the seed bank into H2 in MySQL mode, and refusing broken seed files loudly. */
class SeedBankLoadingTest {

	final JsonMapper json = JsonMapper.builder().build();

	final JdbcClient jdbc;

	final Questions questions;

	final QuestionBanks banks;

	final TransactionTemplate transactions;

	SeedBankLoadingTest() {
		var dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/questionbank").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		questions = new Questions(jdbc, json);
		banks = new QuestionBanks(jdbc);
		transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	SeedBank seedBank() {
		return new SeedBank(banks, questions, json, transactions);
	}

	SeedBank seedBank(String folder) {
		return new SeedBank(banks, questions, json, transactions, "classpath*:seedtest/" + folder + "/*.json");
	}

	static long count(List<Question> questions, Language language) {
		return questions.stream().filter(question -> question.language() == language).count();
	}

	@Test
	void anEmptyDatabaseReceivesTheWholeSeedBankOnce() {
		List<Question> seed = seedBank().read(0);

		SeedBank.Loaded loaded = seedBank().loadIfEmpty().orElseThrow();

		assertThat(loaded.created()).isTrue();
		assertThat(loaded.vietnamese()).isEqualTo(count(seed, Language.VI)).isGreaterThan(100);
		assertThat(loaded.english()).isEqualTo(count(seed, Language.EN));
		assertThat(banks.findSharedByName(SeedBank.BANK_NAME)).contains(loaded.bankId());
		assertThat(questions.count()).isEqualTo(seed.size());
		assertThat(seedBank().loadIfEmpty()).isEmpty();
		assertThat(questions.count()).isEqualTo(seed.size());
	}

	@Test
	void aDatabaseWithQuestionsIsLeftAloneByLoadIfEmpty() {
		long bank = banks.create("Trường THCS Nguyễn Du", null, false);
		questions.add(seedBank().read(bank).get(0));

		assertThat(seedBank().loadIfEmpty()).isEmpty();
		assertThat(banks.findSharedByName(SeedBank.BANK_NAME)).isEmpty();
	}

	@Test
	void loadIfMissingAddsTheBankBesideOthersAndIsIdempotent() {
		long other = banks.create("Đoàn Thanh niên xã Tả Van", null, false);
		questions.add(new Question(null, other, UUID.randomUUID().toString(), Language.VI, QuestionType.TRUE_FALSE,
				"Mã OTP có thể đọc cho nhân viên ngân hàng qua điện thoại.", List.of("Đúng", "Sai"),
				AnswerKey.options(List.of(1)), "Không ai được hỏi mã OTP của bạn.", 20, Points.STANDARD, 1,
				Topic.CASHLESS_PAYMENT, List.of("otp"), null, null, QuestionStatus.PUBLISHED, null, null, null, null, 0));

		SeedBank.Loaded first = seedBank().loadIfMissing();
		long rows = questions.count();
		SeedBank.Loaded again = seedBank().loadIfMissing();

		assertThat(first.created()).isTrue();
		assertThat(rows).isEqualTo(1 + first.vietnamese() + first.english());
		assertThat(again).isEqualTo(new SeedBank.Loaded(first.bankId(), first.vietnamese(), first.english(), false));
		assertThat(questions.count()).isEqualTo(rows);
		assertThat(questions.countInBank(first.bankId(), Language.VI)).isEqualTo(first.vietnamese());
	}

	@Test
	void translationGroupsAreStableNameBasedUuidsOfTheKeys() {
		List<Question> once = seedBank().read(1);
		List<Question> twice = seedBank().read(2);

		assertThat(once).extracting(Question::translationGroup)
			.containsExactlyElementsOf(twice.stream().map(Question::translationGroup).toList());
		assertThat(once).allSatisfy(question -> assertThat(question.translationGroup())
			.isEqualTo(UUID.nameUUIDFromBytes(("quizfest-seed:" + question.externalKey()).getBytes(StandardCharsets.UTF_8))
				.toString()));
		assertThat(twice).extracting(Question::bankId).containsOnly(2L);
	}

	@Test
	void everyAnswerShapeSurvivesTheDatabaseInBothLanguages() {
		SeedBank seed = seedBank("valid");

		SeedBank.Loaded loaded = seed.loadIfMissing();
		Map<String, Question> vietnamese = questions.findByBank(loaded.bankId(), Language.VI)
			.stream()
			.collect(Collectors.toMap(Question::externalKey, Function.identity()));
		Map<String, Question> english = questions.findByBank(loaded.bankId(), Language.EN)
			.stream()
			.collect(Collectors.toMap(Question::externalKey, Function.identity()));

		assertThat(loaded).isEqualTo(new SeedBank.Loaded(loaded.bankId(), 4, 3, true));
		assertThat(vietnamese.keySet()).containsExactlyInAnyOrder("vneid-001", "vneid-002", "vneid-010", "vneid-011");
		assertThat(vietnamese.get("vneid-010").answer().accepted()).containsExactly("VNeID", "VN eID");
		assertThat(english.get("vneid-010").answer().accepted()).containsExactly("VNeID");
		assertThat(vietnamese.get("vneid-011").answer().value()).isEqualTo(12.0);
		assertThat(vietnamese.get("vneid-011").answer().tolerance()).isEqualTo(0.0);
		assertThat(vietnamese.get("vneid-002").answer().correct()).containsExactly(1, 0);
		assertThat(vietnamese.get("vneid-002").points()).isEqualTo(Points.DOUBLE);
		assertThat(english.get("vneid-001").options()).containsExactly("Ministry of Health", "Ministry of Public Security");
		assertThat(vietnamese.values()).allSatisfy(question -> {
			assertThat(question.status()).isEqualTo(QuestionStatus.PUBLISHED);
			assertThat(question.author()).isEqualTo(SeedBank.AUTHOR);
			assertThat(question.tags()).containsExactly("vneid");
		});
		// Files are read in name order whatever order the class path lists them in.
		assertThat(seed.files()).extracting(SeedBank.SeedFile::name).containsExactly("a-first.json", "b-second.json");
	}

	@Test
	void anAnswerOutsideTheOptionsNamesTheFileTheKeyAndTheViolation() {
		assertThatThrownBy(() -> seedBank("out-of-range").loadIfMissing())
			.isInstanceOfSatisfying(SeedBank.InvalidSeedException.class, ex -> {
				assertThat(ex.file()).isEqualTo("a-topic.json");
				assertThat(ex.key()).isEqualTo("vneid-002 (vi)");
				assertThat(ex.code()).isEqualTo("question.correct.out-of-range");
			})
			.hasMessageContaining("a-topic.json")
			.hasMessageContaining("vneid-002")
			.hasMessageContaining("question.correct.out-of-range");
		assertThat(questions.count()).isZero();
		assertThat(banks.findSharedByName(SeedBank.BANK_NAME)).isEmpty();
	}

	@Test
	void aKeyUsedTwiceAcrossFilesIsRefused() {
		assertThatThrownBy(() -> seedBank("duplicate-key").loadIfEmpty())
			.isInstanceOfSatisfying(SeedBank.InvalidSeedException.class, ex -> {
				assertThat(ex.file()).isEqualTo("b-second.json");
				assertThat(ex.key()).isEqualTo("vneid-001");
				assertThat(ex.code()).isEqualTo("seed.key.duplicate");
			})
			.hasMessageContaining("a-first.json");
		assertThat(questions.count()).isZero();
	}

	@Test
	void anEnglishVersionWithOtherOptionsIsRefused() {
		assertThatThrownBy(() -> seedBank("english-options").read(0))
			.isInstanceOfSatisfying(SeedBank.InvalidSeedException.class, ex -> {
				assertThat(ex.key()).isEqualTo("vneid-003");
				assertThat(ex.code()).isEqualTo("seed.en.options");
			});
	}

	@Test
	void aMisspelledFieldIsRefusedRatherThanIgnored() {
		assertThatThrownBy(() -> seedBank("unknown-field").read(0))
			.isInstanceOfSatisfying(SeedBank.InvalidSeedException.class, ex -> {
				assertThat(ex.file()).isEqualTo("a-topic.json");
				assertThat(ex.code()).isEqualTo("seed.json.invalid");
			})
			.hasMessageContaining("corect");
	}
}
