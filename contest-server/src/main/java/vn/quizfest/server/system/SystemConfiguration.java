package vn.quizfest.server.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	/** The server owns time; everything that reads it takes this clock so tests can control it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
