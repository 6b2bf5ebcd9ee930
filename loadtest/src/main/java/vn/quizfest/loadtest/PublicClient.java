package vn.quizfest.loadtest;

import java.io.IOException;
import java.net.URI;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entrants' side of the API over one {@link HttpTransport} (the JDK's client or the lean Netty
 * one, {@code --http}): at most --max-in-flight requests
 * at once (the rest wait in a queue here, so a slow server is not buried under connections), a
 * connection failure retried twice like the phone's retry queue would, a 429 retried after its
 * Retry-After (bounded). Each reply carries the time of the final try, start to body.
 */
final class PublicClient implements AutoCloseable {

	/** A reply: status, parsed body (a null node when empty or not JSON), latency of the last try. */
	record Reply(int status, JsonNode body, long nanos, int tries) {

		String code() {
			return body.path("code").asString("");
		}
	}

	private static final int RETRIES = 2;

	private final JsonMapper json;

	private final ContestMetrics metrics;

	private final ScheduledExecutorService scheduler;

	private final HttpTransport http;

	private final int maxInFlight;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

	private final AtomicInteger mostWaiting = new AtomicInteger();

	PublicClient(URI base, JsonMapper json, ContestMetrics metrics, ScheduledExecutorService scheduler,
			int maxInFlight, String transport) {
		this.json = json;
		this.metrics = metrics;
		this.scheduler = scheduler;
		this.maxInFlight = maxInFlight;
		this.http = HttpTransport.of(transport, base);
	}

	/** The most requests that waited here at once for a free slot (0: the limit was never reached). */
	int mostWaiting() {
		return mostWaiting.get();
	}

	/** Records a latency measured by a caller (the audit's read-back). */
	void metricsRecord(String request, long nanos) {
		metrics.recordNanos(request, nanos);
	}

	CompletableFuture<Reply> send(String method, String path, String token, Object body) {
		CompletableFuture<Reply> reply = new CompletableFuture<>();
		String text = body == null ? null : json.writeValueAsString(body);
		waiting.add(() -> attempt(method, path, token, text, 1, reply));
		mostWaiting.accumulateAndGet(waiting.size(), Math::max);
		drain();
		return reply;
	}

	private void drain() {
		while (true) {
			int now = inFlight.get();
			if (now >= maxInFlight) {
				return;
			}
			if (!inFlight.compareAndSet(now, now + 1)) {
				continue;
			}
			Runnable next = waiting.poll();
			if (next == null) {
				inFlight.decrementAndGet();
				// Another thread may have queued between the poll and the decrement.
				if (waiting.isEmpty()) {
					return;
				}
				continue;
			}
			next.run();
		}
	}

	private void attempt(String method, String path, String token, String body, int tries,
			CompletableFuture<Reply> reply) {
		long start = System.nanoTime();
		http.exchange(method, path, token, body).whenComplete((response, failure) -> {
			long nanos = System.nanoTime() - start;
			inFlight.decrementAndGet();
			try {
				if (failure != null) {
					metrics.count("transportFailures", method + " " + kind(path) + " " + rootCause(failure));
					if (tries <= RETRIES) {
						later(() -> queueRetry(method, path, token, body, tries + 1, reply), 200L * tries);
					}
					else {
						reply.complete(new Reply(0, json.nullNode(), nanos, tries));
					}
					return;
				}
				if (response.status() == 429 && tries <= RETRIES) {
					metrics.count("rateLimited", method + " " + kind(path));
					long wait = response.retryAfterSeconds() < 0 ? 1 : response.retryAfterSeconds();
					later(() -> queueRetry(method, path, token, body, tries + 1, reply),
							Math.min(5, Math.max(1, wait)) * 1000);
					return;
				}
				reply.complete(new Reply(response.status(), parse(response.body()), nanos, tries));
			}
			catch (RuntimeException ex) {
				reply.completeExceptionally(ex);
			}
			finally {
				drain();
			}
		});
	}

	private void queueRetry(String method, String path, String token, String body, int tries,
			CompletableFuture<Reply> reply) {
		waiting.add(() -> attempt(method, path, token, body, tries, reply));
		drain();
	}

	private void later(Runnable task, long millis) {
		try {
			scheduler.schedule(task, millis, TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			// The run is over.
		}
	}

	private JsonNode parse(String text) {
		if (text == null || text.isBlank()) {
			return json.nullNode();
		}
		try {
			return json.readTree(text);
		}
		catch (RuntimeException ex) {
			return json.nullNode();
		}
	}

	/** A path without its ids, for counting by request kind ("/api/public/attempts/{}/answers/{}"). */
	static String kind(String path) {
		String noQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		StringBuilder out = new StringBuilder();
		String[] parts = noQuery.split("/");
		for (int i = 1; i < parts.length; i++) {
			String part = parts[i];
			boolean id = part.matches(".*\\d.*") && !part.equals("v1") || i >= 4 && parts[i - 1].equals("contests");
			out.append('/').append(id ? "{}" : part);
		}
		return out.toString();
	}

	private static String rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause instanceof IOException ? cause.getClass().getSimpleName() : cause.getClass().getName();
	}

	@Override
	public void close() {
		http.close();
	}
}
