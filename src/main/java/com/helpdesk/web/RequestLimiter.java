package com.helpdesk.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.helpdesk.shared.ProblemResponses;
import com.helpdesk.shared.SecurityHeaders;

/**
 * Lets a bounded number of requests work at once, the others waiting their turn in order
 * of arrival. Each page is mostly processor work (rendering, and PostgreSQL on the same
 * machine), so with more requests at once than a few per core they only share the
 * processors more thinly: every one of them finishes late, and some very late. With 50
 * people asking at once on two cores, the queue page's p99 was 210 ms with Tomcat's 200
 * threads all working and 130 ms with a handful (docs/benchmarks.md), at the same
 * throughput.
 * <p>
 * Requests that mostly wait on the network are not held back, so a slow upload or
 * download never keeps pages waiting: uploads (multipart), attachment downloads, static
 * files and the health check. A request that has waited {@code longestWait} is answered
 * 503 with {@code Retry-After}: the machine is overloaded, and saying so beats a timeout.
 */
public final class RequestLimiter implements Filter {

	private final Semaphore permits;

	private final int limit;

	private final long longestWaitMillis;

	public RequestLimiter(int limit, Duration longestWait) {
		if (limit < 1) {
			throw new IllegalArgumentException("at least one request must be allowed at once");
		}
		this.limit = limit;
		this.permits = new Semaphore(limit, true);
		this.longestWaitMillis = longestWait.toMillis();
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request instanceof HttpServletRequest http) || !limited(http)) {
			chain.doFilter(request, response);
			return;
		}
		boolean admitted;
		try {
			admitted = this.permits.tryAcquire(this.longestWaitMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		if (!admitted) {
			busy(http, (HttpServletResponse) response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.permits.release();
		}
	}

	/**
	 * Requests at work now.
	 */
	public int working() {
		return this.limit - this.permits.availablePermits();
	}

	/**
	 * Requests waiting for their turn (an estimate, as the JDK gives it).
	 */
	public int waiting() {
		return this.permits.getQueueLength();
	}

	static boolean limited(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/attachments/") || path.startsWith("/api/v1/attachments/")
				|| path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/assets/") || path.equals("/favicon.svg") || path.startsWith("/actuator/health"));
	}

	private static void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "5");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// answered before Spring Security's filters, which would write these
		SecurityHeaders.writeTo(response,
				path.startsWith("/api/") ? SecurityHeaders.API_POLICY : SecurityHeaders.PAGE_POLICY);
		if (path.startsWith("/api/")) {
			ProblemResponses.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service unavailable",
					"The service is too busy at the moment. Try again in a few seconds.");
			return;
		}
		response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
	}

}
