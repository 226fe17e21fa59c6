package com.helpdesk.ticket;

import com.helpdesk.shared.Priority;

/**
 * A request being raised.
 *
 * @param requesterEmail who it is for, when staff raise it on someone's behalf; ignored
 * when a requester raises their own
 * @param priority {@code null} for NORMAL
 */
public record NewTicket(RequestType type, String subject, String description, String alreadyTried, Priority priority,
		RequestDetails details, String requesterEmail) {
}
