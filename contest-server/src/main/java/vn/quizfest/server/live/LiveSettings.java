package vn.quizfest.server.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and timings of the WebSocket gateway ({@code quizfest.live.*}); the defaults are documented
 * in docs/protocol.md and docs/operations.md.
 *
 * @param maxFrameBytes largest text frame a client may send; bigger ones close the socket with 1009
 * @param messagesPerSecond steady rate of client messages allowed per connection
 * @param burst messages a connection may send at once before the rate applies
 * @param abuseLimit refused messages within 10 seconds after which the socket is closed with 4008
 * @param sendTimeout a frame not delivered within this time drops the connection (it can resume)
 * @param maxQueuedFrames frames waiting for a slow connection before it is dropped
 * @param senderThreads threads that split each broadcast; 0 means one per core
 * @param hostCountsInterval how often answer and player counts go to host screens at most
 * @param playerCountsInterval how often the lobby player count goes to players at most
 * @param joinTimeout a socket that has not joined or resumed within this time is closed
 * @param finishedGameRetention how long a finished game stays in memory for late resumes and reads
 * @param idleTimeout a joined player socket that sends nothing (pings count) for this long is closed
 *        with 4011; the player page pings every 25 seconds, and the phone resumes when it wakes
 * @param maxConnectionsPerAddress open WebSocket connections one address may hold on one node; more
 *        are refused at the handshake with 429
 * @param idleGameTimeout a game in which nothing happened for this long (no join, no command, no timer
 *        step: left in the lobby or forgotten on a leaderboard) is ended by the server; its results are kept
 * @param sharedFrameBytes a broadcast frame is encoded to UTF-8 once and every socket writes those bytes
 *        as one frame (Tomcat only); false (the default: it did not pay in docs/benchmarks.md): each socket
 *        encodes the text itself, as the standard API does
 * @param inlineWrites under Tomcat, the thread that sends a frame writes it straight to the socket and is done when
 *        the socket takes it whole, instead of handing each completed write to the container's executor; a socket
 *        whose buffer is full finishes its write when it drains (true, the default since issue 17's measurements in
 *        docs/benchmarks.md); false: every frame takes the container's asynchronous send
 * @param hostMessagesPerSecond steady rate of messages allowed per host socket (the console, the stage screen,
 *        the buzzer's phone controls): an organiser seating eight contestants and scoring them clicks faster
 *        than a player answers, and the socket is the organiser's own once it presents the host token
 * @param hostBurst messages a host socket may send at once before its rate applies
 */
@ConfigurationProperties("quizfest.live")
public record LiveSettings(@DefaultValue("1024") int maxFrameBytes, @DefaultValue("10") int messagesPerSecond,
		@DefaultValue("20") int burst, @DefaultValue("50") int abuseLimit, @DefaultValue("10s") Duration sendTimeout,
		@DefaultValue("64") int maxQueuedFrames, @DefaultValue("0") int senderThreads,
		@DefaultValue("250ms") Duration hostCountsInterval, @DefaultValue("1s") Duration playerCountsInterval,
		@DefaultValue("30s") Duration joinTimeout, @DefaultValue("30m") Duration finishedGameRetention,
		@DefaultValue("120s") Duration idleTimeout, @DefaultValue("600") int maxConnectionsPerAddress,
		@DefaultValue("2h") Duration idleGameTimeout, @DefaultValue("false") boolean sharedFrameBytes,
		@DefaultValue("30") int hostMessagesPerSecond, @DefaultValue("60") int hostBurst,
		@DefaultValue("true") boolean inlineWrites) {

	int effectiveSenderThreads() {
		return senderThreads > 0 ? senderThreads : Math.max(1, Runtime.getRuntime().availableProcessors());
	}
}
