package vn.quizfest.questionbank.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.AnswerKey;
import vn.quizfest.questionbank.Language;
import vn.quizfest.questionbank.Points;
import vn.quizfest.questionbank.Question;
import vn.quizfest.questionbank.QuestionBanks;
import vn.quizfest.questionbank.QuestionStatus;
import vn.quizfest.questionbank.QuestionType;
import vn.quizfest.questionbank.Questions;
import vn.quizfest.questionbank.Topic;

/**
 * A fresh H2 database in MySQL mode with the module's migrations (as {@code QuestionsTest}), the
 * transfer service on it, sample questions of every type and helpers to build files in tests.
 */
final class TransferFixture {

	static final String AUTHOR = "Phạm Minh Đức";

	final JdbcClient jdbc;

	final Questions questions;

	final QuestionBanks banks;

	final QuestionTransfer transfer;

	TransferFixture() {
		var dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/questionbank").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		questions = new Questions(jdbc, JsonMapper.builder().build());
		banks = new QuestionBanks(jdbc);
		transfer = new QuestionTransfer(questions,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
	}

	long bank() {
		return banks.create("Xã Tân Hòa – Ngày hội chuyển đổi số", null, false);
	}

	/** Every question of a bank, both languages, in insertion order. */
	List<Question> all(long bank) {
		List<Question> all = new ArrayList<>(questions.findByBank(bank, Language.VI));
		all.addAll(questions.findByBank(bank, Language.EN));
		return all;
	}

	ImportReport importInto(long bank, QuestionFormat format, byte[] file) {
		return transfer.importInto(bank, format, new ByteArrayInputStream(file), ImportOptions.defaults().withAuthor(AUTHOR));
	}

	ImportReport importInto(long bank, QuestionFormat format, byte[] file, ImportOptions options) {
		return transfer.importInto(bank, format, new ByteArrayInputStream(file), options);
	}

	byte[] export(List<Question> questions, QuestionFormat format) {
		var out = new ByteArrayOutputStream();
		transfer.export(questions, format, out);
		return out.toByteArray();
	}

	/**
	 * Questions of every type with Vietnamese text, commas, quotes, line breaks and text that Excel
	 * would take for a formula; the first one in Vietnamese and English (one translation group).
	 */
	static List<Question> sample(long bank) {
		String group = UUID.randomUUID().toString();
		List<Question> sample = new ArrayList<>();
		sample.add(question(bank, group, Language.VI, QuestionType.SINGLE_CHOICE,
				"Có người gọi điện tự xưng là công an, yêu cầu đọc mã OTP. Bạn làm gì?",
				List.of("Đọc mã OTP", "Cúp máy, không cung cấp", "Chuyển tiền \"xác minh\"", "Gửi ảnh CCCD qua Zalo"),
				AnswerKey.options(List.of(1)), q -> q.explanation("Công an không yêu cầu mã OTP qua điện thoại.\nHãy gọi 113 nếu nghi ngờ.")
					.externalKey("lua-dao-otp-01")
					.tags(List.of("otp", "lừa đảo"))
					.imageUrl("/api/images/a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1")
					.source("Bộ Công an")
					.points(Points.DOUBLE)
					.status(QuestionStatus.PUBLISHED)
					.topic(Topic.SCAMS_CYBER_SAFETY)
					.difficulty(2)
					.timeLimit(30)));
		sample.add(question(bank, group, Language.EN, QuestionType.SINGLE_CHOICE,
				"Someone calls claiming to be the police and asks for your OTP code. What do you do?",
				List.of("Read the OTP", "Hang up, give nothing", "Transfer money to \"verify\"", "Send an ID photo on Zalo"),
				AnswerKey.options(List.of(1)), q -> q.explanation("The police never ask for OTP codes by phone.")
					.externalKey("lua-dao-otp-01")
					.tags(List.of("otp", "scam"))
					.points(Points.DOUBLE)
					.status(QuestionStatus.PUBLISHED)
					.topic(Topic.SCAMS_CYBER_SAFETY)
					.difficulty(2)
					.timeLimit(30)));
		sample.add(question(bank, UUID.randomUUID().toString(), Language.VI, QuestionType.MULTIPLE_SELECT,
				"Những thông tin nào KHÔNG được chia sẻ qua mạng xã hội?",
				List.of("Mã OTP, mật khẩu", "Ảnh phong cảnh; hoa", "Số căn cước công dân", "Tên món ăn yêu thích"),
				AnswerKey.options(List.of(0, 2)), q -> q.topic(Topic.PERSONAL_DATA).tags(List.of("dữ liệu cá nhân"))));
		sample.add(question(bank, UUID.randomUUID().toString(), Language.VI, QuestionType.TRUE_FALSE,
				"Tài khoản định danh điện tử mức độ 2 có thể dùng thay thẻ căn cước khi làm thủ tục.",
				List.of("Đúng", "Sai"), AnswerKey.options(List.of(0)), q -> q.topic(Topic.VNEID).status(QuestionStatus.REVIEWED)));
		sample.add(question(bank, UUID.randomUUID().toString(), Language.VI, QuestionType.TYPE_ANSWER,
				"Thủ đô của Việt Nam là thành phố nào?", List.of(),
				new AnswerKey(List.of(), List.of("Hà Nội", "Ha Noi"), null, null), q -> q.points(Points.NONE)));
		sample.add(question(bank, UUID.randomUUID().toString(), Language.EN, QuestionType.ORDERING,
				"Put the steps of paying with a QR code in order.",
				List.of("Confirm the amount", "Open the banking app", "Enter your PIN", "Scan the QR code"),
				AnswerKey.options(List.of(1, 3, 0, 2)), q -> q.topic(Topic.CASHLESS_PAYMENT).difficulty(3)));
		sample.add(question(bank, UUID.randomUUID().toString(), Language.VI, QuestionType.NUMERIC,
				"=2+3 bằng bao nhiêu? (nhập số)", List.of(), new AnswerKey(List.of(), List.of(), 5.0, 0.25),
				q -> q.topic(Topic.BASIC_SKILLS).difficulty(1).timeLimit(240)));
		sample.add(question(bank, UUID.randomUUID().toString(), Language.VI, QuestionType.NUMERIC,
				"Điện thoại giảm giá từ 2,5 triệu xuống 2 triệu đồng. Giảm bao nhiêu triệu đồng?", List.of(),
				new AnswerKey(List.of(), List.of(), 0.5, null), q -> q.timeLimit(5)));
		sample.add(question(bank, UUID.randomUUID().toString(), Language.VI, QuestionType.POLL,
				"'Chuyển đổi số' có ý nghĩa gì với gia đình bạn?",
				List.of("@Rất quan trọng", "-Bình thường", "+Chưa rõ"), AnswerKey.options(List.of()),
				q -> q.topic(Topic.DIGITAL_GOVERNMENT).tags(List.of())));
		return sample;
	}

	/** Optional fields of a sample question, with sensible defaults. */
	static final class Extras {

		String explanation;

		String externalKey;

		List<String> tags = List.of("chuyển đổi số");

		String imageUrl;

		String source;

		Points points = Points.STANDARD;

		QuestionStatus status = QuestionStatus.DRAFT;

		Topic topic = Topic.BASIC_SKILLS;

		int difficulty = 1;

		int timeLimit = 20;

		Extras explanation(String value) {
			explanation = value;
			return this;
		}

		Extras externalKey(String value) {
			externalKey = value;
			return this;
		}

		Extras tags(List<String> value) {
			tags = value;
			return this;
		}

		Extras imageUrl(String value) {
			imageUrl = value;
			return this;
		}

		Extras source(String value) {
			source = value;
			return this;
		}

		Extras points(Points value) {
			points = value;
			return this;
		}

		Extras status(QuestionStatus value) {
			status = value;
			return this;
		}

		Extras topic(Topic value) {
			topic = value;
			return this;
		}

		Extras difficulty(int value) {
			difficulty = value;
			return this;
		}

		Extras timeLimit(int value) {
			timeLimit = value;
			return this;
		}
	}

	static Question question(long bank, String group, Language language, QuestionType type, String text,
			List<String> options, AnswerKey answer, Consumer<Extras> extras) {
		Extras e = new Extras();
		extras.accept(e);
		return new Question(null, bank, group, language, type, text, options, answer, e.explanation, e.timeLimit,
				e.points, e.difficulty, e.topic, e.tags, e.imageUrl, e.source, e.status, AUTHOR, e.externalKey, null, null,
				0);
	}

	/** Asserts two lists hold the same questions, apart from storage identity, in any order. */
	static void assertSameQuestions(List<Question> actual, List<Question> expected) {
		assertThat(actual).hasSameSizeAs(expected);
		Map<String, Question> byText = new HashMap<>();
		actual.forEach(question -> byText.put(question.text(), question));
		for (Question question : expected) {
			assertThat(byText).containsKey(question.text());
			assertThat(byText.get(question.text())).usingRecursiveComparison()
				.ignoringFields("id", "bankId", "translationGroup", "createdAt", "updatedAt", "version", "tags")
				.isEqualTo(question);
			assertThat(byText.get(question.text()).tags()).containsExactlyInAnyOrderElementsOf(question.tags());
		}
		// Language versions stay together, and nothing else joins them.
		Map<String, String> groups = new HashMap<>();
		for (Question question : expected) {
			String copy = byText.get(question.text()).translationGroup();
			String previous = groups.putIfAbsent(question.translationGroup(), copy);
			assertThat(previous == null || previous.equals(copy)).as("group of %s", question.text()).isTrue();
		}
		assertThat(groups.values()).doesNotHaveDuplicates();
	}

	/** Builds an XLSX file: one sheet, rows of cells (strings, numbers, or "=..." for a formula). */
	static byte[] xlsx(List<List<Object>> rows) {
		return xlsx(sheet -> {
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					Object value = rows.get(r).get(c);
					if (value instanceof Number number) {
						row.createCell(c).setCellValue(number.doubleValue());
					}
					else if (value instanceof String text && text.startsWith("=")) {
						row.createCell(c).setCellFormula(text.substring(1));
					}
					else if (value != null && !value.toString().isEmpty()) {
						row.createCell(c).setCellValue(value.toString());
					}
				}
			}
		});
	}

	static byte[] xlsx(Consumer<XSSFSheet> content) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			content.accept(workbook.createSheet("Sheet1"));
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The template's headings in Vietnamese, in column order. */
	static List<Object> headingsVi() {
		return new ArrayList<>(TemplateRows.headings(Catalog.VIETNAMESE));
	}

	/** A template row: the given cells by column, the rest empty. */
	static List<Object> row(Map<Column, Object> cells) {
		List<Object> row = new ArrayList<>();
		for (Column column : Column.values()) {
			row.add(cells.getOrDefault(column, ""));
		}
		return row;
	}
}
