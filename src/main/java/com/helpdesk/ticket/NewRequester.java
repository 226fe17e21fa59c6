package com.helpdesk.ticket;

/**
 * Someone staff raise a ticket for who has no account yet (they phoned, or wrote in
 * chat), added as a requester of their client with the ticket; their email is the
 * request's requester email.
 */
public record NewRequester(String name, Long clientId) {
}
