package com.helpdesk.ticket.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaClock;
import com.helpdesk.sla.SlaLine;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaState;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketPage;
import com.helpdesk.ticket.TicketRow;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TimelineEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The JSON bodies of the tickets API (CONTRACT.md): records, never entities. What is
 * required and what may be null is marked for the OpenAPI description, so a generated
 * client gets it right.
 */
final class TicketApiModels {

	static final String STAFF_ONLY = "Staff only: absent in a requester's view, as on their request page. ";

	private TicketApiModels() {
	}

	/**
	 * A new ticket; the type's own fields sit at the top level.
	 */
	@Schema(description = "A new ticket. The type's own fields sit at the top level: BUG `stepsToReproduce`, "
			+ "`expectedOutcome`, `actualOutcome`; DEPLOYMENT `application`, `environment`, `serverSpec`, "
			+ "`wantedBy`; DEVELOPMENT_SUPPORT `desiredOutcome`; INCIDENT `impact`, `startedAt`, `service`; "
			+ "ACCESS `system`, `accessLevel`, `reason`. Fields of other types are ignored.")
	record CreateTicket(@Schema(requiredMode = RequiredMode.REQUIRED) RequestType type,
			@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 200) String subject,
			@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 20000) String description,
			@Schema(description = "What was already tried; required for every type but INCIDENT",
					maxLength = 20000) String alreadyTried,
			@Schema(description = "NORMAL when not given") Priority priority,
			@Schema(description = "The requester's email: required from staff, ignored from requesters "
					+ "(they raise their own)") String requester,
			String stepsToReproduce, String expectedOutcome, String actualOutcome, String application,
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
	record CreateComment(@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 20000) String body, @Schema(
			description = "false for an internal note (staff only); true when not given") @JsonProperty("public") Boolean isPublic,
			@Schema(description = "Staff replying: the status to submit the reply as; when not given a NEW ticket becomes OPEN "
					+ "and any other keeps its status") TicketStatus status,
			@Schema(description = "Staff replying: the version you read; a stale one answers 409") Long version) {
	}

	record Comment(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true,
					description = "The author's email; null when the helpdesk itself wrote it") String author,
			@Schema(requiredMode = RequiredMode.REQUIRED) String body,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "false for an internal note") @JsonProperty("public") boolean isPublic,
			@Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime createdAt) {

		static Comment of(TimelineEntry entry, String authorEmail) {
			return new Comment(entry.commentId(), authorEmail, entry.body(), !entry.isInternal(), time(entry.at()));
		}

	}

	/**
	 * One clock: {@code target} is the clock time it allows, as an ISO-8601 duration
	 * (business time for business-hours clocks).
	 */
	@Schema(description = "One SLA clock of the ticket.")
	record Sla(@Schema(requiredMode = RequiredMode.REQUIRED) SlaMetric metric,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "1 for the first run of this metric, counting up (NEXT_REPLY runs again "
							+ "after each requester reply)") int cycle,
			@Schema(requiredMode = RequiredMode.REQUIRED) SlaState state,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "PT4H",
					description = "The time the target allows, as an ISO-8601 duration of `clock` time") String target,
			@Schema(requiredMode = RequiredMode.REQUIRED) SlaClock clock,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true) OffsetDateTime dueAt,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true) OffsetDateTime fulfilledAt,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true) OffsetDateTime breachedAt) {

		static Sla of(SlaLine line) {
			return new Sla(line.metric(), line.cycle(), line.state(), line.targetTime().toString(),
					line.target().clock(), time(line.dueAt()), time(line.fulfilledAt()), time(line.breachedAt()));
		}

	}

	/**
	 * The team's handling of a ticket: written for staff, left out whole for requesters.
	 */
	record Triage(@Schema(nullable = true, description = STAFF_ONLY
			+ "The assignee's email; null when nobody holds it") @JsonInclude(JsonInclude.Include.ALWAYS) String assignee,
			@Schema(nullable = true,
					description = STAFF_ONLY
							+ "The group's id; null for none") @JsonInclude(JsonInclude.Include.ALWAYS) Long group,
			@Schema(description = STAFF_ONLY) List<String> tags,
			@Schema(description = STAFF_ONLY + "The SLA clocks") List<Sla> sla) {

		static Triage of(TicketView view, List<SlaLine> clocks) {
			return new Triage(view.assigneeEmail(), view.groupId(), view.tags(), clocks.stream().map(Sla::of).toList());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_ABSENT)
	@Schema(description = "A ticket. Staff see the team's triage data too (`assignee`, `group`, `tags`, `sla`); "
			+ "a requester's view leaves those fields out. Type fields absent for other types.")
	record Ticket(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED) String subject,
			@Schema(requiredMode = RequiredMode.REQUIRED) String description, String alreadyTried,
			@Schema(requiredMode = RequiredMode.REQUIRED) RequestType type,
			@Schema(requiredMode = RequiredMode.REQUIRED) TicketStatus status,
			@Schema(requiredMode = RequiredMode.REQUIRED) Priority priority,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "The client's id") long client,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "The requester's email") String requester,
			@JsonUnwrapped Triage triage, @Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime createdAt,
			@Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime updatedAt,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "Send it back when changing the ticket") long version,
			String stepsToReproduce, String expectedOutcome, String actualOutcome, String application,
			String environment, ServerSpec serverSpec, LocalDate wantedBy, String desiredOutcome, String impact,
			OffsetDateTime startedAt, String service, String system, String accessLevel, String reason) {

		/**
		 * The ticket as the viewer may see it: staff with the team's triage data.
		 */
		static Ticket of(TicketView view, boolean staff, List<SlaLine> clocks) {
			RequestDetails d = view.details();
			return new Ticket(view.id(), view.subject(), view.description(), view.alreadyTried(), view.type(),
					view.status(), view.priority(), view.clientId(), view.requesterEmail(),
					staff ? Triage.of(view, clocks) : null, time(view.createdAt()), time(view.updatedAt()),
					view.version(), d.stepsToReproduce(), d.expectedOutcome(), d.actualOutcome(), d.application(),
					d.environment(),
					(d.serverSpec() != null) ? new ServerSpec(d.serverSpec().cpu(), d.serverSpec().memory(),
							d.serverSpec().disk(), d.serverSpec().os()) : null,
					d.wantedBy(), d.desiredOutcome(), d.impact(), time(d.startedAt()), d.service(), d.system(),
					d.accessLevel(), d.reason());
		}

	}

	/**
	 * Who holds a ticket in a list: written for staff, left out whole for requesters.
	 */
	record Holder(@Schema(nullable = true, description = STAFF_ONLY
			+ "The assignee's email; null when nobody holds it") @JsonInclude(JsonInclude.Include.ALWAYS) String assignee,
			@Schema(nullable = true, description = STAFF_ONLY
					+ "The group's id; null for none") @JsonInclude(JsonInclude.Include.ALWAYS) Long group) {

	}

	@Schema(description = "A ticket in a list. Staff see `assignee` and `group` too; a requester's view leaves "
			+ "them out.")
	record TicketItem(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED) String subject,
			@Schema(requiredMode = RequiredMode.REQUIRED) RequestType type,
			@Schema(requiredMode = RequiredMode.REQUIRED) TicketStatus status,
			@Schema(requiredMode = RequiredMode.REQUIRED) Priority priority,
			@Schema(requiredMode = RequiredMode.REQUIRED) long client,
			@Schema(requiredMode = RequiredMode.REQUIRED) String requester, @JsonUnwrapped Holder holder,
			@Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime createdAt,
			@Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime updatedAt,
			@Schema(requiredMode = RequiredMode.REQUIRED) long version) {

		static TicketItem of(TicketRow row, boolean staff) {
			return new TicketItem(row.id(), row.subject(), row.type(), row.status(), row.priority(), row.clientId(),
					row.requesterEmail(), staff ? new Holder(row.assigneeEmail(), row.groupId()) : null,
					time(row.createdAt()), time(row.updatedAt()), row.version());
		}

	}

	record TicketList(@Schema(requiredMode = RequiredMode.REQUIRED) List<TicketItem> items,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true,
					description = "The cursor of the next page; null on the last") String next) {

		static TicketList of(TicketPage page, boolean staff) {
			return new TicketList(page.rows().stream().map((row) -> TicketItem.of(row, staff)).toList(),
					page.nextCursor());
		}

	}

	static OffsetDateTime time(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
