package com.helpdesk.directory;

/**
 * A row of the admin's list of people.
 */
public record UserListing(long id, String email, String name, Role role, String clientName, boolean enabled) {
}
