package com.helpdesk.ticket.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A file's description; its bytes are in {@code attachment_content}, read only when
 * downloaded.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long ticketId;

	private Long commentId;

	private String filename;

	private String contentType;

	private long sizeBytes;

	private String sha256;

	private long uploadedBy;

	private Instant createdAt;

	protected Attachment() {
	}

	public Attachment(long ticketId, Long commentId, String filename, String contentType, long sizeBytes, String sha256,
			long uploadedBy, Instant createdAt) {
		this.ticketId = ticketId;
		this.commentId = commentId;
		this.filename = filename;
		this.contentType = contentType;
		this.sizeBytes = sizeBytes;
		this.sha256 = sha256;
		this.uploadedBy = uploadedBy;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public long getTicketId() {
		return this.ticketId;
	}

	public Long getCommentId() {
		return this.commentId;
	}

	public String getFilename() {
		return this.filename;
	}

	public String getContentType() {
		return this.contentType;
	}

	public long getSizeBytes() {
		return this.sizeBytes;
	}

}
