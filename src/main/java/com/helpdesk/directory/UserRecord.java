package com.helpdesk.directory;

import java.util.List;

/**
 * Everything about a person an administrator edits.
 */
public record UserRecord(long id, String email, String name, Role role, Long clientId, String timeZone, boolean enabled,
		long version, List<Long> groupIds) {
}
