package vn.quizfest.questionbank;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.questionbank.transfer.QuestionTransfer;

/** The question bank's beans, for an application that imports this library. */
@Configuration(proxyBeanMethods = false)
public class QuestionBankConfiguration {

	@Bean
	QuestionBanks questionBanks(JdbcClient jdbc) {
		return new QuestionBanks(jdbc);
	}

	@Bean
	Questions questions(JdbcClient jdbc, JsonMapper json) {
		return new Questions(jdbc, json);
	}

	@Bean
	Quizzes quizzes(JdbcClient jdbc, Questions questions) {
		return new Quizzes(jdbc, questions);
	}

	@Bean
	QuestionTransfer questionTransfer(Questions questions, TransactionOperations transactions) {
		return new QuestionTransfer(questions, transactions);
	}

	@Bean
	SeedBank seedBank(QuestionBanks banks, Questions questions, JsonMapper json,
			TransactionOperations transactions) {
		return new SeedBank(banks, questions, json, transactions);
	}
}
