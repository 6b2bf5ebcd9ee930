package vn.quizfest.loadtest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What a fault run measures (issue 16): every resume from the moment the socket went to its 'resumed'
 * frame, and, once the --fault command has run, which players it affected and when each heard the game
 * again.
 */
final class FailoverStats {

	private static final long HIGHEST_MICROS = 3_600_000_000L;

	/** Socket lost (or dropped) to the 'resumed' frame, over every attempt of that resume. */
	final Histogram resumeMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);

	/** Fault to the first frame after it (any player that got one). */
	final Histogram firstFrameMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);

	/** Fault to the 'resumed' frame of each affected player (its first after the fault). */
	final Histogram recoveryMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);

	/** System.nanoTime() when the fault command started; 0 before. */
	private volatile long faultNanos;

	/** Per player: 1 when it saw a close or had to resume after the fault; 2 once it got 'resumed' after. */
	private final AtomicLongArray affected;

	/** Per player: the first frame after the fault has been counted. */
	private final AtomicLongArray heard;

	/** Per player: why it was affected (the first close code or 'takenOver'). */
	private final AtomicReferenceArray<String> why;

	FailoverStats(int players) {
		affected = new AtomicLongArray(players);
		heard = new AtomicLongArray(players);
		why = new AtomicReferenceArray<>(players);
	}

	void faultStarted(long nanos) {
		faultNanos = nanos;
	}

	boolean faultStarted() {
		return faultNanos != 0;
	}

	/** A frame reached a player. */
	void frame(int player, long nanos) {
		long fault = faultNanos;
		if (fault != 0 && nanos >= fault && heard.compareAndSet(player, 0, 1)) {
			firstFrameMicros.recordValue(Math.min(HIGHEST_MICROS, (nanos - fault) / 1000));
		}
	}

	/** The player's socket closed (or a resume was pushed to it): it is affected if the fault has begun. */
	void interrupted(int player, String reason) {
		if (faultNanos != 0 && affected.compareAndSet(player, 0, 1)) {
			why.set(player, reason);
		}
	}

	/** The player got 'resumed' (after a reconnect, or pushed by a node that took the game over). */
	void resumed(int player, long nanos, long lostNanos) {
		if (lostNanos > 0) {
			resumeMicros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos - lostNanos) / 1000));
		}
		long fault = faultNanos;
		if (fault != 0 && nanos >= fault && affected.compareAndSet(player, 1, 2)) {
			recoveryMicros.recordValue(Math.min(HIGHEST_MICROS, (nanos - fault) / 1000));
		}
	}

	/** The players affected by the fault, by the reason they first saw, and how many of them resumed. */
	Map<String, Object> affectedJson() {
		Map<String, Long> byReason = new java.util.TreeMap<>();
		long total = 0;
		long resumed = 0;
		for (int i = 0; i < affected.length(); i++) {
			long state = affected.get(i);
			if (state != 0) {
				total++;
				byReason.merge(String.valueOf(why.get(i)), 1L, Long::sum);
			}
			if (state == 2) {
				resumed++;
			}
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("players", total);
		out.put("resumed", resumed);
		out.put("byFirstReason", byReason);
		return out;
	}
}
