package vn.quizfest.loadtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary's sections of a fault run (issue 16): 'failover' (resumes through other nodes, the host's
 * reconnects), 'churn' and 'fault' (what the --fault command cost: answers acknowledged and stored,
 * players affected, recovery time).
 */
final class FailoverReport {

	private FailoverReport() {
	}

	static Summary add(Summary summary, Options options, Metrics metrics, FailoverStats stats, FaultHook hook, Churn churn,
			Map<String, Object> audit) {
		Map<String, Object> doc = summary.document();
		List<String> problems = new ArrayList<>(summary.problems());
		Map<String, Object> failover = new LinkedHashMap<>();
		failover.put("resumeDeadlineMs", options.failover().resumeDeadline().toMillis());
		failover.put("resumeAttempts", options.failover().resumeAttempts());
		failover.put("resumed", metrics.counts("resumes"));
		long failed = metrics.counts("lostForGood").entrySet().stream()
			.filter(e -> e.getKey().startsWith("resume:") || e.getKey().startsWith("close:"))
			.mapToLong(Map.Entry::getValue)
			.sum();
		failover.put("failed", failed);
		failover.put("failedBy", metrics.counts("lostForGood"));
		failover.put("attemptsFailed", metrics.counts("resumeAttemptsFailed"));
		failover.put("resumedVia", metrics.counts("resumedVia"));
		Map<String, Object> time = Summary.percentiles(stats.resumeMicros);
		time.remove("cdf");
		time.put("what", "socket lost to the 'resumed' frame, over every attempt of that resume");
		failover.put("timeToResumeMs", time);
		Map<String, Object> host = new LinkedHashMap<>();
		host.put("closes", metrics.counts("hostCloses"));
		host.put("reconnects", metrics.counts("hostReconnects"));
		host.put("commandsSentAgain", metrics.counts("hostCommandsSentAgain"));
		failover.put("host", host);
		doc.put("failover", failover);
		if (churn != null) {
			doc.put("churn", churn.json());
		}
		if (hook != null) {
			Map<String, Object> fault = hook.json();
			Map<String, Object> answers = new LinkedHashMap<>();
			answers.put("acknowledged", audit.get("acknowledged"));
			answers.put("stored", audit.get("stored"));
			answers.put("lost", audit.get("lost"));
			fault.put("answers", answers);
			fault.put("affected", stats.affectedJson());
			Map<String, Object> recovery = Summary.percentiles(stats.recoveryMicros);
			recovery.remove("cdf");
			recovery.put("what", "fault to each affected player's 'resumed' frame");
			fault.put("recoveryMs", recovery);
			Map<String, Object> first = Summary.percentiles(stats.firstFrameMicros);
			first.remove("cdf");
			first.put("what", "fault to each player's first frame after it");
			fault.put("firstFrameMs", first);
			doc.put("fault", fault);
			if (!hook.ran()) {
				problems.add("the --fault command never ran (the game did not reach " + options.failover().fault().at() + ")");
			}
			else if (fault.get("failure") != null || !Integer.valueOf(0).equals(fault.get("exit"))) {
				problems.add("the --fault command failed: exit " + fault.get("exit") + ", " + fault.get("failure"));
			}
		}
		return new Summary(doc, problems);
	}
}
