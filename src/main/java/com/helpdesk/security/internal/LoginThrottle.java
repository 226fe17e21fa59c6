package com.helpdesk.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per name in the database, so every app instance sees the same
 * count.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final LoginThrottlePolicy policy;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, LoginThrottlePolicy policy, Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public void check(String username) {
		Instant now = this.clock.instant();
		Optional<Timestamp> blockedUntil = this.jdbc
			.sql("select blocked_until from login_throttle where username = ? and blocked_until > ?")
			.params(key(username), Timestamp.from(now))
			.query(Timestamp.class)
			.optional();
		if (blockedUntil.isPresent()) {
			throw new LoginThrottledException(blockedUntil.get().toInstant());
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFailure(String username) {
		Instant now = this.clock.instant();
		String key = key(username);
		var row = this.jdbc.sql("select failures, first_failure_at from login_throttle where username = ? for update")
			.param(key)
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getTimestamp(2).toInstant() })
			.optional();
		int failures = 1;
		Instant first = now;
		if (row.isPresent()) {
			Instant previousFirst = (Instant) row.get()[1];
			if (!this.policy.windowExpired(previousFirst, now)) {
				failures = (int) row.get()[0] + 1;
				first = previousFirst;
			}
		}
		Instant blockedUntil = this.policy.blockedUntil(failures, now);
		this.jdbc.sql("""
				insert into login_throttle (username, failures, first_failure_at, blocked_until) values (?, ?, ?, ?)
				on conflict (username) do update set failures = excluded.failures,
				    first_failure_at = excluded.first_failure_at, blocked_until = excluded.blocked_until
				""")
			.params(key, failures, Timestamp.from(first), (blockedUntil != null) ? Timestamp.from(blockedUntil) : null)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSuccess(String username) {
		this.jdbc.sql("delete from login_throttle where username = ?").param(key(username)).update();
	}

	private static String key(String username) {
		String key = (username != null) ? username.trim().toLowerCase(Locale.ROOT) : "";
		return (key.length() > 254) ? key.substring(0, 254) : key;
	}

}
