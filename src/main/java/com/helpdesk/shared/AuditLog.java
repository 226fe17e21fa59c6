package com.helpdesk.shared;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who changed which setting, when, from what to what. Written in the transaction of the
 * change itself, so there is never a change without its record.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param actorId who made the change; {@code null} for the helpdesk itself
	 * @param entityType what kind of thing changed, such as {@code CLIENT} or
	 * {@code CALENDAR}
	 * @param action {@code CREATED}, {@code UPDATED} and the like
	 * @param details the values before and after, for people to read
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Long actorId, String entityType, long entityId, String action, String details) {
		this.jdbc.sql("""
				insert into audit_event (at, actor_id, entity_type, entity_id, action, details)
				values (?, ?, ?, ?, ?, ?)
				""")
			.params(Timestamp.from(this.clock.instant()), actorId, entityType, entityId, action, details)
			.update();
	}

}
