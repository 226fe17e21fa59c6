package com.helpdesk.security.internal;

import java.time.Duration;
import java.time.Instant;

import com.helpdesk.security.internal.LoginThrottlePolicy.Count;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottlePolicyTest {

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	private final LoginThrottlePolicy policy = new LoginThrottlePolicy(5, 30, 100, Duration.ofMinutes(15),
			Duration.ofMinutes(1), Duration.ofMinutes(15));

	@Test
	void theFirstFewFailuresCostNothing() {
		for (int failures = 1; failures < 5; failures++) {
			assertThat(this.policy.blockedUntil(Count.ACCOUNT_FROM_ADDRESS, failures, NOW)).isNull();
		}
	}

	@Test
	void furtherFailuresWaitLongerEachTimeButNeverMoreThanTheLongestBlock() {
		Count count = Count.ACCOUNT_FROM_ADDRESS;
		assertThat(this.policy.blockedUntil(count, 5, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
		assertThat(this.policy.blockedUntil(count, 6, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
		assertThat(this.policy.blockedUntil(count, 7, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
		assertThat(this.policy.blockedUntil(count, 9, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
		assertThat(this.policy.blockedUntil(count, 1000, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
	}

	@Test
	void anAddressAndAnAccountFromAnywhereAreAllowedMoreBeforeTheirBlockStarts() {
		assertThat(this.policy.blockedUntil(Count.ADDRESS, 29, NOW)).isNull();
		assertThat(this.policy.blockedUntil(Count.ADDRESS, 30, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
		assertThat(this.policy.blockedUntil(Count.ACCOUNT, 99, NOW)).isNull();
		assertThat(this.policy.blockedUntil(Count.ACCOUNT, 101, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
	}

	@Test
	void oldFailuresAreForgotten() {
		assertThat(this.policy.windowExpired(NOW.minus(Duration.ofMinutes(16)), NOW)).isTrue();
		assertThat(this.policy.windowExpired(NOW.minus(Duration.ofMinutes(14)), NOW)).isFalse();
	}

	@Test
	void anIpv6AddressCountsByItsNetworkAndNothingIsLookedUp() {
		assertThat(LoginThrottle.network("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
		assertThat(LoginThrottle.network("2001:DB8:1:2:ffff:1:2:3")).isEqualTo("2001:db8:1:2::/64");
		assertThat(LoginThrottle.network("[::1]")).isEqualTo("0:0:0:0::/64");
		assertThat(LoginThrottle.network("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(LoginThrottle.network("192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(LoginThrottle.network("attacker.example")).isEqualTo("attacker.example");
		assertThat(LoginThrottle.network(null)).isEqualTo("unknown");
	}

	@Test
	void anAccountIsCountedUnderTheAddressSignInLooksUp() {
		assertThat(LoginThrottle.account("  Agent@Helpdesk.TEST ")).isEqualTo("agent@helpdesk.test");
	}

}
