package vn.quizfest.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages form no cycle and use only each other's public API. */
class ModularityTest {

	@Test
	void featurePackagesHaveNoCycles() {
		ApplicationModules.of(QuizFestApplication.class).verify();
	}
}
