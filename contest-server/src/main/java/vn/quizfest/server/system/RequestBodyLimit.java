package vn.quizfest.server.system;

import java.io.IOException;
import java.io.Serial;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a body over the limit of its route family before it is read: a declared Content-Length over
 * the limit is answered 413 at once; a body without one (chunked) is counted as it is read and the
 * read fails at the limit, which the API answers 413 too ({@link ApiErrors}). Multipart uploads are
 * left to the multipart limits, which Tomcat also checks before reading.
 */
class RequestBodyLimit extends OncePerRequestFilter {

	static final String CODE = "request.too-large";

	/** Thrown by the counting stream when a body without Content-Length passes the limit. */
	static final class BodyTooLargeException extends IOException {

		@Serial
		private static final long serialVersionUID = 1L;

		BodyTooLargeException(long limit) {
			super("Request body larger than " + limit + " bytes");
		}
	}

	private final long limit;

	private final Problems problems;

	private final LocaleResolver locales;

	private final JsonMapper json;

	RequestBodyLimit(HttpLimits limits, Problems problems, LocaleResolver locales, JsonMapper json) {
		this.limit = limits.maxJsonBody().toBytes();
		this.problems = problems;
		this.locales = locales;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			// The body stays unread; Tomcat closes the connection rather than swallow a large rest.
			response.setHeader("Connection", "close");
			Locale locale = locales.resolveLocale(request);
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(),
					problems.of(locale, HttpStatus.CONTENT_TOO_LARGE, CODE, limit / 1024));
			return;
		}
		chain.doFilter(declared >= 0 ? request : new Counted(request, limit), response);
	}

	/** A request whose body stream fails once more than the limit has been read. */
	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Counted(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), limit);
			}
			return stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
		}
	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long count;

		CountingStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) throws BodyTooLargeException {
			count += n;
			if (count > limit) {
				throw new BodyTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}
}
