package com.helpdesk.ticket;

import java.time.ZoneId;

/**
 * What a requester is told when their request has been received: when to expect the first
 * reply, and whether someone on call has been paged. Implemented by the module that knows
 * the service levels and who is on call, so the ticket module needs to know nothing of
 * them.
 */
public interface RequestReceipt {

	/**
	 * A sentence or two for the requester, with times in {@code zone}.
	 */
	String text(long ticketId, ZoneId zone);

}
