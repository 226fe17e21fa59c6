package com.helpdesk.ticket.web;

import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.ticket.TicketQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Files through the API, with the same access rules as the pages and problem details for
 * errors.
 */
@RestController
@Tag(name = "Tickets")
class AttachmentApiController {

	private final TicketQueries queries;

	AttachmentApiController(TicketQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/v1/attachments/{id}")
	@Operation(operationId = "downloadAttachment", summary = "Download a file",
			description = "Always as an attachment (`Content-Disposition` names the file), in the file's own "
					+ "type where it is a known one, else `application/octet-stream`; 404 if it is not yours to see.")
	@ApiResponse(responseCode = "200", description = "The file's bytes",
			content = @Content(mediaType = "application/octet-stream",
					schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id) {
		return AttachmentController.response(this.queries.download(user.person(), id));
	}

}
