package com.helpdesk.ticket.web;

/**
 * A queue row as shown: {@code meta} is the line under the subject (number, type and
 * group), {@code due} the SLA tag or null, {@code at} the time in the last column
 * ({@code iso} for its datetime attribute, {@code full} for its title).
 */
public record QueueLine(long id, String subject, String meta, String requester, String client, String status,
		String statusTag, String priority, String priorityTag, Due due, String assignee, String iso, String at,
		String full) {

	public record Due(String label, String tag, String title) {
	}

}
