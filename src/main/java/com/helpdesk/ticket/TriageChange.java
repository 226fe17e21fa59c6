package com.helpdesk.ticket;

import com.helpdesk.shared.Priority;
import java.util.List;

/**
 * What staff change when they triage a ticket. A {@code null} field is left as it is;
 * {@code unassign} and {@code ungroup} clear assignee and group.
 *
 * @param reason why the ticket moves to another group (required when it does)
 */
public record TriageChange(RequestType type, Priority priority, List<String> tags, Long groupId, boolean ungroup,
		Long assigneeId, boolean unassign, TicketStatus status, String reason) {

	/** Changes nothing. */
	public static final TriageChange NONE = new TriageChange(null, null, null, null, false, null, false, null, null);

	public static TriageChange take(long assigneeId) {
		return new TriageChange(null, null, null, null, false, assigneeId, false, null, null);
	}

}
