package vn.quizfest.server.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What this node sends to and hears from the game channels of the cluster ({@code quiz.relay.messages},
 * {@code quiz.relay.bytes}, tag {@code direction} {@code out} or {@code in}): the relay's cost per node.
 * "In" counts every message the node's subscriptions deliver, also those it then ignores (its own, or
 * those meant for the other side), since each one crossed the network.
 */
final class RelayTraffic {

	private final Counter messagesOut;

	private final Counter messagesIn;

	private final Counter bytesOut;

	private final Counter bytesIn;

	RelayTraffic(MeterRegistry registry) {
		this.messagesOut = messages(registry, "out");
		this.messagesIn = messages(registry, "in");
		this.bytesOut = bytes(registry, "out");
		this.bytesIn = bytes(registry, "in");
	}

	private static Counter messages(MeterRegistry registry, String direction) {
		return Counter.builder("quiz.relay.messages").description("Relay messages on the game channels")
			.tag("direction", direction)
			.register(registry);
	}

	private static Counter bytes(MeterRegistry registry, String direction) {
		return Counter.builder("quiz.relay.bytes").description("UTF-8 bytes of the relay messages on the game channels")
			.baseUnit("bytes")
			.tag("direction", direction)
			.register(registry);
	}

	void sent(String message) {
		messagesOut.increment();
		bytesOut.increment(utf8Length(message));
	}

	void received(String message) {
		messagesIn.increment();
		bytesIn.increment(utf8Length(message));
	}

	/** Counted without encoding: one relay message per broadcast, but some carry a frame per socket. */
	static long utf8Length(String text) {
		long bytes = 0;
		for (int i = 0, n = text.length(); i < n; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}
}
