package com.helpdesk.directory.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One change an administrator made: who, when, what, and the values before and after.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant at;

	private Long actorId;

	private String entityType;

	private long entityId;

	private String action;

	private String details;

	protected AuditEvent() {
	}

	public AuditEvent(Instant at, Long actorId, String entityType, long entityId, String action, String details) {
		this.at = at;
		this.actorId = actorId;
		this.entityType = entityType;
		this.entityId = entityId;
		this.action = action;
		this.details = details;
	}

	public String getAction() {
		return this.action;
	}

	public String getDetails() {
		return this.details;
	}

	public Long getActorId() {
		return this.actorId;
	}

}
