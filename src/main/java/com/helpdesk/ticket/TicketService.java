package com.helpdesk.ticket;

import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaInput;
import com.helpdesk.sla.SlaService;
import com.helpdesk.sla.SlaTicket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.GroupSummary;
import com.helpdesk.directory.Person;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.shared.TextRules;
import com.helpdesk.ticket.TicketEvents.PendingReminderDue;
import com.helpdesk.ticket.TicketEvents.PublicReplyAdded;
import com.helpdesk.ticket.TicketEvents.StatusChanged;
import com.helpdesk.ticket.TicketEvents.TicketCreated;
import com.helpdesk.ticket.TicketEvents.TicketRouted;
import com.helpdesk.ticket.internal.AttachmentRules;
import com.helpdesk.ticket.internal.AttachmentStore;
import com.helpdesk.ticket.internal.Comment;
import com.helpdesk.ticket.internal.CommentRepository;
import com.helpdesk.ticket.internal.IdempotencyKeys;
import com.helpdesk.ticket.internal.Ticket;
import com.helpdesk.ticket.internal.TicketEvent;
import com.helpdesk.ticket.internal.TicketEventRepository;
import com.helpdesk.ticket.internal.TicketRepository;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that changes a ticket. Each method is one transaction: the change, its
 * timeline entries and the events other modules react to are saved together or not at
 * all. Who may do what is checked here, not in the pages.
 */
@Service
@Transactional
public class TicketService {

	public static final int SUBJECT_MAX = 200;

	public static final int TEXT_MAX = 20_000;

	private static final int TAGS_MAX = 20;

