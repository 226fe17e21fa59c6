package com.helpdesk.review.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.review.FollowUp;
import com.helpdesk.review.FollowUps;
import com.helpdesk.ticket.TicketPagePanel;
import com.helpdesk.ticket.TicketView;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The ticket's follow-up on the agent's ticket page: the next action and when, with a
 * form to set, change or close it.
 */
@Component
@Order(20)
class FollowUpTicketPanel implements TicketPagePanel {

	static final String NAME = "follow-up";

	private final FollowUps followUps;

	private final Directory directory;

	FollowUpTicketPanel(FollowUps followUps, Directory directory) {
		this.followUps = followUps;
		this.directory = directory;
	}

	/**
	 * What the panel shows.
	 *
	 * @param ticketId the ticket
	 * @param errors the form's problems, field to message
	 * @param standalone shown as a page of its own rather than beside the ticket
	 */
	record Model(long ticketId, FollowUp followUp, FollowUpForm form, Map<String, String> errors, LocalDate today,
			List<Specialist> specialists, boolean standalone) {
	}

	@Override
	public List<Shown> show(Person viewer, TicketView ticket) {
		return List.of(new Shown(NAME, Place.SIDE, 20, "reviews/follow-up", "panel",
				model(ticket.id(), null, Map.of(), false)));
	}

	/**
	 * The panel with what was typed and its problems; in the page's error summary each
	 * links to its field.
	 */
	Shown failed(long ticketId, FollowUpForm typed, Map<String, String> errors) {
		Map<String, String> links = new LinkedHashMap<>();
		errors.forEach((field, message) -> links.put("followUp-" + field, message));
		return new Shown(NAME, Place.SIDE, 20, "reviews/follow-up", "panel", model(ticketId, typed, errors, false),
				links);
	}

	Model model(long ticketId, FollowUpForm typed, Map<String, String> errors, boolean standalone) {
		FollowUp open = this.followUps.open(ticketId).orElse(null);
		return new Model(ticketId, open, (typed != null) ? typed : FollowUpForm.of(open), errors,
				this.followUps.today(), Specialist.all(this.directory), standalone);
	}

}
