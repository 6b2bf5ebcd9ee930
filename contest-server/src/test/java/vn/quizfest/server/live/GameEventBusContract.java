package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** What every event bus adapter must do; each adapter's test extends this. */
abstract class GameEventBusContract {

	abstract GameEventBus bus();

	final String game = "g" + UUID.randomUUID();

	static String next(BlockingQueue<String> queue) throws InterruptedException {
		String event = queue.poll(5, TimeUnit.SECONDS);
		assertThat(event).as("an event within 5 s").isNotNull();
		return event;
	}

	@Test
	void subscribersReceiveTheirGamesEventsInOrder() throws InterruptedException {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		try (var subscription = bus().subscribe(game, received::add)) {
			for (int i = 0; i < 200; i++) {
				bus().publish(game, "{\"seq\":" + i + "}");
			}
			List<String> events = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				events.add(next(received));
			}
			assertThat(events).first().isEqualTo("{\"seq\":0}");
			assertThat(events).last().isEqualTo("{\"seq\":199}");
			for (int i = 0; i < 200; i++) {
				assertThat(events.get(i)).isEqualTo("{\"seq\":" + i + "}");
			}
		}
	}

	@Test
	void everySubscriberOfAGameReceivesEachEventAndOtherGamesNone() throws InterruptedException {
		BlockingQueue<String> first = new LinkedBlockingQueue<>();
		BlockingQueue<String> second = new LinkedBlockingQueue<>();
		BlockingQueue<String> otherGame = new LinkedBlockingQueue<>();
		try (var a = bus().subscribe(game, first::add); var b = bus().subscribe(game, second::add);
				var c = bus().subscribe(game + "-other", otherGame::add)) {
			bus().publish(game, "Câu hỏi 1: Ứng dụng định danh điện tử là gì?");
			bus().publish(game + "-other", "marker");

			assertThat(next(first)).isEqualTo("Câu hỏi 1: Ứng dụng định danh điện tử là gì?");
			assertThat(next(second)).isEqualTo("Câu hỏi 1: Ứng dụng định danh điện tử là gì?");
			assertThat(next(otherGame)).isEqualTo("marker");
			assertThat(otherGame).isEmpty();
		}
	}

	@Test
	void aClosedSubscriptionReceivesNothingMore() throws InterruptedException {
		BlockingQueue<String> closed = new LinkedBlockingQueue<>();
		BlockingQueue<String> open = new LinkedBlockingQueue<>();
		try (var stays = bus().subscribe(game, open::add)) {
			var leaves = bus().subscribe(game, closed::add);
			leaves.close();
			leaves.close();

			bus().publish(game, "after close");

			assertThat(next(open)).isEqualTo("after close");
			assertThat(closed).isEmpty();
		}
	}

	@Test
	void aGameWithoutSubscribersCanStillBePublishedTo() throws InterruptedException {
		bus().publish(game, "nobody listens");
		BlockingQueue<String> late = new LinkedBlockingQueue<>();
		try (var subscription = bus().subscribe(game, late::add)) {
			bus().publish(game, "now someone does");

			// Publishing is asynchronous: the first event may still reach the new subscriber, the second must.
			String first = next(late);
			assertThat(first).isIn("nobody listens", "now someone does");
			if (first.equals("nobody listens")) {
				assertThat(next(late)).isEqualTo("now someone does");
			}
		}
	}
}
