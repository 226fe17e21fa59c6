package com.helpdesk.ticket.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reply (public) or an internal note (staff only) on a ticket.
 */
@Entity
@Table(name = "ticket_comment")
public class Comment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long ticketId;

	private Long authorId;

	private String body;

	@Column(name = "public")
	private boolean publicVisible;

	private Instant createdAt;

	protected Comment() {
	}

	public Comment(long ticketId, Long authorId, String body, boolean publicVisible, Instant createdAt) {
		this.ticketId = ticketId;
		this.authorId = authorId;
		this.body = body;
		this.publicVisible = publicVisible;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public long getTicketId() {
		return this.ticketId;
	}

	public Long getAuthorId() {
		return this.authorId;
	}

	public String getBody() {
		return this.body;
	}

	public boolean isPublicVisible() {
		return this.publicVisible;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
