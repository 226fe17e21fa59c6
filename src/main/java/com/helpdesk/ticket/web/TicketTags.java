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
	 * New is yellow (to acknowledge), open red (waiting on us), pending blue (waiting on
	 * the requester), solved grey.
	 */
	public String status(TicketStatus status) {
		return switch (status) {
			case NEW -> "govuk-tag govuk-tag--yellow";
			case OPEN -> "govuk-tag govuk-tag--red";
			case PENDING -> "govuk-tag govuk-tag--blue";
			case SOLVED -> "govuk-tag govuk-tag--grey";
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

	public String priority(Priority priority) {
		return switch (priority) {
			case CRITICAL -> "govuk-tag govuk-tag--red";
			case HIGH -> "govuk-tag govuk-tag--orange";
			case NORMAL, LOW -> "govuk-tag govuk-tag--grey";
		};
	}

}
