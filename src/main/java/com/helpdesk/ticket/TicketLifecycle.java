package com.helpdesk.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * The status rules of a ticket, in one place.
 * <ul>
 * <li>A ticket is NEW until staff first reply publicly, or acknowledge it by setting it
 * OPEN.</li>
 * <li>OPEN means waiting on us, PENDING waiting on the requester, SOLVED that we expect
 * no answer.</li>
 * <li>PENDING and SOLVED say we have answered, so staff must have replied publicly at
 * least once before either is set.</li>
 * <li>Nothing goes back to NEW.</li>
 * <li>A requester's reply puts a PENDING or SOLVED ticket back to OPEN; a NEW ticket
 * stays NEW, because we still have not answered.</li>
 * <li>A requester may say their request is solved at any time it is not.</li>
 * <li>PENDING with no activity gets a reminder, and later is solved automatically.</li>
 * </ul>
 */
public final class TicketLifecycle {

	private TicketLifecycle() {
	}

	/**
	 * The status after staff reply publicly and submit the ticket as {@code submitAs};
	 * with no choice, a NEW ticket becomes OPEN and any other keeps its status.
	 */
	public static TicketStatus afterStaffReply(TicketStatus current, TicketStatus submitAs) {
		if (submitAs == null) {
			return (current == TicketStatus.NEW) ? TicketStatus.OPEN : current;
		}
		if (submitAs == TicketStatus.NEW) {
			throw new TransitionNotAllowedException("ticket.transition.backToNew");
		}
		return submitAs;
	}

	/**
	 * The status after the requester (or a colleague at their client) replies.
	 */
	public static TicketStatus afterRequesterReply(TicketStatus current) {
		return switch (current) {
			case NEW -> TicketStatus.NEW;
			case OPEN, PENDING, SOLVED -> TicketStatus.OPEN;
		};
	}

	/**
	 * The status after the requester says "this is solved".
	 */
	public static TicketStatus afterRequesterSolves(TicketStatus current) {
		if (current == TicketStatus.SOLVED) {
			throw new TransitionNotAllowedException("ticket.transition.alreadySolved");
		}
		return TicketStatus.SOLVED;
	}

	/**
	 * The status after staff change it without replying.
	 * @param staffHaveReplied whether staff have ever replied publicly on this ticket
	 */
	public static TicketStatus afterStaffChange(TicketStatus current, TicketStatus target, boolean staffHaveReplied) {
		if (target == null || target == current) {
			return current;
		}
		if (target == TicketStatus.NEW) {
			throw new TransitionNotAllowedException("ticket.transition.backToNew");
		}
		if ((target == TicketStatus.PENDING || target == TicketStatus.SOLVED) && !staffHaveReplied) {
			throw new TransitionNotAllowedException("ticket.transition.replyFirst", target);
		}
		return target;
	}

	/**
	 * Whether a PENDING ticket quiet since {@code pendingSince} is due its reminder.
	 */
	public static boolean reminderDue(TicketStatus status, Instant pendingSince, Instant reminderSentAt,
			Duration reminderAfter, Instant now) {
		return status == TicketStatus.PENDING && pendingSince != null && reminderSentAt == null
				&& !pendingSince.plus(reminderAfter).isAfter(now);
	}

	/**
	 * Whether a PENDING ticket quiet since {@code pendingSince} is to be solved
	 * automatically.
	 */
	public static boolean autoSolveDue(TicketStatus status, Instant pendingSince, Duration autoSolveAfter,
			Instant now) {
		return status == TicketStatus.PENDING && pendingSince != null
				&& !pendingSince.plus(autoSolveAfter).isAfter(now);
	}

}
