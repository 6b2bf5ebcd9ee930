package vn.quizfest.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ThinkTimeTest {

	@Test
	void staysWithinItsBoundsAndCentresOnTheMedian() {
		ThinkTime think = ThinkTime.DEFAULT;
		Dice dice = new Dice(1);
		long[] samples = new long[20_000];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = think.millis(dice.roll(i, 0, Dice.THINK_A), dice.roll(i, 0, Dice.THINK_B));
		}
		Arrays.sort(samples);
		assertThat(samples[0]).isGreaterThanOrEqualTo(1000);
		assertThat(samples[samples.length - 1]).isLessThanOrEqualTo(8000);
		// Median 2.5 s. With sigma 0.6, P(Z > ln(8/2.5)/0.6) = 2.6 % reach the 8 s clamp and
		// P(Z < ln(1/2.5)/0.6) = 6.3 % the 1 s clamp.
		assertThat(samples[samples.length / 2]).isBetween(2350L, 2650L);
		long clampedHigh = Arrays.stream(samples).filter(s -> s == 8000).count();
		long clampedLow = Arrays.stream(samples).filter(s -> s == 1000).count();
		assertThat(clampedHigh / (double) samples.length).isBetween(0.021, 0.031);
		assertThat(clampedLow / (double) samples.length).isBetween(0.055, 0.071);
	}

	@Test
	void extremeUniformsAreClampedNotInfinite() {
		ThinkTime think = new ThinkTime(3, 2, 1, 8);
		assertThat(think.millis(0.999999999999, 0)).isEqualTo(8000);
		assertThat(think.millis(0.999999999999, 0.5)).isEqualTo(1000);
		assertThat(think.millis(0, 0)).isEqualTo(3000);
	}

	@Test
	void theDiceRepeatForTheSameSeedAndDifferOtherwise() {
		assertThat(new Dice(5).roll(3, 1, Dice.WRONG)).isEqualTo(new Dice(5).roll(3, 1, Dice.WRONG));
		assertThat(new Dice(5).roll(3, 1, Dice.WRONG)).isNotEqualTo(new Dice(6).roll(3, 1, Dice.WRONG));
		double sum = 0;
		for (int i = 0; i < 10_000; i++) {
			double u = new Dice(5).roll(i, 2, Dice.MISSING);
			assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
			sum += u;
		}
		assertThat(sum / 10_000).isBetween(0.48, 0.52);
	}
}
