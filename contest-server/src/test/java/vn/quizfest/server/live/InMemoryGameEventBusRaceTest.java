package vn.quizfest.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Subscribing while the game's last listener leaves must never lose the new subscriber. */
class InMemoryGameEventBusRaceTest {

	@Test
	void aSubscriberArrivingAsTheLastOneLeavesStillReceivesEvents() throws Exception {
		var bus = new InMemoryGameEventBus();
		int rounds = 20_000;
		int lost = 0;
		for (int round = 0; round < rounds; round++) {
			String game = "g" + round;
			var leaving = bus.subscribe(game, event -> {
			});
			AtomicInteger received = new AtomicInteger();
			var barrier = new CyclicBarrier(2);
			Thread closer = new Thread(() -> {
				await(barrier);
				leaving.close();
			});
			closer.start();
			await(barrier);
			var arriving = bus.subscribe(game, event -> received.incrementAndGet());
			closer.join(5_000);

			bus.publish(game, "ping");
			if (received.get() != 1) {
				lost++;
			}
			arriving.close();
		}
		assertThat(lost).as("subscribers lost in %d rounds", rounds).isZero();
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
