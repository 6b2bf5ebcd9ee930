package vn.quizfest.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

/**
 * The lean phone client ({@code --client nio}): Netty's WebSocket client on a few NIO event loops.
 * Each frame is decoded on the loop that read it and handed straight to the player's listener: no
 * executor hand-off, no demand bookkeeping, no per-message future. The JDK's HttpClient took more of
 * the shared cores than the server it measured (docs/benchmarks.md); this one leaves them to the
 * server. No compression is offered, like the server refuses it.
 */
final class LeanWebSockets implements PlayerSockets {

	/** The largest frame a phone accepts (the server's frames are a few KB). */
	private static final int MAX_FRAME = 256 * 1024;

	private final EventLoopGroup loops;

	private final Bootstrap bootstrap;

	LeanWebSockets(int threads) {
		this.loops = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
		this.bootstrap = new Bootstrap().group(loops)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 20_000);
	}

	@Override
	public CompletableFuture<WebSocket> open(int player, URI uri, WebSocket.Listener listener) {
		CompletableFuture<WebSocket> opened = new CompletableFuture<>();
		WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
			.webSocketUri(uri)
			.version(WebSocketVersion.V13)
			.allowExtensions(false)
			.maxFramePayloadLength(MAX_FRAME)
			// The close handshake is the listener's business: it needs the code.
			.handleCloseFrames(false)
			.handshakeTimeoutMillis(20_000)
			.build();
		Bootstrap connecting = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
			@Override
			protected void initChannel(SocketChannel channel) {
				channel.pipeline()
					.addLast(new HttpClientCodec(1024, 8192, 8192))
					.addLast(new HttpObjectAggregator(8192))
					.addLast(new WebSocketClientProtocolHandler(config))
					.addLast(new WebSocketFrameAggregator(MAX_FRAME))
					.addLast(new Socket(listener, opened));
			}
		});
		int port = uri.getPort() > 0 ? uri.getPort() : "wss".equals(uri.getScheme()) ? 443 : 80;
		ChannelFuture connect = connecting.connect(uri.getHost(), port);
		connect.addListener(done -> {
			if (!done.isSuccess()) {
				opened.completeExceptionally(done.cause());
			}
		});
		return opened;
	}

	@Override
	public void close() {
		loops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
	}

	/** One phone's socket, as a {@link WebSocket} for the player and a handler for Netty. */
	private static final class Socket extends SimpleChannelInboundHandler<WebSocketFrame> implements WebSocket {

		private final WebSocket.Listener listener;

		private final CompletableFuture<WebSocket> opened;

		private volatile Channel channel;

		private volatile boolean outputClosed;

		private volatile boolean inputClosed;

		Socket(WebSocket.Listener listener, CompletableFuture<WebSocket> opened) {
			this.listener = listener;
			this.opened = opened;
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
			if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
				channel = context.channel();
				listener.onOpen(this);
				opened.complete(this);
			}
			else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
				opened.completeExceptionally(new java.net.http.HttpTimeoutException("WebSocket handshake timed out"));
				context.close();
			}
			super.userEventTriggered(context, event);
		}

		@Override
		protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
			if (frame instanceof TextWebSocketFrame text) {
				listener.onText(this, text.text(), true);
			}
			else if (frame instanceof BinaryWebSocketFrame binary) {
				listener.onBinary(this, binary.content().nioBuffer(), true);
			}
			else if (frame instanceof CloseWebSocketFrame close) {
				inputClosed = true;
				int code = close.statusCode() < 0 ? WebSocket.NORMAL_CLOSURE : close.statusCode();
				String reason = close.reasonText();
				// Answer the close, then let the listener know (the JDK client does the same in this order).
				if (!outputClosed) {
					outputClosed = true;
					context.writeAndFlush(new CloseWebSocketFrame(code, "")).addListener(done -> context.close());
				}
				listener.onClose(this, code, reason == null ? "" : reason);
			}
			// Pings are answered and pongs dropped by Netty's protocol handler.
		}

		@Override
		public void channelInactive(ChannelHandlerContext context) throws Exception {
			boolean wasOpen = !inputClosed;
			inputClosed = true;
			outputClosed = true;
			if (!opened.isDone()) {
				opened.completeExceptionally(new IOException("closed during the WebSocket handshake"));
			}
			else if (wasOpen) {
				// Gone without a close frame: what the JDK client reports as an error (1006 for the player).
				listener.onError(this, new IOException("connection closed without a close frame"));
			}
			super.channelInactive(context);
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
			if (!opened.isDone()) {
				opened.completeExceptionally(cause);
			}
			else if (!inputClosed) {
				inputClosed = true;
				outputClosed = true;
				listener.onError(this, cause);
			}
			context.close();
		}

		// ---- WebSocket ----------------------------------------------------------------------

		@Override
		public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
			return write(new TextWebSocketFrame(last, 0, data.toString()));
		}

		@Override
		public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
			return write(new BinaryWebSocketFrame(last, 0, io.netty.buffer.Unpooled.wrappedBuffer(data)));
		}

		@Override
		public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
			return write(new PingWebSocketFrame(io.netty.buffer.Unpooled.wrappedBuffer(message)));
		}

		@Override
		public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
			return write(new PongWebSocketFrame(io.netty.buffer.Unpooled.wrappedBuffer(message)));
		}

		@Override
		public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
			CompletableFuture<WebSocket> sent = write(new CloseWebSocketFrame(statusCode, reason));
			outputClosed = true;
			return sent;
		}

		private CompletableFuture<WebSocket> write(WebSocketFrame frame) {
			CompletableFuture<WebSocket> sent = new CompletableFuture<>();
			Channel current = channel;
			if (current == null || outputClosed) {
				frame.release();
				sent.completeExceptionally(new IOException("output closed"));
				return sent;
			}
			current.writeAndFlush(frame).addListener(done -> {
				if (done.isSuccess()) {
					sent.complete(this);
				}
				else {
					sent.completeExceptionally(done.cause());
				}
			});
			return sent;
		}

		@Override
		public void request(long n) {
			// Every frame is delivered as it is read: the players handle each one at once.
		}

		@Override
		public String getSubprotocol() {
			return "";
		}

		@Override
		public boolean isOutputClosed() {
			return outputClosed;
		}

		@Override
		public boolean isInputClosed() {
			return inputClosed;
		}

		/** Drops the connection without a close frame: a phone that loses its network. */
		@Override
		public void abort() {
			inputClosed = true;
			outputClosed = true;
			Channel current = channel;
			if (current != null) {
				current.close();
			}
		}
	}
}
