package com.helpdesk.ticket.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.sla.SlaService;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.QueueFilter;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TimelineEntry;
import com.helpdesk.ticket.TriageChange;
import com.helpdesk.ticket.web.TicketApiModels.Comment;
import com.helpdesk.ticket.web.TicketApiModels.CreateComment;
import com.helpdesk.ticket.web.TicketApiModels.CreateTicket;
import com.helpdesk.ticket.web.TicketApiModels.Ticket;
import com.helpdesk.ticket.web.TicketApiModels.TicketList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tickets API of CONTRACT.md, with the same rules and access as the pages.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets")
class TicketApiController {

	private final TicketService tickets;

	private final TicketQueries queries;

	private final Directory directory;

	private final SlaService sla;

	TicketApiController(TicketService tickets, TicketQueries queries, Directory directory, SlaService sla) {
		this.tickets = tickets;
		this.queries = queries;
		this.directory = directory;
		this.sla = sla;
	}

	@PostMapping
	@Operation(summary = "Raise a ticket",
			description = "A requester raises one for their own client; staff name the requester.")
	ResponseEntity<Ticket> create(@AuthenticationPrincipal HelpdeskUser user, @RequestBody CreateTicket body) {
		Person me = user.person();
		long id = this.tickets.create(me, new NewTicket(body.type(), body.subject(), body.description(),
				body.alreadyTried(), body.priority(), body.details(), body.requester()), List.of());
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id)).body(ticket(me, id));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A ticket")
	Ticket get(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id) {
		return ticket(user.person(), id);
	}

	@GetMapping
	@Operation(summary = "A page of tickets, most recently updated first",
			description = "Pass the `next` cursor of one page to get the following one. `q` finds words of the "
					+ "request, a requester's name or email, a client's name or a ticket number; `requester:`, "
					+ "`client:\"Client A\"`, `status:open` and `#123` narrow it.")
	TicketList list(@AuthenticationPrincipal HelpdeskUser user, @RequestParam(required = false) TicketStatus status,
			@RequestParam(required = false) Priority priority, @RequestParam(required = false) RequestType type,
			@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "25") int limit) {
		QueueFilter filter = new QueueFilter(null, null, status, priority, type, null, null, null, q,
				QueueFilter.DEFAULT_PAGE_SIZE)
			.withPageSize(limit);
		return TicketList.of(this.queries.page(user.person(), filter, cursor));
	}

	@GetMapping("/{id}/comments")
	@Operation(summary = "The ticket's comments", description = "Requesters get public comments only.")
	List<Comment> comments(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id) {
		TicketView ticket = this.queries.ticket(user.person(), id);
		List<TimelineEntry> withBodies = ticket.timeline().stream().filter(TimelineEntry::isComment).toList();
		var authors = this.directory
			.peopleById(withBodies.stream().map(TimelineEntry::actorId).filter((a) -> a != null).toList());
		return withBodies.stream()
			.map((entry) -> Comment.of(entry,
					(entry.actorId() != null && authors.containsKey(entry.actorId()))
							? authors.get(entry.actorId()).email() : null))
			.toList();
	}

	@PostMapping("/{id}/comments")
	@Operation(summary = "Reply publicly, or add an internal note (public=false, staff only)")
	ResponseEntity<Comment> comment(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@RequestBody CreateComment body) {
		Person me = user.person();
		boolean isPublic = body.isPublic() == null || body.isPublic();
		if (isPublic) {
			this.tickets.reply(me, id, body.version(), body.body(), body.status(), List.of());
		}
		else {
			this.tickets.addNote(me, id, body.body(), List.of());
		}
		TicketView ticket = this.queries.ticket(me, id);
		TimelineEntry last = ticket.timeline()
			.stream()
			.filter(TimelineEntry::isComment)
			.reduce((a, b) -> b)
			.orElseThrow();
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/tickets/" + id + "/comments"))
			.body(Comment.of(last, me.email()));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change status, priority, type, tags, assignee or group",
			description = "Send the version you last read; a stale one answers 409. "
					+ "`assignee` is an email (null to unassign); `group` an id (null for none); "
					+ "`reason` is required when moving the ticket to another group.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = TicketPatch.class)))
	Ticket patch(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, @RequestBody JsonNode body) {
		Person me = user.person();
		Parsed patch = TicketPatch.read(body, this.directory);
		this.tickets.triage(me, id, patch.version(), patch.change());
		return ticket(me, id);
	}

	private Ticket ticket(Person viewer, long id) {
		TicketView ticket = this.queries.ticket(viewer, id);
		// the clocks are the team's working targets, not something requesters are shown
		return Ticket.of(ticket, viewer.isStaff() ? this.sla.clocks(id) : List.of());
	}

	/**
	 * The body of a PATCH, as documented: only the fields present change.
	 */
	record TicketPatch(long version, TicketStatus status, Priority priority, RequestType type, List<String> tags,
			String assignee, Long group, String reason) {

		static Parsed read(JsonNode body, Directory directory) {
			List<FieldError> errors = new ArrayList<>();
			if (body == null || !body.isObject()) {
				throw new InvalidInputException("body", "errors.unreadable");
			}
			JsonNode version = body.get("version");
			if (version == null || !version.canConvertToLong()) {
				errors.add(new FieldError("version", "api.version.required"));
			}
			TicketStatus status = enumValue(body, "status", TicketStatus.class, errors);
			Priority priority = enumValue(body, "priority", Priority.class, errors);
			RequestType type = enumValue(body, "type", RequestType.class, errors);
			List<String> tags = null;
			if (body.has("tags")) {
				if (!body.get("tags").isArray()) {
					errors.add(new FieldError("tags", "ticket.tags.invalid"));
				}
				else {
					tags = new ArrayList<>();
					for (JsonNode tag : body.get("tags")) {
						tags.add(tag.asString());
					}
				}
			}
			Long assigneeId = null;
			boolean unassign = false;
			if (body.has("assignee")) {
				JsonNode assignee = body.get("assignee");
				if (assignee.isNull()) {
					unassign = true;
				}
				else {
					assigneeId = directory.findPersonByEmail(assignee.asString())
						.filter(Person::isStaff)
						.map(Person::id)
						.orElse(null);
					if (assigneeId == null) {
						errors.add(new FieldError("assignee", "ticket.assignee.unknown"));
					}
				}
			}
			Long groupId = null;
			boolean ungroup = false;
			if (body.has("group")) {
				JsonNode group = body.get("group");
				if (group.isNull()) {
					ungroup = true;
				}
				else if (group.canConvertToLong()) {
					groupId = group.asLong();
				}
				else {
					errors.add(new FieldError("group", "ticket.group.unknown"));
				}
			}
			String reason = body.has("reason") ? body.get("reason").asString() : null;
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			return new Parsed(version.asLong(),
					new TriageChange(type, priority, tags, groupId, ungroup, assigneeId, unassign, status, reason));
		}

		private static <E extends Enum<E>> E enumValue(JsonNode body, String field, Class<E> type,
				List<FieldError> errors) {
			JsonNode value = body.get(field);
			if (value == null || value.isNull()) {
				return null;
			}
			try {
				return Enum.valueOf(type, value.asString());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError(field, "errors.badValue"));
				return null;
			}
		}

	}

	/**
	 * A PATCH body read into the change it asks for.
	 */
	record Parsed(long version, TriageChange change) {
	}

}
