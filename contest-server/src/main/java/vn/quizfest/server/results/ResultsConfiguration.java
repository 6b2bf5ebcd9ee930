package vn.quizfest.server.results;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ResultsConfiguration {

	@Bean
	ResultsWriter resultsWriter(DataSource dataSource, ResultsSettings settings, MeterRegistry meters) {
		return new ResultsWriter(dataSource, settings, meters);
	}

	/** Named "results" in /actuator/health and its readiness group. */
	@Bean
	ResultsHealth resultsHealthIndicator(ResultsWriter writer) {
		return new ResultsHealth(writer);
	}
}
