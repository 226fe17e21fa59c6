package com.helpdesk.ticket.internal;

import java.time.Instant;

import com.helpdesk.ticket.TimelineKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of a ticket's history (the audit log of tickets): who, when, what, before and
 * after, and the ticket version the change produced.
 */
@Entity
@Table(name = "ticket_event")
public class TicketEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long ticketId;

	private Instant at;

	private Long actorId;

	@Enumerated(EnumType.STRING)
	private TimelineKind kind;

	@Column(name = "from_value")
	private String from;

	@Column(name = "to_value")
	private String to;

	private Long commentId;

	private String detail;

	private long ticketVersion;

	protected TicketEvent() {
	}

	public TicketEvent(long ticketId, Instant at, Long actorId, TimelineKind kind, String from, String to,
			Long commentId, String detail, long ticketVersion) {
		this.ticketId = ticketId;
		this.at = at;
		this.actorId = actorId;
		this.kind = kind;
		this.from = from;
		this.to = to;
		this.commentId = commentId;
		this.detail = detail;
		this.ticketVersion = ticketVersion;
	}

	public TimelineKind getKind() {
		return this.kind;
	}

	public String getFrom() {
		return this.from;
	}

	public String getTo() {
		return this.to;
	}

	public String getDetail() {
		return this.detail;
	}

	public long getTicketVersion() {
		return this.ticketVersion;
	}

}
