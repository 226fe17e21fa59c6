package com.helpdesk.rota;

/**
 * Someone was paged for a critical ticket out of hours: the on-call engineer
 * ({@code level} 0), then the secondary (1), then the managers (2).
 */
public record OnCallPaged(long pageId, long ticketId, long personId, int level) {

}
