package com.helpdesk.ticket.web;

import java.util.ArrayList;
import java.util.List;

import com.helpdesk.ticket.TicketStatus;

import org.springframework.web.multipart.MultipartFile;

/**
 * A reply or internal note as typed. Staff replies carry the version of the ticket they
 * read and the status to submit it as.
 */
public class CommentForm {

	private String body;

	private TicketStatus submitAs;

	private Long version;

	private List<MultipartFile> attachments = new ArrayList<>();

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public TicketStatus getSubmitAs() {
		return this.submitAs;
	}

	public void setSubmitAs(TicketStatus submitAs) {
		this.submitAs = submitAs;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	public List<MultipartFile> getAttachments() {
		return this.attachments;
	}

	public void setAttachments(List<MultipartFile> attachments) {
		this.attachments = attachments;
	}

}
