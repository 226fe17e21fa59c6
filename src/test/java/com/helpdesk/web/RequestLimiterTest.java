package com.helpdesk.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limiter lets so many requests work at once, holds the others back in order, answers
 * 503 to one that waited too long, and never holds back uploads, downloads or static
 * files.
 */
class RequestLimiterTest {

	@Test
	void noMoreThanTheLimitWorkAtOnceAndTheRestWaitTheirTurn() throws Exception {
		RequestLimiter limiter = new RequestLimiter(2, Duration.ofSeconds(10));
		AtomicInteger atOnce = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		FilterChain work = (request, response) -> {
			most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			atOnce.decrementAndGet();
			((MockHttpServletResponse) response).setStatus(200);
		};
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			java.util.List<Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 16; i++) {
				answers.add(pool.submit(() -> {
					MockHttpServletResponse response = new MockHttpServletResponse();
					limiter.doFilter(new MockHttpServletRequest("GET", "/tickets"), response, work);
					return response.getStatus();
				}));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(most.get()).isEqualTo(2);
		assertThat(limiter.working()).isZero();
	}

	@Test
	void aPageThatWaitedTooLongIsAnswered503WithRetryAfter() throws Exception {
		RequestLimiter limiter = new RequestLimiter(1, Duration.ofMillis(50));
		CountDownLatch working = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			pool.submit(() -> {
				limiter.doFilter(new MockHttpServletRequest("GET", "/tickets"), new MockHttpServletResponse(),
						(request, response) -> {
							working.countDown();
							try {
								release.await(5, TimeUnit.SECONDS);
							}
							catch (InterruptedException ex) {
								Thread.currentThread().interrupt();
							}
						});
				return null;
			});
			assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();

			MockHttpServletResponse page = new MockHttpServletResponse();
			limiter.doFilter(new MockHttpServletRequest("GET", "/tickets"), page, (request, response) -> {
				throw new AssertionError("must not run");
			});
			MockHttpServletResponse api = new MockHttpServletResponse();
			limiter.doFilter(new MockHttpServletRequest("POST", "/api/v1/tickets"), api, (request, response) -> {
				throw new AssertionError("must not run");
			});

			assertThat(page.getStatus()).isEqualTo(503);
			assertThat(page.getHeader("Retry-After")).isEqualTo("5");
			for (MockHttpServletResponse busy : List.of(page, api)) {
				assertThat(busy.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
				assertThat(busy.getHeader("X-Frame-Options")).isEqualTo("DENY");
				assertThat(busy.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
			}
			assertThat(api.getStatus()).isEqualTo(503);
			assertThat(api.getContentType()).startsWith("application/problem+json");
			assertThat(api.getContentAsString()).contains("\"status\":503").contains("too busy");
			assertThat(limiter.waiting()).isZero();
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void uploadsDownloadsStaticFilesAndHealthAreNeverHeldBack() {
		MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/tickets/5/comments");
		upload.setContentType("multipart/form-data; boundary=x");
		assertThat(RequestLimiter.limited(upload)).isFalse();
		for (String path : new String[] { "/attachments/3", "/api/v1/attachments/3", "/webjars/htmx.org/htmx.min.js",
				"/css/helpdesk.css", "/js/init.js", "/assets/images/favicon.ico", "/favicon.svg",
				"/actuator/health" }) {
			assertThat(RequestLimiter.limited(new MockHttpServletRequest("GET", path))).as(path).isFalse();
		}
		for (String path : new String[] { "/tickets", "/tickets/5", "/rotas/now", "/api/v1/tickets", "/dashboard/sla",
				"/actuator/prometheus" }) {
			assertThat(RequestLimiter.limited(new MockHttpServletRequest("GET", path))).as(path).isTrue();
		}
	}

}
