package com.helpdesk.ticket.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Idempotency-Keys callers gave when raising tickets, each with the request it came
 * with and the ticket it raised. Called inside the transaction that raises the ticket.
 */
@Component
public class IdempotencyKeys {

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What claiming a key found: {@code claimId} set when this request may go ahead (and
	 * must {@link #attach} its ticket), else the earlier request's fingerprint and
	 * ticket.
	 */
	public record Claim(Long claimId, String earlierFingerprint, Long earlierTicketId) {

		public boolean claimed() {
			return this.claimId != null;
		}

	}

	/**
	 * Claims a person's key for a request. A second request with the same key waits here
	 * until the first one's transaction ends (the unique constraint), then finds its
	 * ticket; a key older than {@code expiredBefore} is claimed afresh.
	 */
	public Claim claim(long personId, String key, String fingerprint, Instant now, Instant expiredBefore) {
		for (int attempt = 0; attempt < 3; attempt++) {
			Optional<Long> inserted = this.jdbc
				.sql("insert into ticket_idempotency_key (person_id, idempotency_key, fingerprint, created_at) "
						+ "values (?, ?, ?, ?) on conflict (person_id, idempotency_key) do nothing returning id")
				.params(personId, key, fingerprint, utc(now))
				.query(Long.class)
				.optional();
			if (inserted.isPresent()) {
				return new Claim(inserted.get(), null, null);
			}
			Optional<Claim> earlier = this.jdbc
				.sql("select id, fingerprint, ticket_id, created_at from ticket_idempotency_key "
						+ "where person_id = ? and idempotency_key = ? for update")
				.params(personId, key)
				.query((rs, row) -> {
					long id = rs.getLong("id");
					Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
					if (created.isBefore(expiredBefore)) {
						return new Claim(id, null, null);
					}
					return new Claim(null, rs.getString("fingerprint"), rs.getObject("ticket_id", Long.class));
				})
				.optional();
			if (earlier.isPresent() && earlier.get().claimed()) {
				// a key kept past its time that the clean-up has not reached yet
				this.jdbc
					.sql("update ticket_idempotency_key set fingerprint = ?, ticket_id = null, created_at = ? "
							+ "where id = ?")
					.params(fingerprint, utc(now), earlier.get().claimId())
					.update();
				return earlier.get();
			}
			if (earlier.isPresent()) {
				return earlier.get();
			}
			// cleaned up between the two statements: try again
		}
		throw new IllegalStateException("Idempotency-Key could not be claimed");
	}

	public void attach(long claimId, long ticketId) {
		this.jdbc.sql("update ticket_idempotency_key set ticket_id = ? where id = ?")
			.params(ticketId, claimId)
			.update();
	}

	/**
	 * Forgets the keys given before a time; answers how many.
	 */
	public int forgetBefore(Instant before) {
		return this.jdbc.sql("delete from ticket_idempotency_key where created_at < ?").params(utc(before)).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
