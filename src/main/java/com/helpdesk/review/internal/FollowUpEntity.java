package com.helpdesk.review.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A follow-up as stored; two people may edit the same one, so it carries a version.
 */
@Entity
@Table(name = "follow_up")
public class FollowUpEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long ticketId;

	private String nextAction;

	private LocalDate dueOn;

	private Long specialistId;

	private long setBy;

	private Instant setAt;

	private Long doneBy;

	private Instant doneAt;

	@Version
	private long version;

	protected FollowUpEntity() {
	}

	public FollowUpEntity(long ticketId, String nextAction, LocalDate dueOn, Long specialistId, long setBy,
			Instant setAt) {
		this.ticketId = ticketId;
		change(nextAction, dueOn, specialistId, setBy, setAt);
	}

	public final void change(String nextAction, LocalDate dueOn, Long specialistId, long setBy, Instant setAt) {
		this.nextAction = nextAction;
		this.dueOn = dueOn;
		this.specialistId = specialistId;
		this.setBy = setBy;
		this.setAt = setAt;
	}

	public void done(long doneBy, Instant doneAt) {
		this.doneBy = doneBy;
		this.doneAt = doneAt;
	}

	public Long getId() {
		return this.id;
	}

	public long getTicketId() {
		return this.ticketId;
	}

	public String getNextAction() {
		return this.nextAction;
	}

	public LocalDate getDueOn() {
		return this.dueOn;
	}

	public Long getSpecialistId() {
		return this.specialistId;
	}

	public long getVersion() {
		return this.version;
	}

}
