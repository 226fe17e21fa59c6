package com.helpdesk.ticket;

/**
 * A file's content, for someone allowed to download it.
 */
public record AttachmentDownload(String filename, String contentType, long size, byte[] content) {
}
