package com.helpdesk.ticket.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.helpdesk.ticket.NewAttachment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps files in PostgreSQL, so that any app instance can serve any file and a backup of
 * the database holds everything.
 */
@Component
public class AttachmentStore {

	private final AttachmentRepository attachments;

	private final JdbcClient jdbc;

	AttachmentStore(AttachmentRepository attachments, JdbcClient jdbc) {
		this.attachments = attachments;
		this.jdbc = jdbc;
	}

	public void store(long ticketId, Long commentId, long uploadedBy, List<NewAttachment> files, Instant now) {
		for (NewAttachment file : files) {
			Attachment attachment = this.attachments.saveAndFlush(new Attachment(ticketId, commentId,
					AttachmentRules.safeFilename(file.filename()), AttachmentRules.safeContentType(file.contentType()),
					file.size(), sha256(file.content()), uploadedBy, now));
			this.jdbc.sql("insert into attachment_content (attachment_id, data) values (?, ?)")
				.params(attachment.getId(), file.content())
				.update();
		}
	}

	public Optional<byte[]> content(long attachmentId) {
		return this.jdbc.sql("select data from attachment_content where attachment_id = ?")
			.param(attachmentId)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
