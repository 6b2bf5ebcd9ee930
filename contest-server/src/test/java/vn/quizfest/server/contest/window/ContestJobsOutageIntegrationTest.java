package vn.quizfest.server.contest.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import vn.quizfest.server.RealServices;

/**
 * The contest jobs during a database outage (the local MariaDB of scripts/services.sh stopped, then
 * started again): one WARN line without a stack trace when the database goes, one INFO line when it is
 * back, and no ERROR in between, although the jobs ran every 300 ms meanwhile. Before, every node logged
 * an ERROR with a stack trace at every run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"quizfest.admin.initial-password=contest-jobs-outage-password", "quizfest.questions.load-seed-bank=false",
		"quizfest.contests.job-interval=300ms" })
@ActiveProfiles("cluster")
@Import(RealServices.class)
class ContestJobsOutageIntegrationTest {

	/** Long enough for many runs of the jobs while the database is away. */
	static final Duration OUTAGE = Duration.ofSeconds(6);

	/** Collects the events of the jobs' logger and of Spring's scheduler (which logs what a task throws). */
	static final class Captured extends AppenderBase<ILoggingEvent> implements AutoCloseable {

		final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

		private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(ContestJobs.class),
				(Logger) LoggerFactory.getLogger("org.springframework.scheduling"));

		Captured() {
			setName("contest-jobs-outage");
			start();
			loggers.forEach(logger -> logger.addAppender(this));
		}

		@Override
		protected void append(ILoggingEvent event) {
			events.add(event);
		}

		long count(Level level) {
			return events.stream().filter(event -> event.getLevel() == level).count();
		}

		@Override
		public void close() {
			loggers.forEach(logger -> logger.detachAppender(this));
			stop();
		}
	}

	static Path services() {
		Path folder = Path.of(System.getenv().getOrDefault("QUIZFEST_SERVICES_DIR",
				"/tmp/quizfest-services-" + new com.sun.security.auth.module.UnixSystem().getUid()));
		if (!Files.exists(folder.resolve("mariadb.pid")) || !Files.exists(folder.resolve("mariadb.cmd"))) {
			throw new IllegalStateException("This test stops the local MariaDB of scripts/services.sh and needs "
					+ folder.resolve("mariadb.pid") + " and mariadb.cmd (set QUIZFEST_SERVICES_DIR to the folder the "
					+ "services were started with; scripts/test.sh does).");
		}
		return folder;
	}

	@Test
	@Timeout(value = 150, unit = TimeUnit.SECONDS)
	void anOutageIsLoggedOnceWhenItBeginsAndOnceWhenItEnds() throws Exception {
		Path services = services();
		try (Captured log = new Captured()) {
			long pid = Long.parseLong(Files.readString(services.resolve("mariadb.pid")).trim());
			ProcessHandle database = ProcessHandle.of(pid)
				.orElseThrow(() -> new IllegalStateException("MariaDB (pid " + pid + ") is not running"));
			try {
				database.destroy();
				database.onExit().get(60, TimeUnit.SECONDS);
				await().atMost(Duration.ofSeconds(20)).until(() -> log.count(Level.WARN) >= 1);
				long wentAt = System.nanoTime();
				await().atMost(OUTAGE.plusSeconds(5)).until(() -> System.nanoTime() - wentAt >= OUTAGE.toNanos());
			}
			finally {
				String command = Files.readString(services.resolve("mariadb.cmd"));
				Process starter = new ProcessBuilder("bash", "-c", command + " >/dev/null 2>&1 </dev/null &").start();
				assertThat(starter.waitFor(30, TimeUnit.SECONDS)).isTrue();
			}
			await().atMost(Duration.ofSeconds(90)).until(() -> log.count(Level.INFO) >= 1);

			assertThat(log.count(Level.WARN)).as("the outage, once").isEqualTo(1);
			assertThat(log.count(Level.ERROR)).as("no ERROR at each run").isZero();
			assertThat(log.events).allMatch(event -> event.getThrowableProxy() == null);
			ILoggingEvent went = log.events.stream().filter(event -> event.getLevel() == Level.WARN).findFirst().get();
			assertThat(went.getFormattedMessage()).contains("the database does not answer").doesNotContain("\n");
			ILoggingEvent back = log.events.stream().filter(event -> event.getLevel() == Level.INFO).findFirst().get();
			assertThat(back.getFormattedMessage()).contains("the database answers again");
			assertThat(log.count(Level.INFO)).isEqualTo(1);
		}
	}
}
