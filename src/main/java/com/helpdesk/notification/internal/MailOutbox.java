package com.helpdesk.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails waiting to be sent. A mail is written in the transaction of the change it tells
 * of, so it exists exactly when the change does; the sender claims due mails with
 * {@code SKIP LOCKED}, so two instances never send the same mail at once.
 */
@Component
class MailOutbox {

	static final Duration CLAIM = Duration.ofMinutes(5);

	static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final Clock clock;

	MailOutbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Mail(long id, String recipient, String subject, String body, int attempts) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void enqueue(String recipient, String subject, String body) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				insert into mail_outbox (recipient, subject, body, created_at, next_attempt_at)
				values (?, ?, ?, ?, ?)
				""").params(recipient, truncate(subject, 300), body, now, now).update();
	}

	/**
	 * Takes up to {@code limit} due mails for this instance to send.
	 */
	@Transactional
	List<Mail> claimDue(int limit) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				update mail_outbox set claimed_until = :claimedUntil
				where id in (
				    select id from mail_outbox
				    where sent_at is null and next_attempt_at <= :now
				      and (claimed_until is null or claimed_until < :now)
				    order by id limit :limit
				    for update skip locked)
				returning id, recipient, subject, body, attempts
				""")
			.param("claimedUntil", Timestamp.from(now.plus(CLAIM)))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> new Mail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
			.list()
			.stream()
			// RETURNING has no order: send in the order things happened
			.sorted(Comparator.comparingLong(Mail::id))
			.toList();
	}

	@Transactional
	void sent(long id) {
		this.jdbc.sql("update mail_outbox set sent_at = ?, claimed_until = null, attempts = attempts + 1 where id = ?")
			.params(Timestamp.from(this.clock.instant()), id)
			.update();
	}

	/**
	 * The mail server refused or was away: try again later, waiting longer each time but
	 * never more than {@link #LONGEST_WAIT}, and never giving up.
	 */
	@Transactional
	void failed(Mail mail, String error) {
		long seconds = Math.min(LONGEST_WAIT.toSeconds(), 15L << Math.min(mail.attempts(), 10));
		this.jdbc
			.sql("""
					update mail_outbox set attempts = attempts + 1, claimed_until = null, next_attempt_at = ?, last_error = ?
					where id = ?
					""")
			.params(Timestamp.from(this.clock.instant().plusSeconds(seconds)), truncate(error, 1000), mail.id())
			.update();
	}

	private static String truncate(String text, int max) {
		if (text == null) {
			return null;
		}
		return (text.length() > max) ? text.substring(0, max) : text;
	}

}
