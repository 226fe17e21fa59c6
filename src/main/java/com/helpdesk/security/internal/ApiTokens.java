package com.helpdesk.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.helpdesk.directory.AccessChanged;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.TextRules;
import com.helpdesk.shared.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: shown once when created, stored only as a SHA-256 hash, revocable.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "hd_";

	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A token someone has, as their profile page lists it (never the secret).
	 */
	public record TokenListing(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
			Instant revokedAt) {

		public boolean active() {
			return this.revokedAt == null;
		}

	}

	/**
	 * Creates a token and answers its secret, which is not stored and cannot be shown
	 * again.
	 */
	@Transactional
	public String create(long userId, String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "token.name.required");
		}
		TextRules.requireLine("name", name.trim(), 80);
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				insert into api_token (user_id, name, token_hash, token_prefix, created_at)
				values (?, ?, ?, ?, ?)
				""")
			.params(userId, name.trim(), hash(secret), secret.substring(0, 10), Timestamp.from(this.clock.instant()))
			.update();
		return secret;
	}

	@Transactional(readOnly = true)
	public List<TokenListing> list(long userId) {
		return this.jdbc.sql("""
				select id, name, token_prefix, created_at, last_used_at, revoked_at from api_token
				where user_id = ? order by id desc
				""")
			.param(userId)
			.query((rs, n) -> new TokenListing(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
			.list();
	}

	@Transactional
	public void revoke(long userId, long tokenId) {
		int changed = this.jdbc
			.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
			.params(Timestamp.from(this.clock.instant()), tokenId, userId)
			.update();
		if (changed == 0) {
			throw new NotFoundException("token", tokenId);
		}
	}

	/**
	 * Disabling someone revokes their tokens for good: if they are enabled again, they
	 * make new ones.
	 */
	@EventListener
	void on(AccessChanged change) {
		if (change.disabled()) {
			this.jdbc.sql("update api_token set revoked_at = ? where user_id = ? and revoked_at is null")
				.params(Timestamp.from(this.clock.instant()), change.personId())
				.update();
		}
	}

	/**
	 * The user a presented secret belongs to, if it is a live token.
	 */
	@Transactional
	public Optional<Long> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		var found = this.jdbc
			.sql("select id, user_id, last_used_at from api_token where token_hash = ? and revoked_at is null")
			.param(hash(secret))
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3)) })
			.optional();
		found.ifPresent((row) -> {
			Instant lastUsed = (Instant) row[2];
			// a write per request would be wasted: minute precision is enough to see a
			// token is in use
			if (lastUsed == null || lastUsed.plus(LAST_USED_PRECISION).isBefore(now)) {
				this.jdbc.sql("update api_token set last_used_at = ? where id = ?")
					.params(Timestamp.from(now), row[0])
					.update();
			}
		});
		return found.map((row) -> (Long) row[1]);
	}

	static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
