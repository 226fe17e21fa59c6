package com.helpdesk.ticket.web;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.ticket.AttachmentDownload;
import com.helpdesk.ticket.TicketQueries;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Downloads a file for someone who may see its ticket (and, for requesters, its public
 * comment). Always as a download, never rendered by the browser in the app's origin.
 */
@Controller
class AttachmentController {

	/**
	 * Types a browser may be told as they are; anything else goes as a generic download.
	 */
	private static final Set<String> KNOWN_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "application/pdf",
			"text/plain", "text/csv", "application/zip", "application/json");

	private final TicketQueries queries;

	AttachmentController(TicketQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/attachments/{id}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id) {
		return response(this.queries.download(user.person(), id));
	}

	static ResponseEntity<byte[]> response(AttachmentDownload file) {
		MediaType type = KNOWN_TYPES.contains(file.contentType()) ? MediaType.parseMediaType(file.contentType())
				: MediaType.APPLICATION_OCTET_STREAM;
		return ResponseEntity.ok()
			.contentType(type)
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox; default-src 'none'")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(file.content());
	}

}
