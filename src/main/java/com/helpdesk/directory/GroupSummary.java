package com.helpdesk.directory;

import java.util.List;

/**
 * A group of staff tickets can be routed to ("Tier 1", "Platform experts").
 */
public record GroupSummary(long id, String name, String description, boolean defaultIntake, List<Long> memberIds,
		long version) {
}
