package vn.quizfest.server.bank;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import vn.quizfest.questionbank.QuestionBankConfiguration;
import vn.quizfest.questionbank.SeedBank;

/** Brings in the question bank and fills an empty database with the seed bank. */
@Configuration(proxyBeanMethods = false)
@Import(QuestionBankConfiguration.class)
class QuestionBankSetup {

	@Bean
	@ConditionalOnBooleanProperty("quizfest.questions.load-seed-bank")
	ApplicationRunner seedBankLoader(SeedBank seedBank) {
		return (ApplicationArguments args) -> seedBank.loadIfEmpty();
	}
}
