package vn.quizfest.loadtest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Compares what the players sent and had acknowledged with the answers the server stored. An
 * acknowledged answer missing from the store is lost; one stored with another response time is a
 * mismatch. The results are written behind, so the caller polls until the store has caught up.
 */
final class AnswerAudit {

	long acknowledged;

	long stored;

	long lost;

	long timeMismatches;

	long sentWithoutAck;

	long storedWithoutAck;

	long unexpectedStored;

	long aimedRight;

	long aimedWrong;

	long aimMissed;

	static long acceptedCount(List<SimulatedPlayer> players) {
		long count = 0;
		for (SimulatedPlayer player : players) {
			for (int ms : player.ackMillis) {
				if (ms >= 0) {
					count++;
				}
			}
		}
		return count;
	}

	static AnswerAudit of(List<SimulatedPlayer> players, JsonNode storedAnswers) {
		AnswerAudit audit = new AnswerAudit();
		Map<Long, JsonNode> byKey = new HashMap<>();
		for (JsonNode answer : storedAnswers.path("answers")) {
			byKey.put(key(answer.path("player").asInt(), answer.path("q").asInt()), answer);
		}
		audit.stored = byKey.size();
		int matched = 0;
		for (SimulatedPlayer player : players) {
			if (player.number == 0) {
				continue;
			}
			for (int q = 0; q < player.ackMillis.length; q++) {
				JsonNode stored = byKey.get(key(player.number, q));
				int ack = player.ackMillis[q];
				if (stored != null) {
					matched++;
				}
				if (ack >= 0) {
					audit.acknowledged++;
					if (stored == null) {
						audit.lost++;
						continue;
					}
					if (stored.path("ms").asLong() != ack) {
						audit.timeMismatches++;
					}
				}
				else if (player.sent[q] != 0 && ack == SimulatedPlayer.NOT_ACKED) {
					audit.sentWithoutAck++;
					if (stored != null) {
						audit.storedWithoutAck++;
					}
				}
				if (stored != null && ack >= 0) {
					boolean correct = stored.path("correct").asBoolean();
					if (player.sent[q] == SimulatedPlayer.SENT_RIGHT) {
						audit.aimedRight++;
						if (!correct) {
							audit.aimMissed++;
						}
					}
					else if (player.sent[q] == SimulatedPlayer.SENT_WRONG) {
						audit.aimedWrong++;
						if (correct) {
							audit.aimMissed++;
						}
					}
				}
			}
		}
		audit.unexpectedStored = byKey.size() - matched;
		return audit;
	}

	private static long key(int player, int question) {
		return ((long) player << 16) | question;
	}

	Map<String, Object> json() {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("checked", true);
		out.put("acknowledged", acknowledged);
		out.put("stored", stored);
		out.put("lost", lost);
		out.put("responseTimeMismatches", timeMismatches);
		out.put("sentWithoutAck", sentWithoutAck);
		out.put("storedWithoutAck", storedWithoutAck);
		out.put("storedButNotSent", unexpectedStored);
		out.put("aimedRight", aimedRight);
		out.put("aimedWrong", aimedWrong);
		out.put("gradedOtherwiseThanAimed", aimMissed);
		return out;
	}
}
