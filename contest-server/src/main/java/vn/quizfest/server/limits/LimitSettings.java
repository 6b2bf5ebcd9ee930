package vn.quizfest.server.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-address abuse limits ({@code quizfest.limits.*}); documented in docs/operations.md, "Live abuse
 * limits". The defaults let a school of 300 players behind one NAT address join one game at once.
 *
 * @param pinMissesPerMinute unknown PINs an address may try per minute (REST and sockets together)
 * @param pinMissesPerHour unknown PINs an address may try per hour: the second tier of the back-off,
 *        so a steady sweep waits longer and longer
 * @param joinsPerSecond joins per address and game per second (bursts of twice as many)
 * @param playersPerAddress joins per address and game over the whole game (a resume is no join)
 * @param keepFor how long the joins of an address to one game are remembered (longer than any game)
 * @param pinFirstWait the wait of an address the first time it uses up its PIN misses (default 5s);
 *        every further time doubles it
 * @param pinMaxWait the ceiling of that doubling wait (default 15m)
 * @param pinForgetAfter quiet time after a wait ends after which the doubling starts again from
 *        {@code pinFirstWait} (default 1h)
 */
@ConfigurationProperties("quizfest.limits")
public record LimitSettings(@DefaultValue("20") int pinMissesPerMinute, @DefaultValue("100") int pinMissesPerHour,
		@DefaultValue("20") int joinsPerSecond, @DefaultValue("300") int playersPerAddress,
		@DefaultValue("12h") Duration keepFor, @DefaultValue("5s") Duration pinFirstWait,
		@DefaultValue("15m") Duration pinMaxWait, @DefaultValue("1h") Duration pinForgetAfter) {

	@ConstructorBinding
	public LimitSettings {
		if (pinMissesPerMinute < 1 || pinMissesPerHour < 1 || joinsPerSecond < 1 || playersPerAddress < 1) {
			throw new IllegalArgumentException("quizfest.limits.* must be at least 1");
		}
		if (keepFor.isNegative() || keepFor.isZero()) {
			throw new IllegalArgumentException("quizfest.limits.keep-for must be positive");
		}
		if (pinFirstWait.toMillis() < 1 || pinMaxWait.compareTo(pinFirstWait) < 0 || pinForgetAfter.isNegative()) {
			throw new IllegalArgumentException("quizfest.limits.pin-first-wait must be at least 1ms, pin-max-wait "
					+ "at least pin-first-wait, pin-forget-after not negative");
		}
	}

	/** The limits with the default PIN back-off (5 s doubling up to 15 min, forgotten after 1 h). */
	public LimitSettings(int pinMissesPerMinute, int pinMissesPerHour, int joinsPerSecond, int playersPerAddress,
			Duration keepFor) {
		this(pinMissesPerMinute, pinMissesPerHour, joinsPerSecond, playersPerAddress, keepFor, Duration.ofSeconds(5),
				Duration.ofMinutes(15), Duration.ofHours(1));
	}
}
