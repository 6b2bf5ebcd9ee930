package vn.quizfest.server.contest.window;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The contest's adapters (rate limits in memory or in Redis, by {@code quizfest.live-state}), its
 * scheduled jobs, and the public entrant API's security: no session, no CSRF token (entrants have no
 * account; they send their entrant token in a header, which a foreign page cannot set).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ContestConfiguration {

	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "memory", matchIfMissing = true)
	RateLimits inMemoryContestRateLimits(Clock clock) {
		return new InMemoryRateLimits(clock);
	}

	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "redis")
	RateLimits redisContestRateLimits(StringRedisTemplate redis, Clock clock) {
		return new RedisRateLimits(redis, clock);
	}

	@Bean
	@Order(1)
	SecurityFilterChain publicContestFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/public/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.securityContext(AbstractHttpConfigurer::disable)
			.sessionManagement(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable);
		return http.build();
	}
}
