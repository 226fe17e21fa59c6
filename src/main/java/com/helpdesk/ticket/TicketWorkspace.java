package com.helpdesk.ticket;

import com.helpdesk.directory.Person;

import org.springframework.ui.Model;

/**
 * The agent's ticket page, for a panel's form that failed: the page is shown again with
 * that panel as given (what was typed, and the problems), the rest as it is now.
 */
public interface TicketWorkspace {

	/**
	 * Fills the model of the ticket page and answers its view name.
	 */
	String page(Person viewer, long ticketId, Model model, TicketPagePanel.Shown failed);

}
