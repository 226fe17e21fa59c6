package com.helpdesk.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.review.internal.FollowUpEntity;
import com.helpdesk.review.internal.FollowUpRepository;
import com.helpdesk.review.internal.ReviewLists;
import com.helpdesk.shared.AuditLog;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.TextRules;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups: a ticket has at most one open follow-up, a next action by a team day,
 * perhaps with a named specialist ("for specialized tickets, like security and
 * compliance, the support team can assign tasks to other team members, but they will need
 * to follow up"). Naming a specialist gives them the ticket, as the helpdesk on the
 * follow-up's behalf. Two people editing the same follow-up never overwrite each other:
 * the second is told, with what they typed kept.
 */
@Service
@Transactional
public class FollowUps {

	public static final int NEXT_ACTION_MAX = 500;

	/**
	 * How far ahead a follow-up may be set: further than this is a plan, not a follow-up.
	 */
	static final int DAYS_AHEAD_MAX = 366;

	private final FollowUpRepository followUps;

	private final ReviewLists lists;

	private final TicketQueries tickets;

	private final TicketService ticketService;

	private final Directory directory;

	private final TeamCalendar team;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	FollowUps(FollowUpRepository followUps, ReviewLists lists, TicketQueries tickets, TicketService ticketService,
			Directory directory, TeamCalendar team, AuditLog audit, MessageSource messages, Clock clock) {
		this.followUps = followUps;
		this.lists = lists;
		this.tickets = tickets;
		this.ticketService = ticketService;
		this.directory = directory;
		this.team = team;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The ticket's open follow-up, if it has one.
	 * @throws com.helpdesk.shared.NotFoundException if there is no such ticket
	 */
	@Transactional(readOnly = true)
	public Optional<FollowUp> open(long ticketId) {
		this.tickets.summary(ticketId);
		return this.lists.latestFollowUp(ticketId).filter((f) -> !f.isDone());
	}

	/**
	 * The ticket's latest follow-up, open or done: what someone else did, for a person
	 * whose change came too late.
	 */
	@Transactional(readOnly = true)
	public Optional<FollowUp> latest(long ticketId) {
		return this.lists.latestFollowUp(ticketId);
	}

	/**
	 * The team's day today: follow-ups are due on team days.
	 */
	@Transactional(readOnly = true)
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.team.get().zone());
	}

	/**
	 * What is wrong with a follow-up, field by field, before anything is saved.
	 */
	@Transactional(readOnly = true)
	public List<FieldError> problems(FollowUpCommand command) {
		List<FieldError> errors = new ArrayList<>();
		String action = (command.nextAction() != null) ? command.nextAction().strip() : "";
		if (action.isEmpty()) {
			errors.add(new FieldError("nextAction", "review.followUp.nextAction.required"));
		}
		else {
			TextRules.line(errors, "nextAction", action, NEXT_ACTION_MAX, "review.followUp.nextAction.tooLong");
		}
		LocalDate today = today();
		if (command.dueOn() == null) {
			errors.add(new FieldError("due", "review.followUp.due.required"));
		}
		else if (command.dueOn().isBefore(today)) {
			errors.add(new FieldError("due", "review.followUp.due.past"));
		}
		else if (command.dueOn().isAfter(today.plusDays(DAYS_AHEAD_MAX))) {
			errors.add(new FieldError("due", "review.followUp.due.tooFar"));
		}
		if (command.specialistId() != null
				&& this.directory.findPerson(command.specialistId()).filter(Person::isStaff).isEmpty()) {
			errors.add(new FieldError("specialist", "review.followUp.specialist.unknown"));
		}
		return errors;
	}

	/**
	 * Sets the ticket's follow-up, or changes the open one. A newly named specialist is
	 * given the ticket (unless it is solved or already theirs).
	 * @return the follow-up's id
	 * @throws StaleFollowUpException when the follow-up is not the one the person read
	 */
	public long set(long ticketId, FollowUpCommand command, Person actor) {
		requireStaff(actor);
		this.tickets.summary(ticketId);
		List<FieldError> errors = problems(command);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String action = command.nextAction().strip();
		Instant now = this.clock.instant();
		Optional<FollowUpEntity> open = this.followUps.findByTicketIdAndDoneAtIsNull(ticketId);
		boolean readOne = command.version() != null;
		if (open.isPresent() != readOne || (readOne && open.get().getVersion() != command.version())) {
			throw new StaleFollowUpException(ticketId);
		}
		String before = open.map(this::describe).orElse(null);
		Long previousSpecialist = open.map(FollowUpEntity::getSpecialistId).orElse(null);
		FollowUpEntity followUp = open.orElseGet(
				() -> new FollowUpEntity(ticketId, action, command.dueOn(), command.specialistId(), actor.id(), now));
		followUp.change(action, command.dueOn(), command.specialistId(), actor.id(), now);
		followUp = save(ticketId, followUp);
		this.audit.record(actor.id(), "FOLLOW_UP", followUp.getId(), open.isPresent() ? "CHANGED" : "SET",
				(before != null) ? before + " -> " + describe(followUp) : describe(followUp));
		if (command.specialistId() != null && !command.specialistId().equals(previousSpecialist)) {
			this.ticketService.route(ticketId, command.specialistId(), this.messages
				.getMessage("review.followUp.routeReason", new Object[] { action, command.dueOn() }, Locale.UK));
		}
		return followUp.getId();
	}

	/**
	 * Marks the ticket's open follow-up done.
	 * @param version the version of the follow-up the person read
	 * @throws StaleFollowUpException when it changed or was closed since
	 */
	public void done(long ticketId, long version, Person actor) {
		requireStaff(actor);
		this.tickets.summary(ticketId);
		FollowUpEntity followUp = this.followUps.findByTicketIdAndDoneAtIsNull(ticketId)
			.filter((f) -> f.getVersion() == version)
			.orElseThrow(() -> new StaleFollowUpException(ticketId));
		followUp.done(actor.id(), this.clock.instant());
		save(ticketId, followUp);
		this.audit.record(actor.id(), "FOLLOW_UP", followUp.getId(), "DONE", describe(followUp));
	}

	/**
	 * Writes it now, so that a change someone else saved first (or a second open
	 * follow-up) is found here, as a conflict.
	 */
	private FollowUpEntity save(long ticketId, FollowUpEntity followUp) {
		try {
			return this.followUps.saveAndFlush(followUp);
		}
		catch (OptimisticLockingFailureException | DataIntegrityViolationException ex) {
			throw new StaleFollowUpException(ticketId);
		}
	}

	private String describe(FollowUpEntity followUp) {
		String specialist = (followUp.getSpecialistId() != null) ? this.directory.findPerson(followUp.getSpecialistId())
			.map(Person::name)
			.orElse("#" + followUp.getSpecialistId()) : "none";
		return "\"" + followUp.getNextAction() + "\" by " + followUp.getDueOn() + ", specialist " + specialist;
	}

	private static void requireStaff(Person actor) {
		if (!actor.isStaff()) {
			throw new AccessDeniedException("Staff follow tickets up");
		}
	}

}
