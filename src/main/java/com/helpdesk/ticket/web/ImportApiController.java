package com.helpdesk.ticket.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaService;
import com.helpdesk.ticket.ImportedTicket;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.web.TicketApiModels.ServerSpec;
import com.helpdesk.ticket.web.TicketApiModels.Ticket;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bringing tickets from another helpdesk with their history (ADMIN): the SLA is computed
 * as if the events had happened here, so the team's SLA report stays true.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Import")
class ImportApiController {

	private final TicketService tickets;

	private final TicketQueries queries;

	private final SlaService sla;

	ImportApiController(TicketService tickets, TicketQueries queries, SlaService sla) {
		this.tickets = tickets;
		this.queries = queries;
		this.sla = sla;
	}

	/**
	 * One event of the history: {@code status} for STATUS_CHANGE, {@code priority} for
	 * PRIORITY_CHANGE, {@code body} for comments.
	 */
	record Event(@Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime at,
			@Schema(requiredMode = RequiredMode.REQUIRED) ImportedTicket.Kind kind,
			@Schema(description = "The email of who did it") String author,
			@Schema(description = "Comments only") String body,
			@Schema(description = "STATUS_CHANGE only") TicketStatus status,
			@Schema(description = "PRIORITY_CHANGE only") Priority priority) {
	}

	record ImportBody(@Schema(requiredMode = RequiredMode.REQUIRED) RequestType type,
			@Schema(requiredMode = RequiredMode.REQUIRED) String subject,
			@Schema(requiredMode = RequiredMode.REQUIRED) String description, String alreadyTried, Priority priority,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "The requester's email") String requester,
			@Schema(description = "An agent's email") String assignee, @Schema(description = "A group's id") Long group,
			List<String> tags, @Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime createdAt,
			String stepsToReproduce, String expectedOutcome, String actualOutcome, String application,
			String environment, ServerSpec serverSpec, java.time.LocalDate wantedBy, String desiredOutcome,
			String impact, OffsetDateTime startedAt, String service, String system, String accessLevel, String reason,
			List<Event> events) {
	}

	@PostMapping("/api/v1/imports/tickets")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "Created",
			headers = @Header(name = "Location", description = "The new ticket's address, `/api/v1/tickets/{id}`",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	@Operation(operationId = "importTicket", summary = "Import a ticket with its history",
			description = "Events are in time order, from `createdAt` on: PUBLIC_REPLY, REQUESTER_REPLY, "
					+ "INTERNAL_NOTE (with `author` and `body`), STATUS_CHANGE (with `status`), PRIORITY_CHANGE "
					+ "(with `priority`). Nobody is notified.")
	ResponseEntity<Ticket> importTicket(@AuthenticationPrincipal HelpdeskUser user, @RequestBody ImportBody body) {
		var details = new TicketApiModels.CreateTicket(body.type(), body.subject(), body.description(),
				body.alreadyTried(), body.priority(), body.requester(), body.stepsToReproduce(), body.expectedOutcome(),
				body.actualOutcome(), body.application(), body.environment(), body.serverSpec(), body.wantedBy(),
				body.desiredOutcome(), body.impact(), body.startedAt(), body.service(), body.system(),
				body.accessLevel(), body.reason())
			.details();
		List<ImportedTicket.Event> events = (body.events() != null) ? body.events()
			.stream()
			.map((e) -> (e != null) ? new ImportedTicket.Event((e.at() != null) ? e.at().toInstant() : null, e.kind(),
					e.author(), e.body(), e.status(), e.priority()) : null)
			.toList() : List.of();
		long id = this.tickets.importTicket(user.person(),
				new ImportedTicket(body.type(), body.subject(), body.description(), body.alreadyTried(),
						body.priority(), details, body.requester(), body.assignee(), body.group(), body.tags(),
						(body.createdAt() != null) ? body.createdAt().toInstant() : null, events));
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id))
			.body(Ticket.of(this.queries.ticket(user.person(), id), true, this.sla.clocks(id)));
	}

}
