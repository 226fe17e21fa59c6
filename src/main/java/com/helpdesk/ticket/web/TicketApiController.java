package com.helpdesk.ticket.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.sla.SlaService;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.ticket.IdempotentRequest;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RaisedTicket;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tickets API of CONTRACT.md, with the same rules and access as the pages.
 */
@RestController
@RequestMapping(path = "/api/v1/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tickets")
class TicketApiController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final TicketService tickets;

	private final TicketQueries queries;

	private final Directory directory;

	private final SlaService sla;

	private final ObjectMapper json;

	TicketApiController(TicketService tickets, TicketQueries queries, Directory directory, SlaService sla,
			ObjectMapper json) {
		this.tickets = tickets;
		this.queries = queries;
		this.directory = directory;
		this.sla = sla;
		this.json = json;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createTicket", summary = "Raise a ticket",
			description = "A requester raises one for their own client; staff name the requester. "
					+ "Send an `Idempotency-Key` to retry safely after a lost answer.")
	@ApiResponse(responseCode = "201",
			description = "Raised, or raised already by an earlier request with the same `Idempotency-Key` and body "
					+ "(then `Idempotent-Replayed: true`, the same `Location`, and the ticket as it is now)",
			headers = {
					@Header(name = "Location", description = "The ticket's address, `/api/v1/tickets/{id}`",
							schema = @Schema(type = "string", format = "uri-reference")),
					@Header(name = "Idempotent-Replayed",
							description = "`true` when an earlier request with the same key raised the ticket",
							schema = @Schema(type = "boolean")) })
	@ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
	@ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
	ResponseEntity<Ticket> create(@AuthenticationPrincipal HelpdeskUser user, @RequestBody CreateTicket body,
			@Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY,
					description = "Any unique value of yours (a UUID), 1 to 255 visible characters. Sent again with "
							+ "the same body within 24 hours, it answers the ticket the first request raised instead "
							+ "of raising another; with another body, 409. Keys are each caller's own.",
					schema = @Schema(type = "string", minLength = 1, maxLength = 255)) @RequestHeader(
							name = IDEMPOTENCY_KEY, required = false) String key) {
		Person me = user.person();
		NewTicket request = new NewTicket(body.type(), body.subject(), body.description(), body.alreadyTried(),
				body.priority(), body.details(), body.requester());
		RaisedTicket raised = (key != null) ? this.tickets.create(me, request, idempotent(key, body))
				: new RaisedTicket(this.tickets.create(me, request, List.of()), false);
		ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create("/api/v1/tickets/" + raised.id()));
		if (raised.replayed()) {
			answer.header("Idempotent-Replayed", "true");
		}
		return answer.body(ticket(me, raised.id()));
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getTicket", summary = "A ticket",
			description = "Staff get the team's triage data too; a requester's view leaves it out.")
	@ApiResponse(responseCode = "200", description = "The ticket")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	Ticket get(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id) {
		return ticket(user.person(), id);
	}

	@GetMapping
	@Operation(operationId = "listTickets", summary = "A page of tickets, most recently updated first",
			description = "Pass the `next` cursor of one page to get the following one. Requesters get their own "
					+ "client's tickets, without `assignee` and `group`. `q` finds words of the request, a "
					+ "requester's name or email, a client's name or a ticket number; `requester:`, "
					+ "`client:\"Client A\"`, `status:open` and `#123` narrow it.")
	@ApiResponse(responseCode = "200", description = "A page of tickets")
	@ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
	TicketList list(@AuthenticationPrincipal HelpdeskUser user, @RequestParam(required = false) TicketStatus status,
			@RequestParam(required = false) Priority priority, @RequestParam(required = false) RequestType type,
			@Parameter(description = "Words to search for, or a ticket number (`#123`)") @RequestParam(
					required = false) String q,
			@Parameter(description = "The `next` of the page before") @RequestParam(required = false) String cursor,
			@Parameter(description = "Tickets per page",
					schema = @Schema(type = "integer", format = "int32", defaultValue = "25", minimum = "1",
							maximum = "100")) @RequestParam(defaultValue = "25") int limit) {
		QueueFilter filter = new QueueFilter(null, null, status, priority, type, null, null, null, q,
				QueueFilter.DEFAULT_PAGE_SIZE)
			.withPageSize(limit);
		return TicketList.of(this.queries.page(user.person(), filter, cursor), user.person().isStaff());
	}

	@GetMapping("/{id}/comments")
	@Operation(operationId = "listComments", summary = "The ticket's comments, oldest first",
			description = "Requesters get public comments only.")
	@ApiResponse(responseCode = "200", description = "The comments")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	List<Comment> comments(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id) {
		List<TimelineEntry> withBodies = this.queries.ticket(user.person(), id)
			.timeline()
			.stream()
			.filter(TimelineEntry::isComment)
			.toList();
		var authors = this.directory
			.peopleById(withBodies.stream().map(TimelineEntry::actorId).filter((a) -> a != null).toList());
		return withBodies.stream()
			.map((entry) -> Comment.of(entry,
					(entry.actorId() != null && authors.containsKey(entry.actorId()))
							? authors.get(entry.actorId()).email() : null))
			.toList();
	}

	@GetMapping("/{id}/comments/{commentId}")
	@Operation(operationId = "getComment", summary = "One comment of the ticket",
			description = "An internal note is not found for a requester.")
	@ApiResponse(responseCode = "200", description = "The comment")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	Comment comment(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, @PathVariable long commentId) {
		TimelineEntry entry = this.queries.ticket(user.person(), id)
			.timeline()
			.stream()
			.filter((e) -> e.isComment() && e.commentId() != null && e.commentId() == commentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("comment", commentId));
		String author = (entry.actorId() != null)
				? this.directory.findPerson(entry.actorId()).map(Person::email).orElse(null) : null;
		return Comment.of(entry, author);
	}

	@PostMapping("/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "addComment",
			summary = "Reply publicly, or add an internal note (public=false, staff only)")
	@ApiResponse(responseCode = "201", description = "Added",
			headers = @Header(name = "Location",
					description = "The comment's address, `/api/v1/tickets/{id}/comments/{commentId}`",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
	ResponseEntity<Comment> addComment(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@RequestBody CreateComment body) {
		Person me = user.person();
		boolean isPublic = body.isPublic() == null || body.isPublic();
		long commentId = isPublic ? this.tickets.reply(me, id, body.version(), body.body(), body.status(), List.of())
				: this.tickets.addNote(me, id, body.body(), List.of());
		TimelineEntry mine = this.queries.ticket(me, id)
			.timeline()
			.stream()
			.filter((entry) -> Long.valueOf(commentId).equals(entry.commentId()))
			.findFirst()
			.orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/comments/" + mine.commentId()))
			.body(Comment.of(mine, me.email()));
	}

	@PatchMapping("/{id}")
	@Operation(operationId = "updateTicket", summary = "Change status, priority, type, tags, assignee or group",
			description = "Send the version you last read; a stale one answers 409. Only the fields you send "
					+ "change. `assignee` is an email, sent as null to unassign; `group` an id, null for none; "
					+ "`reason` is required when moving the ticket to another group. Staff only.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(schema = @Schema(implementation = TicketPatch.class)))
	@ApiResponse(responseCode = "200", description = "The ticket as changed, with its new version")
	@ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
	@ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
	@ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
	@ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
	Ticket patch(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, @RequestBody JsonNode body) {
		Person me = user.person();
		Parsed patch = TicketPatch.read(body, this.directory);
		this.tickets.triage(me, id, patch.version(), patch.change());
		return ticket(me, id);
	}

	private Ticket ticket(Person viewer, long id) {
		TicketView ticket = this.queries.ticket(viewer, id);
		// the clocks, like the assignee, group and tags, are the team's, not the
		// requester's
		return viewer.isStaff() ? Ticket.of(ticket, true, this.sla.clocks(id)) : Ticket.of(ticket, false, List.of());
	}

	/**
	 * The key as given, and a hash of the body as read (so spacing and the order of
	 * fields do not make a retry look like another request).
	 */
	private IdempotentRequest idempotent(String key, CreateTicket body) {
		if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch((c) -> c > 0x20 && c < 0x7f)) {
			throw new InvalidInputException(IDEMPOTENCY_KEY, "errors.api.idempotencyKey");
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(this.json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
			return new IdempotentRequest(key, HexFormat.of().formatHex(hash));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

	/**
	 * The body of a PATCH, as documented: only the fields present change.
	 */
	@Schema(description = "The fields to change; those not sent stay as they are.")
	record TicketPatch(
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "The version you last read") long version,
			TicketStatus status, Priority priority, RequestType type,
			@Schema(description = "The ticket's tags, all of them") List<String> tags,
			@Schema(nullable = true, description = "An agent's email; null to unassign") String assignee,
			@Schema(nullable = true, description = "A group's id; null for none") Long group,
			@Schema(description = "Why the ticket moves to another group; required then") String reason) {

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
						if (!tag.isString()) {
							errors.add(new FieldError("tags", "ticket.tags.invalid"));
							break;
						}
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
				else if (!assignee.isString()) {
					errors.add(new FieldError("assignee", "errors.wrongType"));
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
			String reason = null;
			if (body.has("reason") && !body.get("reason").isNull()) {
				if (body.get("reason").isString()) {
					reason = body.get("reason").asString();
				}
				else {
					errors.add(new FieldError("reason", "errors.wrongType"));
				}
			}
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
			if (!value.isString()) {
				errors.add(new FieldError(field, "errors.badValue"));
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
