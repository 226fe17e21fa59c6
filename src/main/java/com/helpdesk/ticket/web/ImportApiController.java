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
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bringing tickets from another helpdesk with their history (ADMIN): the SLA is computed
 * as if the events had happened here, so the team's SLA report stays true.
 */
@RestController
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
	record Event(OffsetDateTime at, ImportedTicket.Kind kind, String author, String body, TicketStatus status,
			Priority priority) {
	}

	record ImportBody(RequestType type, String subject, String description, String alreadyTried, Priority priority,
			String requester, String assignee, Long group, List<String> tags, OffsetDateTime createdAt,
			String stepsToReproduce, String expectedOutcome, String actualOutcome, String application,
			String environment, ServerSpec serverSpec, java.time.LocalDate wantedBy, String desiredOutcome,
			String impact, OffsetDateTime startedAt, String service, String system, String accessLevel, String reason,
			List<Event> events) {
	}

	@PostMapping("/api/v1/imports/tickets")
	@Operation(summary = "Import a ticket with its history",
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
			.body(Ticket.of(this.queries.ticket(user.person(), id), this.sla.clocks(id)));
	}

}
