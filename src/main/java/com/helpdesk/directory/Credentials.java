package com.helpdesk.directory;

/**
 * What signing in needs: the person and their hashed password.
 */
public record Credentials(Person person, String passwordHash, boolean enabled) {
}
