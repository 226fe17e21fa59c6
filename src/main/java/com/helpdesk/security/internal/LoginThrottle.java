package com.helpdesk.security.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.helpdesk.directory.EmailAddress;
import com.helpdesk.security.internal.LoginThrottlePolicy.Count;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins in the database, so every app instance sees the same counts: per
 * account from an address, per address, and per account from anywhere (see
 * {@link LoginThrottlePolicy}); and guessed API tokens per address, apart from sign-ins
 * so that a script with a revoked token does not lock its office out. An address is the
 * client's IP as the proxy in front reports it; IPv6 addresses count by their /64
 * network, which one machine usually has to itself.
 */
@Component
public class LoginThrottle {

	/** How long an address an account signed in from is exempt from its ceiling. */
	static final Duration KNOWN_ADDRESS_FOR = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final LoginThrottlePolicy policy;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, LoginThrottlePolicy policy, Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Refuses a sign-in while any of its counts is blocked.
	 */
	@Transactional(readOnly = true)
	public void check(String email, String address) {
		Instant now = this.clock.instant();
		String account = account(email);
		String network = network(address);
		List<Blocked> blocked = blocked(now, key(Count.ACCOUNT_FROM_ADDRESS, account, network),
				key(Count.ADDRESS, null, network), key(Count.ACCOUNT, account, null));
		for (Blocked block : blocked) {
			if (!block.key().startsWith("account:") || !known(account, network, now)) {
				throw new LoginThrottledException(block.until());
			}
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFailure(String email, String address) {
		Instant now = this.clock.instant();
		String account = account(email);
		String network = network(address);
		count(Count.ACCOUNT_FROM_ADDRESS, key(Count.ACCOUNT_FROM_ADDRESS, account, network), now);
		count(Count.ADDRESS, key(Count.ADDRESS, null, network), now);
		count(Count.ACCOUNT, key(Count.ACCOUNT, account, null), now);
	}

	/**
	 * Clears the count of this account from this address, and remembers the address as
	 * one the account signs in from.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSuccess(String email, String address) {
		Instant now = this.clock.instant();
		String account = account(email);
		String network = network(address);
		this.jdbc.sql("delete from login_throttle where throttle_key = ?")
			.param(key(Count.ACCOUNT_FROM_ADDRESS, account, network))
			.update();
		this.jdbc.sql("""
				insert into login_known_address (email, address, last_success_at) values (?, ?, ?)
				on conflict (email, address) do update set last_success_at = excluded.last_success_at
				""").params(account, network, Timestamp.from(now)).update();
	}

	/**
	 * Refuses an API token from an address that has guessed too many.
	 */
	@Transactional(readOnly = true)
	public void checkToken(String address) {
		for (Blocked block : blocked(this.clock.instant(), tokenKey(network(address)))) {
			throw new LoginThrottledException(block.until());
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordTokenFailure(String address) {
		count(Count.ADDRESS, tokenKey(network(address)), this.clock.instant());
	}

	private record Blocked(String key, Instant until) {
	}

	private List<Blocked> blocked(Instant now, String... keys) {
		return this.jdbc.sql("""
				select throttle_key, blocked_until from login_throttle
				where throttle_key in (:keys) and blocked_until > :now
				""")
			.param("keys", List.of(keys))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Blocked(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
	}

	private boolean known(String account, String network, Instant now) {
		return this.jdbc.sql("""
				select count(*) > 0 from login_known_address where email = ? and address = ? and last_success_at > ?
				""")
			.params(account, network, Timestamp.from(now.minus(KNOWN_ADDRESS_FOR)))
			.query(Boolean.class)
			.single();
	}

	private void count(Count count, String key, Instant now) {
		// the row exists before it is read for update, so two first failures at once
		// wait for each other instead of both writing a count of one
		this.jdbc.sql("""
				insert into login_throttle (throttle_key, failures, first_failure_at) values (?, 0, ?)
				on conflict (throttle_key) do nothing
				""").params(key, Timestamp.from(now)).update();
		var row = this.jdbc
			.sql("select failures, first_failure_at from login_throttle where throttle_key = ? for update")
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
		Instant blockedUntil = this.policy.blockedUntil(count, failures, now);
		this.jdbc.sql("""
				insert into login_throttle (throttle_key, failures, first_failure_at, blocked_until) values (?, ?, ?, ?)
				on conflict (throttle_key) do update set failures = excluded.failures,
				    first_failure_at = excluded.first_failure_at, blocked_until = excluded.blocked_until
				""")
			.params(key, failures, Timestamp.from(first), (blockedUntil != null) ? Timestamp.from(blockedUntil) : null)
			.update();
	}

	/**
	 * Forgets counts whose window and block are over, and addresses nobody signed in from
	 * for longer than they are remembered; answers how many rows went.
	 */
	@Transactional
	public int forgetOld() {
		Instant now = this.clock.instant();
		int counts = this.jdbc.sql("""
				delete from login_throttle
				where first_failure_at < :windowStart and (blocked_until is null or blocked_until < :now)
				""")
			.param("windowStart", Timestamp.from(now.minus(this.policy.failureWindow())))
			.param("now", Timestamp.from(now))
			.update();
		int addresses = this.jdbc.sql("delete from login_known_address where last_success_at < ?")
			.param(Timestamp.from(now.minus(KNOWN_ADDRESS_FOR)))
			.update();
		return counts + addresses;
	}

	private static String key(Count count, String account, String network) {
		return switch (count) {
			case ACCOUNT_FROM_ADDRESS -> "account-from:" + network + ":" + account;
			case ADDRESS -> "address:" + network;
			case ACCOUNT -> "account:" + account;
		};
	}

	private static String tokenKey(String network) {
		return "token-address:" + network;
	}

	/**
	 * The account as sign-in looks it up ({@link EmailAddress}), so that no other
	 * spelling of it has a count of its own.
	 */
	static String account(String email) {
		String account = EmailAddress.normalised(email);
		return (account.length() > 254) ? account.substring(0, 254) : account;
	}

	/**
	 * An IPv4 address as it is; an IPv6 address as its /64 network, since whoever has one
	 * address of a network usually has all of it.
	 */
	static String network(String address) {
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		String text = address.trim().toLowerCase(Locale.ROOT);
		// only a literal address is parsed, never a name to look up
		if (text.indexOf(':') >= 0 && text.matches("\\[?[0-9a-f:.]+(%[0-9a-z]+)?]?")) {
			try {
				byte[] bytes = InetAddress.getByName(text.replaceAll("[\\[\\]]|%.*$", "")).getAddress();
				if (bytes.length == 16) {
					List<String> groups = new ArrayList<>();
					for (int i = 0; i < 8; i += 2) {
						groups.add(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
					}
					return String.join(":", groups) + "::/64";
				}
				return InetAddress.getByAddress(bytes).getHostAddress();
			}
			catch (UnknownHostException ex) {
				// not an address after all: counted as written
			}
		}
		return (text.length() > 64) ? text.substring(0, 64) : text;
	}

}
