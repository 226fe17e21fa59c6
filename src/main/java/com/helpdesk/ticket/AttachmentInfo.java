package com.helpdesk.ticket;

/**
 * A file on a ticket, without its content.
 */
public record AttachmentInfo(long id, Long commentId, String filename, String contentType, long size) {

	/**
	 * The name as pages and downloads give it, with invisible characters shown (names
	 * stored before they were refused on upload included).
	 */
	public AttachmentInfo {
		filename = com.helpdesk.ticket.internal.AttachmentRules.visible(filename);
	}

	/**
	 * The size in kilobytes, rounded up so that a small file never shows as 0 KB.
	 */
	public long kilobytes() {
		return (this.size + 1023) / 1024;
	}

}
