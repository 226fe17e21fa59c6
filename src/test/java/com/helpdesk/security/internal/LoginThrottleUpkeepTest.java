package com.helpdesk.security.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's counts on real PostgreSQL: first failures at once are all counted, and
 * counts and addresses whose time is over are forgotten.
 */
@IntegrationTest
class LoginThrottleUpkeepTest {

	@Autowired
	LoginThrottle throttle;

	@Autowired
	LoginThrottleJob job;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@AfterEach
	void putTheClockBack() {
		this.clock.reset();
	}

	@Test
	void firstFailuresAtOnceAreEachCounted() throws Exception {
		String email = TestData.unique("burst") + "@test.example";
		int tries = 8;
		ExecutorService pool = Executors.newFixedThreadPool(tries);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int i = 0; i < tries; i++) {
			done.add(pool.submit(() -> {
				start.await();
				this.throttle.recordFailure(email, "192.0.2.50");
				return null;
			}));
		}
		start.countDown();
		for (Future<?> each : done) {
			each.get();
		}
		pool.shutdown();
		assertThat(this.jdbc.sql("select failures from login_throttle where throttle_key = ?")
			.param("account:" + LoginThrottle.account(email))
			.query(Integer.class)
			.single()).isEqualTo(tries);
	}

	@Test
	void countsAndAddressesWhoseTimeIsOverAreForgotten() {
		String old = TestData.unique("old") + "@test.example";
		String recent = TestData.unique("recent") + "@test.example";
		this.throttle.recordFailure(old, "192.0.2.60");
		this.throttle.recordSuccess(old, "192.0.2.61");
		this.clock.advance(LoginThrottle.KNOWN_ADDRESS_FOR.plus(Duration.ofDays(1)));
		this.throttle.recordFailure(recent, "192.0.2.62");

		assertThat(this.job.run()).isPositive();
		assertThat(rows("account:" + LoginThrottle.account(old))).isZero();
		assertThat(rows("account:" + LoginThrottle.account(recent))).isOne();
		assertThat(this.jdbc.sql("select count(*) from login_known_address where email = ?")
			.param(LoginThrottle.account(old))
			.query(Integer.class)
			.single()).isZero();
	}

	private int rows(String key) {
		return this.jdbc.sql("select count(*) from login_throttle where throttle_key = ?")
			.param(key)
			.query(Integer.class)
			.single();
	}

}
