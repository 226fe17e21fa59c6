package com.helpdesk.ticket.web;

import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.TicketStatus;

import org.springframework.stereotype.Component;

/**
 * The colour of a ticket's status and priority tags, written once for the queue's rows
 * ({@link QueueLines}) and the tag fragments of {@code fragments/tickets.html}, which
 * call it as {@code @tags}.
 */
@Component("tags")
public class TicketTags {

	/**
	 * Statuses are calm colours (new blue, open turquoise, pending pink, solved green),
	 * so red is left to a critical priority and nothing reads as a breach but a breach.
	 */
	public String status(TicketStatus status) {
		return switch (status) {
			case NEW -> "govuk-tag govuk-tag--blue";
			case OPEN -> "govuk-tag govuk-tag--turquoise";
			case PENDING -> "govuk-tag govuk-tag--pink";
			case SOLVED -> "govuk-tag govuk-tag--green";
		};
	}

	/**
	 * What the requester sees: waiting on them is orange, solved grey, anything with us
	 * blue.
	 */
	public String requesterStatus(TicketStatus status) {
		return switch (status) {
			case PENDING -> "govuk-tag govuk-tag--orange";
			case SOLVED -> "govuk-tag govuk-tag--grey";
			case NEW, OPEN -> "govuk-tag govuk-tag--blue";
		};
	}

	/**
	 * Critical is the one red tag on a row, high orange, the rest grey.
	 */
	public String priority(Priority priority) {
		return switch (priority) {
			case CRITICAL -> "govuk-tag govuk-tag--red";
			case HIGH -> "govuk-tag govuk-tag--orange";
			case NORMAL, LOW -> "govuk-tag govuk-tag--grey";
		};
	}

	/**
	 * A breach: white on black, unlike any status or priority, and always with the word
	 * "late" or "Breached".
	 */
	public String breached() {
		return "govuk-tag app-tag--breached";
	}

	/** A clock with less than its plan's at-risk share left: yellow, and says so. */
	public String atRisk() {
		return "govuk-tag govuk-tag--yellow";
	}

	/** A clock running in good time. */
	public String running() {
		return "govuk-tag govuk-tag--light-blue";
	}

}
