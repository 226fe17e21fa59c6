package com.helpdesk.ticket;

/**
 * A file on a ticket, without its content.
 */
public record AttachmentInfo(long id, Long commentId, String filename, String contentType, long size) {
}
