package vn.quizfest.server.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a cluster notices a lost node and takes its games over ({@code quizfest.failover.*}); documented
 * in docs/operations.md, "Failover". Only the cluster shape uses them.
 *
 * @param lease how long the node driving a game holds it without renewing; when it lapses, another node
 *        takes the game over (so a dead node's games go on after about this long)
 * @param renewInterval how often the owner renews its leases, and how often every node looks for games
 *        whose lease lapsed; well below {@code lease}, so one late renewal does not lose a game
 * @param heartbeatTtl a node whose heartbeat is older than this counts as gone: the owners of its players'
 *        games forget those sockets (the players count as disconnected and resume through another node)
 * @param heartbeatInterval how often each node renews its heartbeat
 * @param journalRetention how long a game's journal is kept in Redis when nobody ends the game (a game
 *        abandoned by every node); as long as its PIN
 */
@ConfigurationProperties("quizfest.failover")
public record FailoverSettings(@DefaultValue("3s") Duration lease, @DefaultValue("1s") Duration renewInterval,
		@DefaultValue("3s") Duration heartbeatTtl, @DefaultValue("1s") Duration heartbeatInterval,
		@DefaultValue("24h") Duration journalRetention) {

	public FailoverSettings {
		if (renewInterval.compareTo(lease) >= 0) {
			throw new IllegalArgumentException("quizfest.failover.renew-interval must be shorter than the lease");
		}
		if (heartbeatInterval.compareTo(heartbeatTtl) >= 0) {
			throw new IllegalArgumentException(
					"quizfest.failover.heartbeat-interval must be shorter than the heartbeat TTL");
		}
	}
}
