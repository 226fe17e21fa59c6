package com.helpdesk.ticket;

import java.util.List;

/**
 * One submit of the agent's ticket page: changes to the ticket's properties, a message,
 * and the status chosen with the button pressed. Saved together under one version check,
 * as one change on the timeline, or not at all.
 *
 * @param properties what the agent changed among the ticket's properties ({@code null}
 * fields are left as they are)
 * @param message a public reply or an internal note, or {@code null}
 * @param sendAs the status of the "Send and …" button pressed, which needs a message;
 * {@code null} for "Save", which takes the status from {@code properties}
 */
public record TicketUpdate(TriageChange properties, Message message, TicketStatus sendAs) {

	/**
	 * A message written with the update.
	 *
	 * @param internal an internal note, seen by staff only, instead of a public reply
	 */
	public record Message(String body, boolean internal, List<NewAttachment> attachments) {

		boolean isEmpty() {
			return (this.body == null || this.body.isBlank()) && (this.attachments == null
					|| this.attachments.stream().allMatch((f) -> f == null || f.content().length == 0));
		}

	}

	/**
	 * What one update did, for the page to say so.
	 *
	 * @param message whether a reply or note was saved
	 * @param internal whether that message was an internal note
	 * @param propertiesChanged whether any property (status aside) changed
	 * @param commentId the reply or note saved, or {@code null}
	 */
	public record Outcome(boolean message, boolean internal, boolean propertiesChanged, TicketStatus before,
			TicketStatus status, Long commentId) {

		public boolean statusChanged() {
			return this.before != this.status;
		}

		public boolean nothingChanged() {
			return !this.message && !this.propertiesChanged && !statusChanged();
		}

	}

}
