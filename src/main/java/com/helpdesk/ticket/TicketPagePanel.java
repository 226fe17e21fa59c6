package com.helpdesk.ticket;

import java.util.List;
import java.util.Map;

import com.helpdesk.directory.Person;

/**
 * A panel another module adds to the agent's ticket page (in-depth work, follow-up, who
 * is on call and who was paged). Panels are rendered with the page rather than loaded
 * after it, so nothing moves once the page is shown and a panel's errors appear on the
 * ticket page itself.
 */
public interface TicketPagePanel {

	/**
	 * The panels this module shows to this person on this ticket; none to show nothing.
	 */
	List<Shown> show(Person viewer, TicketView ticket);

	/**
	 * Where on the page a panel goes.
	 */
	enum Place {

		/** Above the ticket's work, for something asking for action now ("I'm on it"). */
		TOP,

		/** Beside the conversation, after the ticket's details. */
		SIDE

	}

	/**
	 * One panel, rendered as {@code ~{template :: fragment(model)}}.
	 *
	 * @param name the panel's name, unique on the page: a failed form replaces the panel
	 * of the same name
	 * @param errors problems with the panel's form, as the id of the field (the link
	 * target in the page's error summary) to its message, in order
	 */
	record Shown(String name, Place place, int order, String template, String fragment, Object model,
			Map<String, String> errors) {

		public Shown(String name, Place place, int order, String template, String fragment, Object model) {
			this(name, place, order, template, fragment, model, Map.of());
		}

		public boolean failed() {
			return !this.errors.isEmpty();
		}

	}

}
