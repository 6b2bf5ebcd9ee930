package vn.quizfest.server.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/** Collects what the server's own loggers write while a test runs: the log a client can make grow. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger("vn.quizfest");

	LogCapture() {
		setName("test-capture");
		start();
		logger.addAppender(this);
	}

	@Override
	protected void append(ILoggingEvent event) {
		events.add(event);
	}

	/** Events that carry a stack trace. */
	long withStackTraces() {
		return events.stream().filter(event -> event.getThrowableProxy() != null).count();
	}

	/** Characters of the formatted messages (a stack trace would add kilobytes each). */
	long characters() {
		return events.stream().mapToLong(event -> event.getFormattedMessage().length()
				+ (event.getThrowableProxy() == null ? 0 : 4_000)).sum();
	}

	@Override
	public void close() {
		logger.detachAppender(this);
		stop();
	}
}
