package vn.quizfest.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * How the simulated phones open their WebSockets ({@code --client}): the JDK's HttpClient, or the lean
 * client on Netty ({@link LeanWebSockets}). Both hand the players a {@link WebSocket} and call their
 * {@link WebSocket.Listener}, so the players do not know which one carries them.
 */
interface PlayerSockets extends AutoCloseable {

	/** The names {@code --client} takes. */
	String JDK = "jdk";

	String NIO = "nio";

	CompletableFuture<WebSocket> open(int player, URI uri, WebSocket.Listener listener);

	@Override
	void close();

	static PlayerSockets of(String client, int threads, Executor listeners) {
		return switch (client) {
			case NIO -> new LeanWebSockets(threads);
			case JDK -> new Jdk(threads, listeners);
			default -> throw new IllegalArgumentException("--client " + client);
		};
	}

	/** A few JDK HttpClients (one selector thread each); listeners run on the shared pool. */
	final class Jdk implements PlayerSockets {

		private final HttpClient[] clients;

		Jdk(int count, Executor listeners) {
			this.clients = new HttpClient[count];
			for (int i = 0; i < count; i++) {
				clients[i] = HttpClient.newBuilder().executor(listeners).connectTimeout(Duration.ofSeconds(20)).build();
			}
		}

		@Override
		public CompletableFuture<WebSocket> open(int player, URI uri, WebSocket.Listener listener) {
			return clients[player % clients.length].newWebSocketBuilder()
				.connectTimeout(Duration.ofSeconds(20))
				.buildAsync(uri, listener);
		}

		@Override
		public void close() {
			// The JDK clients stop with their selector threads once nothing uses them.
		}
	}
}
