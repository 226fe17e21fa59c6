package com.helpdesk.security.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottlePolicyTest {

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	private final LoginThrottlePolicy policy = new LoginThrottlePolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(1),
			Duration.ofMinutes(15));

	@Test
	void theFirstFewFailuresCostNothing() {
		for (int failures = 1; failures < 5; failures++) {
			assertThat(this.policy.blockedUntil(failures, NOW)).isNull();
		}
	}

	@Test
	void furtherFailuresWaitLongerEachTimeButNeverMoreThanTheLongestBlock() {
		assertThat(this.policy.blockedUntil(5, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
		assertThat(this.policy.blockedUntil(6, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
		assertThat(this.policy.blockedUntil(7, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
		assertThat(this.policy.blockedUntil(9, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
		assertThat(this.policy.blockedUntil(1000, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
	}

	@Test
	void oldFailuresAreForgotten() {
		assertThat(this.policy.windowExpired(NOW.minus(Duration.ofMinutes(16)), NOW)).isTrue();
		assertThat(this.policy.windowExpired(NOW.minus(Duration.ofMinutes(14)), NOW)).isFalse();
	}

}
