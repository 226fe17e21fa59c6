package com.helpdesk.ticket.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaLine;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketPage;
import com.helpdesk.ticket.TicketRow;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TimelineEntry;

/**
 * The JSON bodies of the tickets API (CONTRACT.md): records, never entities.
 */
final class TicketApiModels {

	private TicketApiModels() {
	}

	/**
	 * A new ticket; the type's own fields sit at the top level.
	 */
	record CreateTicket(RequestType type, String subject, String description, String alreadyTried, Priority priority,
			String requester, String stepsToReproduce, String expectedOutcome, String actualOutcome, String application,
			String environment, ServerSpec serverSpec, LocalDate wantedBy, String desiredOutcome, String impact,
			OffsetDateTime startedAt, String service, String system, String accessLevel, String reason) {

		RequestDetails details() {
			return new RequestDetails(this.stepsToReproduce, this.expectedOutcome, this.actualOutcome, this.application,
					this.environment,
					(this.serverSpec != null) ? new RequestDetails.ServerSpec(this.serverSpec.cpu(),
							this.serverSpec.memory(), this.serverSpec.disk(), this.serverSpec.os()) : null,
					this.wantedBy, this.desiredOutcome, this.impact,
					(this.startedAt != null) ? this.startedAt.toInstant() : null, this.service, this.system,
					this.accessLevel, this.reason);
		}

	}

	record ServerSpec(String cpu, String memory, String disk, String os) {
	}

	/**
	 * A reply ({@code public=true}) or an internal note. Staff may give the status to
	 * submit a reply as, and the version they read.
	 */
	record CreateComment(String body, @JsonProperty("public") Boolean isPublic, TicketStatus status, Long version) {
	}

	record Comment(long id, String author, String body, @JsonProperty("public") boolean isPublic,
			OffsetDateTime createdAt) {

		static Comment of(TimelineEntry entry, String authorEmail) {
			return new Comment(entry.commentId(), authorEmail, entry.body(), !entry.isInternal(), time(entry.at()));
		}

	}

	/**
	 * One clock: {@code target} is the clock time it allows, as an ISO-8601 duration
	 * (business time for business-hours clocks).
	 */
	record Sla(String metric, int cycle, String state, String target, String clock, OffsetDateTime dueAt,
			OffsetDateTime fulfilledAt, OffsetDateTime breachedAt) {

		static Sla of(SlaLine line) {
			return new Sla(line.metric().name(), line.cycle(), line.state().name(), line.targetTime().toString(),
					line.target().clock().name(), time(line.dueAt()), time(line.fulfilledAt()),
					time(line.breachedAt()));
		}

	}

	@JsonInclude(JsonInclude.Include.NON_ABSENT)
	record Ticket(long id, String subject, String description, String alreadyTried, RequestType type,
			TicketStatus status, Priority priority, long client, String requester,
			@JsonInclude(JsonInclude.Include.ALWAYS) String assignee,
			@JsonInclude(JsonInclude.Include.ALWAYS) Long group, List<String> tags, OffsetDateTime createdAt,
			OffsetDateTime updatedAt, long version, List<Sla> sla, String stepsToReproduce, String expectedOutcome,
			String actualOutcome, String application, String environment, ServerSpec serverSpec, LocalDate wantedBy,
			String desiredOutcome, String impact, OffsetDateTime startedAt, String service, String system,
			String accessLevel, String reason) {

		static Ticket of(TicketView view, List<SlaLine> clocks) {
			RequestDetails d = view.details();
			return new Ticket(view.id(), view.subject(), view.description(), view.alreadyTried(), view.type(),
					view.status(), view.priority(), view.clientId(), view.requesterEmail(), view.assigneeEmail(),
					view.groupId(), view.tags(), time(view.createdAt()), time(view.updatedAt()), view.version(),
					clocks.stream().map(Sla::of).toList(), d.stepsToReproduce(), d.expectedOutcome(), d.actualOutcome(),
					d.application(), d.environment(),
					(d.serverSpec() != null) ? new ServerSpec(d.serverSpec().cpu(), d.serverSpec().memory(),
							d.serverSpec().disk(), d.serverSpec().os()) : null,
					d.wantedBy(), d.desiredOutcome(), d.impact(), time(d.startedAt()), d.service(), d.system(),
					d.accessLevel(), d.reason());
		}

	}

	record TicketItem(long id, String subject, RequestType type, TicketStatus status, Priority priority, long client,
			String requester, String assignee, Long group, OffsetDateTime createdAt, OffsetDateTime updatedAt,
			long version) {

		static TicketItem of(TicketRow row) {
			return new TicketItem(row.id(), row.subject(), row.type(), row.status(), row.priority(), row.clientId(),
					row.requesterEmail(), row.assigneeEmail(), row.groupId(), time(row.createdAt()),
					time(row.updatedAt()), row.version());
		}

	}

	record TicketList(List<TicketItem> items, String next) {

		static TicketList of(TicketPage page) {
			return new TicketList(page.rows().stream().map(TicketItem::of).toList(), page.nextCursor());
		}

	}

	static OffsetDateTime time(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
