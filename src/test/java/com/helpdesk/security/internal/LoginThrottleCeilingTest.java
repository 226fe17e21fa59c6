package com.helpdesk.security.internal;

import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The account's own ceiling: guesses spread over many addresses, each under its own
 * count, still block the account from new addresses, but not from an address it signed in
 * from lately, where the real person keeps signing in.
 */
@IntegrationTest
class LoginThrottleCeilingTest {

	@Autowired
	LoginThrottle throttle;

	@Test
	void guessesFromAHundredAddressesBlockTheAccountEverywhereButWhereItSignsIn() {
		String email = TestData.unique("targeted") + "@test.example";
		String home = "198.51.100.7";
		this.throttle.recordSuccess(email, home);
		for (int i = 0; i < 100; i++) {
			String address = "203.0." + (113 + i / 250) + "." + (1 + i % 250);
			this.throttle.check(email, address);
			this.throttle.recordFailure(email, address);
		}

		assertThatThrownBy(() -> this.throttle.check(email, "192.0.2.200")).isInstanceOf(LoginThrottledException.class);
		assertThatCode(() -> this.throttle.check(email, home)).doesNotThrowAnyException();
		assertThatThrownBy(() -> this.throttle.check(email.toUpperCase(), "192.0.2.201"))
			.as("the same account however it is typed")
			.isInstanceOf(LoginThrottledException.class);
	}

}
