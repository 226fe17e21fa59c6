package com.helpdesk.ticket;

/**
 * Someone staff raise a ticket for who has no account yet (they phoned, or wrote in
 * chat), added as a requester of their client with the ticket.
 */
public record NewRequester(String name, String email, Long clientId) {
}
