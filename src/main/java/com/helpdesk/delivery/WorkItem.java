package com.helpdesk.delivery;

import com.helpdesk.ticket.TicketBrief;

/**
 * A delivery request with its ticket's headline and its manager's name, for lists.
 */
public record WorkItem(DeliveryRequest request, TicketBrief ticket, String managerName) {

}
