package com.helpdesk.ticket;

/**
 * A file someone uploads with a request, reply or note.
 */
public record NewAttachment(String filename, String contentType, byte[] content) {

	public long size() {
		return this.content.length;
	}

}
