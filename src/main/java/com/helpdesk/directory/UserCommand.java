package com.helpdesk.directory;

import java.util.Set;

/**
 * Create or change a person. A blank password on a change keeps the current one.
 */
public record UserCommand(String email, String name, Role role, Long clientId, String timeZone, String password,
		boolean enabled, Set<Long> groupIds) {
}
