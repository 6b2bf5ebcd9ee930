package vn.quizfest.server.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param takeoverLease how long a node that is rebuilding a lost node's game holds its lease without
 *        renewing (it renews every {@code renewInterval} meanwhile); at least {@code lease}, so a rebuild
 *        on a loaded node is never overtaken by a second one. If the rebuilding node dies too, the game goes
 *        on after about this long
 */
@ConfigurationProperties("quizfest.failover")
public record FailoverSettings(@DefaultValue("3s") Duration lease, @DefaultValue("1s") Duration renewInterval,
		@DefaultValue("3s") Duration heartbeatTtl, @DefaultValue("1s") Duration heartbeatInterval,
		@DefaultValue("24h") Duration journalRetention, @DefaultValue("10s") Duration takeoverLease) {

	/** The settings with the default takeover lease (10 s, or the lease when that is longer). */
	public FailoverSettings(Duration lease, Duration renewInterval, Duration heartbeatTtl, Duration heartbeatInterval,
			Duration journalRetention) {
		this(lease, renewInterval, heartbeatTtl, heartbeatInterval, journalRetention, Duration.ofSeconds(10));
	}

	@ConstructorBinding
	public FailoverSettings {
		// Never shorter than the lease: a longer lease set alone must not shorten a rebuild's.
		if (takeoverLease.compareTo(lease) < 0) {
			takeoverLease = lease;
		}
		if (renewInterval.compareTo(lease) >= 0) {
			throw new IllegalArgumentException("quizfest.failover.renew-interval must be shorter than the lease");
		}
		if (heartbeatInterval.compareTo(heartbeatTtl) >= 0) {
			throw new IllegalArgumentException(
					"quizfest.failover.heartbeat-interval must be shorter than the heartbeat TTL");
		}
	}
}
