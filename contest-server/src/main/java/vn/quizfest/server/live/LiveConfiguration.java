package vn.quizfest.server.live;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Collections;
import java.util.Enumeration;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import tools.jackson.databind.json.JsonMapper;
import vn.quizfest.server.limits.AddressLimits;
import vn.quizfest.server.leaderboard.Leaderboard;
import vn.quizfest.server.results.Games;
import vn.quizfest.server.results.ResultsWriter;
import vn.quizfest.server.system.Messages;

/**
 * The WebSocket gateway: endpoints {@code /ws/play} and {@code /ws/host}, lean buffers, no
 * permessage-deflate, and the threads of the live games. The buffer and compression choices follow
 * the measurements in ARCHITECTURE.md: frames are a few hundred bytes, so compression only costs
 * memory and CPU. Buffers start at 1 KB (docs/benchmarks.md): a connection holds seven of them, so each
 * KB saved there is about 7 KB per player; Tomcat grows a session's message buffer on demand up to the
 * frame limit, so a bigger client frame is still read whole.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@org.springframework.boot.context.properties.EnableConfigurationProperties({ LiveSettings.class, FailoverSettings.class })
class LiveConfiguration implements WebSocketConfigurer {

	static final String PLAYER_PATH = "/ws/play";

	static final String HOST_PATH = "/ws/host";

	/** Every per-connection buffer of Tomcat's socket and WebSocket layers. */
	static final int BUFFER_BYTES = 1024;

	static {
		// Read once by Tomcat's WebSocket classes when they load, before any socket exists. It sizes each
		// session's input, output, encoder and message buffers.
		if (System.getProperty("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE") == null) {
			System.setProperty("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE", Integer.toString(BUFFER_BYTES));
		}
	}

	private final PlayerSocketHandler players;

	private final HostSocketHandler hosts;

	private final AddressConnections connections;

	LiveConfiguration(PlayerSocketHandler players, HostSocketHandler hosts, LiveSettings settings) {
		this.players = players;
		this.hosts = hosts;
		this.connections = new AddressConnections(settings.maxConnectionsPerAddress());
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		// Players and hosts authenticate with tokens, never cookies, so any origin may connect.
		// The standard (Jakarta) upgrade on every container: what Tomcat does anyway, and under Jetty the
		// sessions are then the same standard ones, so the send path and its limits are the same too.
		DefaultHandshakeHandler handshakes = new DefaultHandshakeHandler(new StandardWebSocketUpgradeStrategy());
		registry.addHandler(connections.counting(players), PLAYER_PATH)
			.setHandshakeHandler(handshakes)
			.addInterceptors(connections)
			.setAllowedOriginPatterns("*");
		registry.addHandler(connections.counting(hosts), HOST_PATH)
			.setHandshakeHandler(handshakes)
			.addInterceptors(connections)
			.setAllowedOriginPatterns("*");
	}

	/** Tomcat decides on permessage-deflate from the raw request header, so the header is hidden. */
	@Bean
	static FilterRegistrationBean<OncePerRequestFilter> noWebSocketCompression() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new HideExtensionsFilter());
		registration.addUrlPatterns("/ws/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	static LeanMessageBuffers leanMessageBuffers(LiveSettings settings) {
		return new LeanMessageBuffers(settings.maxFrameBytes());
	}

	/** Tomcat's socket buffers; absent under another container (the benchmark's Jetty build). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.catalina.connector.Connector")
	static class TomcatBuffers {

		@Bean
		static TomcatConnectorCustomizer leanSocketBuffers() {
			return connector -> {
				connector.setProperty("socket.appReadBufSize", Integer.toString(BUFFER_BYTES));
				connector.setProperty("socket.appWriteBufSize", Integer.toString(BUFFER_BYTES));
			};
		}
	}

	@Bean
	static PlayerSocketHandler playerSocketHandler(LiveContext context, LiveGames games, JsonMapper json,
			AddressLimits limits) {
		return new PlayerSocketHandler(context, games, json, limits);
	}

	@Bean
	static HostSocketHandler hostSocketHandler(LiveContext context, LiveGames games, JsonMapper json,
			PlayerSocketHandler players) {
		HostSocketHandler hosts = new HostSocketHandler(context, games, json);
		context.relay().handlers(players, hosts);
		return hosts;
	}

	@Bean
	static ClusterRelay clusterRelay(GameEventBus bus, PinRegistry pins, JsonMapper json, FanOut fanOut,
			MeterRegistry registry, FailoverSettings failover) {
		ExecutorService relays = Executors.newCachedThreadPool(SerialExecutor.daemonThreads("quiz-relay"));
		return new ClusterRelay(bus, pins, json, relays, fanOut, new RelayTraffic(registry),
				failover.heartbeatTtl().plus(failover.heartbeatInterval()));
	}

	@Bean(destroyMethod = "close")
	static FanOut fanOut(LiveSettings settings) {
		return new FanOut(settings.effectiveSenderThreads());
	}

	@Bean
	static LiveContext liveContext(FanOut fanOut, Clock clock, Messages messages, MeterRegistry registry,
			ResultsWriter results, Leaderboard leaderboard, LiveSettings settings, JsonMapper json,
			LiveGamesHolder holder, ClusterRelay relay, Failover failover, FailoverSettings failoverSettings) {
		ExecutorService outboxes = Executors.newCachedThreadPool(SerialExecutor.daemonThreads("quiz-outbox"));
		ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2, SerialExecutor.daemonThreads("quiz-timer"));
		timers.setRemoveOnCancelPolicy(true);
		LiveMetrics metrics = new LiveMetrics(registry, holder::connectedPlayers, holder::liveGames);
		return new LiveContext(new Frames(json), fanOut, outboxes, timers, clock, messages, metrics, results,
				leaderboard, settings, relay, failover, failoverSettings);
	}

	@Bean
	static LiveGamesHolder liveGamesHolder() {
		return new LiveGamesHolder();
	}

	@Bean
	static LiveGames liveGames(LiveContext context, PinRegistry pins, Games games, JsonMapper json,
			LiveGamesHolder holder) {
		LiveGames liveGames = new LiveGames(context, pins, games, json);
		holder.games = liveGames;
		return liveGames;
	}

	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "memory", matchIfMissing = true)
	static PinRegistry inMemoryPins() {
		return new PinRegistry.InMemory();
	}

	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "redis")
	static PinRegistry redisPins(StringRedisTemplate redis) {
		return new PinRegistry.Redis(redis);
	}

	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "memory", matchIfMissing = true)
	static Failover noFailover(ClusterRelay relay) {
		return new Failover.None(relay.node());
	}

	@Bean
	@ConditionalOnProperty(name = "quizfest.live-state", havingValue = "redis")
	static Failover redisFailover(StringRedisTemplate redis, JsonMapper json, FailoverSettings settings,
			ClusterRelay relay) {
		return new RedisFailover(redis, new vn.quizfest.server.live.cluster.CommandCodec(json), settings, relay.node());
	}

	/** Lets the gauges read the registry that is built after them. */
	static final class LiveGamesHolder {

		volatile LiveGames games;

		int connectedPlayers() {
			LiveGames current = games;
			return current == null ? 0 : current.connectedPlayers();
		}

		int liveGames() {
			LiveGames current = games;
			return current == null ? 0 : current.all().size();
		}
	}

	private static final class HideExtensionsFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(new HttpServletRequestWrapper(request) {

				@Override
				public String getHeader(String name) {
					return isExtensions(name) ? null : super.getHeader(name);
				}

				@Override
				public Enumeration<String> getHeaders(String name) {
					return isExtensions(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
				}

				@Override
				public Enumeration<String> getHeaderNames() {
					return Collections.enumeration(Collections.list(super.getHeaderNames())
						.stream()
						.filter(header -> !isExtensions(header))
						.toList());
				}
			}, response);
		}

		private static boolean isExtensions(String name) {
			return "Sec-WebSocket-Extensions".equalsIgnoreCase(name);
		}
	}
}
