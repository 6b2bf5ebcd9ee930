package vn.quizfest.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The lean entrants' client ({@code --http nio}): HTTP/1.1 with keep-alive over a pool of Netty
 * channels on a few NIO event loops, one request at a time per channel. A reply is decoded on the
 * loop that read it and completes the caller's future there: no executor hand-off, no per-request
 * publisher or subscriber as in the JDK's client, which took half a core of the two the server was
 * measured on (docs/benchmarks.md). The caller bounds the requests in flight, so the pool never holds
 * more channels than that.
 */
final class LeanHttp implements HttpTransport {

	/** The largest reply body accepted (an attempt view of 100 questions is a few tens of KB). */
	private static final int MAX_BODY = 4 * 1024 * 1024;

	/**
	 * A channel idle for longer is closed rather than reused: the server closes idle keep-alive
	 * connections after its own time (Tomcat: the connection timeout, 10 s here), and a request written
	 * just as it does so would fail.
	 */
	private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(4);

	private final EventLoopGroup loops;

	private final Bootstrap bootstrap;

	private final String host;

	private final int port;

	private final String hostHeader;

	private final String basePath;

	private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

	private final AtomicInteger opened = new AtomicInteger();

	LeanHttp(URI base, int threads) {
		if (!"http".equals(base.getScheme())) {
			throw new IllegalArgumentException("--http nio speaks plain http only, not " + base.getScheme());
		}
		this.host = base.getHost();
		this.port = base.getPort() > 0 ? base.getPort() : 80;
		this.hostHeader = base.getPort() > 0 ? host + ":" + port : host;
		String path = base.getRawPath() == null ? "" : base.getRawPath();
		this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		this.loops = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
		this.bootstrap = new Bootstrap().group(loops)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(new HttpClientCodec(4096, 8192, 8192))
						.addLast(new HttpObjectAggregator(MAX_BODY))
						.addLast(new Connection(channel));
				}
			});
	}

	/** Channels opened so far (for the tests: keep-alive reuses them). */
	int connectionsOpened() {
		return opened.get();
	}

	@Override
	public CompletableFuture<Raw> exchange(String method, String path, String token, String body) {
		CompletableFuture<Raw> reply = new CompletableFuture<>();
		ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER
				: Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8));
		FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method),
				basePath + (path.startsWith("/") ? path : "/" + path), content);
		HttpHeaders headers = request.headers();
		headers.set(HttpHeaderNames.HOST, hostHeader)
			.set(HttpHeaderNames.ACCEPT, "application/json")
			.set(HttpHeaderNames.ACCEPT_LANGUAGE, "vi")
			.setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
		if (token != null) {
			headers.set("X-Entrant-Token", token);
		}
		if (body != null) {
			headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
		}
		Connection connection = idleConnection();
		if (connection != null) {
			connection.send(request, reply);
			return reply;
		}
		bootstrap.connect(host, port).addListener(done -> {
			if (done.isSuccess()) {
				opened.incrementAndGet();
				Channel channel = ((io.netty.channel.ChannelFuture) done).channel();
				channel.pipeline().get(Connection.class).send(request, reply);
			}
			else {
				request.release();
				reply.completeExceptionally(done.cause());
			}
		});
		return reply;
	}

	private Connection idleConnection() {
		long now = System.nanoTime();
		Connection connection;
		while ((connection = idle.pollFirst()) != null) {
			if (connection.channel.isActive() && now - connection.idleSince < MAX_IDLE_NANOS) {
				return connection;
			}
			connection.channel.close();
		}
		return null;
	}

	@Override
	public void close() {
		loops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
	}

	/** One keep-alive channel: at most one request on it at a time, back to the pool after its reply. */
	private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {

		private final Channel channel;

		private volatile CompletableFuture<Raw> current;

		private volatile ScheduledFuture<?> timeout;

		private volatile long idleSince;

		Connection(Channel channel) {
			this.channel = channel;
		}

		void send(FullHttpRequest request, CompletableFuture<Raw> reply) {
			current = reply;
			timeout = channel.eventLoop().schedule(() -> fail(new HttpTimeoutException("request timed out")),
					TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			channel.writeAndFlush(request).addListener(done -> {
				if (!done.isSuccess()) {
					fail(done.cause());
				}
			});
		}

		@Override
		protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
			CompletableFuture<Raw> reply = current;
			current = null;
			cancelTimeout();
			boolean keepAlive = HttpUtil.isKeepAlive(response);
			String retryAfter = response.headers().get(HttpHeaderNames.RETRY_AFTER);
			long retry = -1;
			if (retryAfter != null) {
				try {
					retry = Long.parseLong(retryAfter.strip());
				}
				catch (NumberFormatException ex) {
					retry = -1;
				}
			}
			Raw raw = new Raw(response.status().code(), retry, response.content().toString(StandardCharsets.UTF_8));
			// Back in the pool before the caller runs: its next request may take this very channel.
			if (keepAlive) {
				idleSince = System.nanoTime();
				idle.addFirst(this);
			}
			else {
				context.close();
			}
			if (reply != null) {
				reply.complete(raw);
			}
		}

		@Override
		public void channelInactive(ChannelHandlerContext context) throws Exception {
			fail(new IOException("connection closed before the reply"));
			super.channelInactive(context);
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
			fail(cause);
		}

		private void fail(Throwable cause) {
			CompletableFuture<Raw> reply = current;
			current = null;
			cancelTimeout();
			channel.close();
			if (reply != null) {
				reply.completeExceptionally(cause);
			}
		}

		private void cancelTimeout() {
			ScheduledFuture<?> pending = timeout;
			timeout = null;
			if (pending != null) {
				pending.cancel(false);
			}
		}
	}
}
