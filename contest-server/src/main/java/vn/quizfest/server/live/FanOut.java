package vn.quizfest.server.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Sends one frame to many sockets. The list is split over a fixed set of sender threads (one per
 * core by default); each send only queues the frame on the connection, which writes it
 * asynchronously, so a slow socket never holds a sender.
 */
final class FanOut implements AutoCloseable {

	private static final int MIN_SLICE = 256;

	private final ExecutorService senders;

	private final int threads;

	FanOut(int threads) {
		this.threads = threads;
		this.senders = Executors.newFixedThreadPool(threads, SerialExecutor.daemonThreads("quiz-sender"));
	}

	/**
	 * Sends the same frame to every connection; returns when every send has been queued. The frame is
	 * encoded to UTF-8 once here, not once per socket (SharedFrame).
	 */
	void broadcast(List<? extends Peer> connections, String frame) {
		int size = connections.size();
		if (size == 0) {
			return;
		}
		SharedFrame shared = SharedFrame.of(frame);
		split(size, (from, to) -> {
			for (int i = from; i < to; i++) {
				connections.get(i).send(shared);
			}
		});
	}

	/** Sends each connection its own frame (null: nothing); frames are built on the sender threads. */
	void each(List<? extends Peer> connections, Function<Peer, @Nullable String> frameFor) {
		split(connections.size(), (from, to) -> {
			for (int i = from; i < to; i++) {
				Peer connection = connections.get(i);
				String frame = frameFor.apply(connection);
				if (frame != null) {
					connection.send(frame);
				}
			}
		});
	}

	/** A part of the list, {@code [from, to)}, sent by one thread. */
	private interface Slice {

		void send(int from, int to);
	}

	/** Splits the list over the sender threads (the caller takes the first part); waits for all parts. */
	private void split(int size, Slice slice) {
		if (size == 0) {
			return;
		}
		int slices = Math.min(threads, Math.max(1, size / MIN_SLICE));
		if (slices == 1) {
			slice.send(0, size);
			return;
		}
		List<CompletableFuture<Void>> parts = new ArrayList<>(slices);
		int per = (size + slices - 1) / slices;
		for (int start = per; start < size; start += per) {
			int from = start;
			int to = Math.min(size, start + per);
			parts.add(CompletableFuture.runAsync(() -> slice.send(from, to), senders));
		}
		slice.send(0, Math.min(per, size));
		CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).join();
	}

	@Override
	public void close() {
		senders.shutdown();
		try {
			senders.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