	private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.:/-]{0,49}");

	private final TicketRepository tickets;

	private final CommentRepository comments;

	private final TicketEventRepository events;

	private final AttachmentStore files;

	private final AttachmentRules attachmentRules;

	private final Directory directory;

	private final DirectoryAdmin directoryAdmin;

	private final ApplicationEventPublisher publisher;

	private final MessageSource messages;

	private final Clock clock;

	private final Duration reminderAfter;

	private final Duration autoSolveAfter;

	private final SlaService sla;

	private final IdempotencyKeys idempotencyKeys;

	private final Duration idempotencyKeysKeptFor;

	TicketService(TicketRepository tickets, CommentRepository comments, TicketEventRepository events,
			AttachmentStore files, AttachmentRules attachmentRules, Directory directory, DirectoryAdmin directoryAdmin,
			ApplicationEventPublisher publisher, MessageSource messages, Clock clock, SlaService sla,
			IdempotencyKeys idempotencyKeys, @Value("${helpdesk.pending.reminder-after}") Duration reminderAfter,
			@Value("${helpdesk.pending.auto-solve-after}") Duration autoSolveAfter,
			@Value("${helpdesk.api.idempotency-keys-kept-for}") Duration idempotencyKeysKeptFor) {
		this.tickets = tickets;
		this.comments = comments;
		this.events = events;
		this.files = files;
		this.attachmentRules = attachmentRules;
		this.directory = directory;
		this.directoryAdmin = directoryAdmin;
		this.publisher = publisher;
		this.messages = messages;
		this.clock = clock;
		this.reminderAfter = reminderAfter;
		this.autoSolveAfter = autoSolveAfter;
		this.sla = sla;
		this.idempotencyKeys = idempotencyKeys;
		this.idempotencyKeysKeptFor = idempotencyKeysKeptFor;
	}

	/**
	 * Raises a request: a requester for their own client, staff on behalf of a requester.
	 * It lands in the default intake group (Tier 1) as NEW.
	 */
	public long create(Person actor, NewTicket request, List<NewAttachment> attachments) {
		return create(actor, request, attachments, null);
	}

	/**
	 * Raises a request as {@link #create(Person, NewTicket, List)}; staff may name
	 * someone new ({@code newRequester}, with the request's requester email as theirs),
	 * who is added as a requester of their client together with the ticket, or not at
	 * all.
	 */
	public long create(Person actor, NewTicket request, List<NewAttachment> attachments, NewRequester newRequester) {
		Instant now = this.clock.instant();
		List<NewAttachment> chosen = AttachmentRules.chosen(attachments);
		List<FieldError> errors = new ArrayList<>();
		Person requester = actor;
		if (actor.isStaff() && newRequester != null) {
			requester = null;
			for (FieldError problem : this.directoryAdmin.requesterProblems(newRequester.name(),
					request.requesterEmail(), newRequester.clientId(), actor.zone().getId())) {
				errors.add(new FieldError(switch (problem.field()) {
					case "name" -> "requesterName";
					case "clientId" -> "requesterClient";
					default -> "requester";
				}, problem.messageKey()));
			}
		}
		else if (actor.isStaff()) {
			requester = null;
			if (request.requesterEmail() == null || request.requesterEmail().isBlank()) {
				errors.add(new FieldError("requester", "request.requester.required"));
			}
			else {
				requester = this.directory.findPersonByEmail(request.requesterEmail())
					.filter(Person::isRequester)
					.orElse(null);
				if (requester == null) {
					errors.add(new FieldError("requester", "request.requester.unknown"));
				}
			}
		}
		if (request.type() == null) {
			errors.add(new FieldError("type", "request.type.required"));
		}
		line(errors, "subject", request.subject(), true, SUBJECT_MAX);
		text(errors, "description", request.description(), true, TEXT_MAX);
		RequestDetails details = RequestDetails.none();
		if (request.type() != null) {
			RequestDetails given = (request.details() != null) ? request.details() : RequestDetails.none();
			LocalDate today = LocalDate.ofInstant(now, (requester != null) ? requester.zone() : actor.zone());
			errors.addAll(given.problems(request.type(), today, now));
			details = given.forType(request.type());
		}
		text(errors, "alreadyTried", request.alreadyTried(),
				request.type() != null && request.type().requiresAlreadyTried(), TEXT_MAX);
		errors.addAll(this.attachmentRules.problems(chosen));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (requester == null) {
			requester = this.directory.person(this.directoryAdmin.addRequester(newRequester.name(),
					request.requesterEmail(), newRequester.clientId(), actor.zone().getId(), actor.id()));
		}
		Long groupId = this.directory.defaultIntakeGroup().map(GroupSummary::id).orElse(null);
		Priority priority = (request.priority() != null) ? request.priority() : Priority.NORMAL;
		Ticket ticket = this.tickets.saveAndFlush(new Ticket(request.type(), request.subject().trim(),
				request.description().trim(), blankToNull(request.alreadyTried()), priority, details,
				requester.clientId(), requester.id(), groupId, now));
		record(ticket, now, actor.id(), TimelineKind.CREATED, null, TicketStatus.NEW.name(), null, null);
		tellSla(ticket, new SlaInput(now, SlaInput.Kind.CREATED, priority));
		this.files.store(ticket.getId(), null, actor.id(), chosen, now);
		this.publisher.publishEvent(new TicketCreated(ticket.getId(), groupId, requester.id(), requester.clientId(),
				request.type(), priority, now));
		return ticket.getId();
	}

	/**
	 * Raises a request at most once per Idempotency-Key of the caller: sent again with
	 * the same key and body within the time keys are kept (24 hours), it answers the
	 * ticket the first one raised; with another body, a conflict. Of two sent at once,
	 * one raises the ticket and the other waits for it. A request refused as invalid
	 * leaves the key free.
	 */
	public RaisedTicket create(Person actor, NewTicket request, IdempotentRequest idempotency) {
		Instant now = this.clock.instant();
		IdempotencyKeys.Claim claim = this.idempotencyKeys.claim(actor.id(), idempotency.key(),
				idempotency.fingerprint(), now, now.minus(this.idempotencyKeysKeptFor));
		if (!claim.claimed()) {
			if (!claim.earlierFingerprint().equals(idempotency.fingerprint()) || claim.earlierTicketId() == null) {
				throw new ConflictException("api.idempotency.reused");
			}
			return new RaisedTicket(claim.earlierTicketId(), true);
		}
		long id = create(actor, request, List.of());
		this.idempotencyKeys.attach(claim.claimId(), id);
		return new RaisedTicket(id, false);
	}

	/**
	 * Brings a ticket from another helpdesk with its history (ADMIN). Comments, changes
	 * and clocks are as if each event had happened here at its time; nobody is notified.
	 */
	public long importTicket(Person actor, ImportedTicket imported) {
		if (actor.role() != com.helpdesk.directory.Role.ADMIN) {
			throw new AccessDeniedException("administrators only");
		}
		Instant now = this.clock.instant();
		List<FieldError> errors = new ArrayList<>();
		if (imported.type() == null) {
			errors.add(new FieldError("type", "request.type.required"));
		}
		line(errors, "subject", imported.subject(), true, SUBJECT_MAX);
		text(errors, "description", imported.description(), true, TEXT_MAX);
		text(errors, "alreadyTried", imported.alreadyTried(), false, TEXT_MAX);
		if (imported.type() != null && imported.details() != null) {
			errors.addAll(imported.details().unfit(imported.type()));
		}
		Person requester = (imported.requesterEmail() != null)
				? this.directory.findPersonByEmail(imported.requesterEmail()).filter(Person::isRequester).orElse(null)
				: null;
		if (requester == null) {
			errors.add(new FieldError("requester", "request.requester.unknown"));
		}
		Person assignee = null;
		if (imported.assigneeEmail() != null) {
			assignee = this.directory.findPersonByEmail(imported.assigneeEmail()).filter(Person::isStaff).orElse(null);
			if (assignee == null) {
				errors.add(new FieldError("assignee", "ticket.assignee.unknown"));
			}
		}
		if (imported.groupId() != null) {
			try {
				this.directory.group(imported.groupId());
			}
			catch (NotFoundException ex) {
				errors.add(new FieldError("group", "ticket.group.unknown"));
			}
		}
		if (imported.createdAt() == null || imported.createdAt().isAfter(now)) {
			errors.add(new FieldError("createdAt", "import.createdAt.invalid"));
		}
		List<ImportedTicket.Event> events = (imported.events() != null) ? imported.events() : List.of();
		List<Person> authors = new ArrayList<>();
		Instant previous = imported.createdAt();
		// the history must follow the status rules as if it had happened here
		TicketStatus simulated = TicketStatus.NEW;
		boolean answered = false;
		for (int i = 0; i < events.size(); i++) {
			ImportedTicket.Event event = events.get(i);
			String field = "events[" + i + "]";
			if (event == null || event.at() == null || event.kind() == null
					|| (previous != null && event.at().isBefore(previous)) || event.at().isAfter(now)) {
				errors.add(new FieldError(field, "import.event.order"));
				authors.add(null);
				continue;
			}
			previous = event.at();
			Person author = null;
			switch (event.kind()) {
				case PUBLIC_REPLY, INTERNAL_NOTE -> {
					author = (event.authorEmail() != null)
							? this.directory.findPersonByEmail(event.authorEmail()).filter(Person::isStaff).orElse(null)
							: null;
					if (author == null) {
						errors.add(new FieldError(field, "import.event.staffAuthor"));
					}
					if (event.body() == null || event.body().isBlank()
							|| !TextRules.isText(event.body().strip(), TEXT_MAX)) {
						errors.add(new FieldError(field, "import.event.body"));
					}
					if (event.kind() == ImportedTicket.Kind.PUBLIC_REPLY) {
						answered = true;
						simulated = TicketLifecycle.afterStaffReply(simulated, null);
					}
				}
				case REQUESTER_REPLY -> {
					simulated = TicketLifecycle.afterRequesterReply(simulated);
					author = (event.authorEmail() != null)
							? this.directory.findPersonByEmail(event.authorEmail()).orElse(null) : requester;
					if (author == null || (author.isRequester() && requester != null
							&& !Objects.equals(author.clientId(), requester.clientId()))) {
						errors.add(new FieldError(field, "import.event.requesterAuthor"));
					}
					if (event.body() == null || event.body().isBlank()
							|| !TextRules.isText(event.body().strip(), TEXT_MAX)) {
						errors.add(new FieldError(field, "import.event.body"));
					}
				}
				case STATUS_CHANGE -> {
					if (event.status() == null) {
						errors.add(new FieldError(field, "import.event.status"));
					}
					else if (event.status() != simulated) {
						if (event.status() == TicketStatus.NEW
								|| (event.status() == TicketStatus.PENDING && !answered)) {
							errors.add(new FieldError(field, "import.event.transition"));
						}
						simulated = event.status();
					}
				}
				case PRIORITY_CHANGE -> {
					if (event.priority() == null) {
						errors.add(new FieldError(field, "import.event.priority"));
					}
				}
			}
			authors.add(author);
		}
		List<String> tags = tags((imported.tags() != null) ? imported.tags() : List.of(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}

		Instant created = imported.createdAt();
		Priority priority = (imported.priority() != null) ? imported.priority() : Priority.NORMAL;
		Long groupId = (imported.groupId() != null) ? imported.groupId()
				: this.directory.defaultIntakeGroup().map(GroupSummary::id).orElse(null);
		RequestDetails details = (imported.details() != null) ? imported.details().forType(imported.type())
				: RequestDetails.none();
		Ticket ticket = Ticket.imported(imported.type(), imported.subject().trim(), imported.description().trim(),
				blankToNull(imported.alreadyTried()), priority, details, requester.clientId(), requester.id(), groupId,
				tags, created);
		ticket.changeAssignee((assignee != null) ? assignee.id() : null);
		List<SlaInput> inputs = new ArrayList<>();
		inputs.add(new SlaInput(created, SlaInput.Kind.CREATED, priority));
		for (ImportedTicket.Event event : events) {
			switch (event.kind()) {
				case PUBLIC_REPLY -> {
					inputs.add(SlaInput.of(event.at(), SlaInput.Kind.STAFF_REPLY));
					TicketStatus before = ticket.moveTo(TicketLifecycle.afterStaffReply(ticket.getStatus(), null),
							event.at());
					ticket.staffRepliedPublicly(event.at());
					addIfChanged(inputs, statusInput(before, ticket.getStatus(), event.at()));
				}
				case REQUESTER_REPLY -> {
					inputs.add(SlaInput.of(event.at(), SlaInput.Kind.REQUESTER_REPLY));
					TicketStatus before = ticket.moveTo(TicketLifecycle.afterRequesterReply(ticket.getStatus()),
							event.at());
					addIfChanged(inputs, statusInput(before, ticket.getStatus(), event.at()));
				}
				case INTERNAL_NOTE -> ticket.touch(event.at());
				case STATUS_CHANGE -> {
					TicketStatus before = ticket.moveTo(event.status(), event.at());
					addIfChanged(inputs, statusInput(before, event.status(), event.at()));
				}
				case PRIORITY_CHANGE -> {
					ticket.changePriority(event.priority());
					ticket.touch(event.at());
					inputs.add(new SlaInput(event.at(), SlaInput.Kind.PRIORITY_CHANGED, event.priority()));
				}
			}
		}
		ticket = this.tickets.saveAndFlush(ticket);
		long id = ticket.getId();
		this.events.save(new TicketEvent(id, created, requester.id(), TimelineKind.CREATED, null,
				TicketStatus.NEW.name(), null, "imported", 0));
		TicketStatus status = TicketStatus.NEW;
		Priority current = priority;
		for (int i = 0; i < events.size(); i++) {
			ImportedTicket.Event event = events.get(i);
			Person author = authors.get(i);
			switch (event.kind()) {
				case PUBLIC_REPLY, REQUESTER_REPLY, INTERNAL_NOTE -> {
					Comment comment = this.comments.save(new Comment(id, author.id(), event.body().strip(),
							event.kind() != ImportedTicket.Kind.INTERNAL_NOTE, event.at()));
					TimelineKind kind = switch (event.kind()) {
						case PUBLIC_REPLY -> TimelineKind.PUBLIC_REPLY;
						case REQUESTER_REPLY -> TimelineKind.REQUESTER_REPLY;
						default -> TimelineKind.INTERNAL_NOTE;
					};
					this.events
						.save(new TicketEvent(id, event.at(), author.id(), kind, null, null, comment.getId(), null, 0));
				}
				case STATUS_CHANGE -> {
					if (event.status() != status) {
						this.events.save(new TicketEvent(id, event.at(), null, TimelineKind.STATUS_CHANGED,
								status.name(), event.status().name(), null, "imported", 0));
						status = event.status();
					}
				}
				case PRIORITY_CHANGE -> {
					if (event.priority() != current) {
						this.events.save(new TicketEvent(id, event.at(), null, TimelineKind.PRIORITY_CHANGED,
								current.name(), event.priority().name(), null, "imported", 0));
						current = event.priority();
					}
				}
			}
		}
		this.sla.recordImported(new SlaTicket(id, ticket.getClientId(), ticket.getPriority(), ticket.getType().name(),
				ticket.getGroupId(), ticket.getAssigneeId(), ticket.getStatus() == TicketStatus.SOLVED, created),
				inputs);
		return id;
	}

	/**
	 * A public reply. From staff it sets the status they chose ({@code submitAs}) and,
	 * when they give the version they read, fails if the ticket changed since; from the
	 * requester's side it reopens a PENDING or SOLVED ticket. Answers the reply's id.
	 */
	public long reply(Person actor, long ticketId, Long readVersion, String body, TicketStatus submitAs,
			List<NewAttachment> attachments) {
		if (actor.isStaff()) {
			return update(actor, ticketId, readVersion, new TicketUpdate(null,
					new TicketUpdate.Message((body != null) ? body : "", false, attachments), submitAs), true)
				.commentId();
		}
		Instant now = this.clock.instant();
		List<NewAttachment> chosen = AttachmentRules.chosen(attachments);
		checkComment(body, chosen);
		Ticket ticket = load(actor, ticketId);
		TicketStatus next = TicketLifecycle.afterRequesterReply(ticket.getStatus());
		Comment comment = this.comments.save(new Comment(ticketId, actor.id(), body.strip(), true, now));
		TicketStatus before = ticket.moveTo(next, now);
		flush(ticket, null);
		record(ticket, now, actor.id(), TimelineKind.REQUESTER_REPLY, null, null, comment.getId(), null);
		recordStatus(ticket, now, actor.id(), before, next, null);
		tellSla(ticket, SlaInput.of(now, SlaInput.Kind.REQUESTER_REPLY), statusInput(before, next, now));
		this.files.store(ticketId, comment.getId(), actor.id(), chosen, now);
		this.publisher
			.publishEvent(new PublicReplyAdded(ticketId, comment.getId(), actor.id(), false, next, comment.getBody()));
		return comment.getId();
	}

	/**
	 * An internal note: staff only, never shown or sent to the requester. Answers the
	 * note's id.
	 */
	public long addNote(Person actor, long ticketId, String body, List<NewAttachment> attachments) {
		return update(actor, ticketId, null,
				new TicketUpdate(null, new TicketUpdate.Message((body != null) ? body : "", true, attachments), null),
				true)
			.commentId();
	}

	/**
	 * The requester says the request is solved.
	 */
	public void solveByRequester(Person actor, long ticketId) {
		if (!actor.isRequester()) {
			throw new AccessDeniedException("requesters only");
		}
		Instant now = this.clock.instant();
		Ticket ticket = load(actor, ticketId);
		TicketStatus next = TicketLifecycle.afterRequesterSolves(ticket.getStatus());
		TicketStatus before = ticket.moveTo(next, now);
		flush(ticket, null);
		recordStatus(ticket, now, actor.id(), before, next, "requester");
		tellSla(ticket, statusInput(before, next, now));
		this.publisher.publishEvent(new StatusChanged(ticketId, before, next, actor.id(), false));
	}

	/**
	 * Staff triage: type, priority, tags, group, assignee and status, all checked against
	 * the version they read. Moving a ticket from one group to another (escalating) needs
	 * a reason.
	 */
	public void triage(Person actor, long ticketId, long readVersion, TriageChange change) {
		update(actor, ticketId, readVersion, new TicketUpdate(change, null, null), false);
	}

	/**
	 * Everything an agent changed on the ticket page in one submit: properties (type,
	 * priority, tags, group with its reason, assignee, status) and a public reply or
	 * internal note, checked against the version they read ({@code null} for no check)
	 * and saved as one change, or not at all. Every problem with the input is reported at
	 * once; a status the lifecycle forbids is refused as a conflict.
	 */
	public TicketUpdate.Outcome update(Person actor, long ticketId, Long readVersion, TicketUpdate update) {
		return update(actor, ticketId, readVersion, update, false);
	}

	private TicketUpdate.Outcome update(Person actor, long ticketId, Long readVersion, TicketUpdate update,
			boolean messageRequired) {
		requireStaff(actor);
		Instant now = this.clock.instant();
		TicketUpdate.Message message = (update.message() != null) ? update.message()
				: new TicketUpdate.Message("", false, List.of());
		boolean sending = update.sendAs() != null || messageRequired;
		boolean writes = sending || !message.isEmpty();
		List<NewAttachment> chosen = writes ? AttachmentRules.chosen(message.attachments()) : List.of();
		List<FieldError> errors = new ArrayList<>();
		if (writes) {
			text(errors, "body", message.body(), true, TEXT_MAX);
			errors.addAll(this.attachmentRules.problems(chosen));
		}
		Ticket ticket = load(actor, ticketId);
		if (readVersion != null) {
			checkVersion(ticket, readVersion);
		}
		TriageChange change = (update.properties() != null) ? update.properties() : TriageChange.NONE;
		List<Change> changes = propertyChanges(ticket, change, errors);
		TicketStatus before = ticket.getStatus();
		TicketStatus asked = (change.status() != null && change.status() != before) ? change.status() : null;
		if (update.sendAs() != null && asked != null && asked != update.sendAs()) {
			errors.add(new FieldError("status", "ticket.update.statusTwice"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		TicketStatus chosenStatus = (update.sendAs() != null) ? update.sendAs() : asked;
		boolean publicReply = writes && !message.internal();
		TicketStatus next = publicReply ? TicketLifecycle.afterStaffReply(before, chosenStatus)
				: TicketLifecycle.afterStaffChange(before, chosenStatus, ticket.staffHaveReplied());
		if (!writes && changes.isEmpty() && next == before) {
			return new TicketUpdate.Outcome(false, false, false, before, before, null);
		}

		for (Change made : changes) {
			made.apply().run();
		}
		Comment comment = null;
		if (writes) {
			comment = this.comments.save(new Comment(ticketId, actor.id(), message.body().strip(), publicReply, now));
		}
		if (next != before) {
			ticket.moveTo(next, now);
		}
		if (publicReply) {
			ticket.staffRepliedPublicly(now);
		}
		ticket.touch(now);
		flush(ticket, readVersion);
		if (comment != null) {
			record(ticket, now, actor.id(), publicReply ? TimelineKind.PUBLIC_REPLY : TimelineKind.INTERNAL_NOTE, null,
					null, comment.getId(), null);
		}
		for (Change made : changes) {
			record(ticket, now, actor.id(), made.kind(), made.from(), made.to(), null, made.detail());
		}
		recordStatus(ticket, now, actor.id(), before, next, null);
		tellSla(ticket, publicReply ? SlaInput.of(now, SlaInput.Kind.STAFF_REPLY) : null,
				changes.stream().anyMatch((c) -> c.kind() == TimelineKind.PRIORITY_CHANGED)
						? new SlaInput(now, SlaInput.Kind.PRIORITY_CHANGED, ticket.getPriority()) : null,
				statusInput(before, next, now));
		if (comment != null) {
			this.files.store(ticketId, comment.getId(), actor.id(), chosen, now);
		}
		if (publicReply) {
			this.publisher.publishEvent(
					new PublicReplyAdded(ticketId, comment.getId(), actor.id(), true, next, comment.getBody()));
		}
		else if (next != before) {
			this.publisher.publishEvent(new StatusChanged(ticketId, before, next, actor.id(), false));
		}
		return new TicketUpdate.Outcome(comment != null, comment != null && !publicReply, !changes.isEmpty(), before,
				next, (comment != null) ? comment.getId() : null);
	}

	/**
	 * The property changes asked for that really change something, checked (problems go
	 * to {@code errors}) and not yet applied. Moving a ticket from one group to another
	 * (escalating) needs a reason.
	 */
	private List<Change> propertyChanges(Ticket ticket, TriageChange change, List<FieldError> errors) {
		List<String> tags = (change.tags() != null) ? tags(change.tags(), errors) : null;
		GroupSummary newGroup = null;
		boolean groupChanges = false;
		if (change.ungroup()) {
			groupChanges = ticket.getGroupId() != null;
		}
		else if (change.groupId() != null && !change.groupId().equals(ticket.getGroupId())) {
			try {
				newGroup = this.directory.group(change.groupId());
				groupChanges = true;
			}
			catch (NotFoundException ex) {
				errors.add(new FieldError("group", "ticket.group.unknown"));
			}
		}
		String reason = blankToNull(change.reason());
		if (groupChanges && ticket.getGroupId() != null && reason == null) {
			errors.add(new FieldError("reason", "ticket.escalation.reasonRequired"));
		}
		TextRules.text(errors, "reason", reason, 2000, "ticket.reason.tooLong");
		Person newAssignee = null;
		boolean assigneeChanges = false;
		if (change.unassign()) {
			assigneeChanges = ticket.getAssigneeId() != null;
		}
		else if (change.assigneeId() != null && !change.assigneeId().equals(ticket.getAssigneeId())) {
			newAssignee = this.directory.findPerson(change.assigneeId()).filter(Person::isStaff).orElse(null);
			if (newAssignee == null) {
				errors.add(new FieldError("assignee", "ticket.assignee.unknown"));
			}
			assigneeChanges = true;
		}
		List<Change> changes = new ArrayList<>();
		if (change.type() != null && change.type() != ticket.getType()) {
			RequestType type = change.type();
			changes.add(new Change(TimelineKind.TYPE_CHANGED, ticket.getType().name(), type.name(), null,
					() -> ticket.changeType(type)));
		}
		if (change.priority() != null && change.priority() != ticket.getPriority()) {
			Priority priority = change.priority();
			changes.add(new Change(TimelineKind.PRIORITY_CHANGED, ticket.getPriority().name(), priority.name(), null,
					() -> ticket.changePriority(priority)));
		}
		if (tags != null && !tags.equals(ticket.getTags())) {
			List<String> chosen = tags;
			changes.add(new Change(TimelineKind.TAGS_CHANGED, String.join(", ", ticket.getTags()),
					String.join(", ", tags), null, () -> ticket.changeTags(chosen)));
		}
		if (groupChanges) {
			Long groupId = (newGroup != null) ? newGroup.id() : null;
			changes.add(new Change(TimelineKind.GROUP_CHANGED, groupName(ticket.getGroupId()),
					(newGroup != null) ? newGroup.name() : null, reason, () -> ticket.changeGroup(groupId)));
		}
		if (assigneeChanges && (change.unassign() || newAssignee != null)) {
			Long assigneeId = (newAssignee != null) ? newAssignee.id() : null;
			changes.add(new Change(TimelineKind.ASSIGNEE_CHANGED, personName(ticket.getAssigneeId()),
					(newAssignee != null) ? newAssignee.name() : null, null, () -> ticket.changeAssignee(assigneeId)));
		}
		return changes;
	}

	/**
	 * The helpdesk gives a ticket to someone by a rule (on call out of hours, first-line
	 * round-robin), recorded in the timeline with the rule as its reason. A ticket
	 * already solved is left alone; answers whether it was given.
	 */
	public boolean route(long ticketId, long assigneeId, String reason) {
		return route(ticketId, assigneeId, reason, false);
	}

	/**
	 * As {@link #route}, but only a ticket nobody has yet.
	 */
	public boolean routeUnassigned(long ticketId, long assigneeId, String reason) {
		return route(ticketId, assigneeId, reason, true);
	}

	private boolean route(long ticketId, long assigneeId, String reason, boolean onlyUnassigned) {
		Instant now = this.clock.instant();
		Ticket ticket = this.tickets.findForUpdate(ticketId)
			.orElseThrow(() -> new NotFoundException("ticket", ticketId));
		if (!ticket.getStatus().isUnsolved() || Long.valueOf(assigneeId).equals(ticket.getAssigneeId())
				|| (onlyUnassigned && ticket.getAssigneeId() != null)) {
			return false;
		}
		Person assignee = this.directory.findPerson(assigneeId)
			.filter(Person::isStaff)
			.orElseThrow(() -> new NotFoundException("person", assigneeId));
		String from = personName(ticket.getAssigneeId());
		ticket.changeAssignee(assignee.id());
		ticket.touch(now);
		flush(ticket, null);
		record(ticket, now, null, TimelineKind.ASSIGNEE_CHANGED, from, assignee.name(), null, reason);
		this.publisher.publishEvent(new TicketRouted(ticketId, assigneeId, reason));
		return true;
	}

	/**
	 * Sends a ticket to another group and person for a reason outside triage (in-depth
	 * work to its delivery manager), recorded on the timeline; {@code actorId} is
	 * {@code null} when the helpdesk does it by a rule. A {@code null} group leaves the
	 * ticket's group as it is.
	 */
	public void sendTo(Long actorId, long ticketId, Long groupId, long assigneeId, String reason) {
		Instant now = this.clock.instant();
		Ticket ticket = this.tickets.findForUpdate(ticketId)
			.orElseThrow(() -> new NotFoundException("ticket", ticketId));
		Person assignee = this.directory.findPerson(assigneeId)
			.filter(Person::isStaff)
			.orElseThrow(() -> new NotFoundException("person", assigneeId));
		List<Change> changes = new ArrayList<>();
		if (groupId != null && !groupId.equals(ticket.getGroupId())) {
			changes.add(
					new Change(TimelineKind.GROUP_CHANGED, groupName(ticket.getGroupId()), groupName(groupId), reason));
			ticket.changeGroup(groupId);
		}
		if (!Long.valueOf(assigneeId).equals(ticket.getAssigneeId())) {
			changes.add(new Change(TimelineKind.ASSIGNEE_CHANGED, personName(ticket.getAssigneeId()), assignee.name(),
					reason));
			ticket.changeAssignee(assigneeId);
		}
		if (changes.isEmpty()) {
			return;
		}
		ticket.touch(now);
		flush(ticket, null);
		for (Change made : changes) {
			record(ticket, now, actorId, made.kind(), made.from(), made.to(), null, made.detail());
		}
		tellSla(ticket);
	}

	/**
	 * Reminds the requester of a PENDING ticket that has been quiet for a while, once.
	 * Answers whether it did; safe to call again or from two instances at once.
	 */
	public boolean remindIfDue(long ticketId) {
		Instant now = this.clock.instant();
		Ticket ticket = this.tickets.findForUpdate(ticketId).orElse(null);
		if (ticket == null || !TicketLifecycle.reminderDue(ticket.getStatus(), ticket.getPendingSince(),
				ticket.getPendingReminderAt(), this.reminderAfter, now)) {
			return false;
		}
		ticket.reminded(now);
		this.tickets.flush();
		record(ticket, now, null, TimelineKind.PENDING_REMINDER, null, null, null, null);
		this.publisher.publishEvent(new PendingReminderDue(ticketId));
		return true;
	}

	/**
	 * Solves a PENDING ticket that has been quiet for long enough, with a public note to
	 * the requester. Answers whether it did; safe to call again or from two instances at
	 * once.
	 */
	public boolean autoSolveIfDue(long ticketId) {
		Instant now = this.clock.instant();
		Ticket ticket = this.tickets.findForUpdate(ticketId).orElse(null);
		if (ticket == null || !TicketLifecycle.autoSolveDue(ticket.getStatus(), ticket.getPendingSince(),
				this.autoSolveAfter, now)) {
			return false;
		}
		String note = this.messages.getMessage("ticket.autoSolve.note", new Object[] { this.autoSolveAfter.toDays() },
				Locale.UK);
		Comment comment = this.comments.save(new Comment(ticketId, null, note, true, now));
		TicketStatus before = ticket.moveTo(TicketStatus.SOLVED, now);
		this.tickets.flush();
		record(ticket, now, null, TimelineKind.PUBLIC_REPLY, null, null, comment.getId(), null);
		recordStatus(ticket, now, null, before, TicketStatus.SOLVED, "automatic");
		tellSla(ticket, statusInput(before, TicketStatus.SOLVED, now));
		this.publisher.publishEvent(new StatusChanged(ticketId, before, TicketStatus.SOLVED, null, true));
		return true;
	}

	@Transactional(readOnly = true)
	public List<Long> pendingDueReminder() {
		return this.tickets.findPendingDueReminder(this.clock.instant().minus(this.reminderAfter));
	}

	@Transactional(readOnly = true)
	public List<Long> pendingDueAutoSolve() {
		return this.tickets.findPendingDueAutoSolve(this.clock.instant().minus(this.autoSolveAfter));
	}

	private Ticket load(Person actor, long ticketId) {
		Ticket ticket = this.tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("ticket", ticketId));
		if (actor.isRequester() && !Objects.equals(actor.clientId(), ticket.getClientId())) {
			throw new NotFoundException("ticket", ticketId);
		}
		return ticket;
	}

	private static void requireStaff(Person actor) {
		if (!actor.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
	}

	private static void checkVersion(Ticket ticket, Long readVersion) {
		if (readVersion == null || ticket.getVersion() != readVersion) {
			throw new StaleTicketException(ticket.getId(), (readVersion != null) ? readVersion : -1);
		}
	}

	/**
	 * Writes the ticket now, so that a concurrent change is found here (as a stale
	 * version) and the new version is known for the timeline.
	 */
	private void flush(Ticket ticket, Long readVersion) {
		try {
			this.tickets.saveAndFlush(ticket);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new StaleTicketException(ticket.getId(), (readVersion != null) ? readVersion : -1);
		}
	}

	private void checkComment(String body, List<NewAttachment> attachments) {
		List<FieldError> errors = new ArrayList<>();
		text(errors, "body", body, true, TEXT_MAX);
		errors.addAll(this.attachmentRules.problems(attachments));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private static void text(List<FieldError> errors, String field, String value, boolean required, int max) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new FieldError(field, "request." + field + ".required"));
			}
		}
		else {
			TextRules.text(errors, field, value.strip(), max, "request.tooLong." + max);
		}
	}

	private static void line(List<FieldError> errors, String field, String value, boolean required, int max) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new FieldError(field, "request." + field + ".required"));
			}
		}
		else {
			TextRules.line(errors, field, value.strip(), max, "request.tooLong." + max);
		}
	}

	private static List<String> tags(List<String> given, List<FieldError> errors) {
		Set<String> tags = new LinkedHashSet<>();
		for (String raw : given) {
			if (raw == null) {
				continue;
			}
			for (String part : raw.split(",")) {
				String tag = part.trim().toLowerCase(Locale.ROOT);
				if (tag.isEmpty()) {
					continue;
				}
				if (!TAG.matcher(tag).matches()) {
					errors.add(new FieldError("tags", "ticket.tags.invalid"));
					return List.of();
				}
				tags.add(tag);
			}
		}
		if (tags.size() > TAGS_MAX) {
			errors.add(new FieldError("tags", "ticket.tags.tooMany"));
		}
		return List.copyOf(tags);
	}

	private String groupName(Long groupId) {
		if (groupId == null) {
			return null;
		}
		try {
			return this.directory.group(groupId).name();
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	private String personName(Long personId) {
		return (personId != null) ? this.directory.findPerson(personId).map(Person::name).orElse(null) : null;
	}

	/**
	 * One property change, applied to the ticket once every part of an update is known to
	 * be allowed, and written to the timeline once the new version is known.
	 */
	private record Change(TimelineKind kind, String from, String to, String detail, Runnable apply) {

		Change(TimelineKind kind, String from, String to, String detail) {
			this(kind, from, to, detail, () -> {
			});
		}

	}

	private void recordStatus(Ticket ticket, Instant now, Long actorId, TicketStatus before, TicketStatus after,
			String detail) {
		if (before != after) {
			record(ticket, now, actorId, TimelineKind.STATUS_CHANGED, before.name(), after.name(), null, detail);
		}
	}

	private void record(Ticket ticket, Instant now, Long actorId, TimelineKind kind, String from, String to,
			Long commentId, String detail) {
		this.events.save(
				new TicketEvent(ticket.getId(), now, actorId, kind, from, to, commentId, detail, ticket.getVersion()));
	}

	private static void addIfChanged(List<SlaInput> inputs, SlaInput input) {
		if (input != null) {
			inputs.add(input);
		}
	}

	/**
	 * Tells the SLA clocks what happened (nulls are left out) and the ticket's facts now.
	 */
	private void tellSla(Ticket ticket, SlaInput... inputs) {
		List<SlaInput> happened = new ArrayList<>();
		for (SlaInput input : inputs) {
			if (input != null) {
				happened.add(input);
			}
		}
		this.sla.record(new SlaTicket(ticket.getId(), ticket.getClientId(), ticket.getPriority(),
				ticket.getType().name(), ticket.getGroupId(), ticket.getAssigneeId(),
				ticket.getStatus() == TicketStatus.SOLVED, ticket.getCreatedAt()), happened);
	}

	/**
	 * What a status change means to the clocks: waiting on us, on the requester, or
	 * solved.
	 */
	private static SlaInput statusInput(TicketStatus before, TicketStatus after, Instant at) {
		if (before == after) {
			return null;
		}
		return SlaInput.of(at, switch (after) {
			case NEW, OPEN -> SlaInput.Kind.WAITING_ON_US;
			case PENDING -> SlaInput.Kind.WAITING_ON_REQUESTER;
			case SOLVED -> SlaInput.Kind.SOLVED;
		});
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
