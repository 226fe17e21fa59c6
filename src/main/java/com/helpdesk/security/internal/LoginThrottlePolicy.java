package com.helpdesk.security.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed sign-ins are throttled. Failures are counted three ways within
 * {@code failureWindow}: for an account from one address (the client's IP), allowed
 * {@code maxFailures}; from an address whatever the account, allowed
 * {@code maxFailuresPerAddress}; and for an account from anywhere, allowed
 * {@code maxFailuresPerAccount}, a much higher ceiling. Past its allowance each further
 * failure blocks that count for a while, starting at {@code firstBlock} and doubling up
 * to {@code longestBlock}; a success clears the count of that account from that address.
 * Someone guessing from elsewhere so never locks the real person out from their own
 * address, and the account's ceiling does not apply from an address it signed in from
 * lately.
 */
@ConfigurationProperties("helpdesk.login")
record LoginThrottlePolicy(int maxFailures, int maxFailuresPerAddress, int maxFailuresPerAccount,
		Duration failureWindow, Duration firstBlock, Duration longestBlock) {

	/**
	 * What a count of failures is kept for.
	 */
	enum Count {

		/** An account, from one address. */
		ACCOUNT_FROM_ADDRESS,

		/** One address, whatever accounts it tries (API tokens counted apart). */
		ADDRESS,

		/** An account, from anywhere. */
		ACCOUNT

	}

	int allowed(Count count) {
		return switch (count) {
			case ACCOUNT_FROM_ADDRESS -> this.maxFailures;
			case ADDRESS -> this.maxFailuresPerAddress;
			case ACCOUNT -> this.maxFailuresPerAccount;
		};
	}

	/**
	 * Until when a count that has now reached {@code failures} is blocked, or
	 * {@code null} if its next try may come at once.
	 */
	Instant blockedUntil(Count count, int failures, Instant now) {
		int allowed = allowed(count);
		if (failures < allowed) {
			return null;
		}
		int doublings = Math.min(failures - allowed, 20);
		Duration block = this.firstBlock.multipliedBy(1L << doublings);
		if (block.compareTo(this.longestBlock) > 0) {
			block = this.longestBlock;
		}
		return now.plus(block);
	}

	/**
	 * Whether earlier failures are old enough to be forgotten.
	 */
	boolean windowExpired(Instant firstFailure, Instant now) {
		return firstFailure.plus(this.failureWindow).isBefore(now);
	}

}
