package vn.quizfest.server.live;

class InMemoryGameEventBusTest extends GameEventBusContract {

	private final GameEventBus bus = new InMemoryGameEventBus();

	@Override
	GameEventBus bus() {
		return bus;
	}
}
