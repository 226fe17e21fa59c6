package com.helpdesk.ticket;

/**
 * The ticket a request raised, and whether it was raised by an earlier request with the
 * same Idempotency-Key ({@code replayed}).
 */
public record RaisedTicket(long id, boolean replayed) {

}
