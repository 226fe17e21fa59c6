package com.helpdesk.security.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed sign-ins are throttled: after {@code maxFailures} failures within
 * {@code failureWindow}, each further failure blocks the name for a while, starting at
 * {@code firstBlock} and doubling up to {@code longestBlock}. The real person is never
 * locked out for longer than that, and a success clears the count.
 */
@ConfigurationProperties("helpdesk.login")
record LoginThrottlePolicy(int maxFailures, Duration failureWindow, Duration firstBlock, Duration longestBlock) {

	/**
	 * When a name that has now failed {@code failures} times may try again, or
	 * {@code null} if it may try at once.
	 */
	Instant blockedUntil(int failures, Instant now) {
		if (failures < this.maxFailures) {
			return null;
		}
		int doublings = Math.min(failures - this.maxFailures, 20);
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
