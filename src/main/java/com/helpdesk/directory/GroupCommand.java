package com.helpdesk.directory;

import java.util.Set;

/**
 * Create or change a group of staff.
 */
public record GroupCommand(String name, String description, boolean defaultIntake, Set<Long> memberIds) {
}
